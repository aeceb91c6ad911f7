use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("missing")]
    #[status(404)]
    #[grpc(NotFound)]
    Missing,
    #[error("stopped")]
    #[status(400)]
    #[grpc(CANCELED)]
    Stopped,
    #[error("typo")]
    #[status(400)]
    #[grpc(INVALID_ARGUMNT)]
    Typo,
    #[error("made up")]
    #[status(400)]
    #[grpc(BANANA)]
    MadeUp,
}

fn main() {}
