//! The warnings for 402, 407, 425 and 511 are real compiler warnings at the code's span, and
//! `acknowledge` silences them. trybuild `pass` cases cannot see warnings, so this builds the
//! fixture crate in tests/fixtures/warnings with cargo and reads its JSON diagnostics.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

#[test]
fn questionable_codes_warn_at_the_code_unless_acknowledged() {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixture = manifest_dir.join("fixtures/warnings");
    let target = manifest_dir.join("../target/tests/warnings");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(["build", "--quiet", "--message-format=json"])
        .current_dir(&fixture)
        .env("CARGO_TARGET_DIR", &target)
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    assert!(output.status.success(), "fixture build failed:\n{}", String::from_utf8_lossy(&output.stderr));

    let source = std::fs::read_to_string(fixture.join("src/lib.rs")).unwrap();
    let mut warnings: Vec<(usize, String)> = Vec::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(msg) = serde_json::from_str::<Value>(line) else { continue };
        if msg["reason"] != "compiler-message" || msg["target"]["name"] != "errstatus_warnings_fixture" {
            continue;
        }
        let diag = &msg["message"];
        if diag["level"] != "warning" {
            continue;
        }
        let span = diag["spans"].as_array().and_then(|s| s.iter().find(|s| s["is_primary"] == true));
        let line = span.and_then(|s| s["line_start"].as_u64()).unwrap_or(0) as usize;
        warnings.push((line, diag["message"].as_str().unwrap_or("").to_owned()));
    }

    // One warning per `// WARN <code>` line, on that line, citing the RFC.
    let expected: Vec<(usize, &str)> = source
        .lines()
        .enumerate()
        .filter_map(|(i, l)| l.split("// WARN ").nth(1).map(|code| (i + 1, code.trim())))
        .collect();
    assert_eq!(expected.len(), 4);
    for (line, code) in &expected {
        let found = warnings.iter().find(|(l, _)| l == line);
        let (_, message) = found.unwrap_or_else(|| panic!("no warning on line {line} ({code}): {warnings:#?}"));
        assert!(message.contains(code), "{message}");
        assert!(message.contains("RFC"), "{message}");
        assert!(message.contains("acknowledge"), "{message}");
    }
    let rfc = |code: &str| warnings.iter().any(|(_, m)| m.contains(code));
    assert!(rfc("RFC 9110 §15.5.3") && rfc("RFC 9110 §15.5.8") && rfc("RFC 8470 §5.2") && rfc("RFC 6585 §6"));
    // Nothing else: the acknowledged enum is silent.
    assert_eq!(warnings.len(), 4, "{warnings:#?}");
}
