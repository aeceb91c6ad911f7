use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("not found")]
#[status(404)]
struct NotFound;

// The inner error's response is used as it is: `expose` could never apply.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("{kind}")]
#[status(expose)]
struct AppError {
    #[status(transparent)]
    kind: NotFound,
    cause: Option<String>,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("{kind}")]
    #[status(expose = false)]
    App {
        #[status(transparent)]
        kind: NotFound,
        cause: Option<String>,
    },
}

fn main() {}
