// A transparent variant decodes through its inner type, which needs `decode` too.
use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("token expired")]
#[status(403)]
struct AuthError;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
enum ApiError {
    #[error(transparent)]
    #[status(transparent)]
    Auth(AuthError),
}

fn main() {}
