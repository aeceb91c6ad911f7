use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("I'm a teapot")]
    #[status(418)]
    Teapot,
}

fn main() {}
