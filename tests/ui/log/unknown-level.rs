use errstatus::HttpStatus;

// Both misspelled levels are reported, each on its literal.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(log = "warning")]
enum ApiError {
    #[error("gone")]
    #[status(410)]
    #[errstatus(log = "ERROR")]
    Gone,
    #[error("missing")]
    #[status(404)]
    Missing,
}

fn main() {}
