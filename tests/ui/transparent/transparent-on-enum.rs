use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(404)]
#[error("inner")]
pub struct Inner;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(transparent)]
pub enum ApiError {
    #[error(transparent)]
    Wrapped(Inner),
}

fn main() {}
