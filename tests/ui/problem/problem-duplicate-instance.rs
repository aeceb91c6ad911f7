use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum BillingError {
    #[error("out of credit")]
    #[status(403)]
    OutOfCredit {
        #[problem(instance)]
        account: String,
        #[problem(instance)]
        invoice: String,
    },
}

fn main() {}
