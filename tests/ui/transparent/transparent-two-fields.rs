use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(404)]
#[error("inner")]
pub struct Inner;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("{0} ({1})")]
    #[status(transparent)]
    Wrapped(Inner, u32),
}

fn main() {}
