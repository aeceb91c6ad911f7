use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum BillingError {
    #[error("out of credit")]
    #[status(403)]
    OutOfCredit {
        #[problem(extension = "")]
        balance: u64,
    },
}

fn main() {}
