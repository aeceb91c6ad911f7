use errstatus::HttpStatus;

// `Missing` takes the base: https://errors.example.com/missing, the URI `Gone` writes second.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[problem(type = "https://errors.example.com/")]
enum ApiError {
    #[error("missing")]
    #[status(404)]
    Missing,
    #[error("gone")]
    #[status(410)]
    #[problem(type = "https://errors.example.com/missing")]
    Gone,
}

fn main() {}
