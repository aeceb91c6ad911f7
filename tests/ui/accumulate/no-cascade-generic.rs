use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError<T: std::fmt::Debug> {
    #[error("no response: {0:?}")]
    #[status(444)]
    NoResponse(T),
}

fn main() {
    let err: ApiError<u8> = ApiError::NoResponse(1);
    let _ = err.status();
    let _response: http::Response<String> = err.into();
}
