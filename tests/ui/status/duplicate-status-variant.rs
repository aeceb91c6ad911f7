use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("not found")]
    #[status(404)]
    #[status(410)]
    Missing,
}

fn main() {}
