use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
enum ApiError {
    #[error("gone")]
    #[status(410)]
    #[problem(skip_decode, skip_decode)]
    Gone,
    #[error("no user {0}")]
    #[status(404)]
    NoUser(#[problem(skip_decode, skip_decode)] u64),
}

fn main() {}
