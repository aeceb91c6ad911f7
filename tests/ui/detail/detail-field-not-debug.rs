use errstatus::HttpStatus;

struct Secret;

impl std::fmt::Display for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}

#[derive(thiserror::Error, HttpStatus)]
#[error("bad secret {0}")]
#[status(400)]
#[problem(detail = "bad secret {0:?}")]
struct BadSecret(Secret);

impl std::fmt::Debug for BadSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BadSecret")
    }
}

fn main() {}
