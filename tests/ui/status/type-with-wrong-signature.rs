use errstatus::HttpStatus;
use http::StatusCode;

// The type's `with` takes the whole value: `fn(&ApiError) -> StatusCode`.
fn by_id(_: &u32) -> StatusCode {
    StatusCode::NOT_FOUND
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(with = by_id)]
enum ApiError {
    #[error("no user {0}")]
    NoUser(u32),
}

fn main() {}
