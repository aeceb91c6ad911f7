use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("missing")]
    #[status(404)]
    #[grpc(5)]
    Missing,
    #[error("odd")]
    #[status(400)]
    #[grpc(17)]
    Odd,
}

fn main() {}
