use errstatus::HttpStatus;
use http::StatusCode;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("upstream failed")]
    Upstream {
        #[status]
        status: Option<StatusCode>,
    },
}

fn main() {}
