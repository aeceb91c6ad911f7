// A field only the Display text carries cannot be decoded.
use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
enum ApiError {
    #[error("user {0} not found")]
    #[status(404)]
    UserNotFound(u64),
    #[error("email {email} taken")]
    #[status(409)]
    Duplicate { email: String },
}

fn main() {}
