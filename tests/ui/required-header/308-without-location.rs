use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("{reason}")]
    #[status(308)]
    PermanentRedirect { reason: String },
}

fn main() {}
