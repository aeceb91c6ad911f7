use errstatus::HttpStatus;

fn as_json(n: &u64) -> serde_json::Value {
    serde_json::Value::from(*n)
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("banned")]
#[status(403)]
struct Banned {
    #[problem(extension, with = as_json)]
    until: String,
}

fn main() {}
