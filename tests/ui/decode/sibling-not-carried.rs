// Beside a transparent field, a sibling comes back only through its own header field or member.
use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
#[error("gone")]
#[status(410)]
struct Gone;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
#[error("{inner} ({cause})")]
struct AppError {
    #[status(transparent)]
    inner: Gone,
    cause: String,
    #[header("x-request-id")]
    request_id: String,
}

fn main() {}
