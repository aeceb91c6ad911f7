use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[problem(detail = "something went wrong")]
enum ApiError {
    #[error("not found")]
    #[status(404)]
    NotFound,
}

fn main() {}
