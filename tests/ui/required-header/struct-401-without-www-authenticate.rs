use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("login required")]
#[status(401)]
struct Unauthenticated;

fn main() {}
