use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("not found")]
#[status(404)]
struct NotFound;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("{kind}")]
struct AppError {
    #[status(transparent)]
    kind: NotFound,
    #[status(transparent)]
    other: NotFound,
}

fn main() {}
