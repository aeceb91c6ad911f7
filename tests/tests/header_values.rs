//! `#[header]` fields of a custom Display type whose value is longer than the 64-byte stack
//! buffer the runtime formats into first: the header is the whole value, also when the Display
//! ignores the error of a write that did not fit (and returns Ok), whether it writes the value
//! at once or in pieces.

use std::fmt;

use errstatus::HttpStatus;
use proptest::prelude::*;

/// Writes `text` in pieces of at most `piece` bytes (split at char boundaries), ignoring the
/// result of every write, and returns Ok.
#[derive(Debug)]
struct Careless {
    text: String,
    piece: usize,
}

impl fmt::Display for Careless {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.text.as_str();
        while !rest.is_empty() {
            let mut end = self.piece.clamp(1, rest.len());
            while !rest.is_char_boundary(end) {
                end += 1;
            }
            let _ = f.write_str(&rest[..end]);
            rest = &rest[end..];
        }
        Ok(())
    }
}

/// Writes through `write!`, ignoring its result.
#[derive(Debug)]
struct Ignoring(String);

impl fmt::Display for Ignoring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let _ = write!(f, "{}", self.0);
        Ok(())
    }
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("slow down")]
#[status(429)]
struct Limited {
    #[header("x-value")]
    value: Careless,
    #[header(RETRY_AFTER)]
    retry_after: Ignoring,
}

fn response(text: &str, piece: usize) -> http::Response<String> {
    Limited { value: Careless { text: text.to_owned(), piece }, retry_after: Ignoring(text.to_owned()) }.into()
}

fn header<'r>(response: &'r http::Response<String>, name: &str) -> Vec<&'r [u8]> {
    response.headers().get_all(name).iter().map(|v| v.as_bytes()).collect()
}

#[test]
fn a_long_value_written_at_once_is_sent_whole() {
    let long = "x".repeat(65);
    let r = response(&long, usize::MAX);
    assert_eq!(header(&r, "x-value"), [long.as_bytes()]);
    assert_eq!(header(&r, "retry-after"), [long.as_bytes()]);
}

#[test]
fn a_long_value_written_in_pieces_is_sent_whole() {
    // 60 bytes fit, the next 10 do not, the last 3 would fit again: not a value cut to 60 or
    // glued from pieces around the one that did not fit.
    let text = format!("{}{}{}", "a".repeat(60), "b".repeat(10), "c".repeat(3));
    let r = response(&text, 60);
    assert_eq!(header(&r, "x-value"), [text.as_bytes()]);
    let r = response(&"é".repeat(100), 7);
    assert_eq!(header(&r, "x-value"), ["é".repeat(100).as_bytes()]);
}

#[test]
fn values_up_to_64_bytes_are_sent_whole() {
    for len in [0, 1, 63, 64] {
        let text = "v".repeat(len);
        let r = response(&text, 5);
        assert_eq!(header(&r, "x-value"), [text.as_bytes()], "{len}");
        assert_eq!(header(&r, "retry-after"), [text.as_bytes()], "{len}");
    }
}

/// Visible ASCII, spaces and non-ASCII text: valid header values of any length.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ -~]{0,200}",
        proptest::collection::vec(prop_oneof![Just("a"), Just("é"), Just("😀"), Just(" "), Just("=;,")], 0..80)
            .prop_map(|p| p.concat()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_header_is_the_whole_display_text(text in value(), piece in 1usize..100) {
        let r = response(&text, piece);
        prop_assert_eq!(r.status(), 429);
        prop_assert_eq!(header(&r, "x-value"), vec![text.as_bytes()]);
        prop_assert_eq!(header(&r, "retry-after"), vec![text.as_bytes()]);
    }
}
