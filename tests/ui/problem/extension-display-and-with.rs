use errstatus::HttpStatus;

fn text(s: &String) -> serde_json::Value {
    serde_json::Value::from(s.as_str())
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("banned")]
#[status(403)]
struct Banned {
    #[problem(extension, display, with = text)]
    ip: String,
}

fn main() {}
