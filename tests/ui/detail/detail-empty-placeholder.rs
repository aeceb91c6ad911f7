use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("bad name {0}")]
#[status(400)]
#[problem(detail = "invalid name {}")]
struct BadName(String);

fn main() {}
