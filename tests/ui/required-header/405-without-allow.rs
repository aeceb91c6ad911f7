use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("{reason}")]
    #[status(405)]
    MethodNotAllowed { reason: String },
}

fn main() {}
