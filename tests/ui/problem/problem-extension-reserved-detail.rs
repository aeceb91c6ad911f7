use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum BillingError {
    #[error("out of credit")]
    #[status(403)]
    OutOfCredit {
        #[problem(extension = "detail")]
        message: String,
    },
}

fn main() {}
