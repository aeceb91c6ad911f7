use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("not found")]
#[status(404)]
struct NotFound;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error(transparent)]
    #[status(transparent)]
    #[problem(detail = "wrapped")]
    Inner(NotFound),
}

fn main() {}
