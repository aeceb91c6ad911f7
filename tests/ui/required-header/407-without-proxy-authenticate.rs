use errstatus::HttpStatus;

// `acknowledge` would silence both the warning and this error: see api.md.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("{reason}")]
    #[status(407)]
    ProxyAuthRequired { reason: String },
}

fn main() {}
