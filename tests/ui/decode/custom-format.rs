// Only problem+json bodies are decoded.
use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus, serde::Serialize)]
#[errstatus(decode, format = errstatus::SerdeJson)]
enum ApiError {
    #[error("gone")]
    #[status(410)]
    Gone,
}

fn main() {}
