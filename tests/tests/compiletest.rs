//! UI tests: every compile error of `#[derive(HttpStatus)]` and `status!`, with its message
//! and span, as trybuild snapshots in `tests/ui/*.rs` + `.stderr`.
//!
//! The suite runs on whatever toolchain runs the tests; CI uses the machine's rustup stable.
//! The snapshots hold rustc's exact output, so a new rustc that words or places a diagnostic
//! differently fails the suite: regenerate the snapshots with
//! `TRYBUILD=overwrite cargo test -p errstatus-tests --test compiletest` and review the diff
//! (`git diff tests/ui`) before committing it.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*.rs");
}
