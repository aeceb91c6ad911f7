const STATUS: http::StatusCode = errstatus::status!();

fn main() {
    let _ = STATUS;
}
