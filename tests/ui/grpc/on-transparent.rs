use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(404)]
#[error("inner")]
pub struct Inner;

// The type's `#[grpc]` is for its own variants: no error on the transparent one.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[grpc(INTERNAL)]
enum ApiError {
    #[error(transparent)]
    #[status(transparent)]
    #[grpc(NOT_FOUND)]
    Wrapped(Inner),
    #[error(transparent)]
    #[status(transparent)]
    Fine(Inner),
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error(transparent)]
#[status(transparent)]
#[grpc(NOT_FOUND)]
struct Wrapper(Inner);

fn main() {}
