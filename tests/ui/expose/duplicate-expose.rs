use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("database unavailable")]
    #[status(503, expose, expose)]
    Db,
}

fn main() {}
