//! A status code by number, for codes the `http` crate has no constant for.

/// A registered code without an `http` constant (104) as a `StatusCode`, in `const`.
pub const fn code(code: u16) -> http::StatusCode {
    match http::StatusCode::from_u16(code) {
        Ok(status) => status,
        Err(_) => panic!("errstatus: status code out of range"),
    }
}
