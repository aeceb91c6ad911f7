use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("inner")]
    #[status(transparent)]
    Inner,
}

fn main() {}
