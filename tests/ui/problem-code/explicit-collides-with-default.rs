use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("taken")]
    #[status(409)]
    Taken,
    #[error("in use")]
    #[status(409)]
    #[problem(code = "TAKEN")]
    InUse,
}

fn main() {}
