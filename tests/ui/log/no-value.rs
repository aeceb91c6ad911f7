use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("gone")]
    #[status(410)]
    #[errstatus(log)]
    Gone,
}

fn main() {}
