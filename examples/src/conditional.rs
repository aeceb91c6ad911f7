//! Conditional `GET` (RFC 9110 §13): the entity tag of a representation and the
//! `If-None-Match` check that turns a `GET` or `HEAD` into a 304 Not Modified.

/// The `Cache-Control` of a user's representation, on its 200 and its 304 (RFC 9111 §5.2.2.4):
/// a cache may store it but must revalidate it (with its `ETag`) before each use, so it never
/// serves a user that changed, and gives it no heuristic freshness lifetime (RFC 9111 §4.2.2).
pub const USER_CACHE_CONTROL: &str = "no-cache";

/// The strong entity tag of a representation: a quoted 64-bit FNV-1a hash of its bytes.
pub fn etag(representation: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in representation {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("\"{hash:016x}\"")
}

/// Whether the `If-None-Match` field values of a request (one per field line) match `etag`, so
/// that a `GET` or `HEAD` is answered with 304 (RFC 9110 §13.1.2): `*`, or a list of entity
/// tags one of which matches by the weak comparison (`W/"x"` matches `"x"`). A field value that
/// does not parse as either makes the whole field be ignored: no match.
pub fn none_match<'a>(values: impl IntoIterator<Item = &'a [u8]>, etag: &str) -> bool {
    let opaque = etag.as_bytes();
    let mut matched = false;
    for value in values {
        match tags(value) {
            Some(Tags::Any) => matched = true,
            Some(Tags::List(list)) => matched |= list.contains(&opaque),
            None => return false,
        }
    }
    matched
}

enum Tags<'a> {
    Any,
    /// The opaque tags, quotes included, `W/` left out.
    List(Vec<&'a [u8]>),
}

/// `If-None-Match = "*" / #entity-tag`, `entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE`.
fn tags(value: &[u8]) -> Option<Tags<'_>> {
    let trimmed = value.trim_ascii();
    if trimmed == b"*" {
        return Some(Tags::Any);
    }
    let mut list = Vec::new();
    let mut rest = trimmed;
    loop {
        // List elements may be empty: `a, , b` (RFC 9110 §5.6.1.2).
        rest = rest.trim_ascii_start();
        while let Some(after) = rest.strip_prefix(b",") {
            rest = after.trim_ascii_start();
        }
        if rest.is_empty() {
            return Some(Tags::List(list));
        }
        let tag = rest.strip_prefix(b"W/").unwrap_or(rest);
        let body = tag.strip_prefix(b"\"")?;
        let end = body.iter().position(|&b| b == b'"')?;
        // etagc = %x21 / %x23-7E / obs-text
        if !body[..end].iter().all(|&b| b == 0x21 || (0x23..=0x7e).contains(&b) || b >= 0x80) {
            return None;
        }
        list.push(&tag[..end + 2]);
        rest = body[end + 1..].trim_ascii_start();
        match rest.first() {
            None | Some(b',') => {}
            Some(_) => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etag_is_a_quoted_hash() {
        assert_eq!(etag(b""), "\"cbf29ce484222325\"");
        assert_ne!(etag(b"a"), etag(b"b"));
    }

    #[test]
    fn if_none_match_uses_the_weak_comparison() {
        let tag = "\"abc\"";
        let m = |values: &[&str]| none_match(values.iter().map(|v| v.as_bytes()), tag);
        assert!(m(&["\"abc\""]));
        assert!(m(&["W/\"abc\""]));
        assert!(m(&["*"]));
        assert!(m(&["\"x\", \"abc\""]));
        assert!(m(&["\"x\"", "W/\"abc\""]));
        assert!(m(&[" , \"abc\" ,"]));
        assert!(!m(&[]));
        assert!(!m(&["\"abcd\""]));
        assert!(!m(&["abc"]), "not quoted: not an entity tag");
        assert!(!m(&["\"abc\" x"]));
        assert!(!m(&["\"abc", ""]));
        assert!(!m(&["\"a bc\""]), "a space is not an etagc");
        assert!(!m(&["\"abc\"", "bogus"]), "one bad line: the field is ignored");
        assert!(!m(&["**"]));
    }
}
