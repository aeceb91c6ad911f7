//! A status code by number, for codes the `http` crate has no constant for.

/// A registered code without an `http` constant (104) as a `StatusCode`, in `const`.
#[inline]
pub const fn code(code: u16) -> http::StatusCode {
    match http::StatusCode::from_u16(code) {
        Ok(status) => status,
        Err(_) => panic!("errstatus: status code out of range"),
    }
}

/// `HttpStatus::__status_code` of a variant with a status of its own: row `i` of the type's
/// `rows` (six bytes each, big-endian: the status, then where its code ends in `codes`, which
/// holds the codes end to end), with the type's name. The derive writes both literals and
/// numbers the rows, so `i` is always a row and its code on character boundaries; were it not,
/// a 500 and no code rather than a panic.
///
/// Not `#[inline]`: compiled once, here, rather than into every crate with a derive.
pub fn row(
    rows: &[u8],
    codes: &'static str,
    i: usize,
    type_name: &'static str,
) -> (http::StatusCode, &'static str, &'static str) {
    if i >= rows.len() / 6 {
        return (http::StatusCode::INTERNAL_SERVER_ERROR, "", type_name);
    }
    let at = i * 6;
    let be = |at: usize| {
        (rows[at] as usize) << 24 | (rows[at + 1] as usize) << 16 | (rows[at + 2] as usize) << 8 | rows[at + 3] as usize
    };
    // The code starts where the previous row's ends.
    let (start, end) = (if at == 0 { 0 } else { be(at - 4) }, be(at + 2));
    let status = match http::StatusCode::from_u16((rows[at] as u16) << 8 | rows[at + 1] as u16) {
        Ok(status) => status,
        Err(_) => http::StatusCode::INTERNAL_SERVER_ERROR,
    };
    (status, codes.get(start..end).unwrap_or_default(), type_name)
}

/// The code and type name of an `HttpStatus::__status_code`: the derived `__code`.
#[inline]
pub fn code_of(status_code: (http::StatusCode, &'static str, &'static str)) -> (&'static str, &'static str) {
    (status_code.1, status_code.2)
}
