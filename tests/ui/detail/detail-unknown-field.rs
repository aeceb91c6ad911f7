use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum PublishError {
    #[error("crate {name} exists")]
    #[status(409)]
    #[problem(detail = "version {name}@{vers} already exists")]
    Exists { name: String, version: String },
}

fn main() {}
