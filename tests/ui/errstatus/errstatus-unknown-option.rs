use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(krate = "errstatus")]
#[error("gone")]
#[status(410)]
struct Gone;

fn main() {}
