use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("not found")]
    #[status(404, acknowledge)]
    NotFound,
}

fn main() {}
