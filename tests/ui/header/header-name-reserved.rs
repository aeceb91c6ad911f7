use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("slow down")]
    #[status(429)]
    RateLimited {
        #[header(CONTENT_TYPE)]
        content_type: String,
    },
}

fn main() {}
