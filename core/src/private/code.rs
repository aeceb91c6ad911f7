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
#[inline]
pub fn row(
    rows: &[u8],
    codes: &'static str,
    i: usize,
    type_name: &'static str,
) -> (http::StatusCode, &'static str, &'static str) {
    let at = i.saturating_mul(6);
    let Some(&[s0, s1, e0, e1, e2, e3]) = rows.get(at..at.saturating_add(6)) else {
        return (http::StatusCode::INTERNAL_SERVER_ERROR, "", type_name);
    };
    // The code starts where the previous row's ends.
    let start = match at.checked_sub(4).and_then(|p| rows.get(p..at)) {
        Some(&[b0, b1, b2, b3]) => u32::from_be_bytes([b0, b1, b2, b3]) as usize,
        _ => 0,
    };
    let end = u32::from_be_bytes([e0, e1, e2, e3]) as usize;
    let status =
        http::StatusCode::from_u16(u16::from_be_bytes([s0, s1])).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    (status, codes.get(start..end).unwrap_or(""), type_name)
}

/// The code and type name of an `HttpStatus::__status_code`: the derived `__code`.
#[inline]
pub fn code_of(status_code: (http::StatusCode, &'static str, &'static str)) -> (&'static str, &'static str) {
    (status_code.1, status_code.2)
}
