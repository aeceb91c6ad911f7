//! The runtime escapes the Display text of `detail` and `instance` itself, as it is written
//! (no serde_json, no intermediate String). Its output is byte for byte what serde_json writes
//! for the same string, for any string, whether the Display writes it at once or in pieces.

use std::fmt;

use errstatus::HttpStatus;
use proptest::prelude::*;

/// Writes `text` in pieces of at most `piece` bytes (split at char boundaries).
#[derive(Debug)]
struct Pieces {
    text: String,
    piece: usize,
}

impl fmt::Display for Pieces {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.text.as_str();
        while !rest.is_empty() {
            let mut end = self.piece.clamp(1, rest.len());
            while !rest.is_char_boundary(end) {
                end += 1;
            }
            f.write_str(&rest[..end])?;
            rest = &rest[end..];
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum Echo {
    #[error("{0}")]
    #[status(400)]
    Detail(Pieces),
    #[error("conflict")]
    #[status(409)]
    Instance {
        #[problem(instance)]
        at: Pieces,
    },
}

/// The body the runtime writes, and the one serde_json's escaping of `text` gives.
fn bodies(text: &str, piece: usize) -> [(String, String); 2] {
    let json = serde_json::to_string(text).unwrap();
    let detail: http::Response<String> = Echo::Detail(Pieces { text: text.to_owned(), piece }).into();
    let instance: http::Response<String> = Echo::Instance { at: Pieces { text: text.to_owned(), piece } }.into();
    [
        (detail.into_body(), format!(r#"{{"type":"about:blank","title":"Bad Request","status":400,"detail":{json}}}"#)),
        (
            instance.into_body(),
            format!(
                r#"{{"type":"about:blank","title":"Conflict","status":409,"detail":"conflict","instance":{json}}}"#
            ),
        ),
    ]
}

#[test]
fn every_ascii_character_and_the_usual_suspects() {
    let mut text: String = (0u8..=0x7f).map(char::from).collect();
    text.push_str("é\u{2028}\u{2029}\u{feff}😀</script>\\u0000\"\\");
    for piece in [1, 3, usize::MAX] {
        for (ours, serde_json) in bodies(&text, piece) {
            assert_eq!(ours, serde_json);
        }
    }
}

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\""),
        Just("\\"),
        Just("\n"),
        Just("\r"),
        Just("\t"),
        Just("\u{8}"),
        Just("\u{c}"),
        Just("\u{0}"),
        Just("\u{1f}"),
        Just("\u{7f}"),
        Just("é"),
        Just("😀"),
        Just("a"),
    ];
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(piece, 0..24).prop_map(|p| p.concat()),
        proptest::collection::vec(any::<char>(), 0..24).prop_map(|c| c.into_iter().collect()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn escaping_is_serde_jsons(text in text(), piece in 1usize..16) {
        for (ours, serde_json) in bodies(&text, piece) {
            prop_assert_eq!(ours, serde_json);
        }
    }
}
