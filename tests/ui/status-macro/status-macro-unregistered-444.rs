const STATUS: http::StatusCode = errstatus::status!(444);

fn main() {
    let _ = STATUS;
}
