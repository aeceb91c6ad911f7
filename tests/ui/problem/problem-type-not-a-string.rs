use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[problem(type = 5)]
enum ApiError {
    #[error("not found")]
    #[status(404)]
    NotFound,
}

fn main() {}
