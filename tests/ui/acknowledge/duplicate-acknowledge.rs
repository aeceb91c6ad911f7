use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("pay first")]
    #[status(402, acknowledge, acknowledge)]
    PaymentRequired,
}

fn main() {}
