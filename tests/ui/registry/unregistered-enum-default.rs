use errstatus::HttpStatus;

// One error at the default, not one more per variant that inherits it.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(444)]
pub enum ApiError {
    #[error("dropped")]
    Dropped,
    #[error("closed")]
    Closed,
}

fn main() {}
