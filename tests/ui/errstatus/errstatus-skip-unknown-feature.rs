use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(skip(axum, warp))]
#[error("gone")]
#[status(410)]
struct Gone;

fn main() {}
