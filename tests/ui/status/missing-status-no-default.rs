use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("not found")]
    #[status(404)]
    NotFound,
    #[error("database unavailable")]
    Db,
}

fn main() {}
