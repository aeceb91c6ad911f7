use errstatus::HttpStatus;
use http::StatusCode;

// A `StatusCode` field decides: the struct's code could never apply.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("upstream failed")]
#[status(502)]
struct Upstream {
    #[status]
    status: StatusCode,
}

fn main() {}
