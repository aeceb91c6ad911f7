use errstatus::HttpStatus;
use http::StatusCode;

fn db_status(_: &String) -> StatusCode {
    StatusCode::NOT_FOUND
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("database: {0}")]
    #[status(with = db_status)]
    Db(String, u32),
}

fn main() {}
