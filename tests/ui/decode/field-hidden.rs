// The members of a 5xx without `expose` are hidden: not in the response.
use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
enum ApiError {
    #[error("ledger {ledger} is corrupt")]
    #[status(500)]
    Ledger { #[problem(extension)] ledger: u32 },
    #[error("no")]
    #[status(403, expose = false)]
    Hidden { #[problem(instance)] account: String },
}

fn main() {}
