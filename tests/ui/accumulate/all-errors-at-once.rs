use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("no response")]
    #[status(444)]
    NoResponse,
    #[error("I'm a teapot")]
    #[status(418)]
    Teapot,
    #[error("not found")]
    #[status(NOT_FOUN)]
    Missing,
}

fn main() {}
