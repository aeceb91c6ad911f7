const STATUS: http::StatusCode = errstatus::status!(99);

fn main() {
    let _ = STATUS;
}
