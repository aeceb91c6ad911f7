use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("not found")]
#[status(404)]
struct NotFound;

// The field decides the status: the struct's code could never apply.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("{kind}")]
#[status(500)]
struct AppError {
    #[status(transparent)]
    kind: NotFound,
    cause: Option<String>,
}

fn main() {}
