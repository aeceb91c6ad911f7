use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("{reason}")]
    #[status(407, acknowledge)]
    ProxyAuthRequired { reason: String },
}

fn main() {}
