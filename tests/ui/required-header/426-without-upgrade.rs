use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("{reason}")]
    #[status(426)]
    UpgradeRequired { reason: String },
}

fn main() {}
