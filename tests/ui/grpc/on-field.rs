use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("missing {0}")]
#[status(404)]
struct Missing(#[grpc(NOT_FOUND)] u64);

fn main() {}
