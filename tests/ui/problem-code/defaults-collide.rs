use errstatus::HttpStatus;

// `HTTPError` and `HttpError` are both `HTTP_ERROR`: the error is on the second name.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[allow(non_camel_case_types)]
enum ApiError {
    #[error("a")]
    #[status(502)]
    HTTPError,
    #[error("b")]
    #[status(502)]
    HttpError,
}

fn main() {}
