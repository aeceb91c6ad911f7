use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("done")]
    #[status(409)]
    #[grpc(OK)]
    Done,
}

fn main() {}
