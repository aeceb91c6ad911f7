use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("suffixed")]
    #[status(404u16)]
    Suffixed,
}

fn main() {}
