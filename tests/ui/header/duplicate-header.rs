use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("slow down")]
    #[status(429)]
    RateLimited {
        #[header(RETRY_AFTER)]
        #[header("x-retry-after")]
        retry_after: u64,
    },
}

fn main() {}
