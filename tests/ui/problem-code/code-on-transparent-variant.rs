use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(404)]
#[error("inner")]
pub struct Inner;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error(transparent)]
    #[status(transparent)]
    #[problem(code = "WRAPPED")]
    Wrapped(Inner),
}

fn main() {}
