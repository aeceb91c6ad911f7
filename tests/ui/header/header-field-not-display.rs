use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("slow down")]
    #[status(429)]
    RateLimited {
        #[header(RETRY_AFTER)]
        retry_after: Vec<u8>,
    },
}

fn main() {}
