// An extension member is decoded with serde: it must be `Deserialize` (and own its data).
use errstatus::HttpStatus;

#[derive(Debug, serde::Serialize)]
struct Money(u64);

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
enum ApiError {
    #[error("no credit")]
    #[status(403)]
    OutOfCredit {
        #[problem(extension)]
        balance: Money,
    },
}

fn main() {}
