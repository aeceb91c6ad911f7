// A generic type is not decoded.
use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
enum ApiError<E: std::error::Error + HttpStatus + 'static> {
    #[error(transparent)]
    #[status(transparent)]
    Inner(E),
}

fn main() {}
