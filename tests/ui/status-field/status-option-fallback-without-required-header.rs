use errstatus::HttpStatus;
use http::StatusCode;

// The code for `None` is checked like any code written: a 401 needs `WWW-Authenticate`.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(405)]
enum ApiError {
    #[error("login required")]
    #[status(401)]
    Login(#[status] Option<StatusCode>),
    #[error("method not allowed")]
    Method {
        #[status]
        status: Option<StatusCode>,
    },
    #[error("acknowledged")]
    #[status(401, acknowledge)]
    Acknowledged(#[status] Option<StatusCode>),
}

fn main() {}
