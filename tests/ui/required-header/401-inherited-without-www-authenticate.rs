use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(401)]
pub enum AuthError {
    #[error("login required")]
    #[status(401)]
    LoginRequired {
        #[header(WWW_AUTHENTICATE)]
        challenge: String,
    },
    #[error("session expired")]
    SessionExpired,
}

fn main() {}
