use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("no response")]
    #[status(444)]
    NoResponse,
    #[error("not found")]
    #[status(404)]
    Missing,
}

fn status_of(err: &ApiError) -> http::StatusCode {
    err.status()
}

fn main() {
    let err = ApiError::Missing;
    let _ = status_of(&err);
    let _ = http::StatusCode::from(&err);
    let _response: http::Response<String> = err.into();
}
