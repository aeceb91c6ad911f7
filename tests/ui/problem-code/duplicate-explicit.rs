use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("no user")]
    #[status(404)]
    #[problem(code = "NOT_FOUND")]
    NoUser,
    #[error("no order")]
    #[status(404)]
    #[problem(type = "https://errors.example.com/order", code = "NOT_FOUND")]
    NoOrder,
}

fn main() {}
