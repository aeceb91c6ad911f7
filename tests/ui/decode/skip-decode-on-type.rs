// `skip_decode` belongs on variants and fields.
use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
#[problem(skip_decode)]
enum ApiError {
    #[error("gone")]
    #[status(410)]
    Gone,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
#[problem(skip_decode)]
#[error("gone")]
#[status(410)]
struct Gone;

fn main() {}
