use errstatus::HttpStatus;

#[derive(Debug)]
struct Token(Vec<u8>);

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("banned")]
#[status(403)]
struct Banned {
    #[problem(extension, display)]
    token: Token,
}

fn main() {}
