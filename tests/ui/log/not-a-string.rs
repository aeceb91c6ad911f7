use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(log = warn)]
#[error("gone")]
#[status(410)]
struct Gone;

fn main() {}
