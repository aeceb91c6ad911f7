// A header field is read back with `FromStr`.
use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
enum AuthError {
    #[error("missing token")]
    #[status(401)]
    MissingToken {
        #[header(WWW_AUTHENTICATE)]
        challenge: &'static str,
    },
}

fn main() {}
