use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("not found")]
    #[status(StatusCode::NOT_FOUND<u8>)]
    NotFound,
}

fn main() {}
