use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("request failed")]
    #[status(200)]
    Fine,
}

fn main() {}
