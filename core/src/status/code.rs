//! [`Code`]: a variant's code as `HttpStatus::__status_code` returns it, beside its status.

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
    /// Row `row` of `codes` (see [`crate::__private::row`]).
    #[inline]
    pub(crate) const fn row(ends: &'static [u8], codes: &'static str, row: u32, type_name: &'static str) -> Code {
        Code { ends, codes, row, type_name }
    }

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
