use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("not found")]
    #[status(NOT_FOUN)]
    Missing,
}

fn main() {}
