use errstatus::HttpStatus;

// Only the typo is reported, not also "a 401 must carry WWW-Authenticate".
#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("login required")]
    #[status(401)]
    Unauthenticated {
        #[header(WWW_AUTHENTICAT)]
        challenge: String,
    },
}

fn main() {}
