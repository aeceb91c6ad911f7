use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("slow down")]
    #[status(429)]
    #[header(RETRY_AFTER)]
    RateLimited { retry_after: u64 },
}

fn main() {}
