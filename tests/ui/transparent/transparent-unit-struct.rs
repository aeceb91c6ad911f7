use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("nothing inside")]
#[status(transparent)]
pub struct Empty;

fn main() {}
