use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("bad name {0}")]
#[status(400)]
#[problem(detail = "invalid name {0:Q}")]
struct BadName(String);

fn main() {}
