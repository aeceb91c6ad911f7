use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("{reason}")]
    #[status(302)]
    Found { reason: String },
}

fn main() {}
