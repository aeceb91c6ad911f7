//! Stand-in for errstatus's lib.rs in `benches/bound/run.py`, over `stubs/core.rs` and
//! `stubs/macros.rs`. Not part of any build of the workspace.
pub use errstatus_core::*;
pub use errstatus_macros::HttpStatus;
