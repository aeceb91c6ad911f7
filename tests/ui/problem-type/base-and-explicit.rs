use errstatus::HttpStatus;

// `Missing` takes the base: https://errors.example.com/missing, the URI `NoUser` writes.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[problem(type = "https://errors.example.com/")]
enum ApiError {
    #[error("no user")]
    #[status(404)]
    #[problem(type = "https://errors.example.com/missing")]
    NoUser,
    #[error("missing")]
    #[status(410)]
    Missing,
}

fn main() {}
