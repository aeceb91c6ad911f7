// A `skip_decode` field is decoded as its `Default`: it must have one.
use errstatus::HttpStatus;

#[derive(Debug)]
struct Cause;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
enum ApiError {
    #[error("database error")]
    #[status(500)]
    Database {
        #[problem(skip_decode)]
        cause: Cause,
    },
}

fn main() {}
