use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("no user")]
    #[status(404)]
    #[problem(type = "https://errors.example.com/not-found")]
    NoUser {
        #[problem(extension)]
        user_id: u64,
    },
    #[error("no order")]
    #[status(404)]
    #[problem(type = "https://errors.example.com/not-found")]
    NoOrder {
        #[problem(extension)]
        order_id: u64,
    },
}

fn main() {}
