use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("no user")]
    #[status(404)]
    #[problem(type = "https://errors.example.com/not-found")]
    NoUser,
    #[error("user gone")]
    #[status(410)]
    #[problem(type = "https://errors.example.com/not-found")]
    UserGone,
}

fn main() {}
