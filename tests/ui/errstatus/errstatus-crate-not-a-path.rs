use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(crate = "not a path")]
#[error("gone")]
#[status(410)]
struct Gone;

fn main() {}
