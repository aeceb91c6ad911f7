use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("request failed")]
    #[status(305)]
    UseProxy,
}

fn main() {}
