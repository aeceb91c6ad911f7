use errstatus::HttpStatus;

#[derive(Debug)]
struct Money(u64);

#[derive(Debug, thiserror::Error, HttpStatus)]
enum BillingError {
    #[error("out of credit")]
    #[status(403)]
    OutOfCredit {
        #[problem(extension)]
        balance: Money,
    },
}

fn main() {}
