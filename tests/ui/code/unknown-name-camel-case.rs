use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("not found")]
    #[status(NotFound)]
    Missing,
}

fn main() {}
