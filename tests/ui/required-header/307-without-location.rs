use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("{reason}")]
    #[status(307)]
    TemporaryRedirect { reason: String },
}

fn main() {}
