use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ApiError {
    #[error("user {id} not found")]
    #[status(404)]
    UserNotFound {
        #[status(404)]
        id: u64,
    },
}

fn main() {}
