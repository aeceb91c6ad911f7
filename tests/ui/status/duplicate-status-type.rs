use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("not found")]
#[status(404)]
#[status(410)]
pub struct Missing;

fn main() {}
