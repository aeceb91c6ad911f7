use errstatus::HttpStatus;
use http::StatusCode;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("upstream failed")]
    Upstream {
        #[status]
        first: StatusCode,
        #[status]
        second: StatusCode,
    },
}

fn main() {}
