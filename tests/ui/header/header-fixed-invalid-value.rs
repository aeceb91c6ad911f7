use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("login required")]
    #[status(401)]
    #[header(WWW_AUTHENTICATE = "Bearer\r\nSet-Cookie: x=1")]
    Unauthenticated,
}

fn main() {}
