//! A status code by number, for codes the `http` crate has no constant for.

/// A registered code without an `http` constant (104) as a `StatusCode`, in `const`.
#[inline]
pub const fn code(code: u16) -> http::StatusCode {
    match http::StatusCode::from_u16(code) {
        Ok(status) => status,
        Err(_) => panic!("errstatus: status code out of range"),
    }
}

/// A variant's code and its type's name, as `HttpStatus::__status_code` gives them: read
/// ([`Code::get`]) only where the code is wanted, so `status()`, which reads the same match,
/// stays a table lookup. Not public API.
#[derive(Clone, Copy, Debug)]
pub struct Code {
    /// Where each code ends in `codes`, four bytes a row, big-endian; empty: `codes` is the code.
    ends: &'static [u8],
    codes: &'static str,
    row: u32,
    type_name: &'static str,
}

impl Code {
    /// The code as it is.
    #[inline]
    pub const fn plain(code: &'static str, type_name: &'static str) -> Code {
        Code { ends: &[], codes: code, row: 0, type_name }
    }

    /// The code and the type's name.
    #[inline]
    pub fn get(self) -> (&'static str, &'static str) {
        if self.ends.is_empty() {
            return (self.codes, self.type_name);
        }
        let row = self.row as usize;
        if row >= self.ends.len() / 4 {
            return ("", self.type_name);
        }
        // A code starts where the previous row's ends.
        let start = if row == 0 { 0 } else { end_at(self.ends, row * 4 - 4) };
        (self.codes.get(start..end_at(self.ends, row * 4)).unwrap_or_default(), self.type_name)
    }
}

/// The big-endian `u32` at `at` in `ends` (in bounds: `get` checked).
#[inline]
fn end_at(ends: &[u8], at: usize) -> usize {
    (ends[at] as usize) << 24 | (ends[at + 1] as usize) << 16 | (ends[at + 2] as usize) << 8 | ends[at + 3] as usize
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
    (status, Code { ends, codes, row: at & 0x000f_ffff, type_name })
}
