use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("gone {0}")]
    #[status(410)]
    Gone(#[errstatus(log = "warn")] u64),
}

fn main() {}
