use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("slow down")]
    #[status(429)]
    RateLimited {
        #[header("x request")]
        value: String,
    },
}

fn main() {}
