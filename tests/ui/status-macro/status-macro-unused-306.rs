const STATUS: http::StatusCode = errstatus::status!(306);

fn main() {
    let _ = STATUS;
}
