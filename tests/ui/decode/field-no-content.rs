// A 304 has no body: its members are not in the response.
use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
enum Cached {
    #[error("not modified")]
    #[status(304)]
    NotModified {
        #[header(ETAG)]
        etag: String,
        #[problem(extension)]
        version: u64,
    },
}

fn main() {}
