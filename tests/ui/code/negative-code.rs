use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("negative")]
    #[status(-404)]
    Negative,
}

fn main() {}
