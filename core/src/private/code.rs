//! A status code by number, for codes the `http` crate has no constant for, and a derived
//! variant's status and code from the derive's literals.

use crate::status::code::Code;

/// A registered code without an `http` constant (104) as a `StatusCode`, in `const`.
#[inline]
pub const fn code(code: u16) -> http::StatusCode {
    match http::StatusCode::from_u16(code) {
        Ok(status) => status,
        Err(_) => panic!("errstatus: status code out of range"),
    }
}

/// `HttpStatus::__status_code` of a variant with a status of its own, `at` from the derive's
/// match: the status in the top bits (`at >> 20`), below them its row in `ends` (where its code
/// ends in `codes`, which holds the codes end to end; see [`Code`]), with the type's name. The
/// derive writes the literals and the numbers, so both are in range and each code on character
/// boundaries; were they not, a 500 and no code rather than a panic.
///
/// `#[inline]` and no memory read for the status: `status()` is the derive's match, which the
/// optimizer turns into a table of these numbers.
#[inline]
pub fn row(ends: &'static [u8], codes: &'static str, at: u32, type_name: &'static str) -> (http::StatusCode, Code) {
    let status = match http::StatusCode::from_u16((at >> 20) as u16) {
        Ok(status) => status,
        Err(_) => http::StatusCode::INTERNAL_SERVER_ERROR,
    };
    (status, Code::row(ends, codes, at & 0x000f_ffff, type_name))
}
