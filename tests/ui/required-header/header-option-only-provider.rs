use errstatus::HttpStatus;

// An Option field may be None: it cannot be the only provider of a required header field.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("login required")]
    #[status(401)]
    Unauthenticated {
        #[header(WWW_AUTHENTICATE)]
        challenge: Option<String>,
    },
}

fn main() {}
