//! The compile errors of a field type that lacks a trait the expansion needs say, in the user's
//! terms, what the field must implement (`#[diagnostic::on_unimplemented]` on the traits the
//! expansion names). The messages themselves are UI snapshots (`tests/ui/<rule>/*.stderr`, run by
//! `compiletest.rs`); this checks that none of them shows a path into errstatus' private
//! module or its internals.

#[test]
fn no_private_paths_in_the_ui_snapshots() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
    let mut seen = 0;
    // The cases are in one folder per rule: ui/<rule>/<case>.stderr.
    let folders = std::fs::read_dir(dir).unwrap().map(|entry| entry.unwrap().path()).filter(|p| p.is_dir());
    for path in folders.flat_map(|folder| std::fs::read_dir(folder).unwrap().map(|entry| entry.unwrap().path())) {
        if path.extension().is_some_and(|e| e == "stderr") {
            let text = std::fs::read_to_string(&path).unwrap();
            for private in ["__private", "serde_core", "Problem::", "core/src/response.rs", "errstatus_core"] {
                assert!(!text.contains(private), "{} names `{private}`:\n{text}", path.display());
            }
            seen += 1;
        }
    }
    // The three trait errors among them.
    for case in [
        "problem/extension-not-serialize",
        "header/header-field-not-display",
        "transparent/transparent-field-not-http-status",
    ] {
        let text =
            std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("ui/{case}.stderr")))
                .unwrap();
        assert!(text.contains("must implement") || text.contains("does not implement `HttpStatus`"), "{case}:\n{text}");
    }
    assert!(seen > 100, "{seen} snapshots");
}
