use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[problem(code = "API_ERROR")]
enum ApiError {
    #[error("no user")]
    #[status(404)]
    NoUser,
}

fn main() {}
