use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[grpc("NOT_FOUND")]
#[error("missing")]
#[status(404)]
struct Missing;

fn main() {}
