use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("request failed")]
    #[status(StatusCode::CREATED)]
    Created,
}

fn main() {}
