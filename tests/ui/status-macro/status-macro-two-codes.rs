const STATUS: http::StatusCode = errstatus::status!(404, 405);

fn main() {
    let _ = STATUS;
}
