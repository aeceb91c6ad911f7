use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum BillingError {
    #[error("out of credit: {0}")]
    #[status(403)]
    OutOfCredit(#[problem(extension)] u64),
}

fn main() {}
