use errstatus::HttpStatus;

// A `StatusCode` is not an error that implements HttpStatus: the message points to the
// run-time status field.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("upstream answered {0}")]
    #[status(transparent)]
    Upstream(http::StatusCode),
}

fn main() {}
