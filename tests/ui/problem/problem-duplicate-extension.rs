use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum BillingError {
    #[error("out of credit")]
    #[status(403)]
    OutOfCredit {
        #[problem(extension = "amount")]
        balance: u64,
        #[problem(extension = "amount")]
        cost: u64,
    },
}

fn main() {}
