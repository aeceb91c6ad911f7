use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("request failed")]
    #[status(599)]
    NetworkTimeout,
}

fn main() {}
