use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("exists")]
    #[status(409)]
    #[grpc(ALREADY_EXISTS)]
    #[grpc(ABORTED)]
    Exists,
    #[error("two codes")]
    #[status(409)]
    #[grpc(ALREADY_EXISTS, ABORTED)]
    Two,
    #[error("none")]
    #[status(409)]
    #[grpc()]
    Empty,
}

fn main() {}
