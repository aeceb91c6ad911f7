use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("no user")]
    #[status(404)]
    #[problem(code = "")]
    NoUser,
}

fn main() {}
