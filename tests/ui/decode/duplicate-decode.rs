use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(decode, decode)]
#[error("gone")]
#[status(410)]
struct Gone;

fn main() {}
