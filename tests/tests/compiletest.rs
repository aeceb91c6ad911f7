//! UI tests: every compile error of `#[derive(HttpStatus)]` and `status!`, with its message
//! and span, as trybuild snapshots in `tests/ui/*.rs` + `.stderr`.
//!
//! The snapshots depend on the exact rustc output, so the test runs only on the toolchain they
//! were made with (rustc 1.95) and is skipped, with a note, on any other version. Snapshots are
//! regenerated with `TRYBUILD=overwrite cargo test -p errstatus-tests --test compiletest`.

use std::process::Command;

/// The rustc minor version the `.stderr` snapshots were generated with.
const SNAPSHOT_RUSTC: &str = "rustc 1.95.";

fn rustc_version() -> Option<String> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let output = Command::new(rustc).arg("--version").output().ok()?;
    if !output.status.success() {
        return None;
    }
    String::from_utf8(output.stdout).ok()
}

#[test]
fn ui() {
    match rustc_version() {
        Some(version) if version.starts_with(SNAPSHOT_RUSTC) => {}
        other => {
            let version = other.as_deref().map_or("unknown rustc", str::trim);
            println!("compiletest skipped: snapshots are for {SNAPSHOT_RUSTC}x, this is {version}");
            return;
        }
    }
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*.rs");
}
