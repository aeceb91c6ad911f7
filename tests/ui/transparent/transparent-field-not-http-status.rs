use errstatus::HttpStatus;

// The missing trait is reported on the field's type.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error(transparent)]
    #[status(transparent)]
    Io(std::io::Error),
}

fn main() {}
