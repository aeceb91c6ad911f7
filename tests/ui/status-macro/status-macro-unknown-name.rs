const STATUS: http::StatusCode = errstatus::status!(NOT_FOUN);

fn main() {
    let _ = STATUS;
}
