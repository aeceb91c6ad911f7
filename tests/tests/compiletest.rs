//! UI tests: every compile error of `#[derive(HttpStatus)]` and `status!`, with its message
//! and span, as trybuild snapshots in `tests/ui/<rule>/*.rs` + `.stderr`: one folder per
//! attribute or rule (`status/`, `code/`, `registry/`, `required-header/`, `transparent/`,
//! `header/`, `problem/`, ...), so every case of one rule is found together.
//!
//! The suite runs on whatever toolchain runs the tests; CI uses the machine's rustup stable.
//! The snapshots hold rustc's exact output, so a new rustc that words or places a diagnostic
//! differently fails the suite: regenerate the snapshots with
//! `TRYBUILD=overwrite cargo test -p errstatus-tests --test compiletest` and review the diff
//! (`git diff tests/ui`) before committing it.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*/*.rs");
}
