// A header value or member made by a `with` function cannot be undone.
use errstatus::HttpStatus;

fn when(_: &u64) -> Option<errstatus::http::HeaderValue> { None }
fn value(_: &u64) -> serde_json::Value { serde_json::Value::Null }

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
enum ApiError {
    #[error("slow down")]
    #[status(429)]
    RateLimited {
        #[header(RETRY_AFTER, with = when)]
        retry_after: u64,
        #[problem(extension, with = value)]
        quota: u64,
    },
}

fn main() {}
