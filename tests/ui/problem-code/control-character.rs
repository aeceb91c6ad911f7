use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(404)]
#[problem(code = "NO_USER\n")]
#[error("no user")]
struct NoUser;

fn main() {}
