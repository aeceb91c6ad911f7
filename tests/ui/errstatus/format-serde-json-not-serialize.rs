use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(format = errstatus::SerdeJson)]
enum ApiError {
    #[error("not found")]
    #[status(404)]
    NotFound,
}

fn main() {}
