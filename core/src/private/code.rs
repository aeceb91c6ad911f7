//! A status code by number, for codes the `http` crate has no constant for.

/// A registered code without an `http` constant (104) as a `StatusCode`, in `const`.
pub const fn code(code: u16) -> http::StatusCode {
    match http::StatusCode::from_u16(code) {
        Ok(status) => status,
        Err(_) => panic!("errstatus: status code out of range"),
    }
}

/// `HttpStatus::__status_code` of a variant with a code of its own: row `i` of the type's
/// tables of statuses and codes, with the type's name. The derive numbers the rows and writes
/// only valid codes, so `i` is always in the tables; were it not, a 500 rather than a panic.
#[inline]
pub fn row(
    statuses: &[u16],
    codes: &[&'static str],
    i: usize,
    type_name: &'static str,
) -> (http::StatusCode, &'static str, &'static str) {
    let status = match statuses.get(i).map(|&n| http::StatusCode::from_u16(n)) {
        Some(Ok(status)) => status,
        _ => http::StatusCode::INTERNAL_SERVER_ERROR,
    };
    (status, codes.get(i).copied().unwrap_or(""), type_name)
}

/// The code and type name of an `HttpStatus::__status_code`: the derived `__code`.
#[inline]
pub fn code_of(status_code: (http::StatusCode, &'static str, &'static str)) -> (&'static str, &'static str) {
    (status_code.1, status_code.2)
}
