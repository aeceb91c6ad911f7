// `skip_decode` on a type that is not decoded has no effect.
use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("user {0} not found")]
    #[status(404)]
    UserNotFound(#[problem(skip_decode)] u64),
    #[error("database down")]
    #[status(503)]
    #[problem(skip_decode)]
    Database,
}

fn main() {}
