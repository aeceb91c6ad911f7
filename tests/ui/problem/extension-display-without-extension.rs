use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("banned")]
#[status(403)]
struct Banned {
    #[problem(display)]
    ip: String,
}

fn main() {}
