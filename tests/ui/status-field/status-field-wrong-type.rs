use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("upstream failed")]
    Upstream {
        #[status]
        status: u16,
    },
}

fn main() {}
