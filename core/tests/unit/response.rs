//! Unit tests of `src/response.rs`, included from there with `#[path]` under `cfg(test)`: out of the
//! published package.

use super::*;

#[test]
fn text_plain_with_parameters_in_any_case() {
    for value in ["text/plain", "text/plain; charset=utf-8", "Text/Plain;charset=UTF-8", " text/plain "] {
        assert!(is_text_plain(value.as_bytes()), "{value}");
    }
    for value in ["", "text/html", "text/plainx", "application/json", "text/plain+x"] {
        assert!(!is_text_plain(value.as_bytes()), "{value}");
    }
}

#[test]
fn text_is_no_content_type_or_one_text_plain() {
    assert!(is_text([].into_iter()));
    assert!(is_text([&b"text/plain"[..]].into_iter()));
    assert!(!is_text([&b"text/plain"[..], b"text/plain"].into_iter()));
    assert!(!is_text([&b"application/json"[..]].into_iter()));
}

#[test]
fn marked_are_the_error_responses_the_layer_would_rewrite() {
    let with = |ct: &'static str| {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(ct));
        headers
    };
    let none = HeaderMap::new();
    let (bad, ok) = (StatusCode::BAD_REQUEST, StatusCode::OK);
    assert!(!needs_mark(bad, &with(PROBLEM_JSON), false));
    assert!(!needs_mark(bad, &with("application/json"), false));
    assert!(needs_mark(bad, &with("text/plain; charset=utf-8"), false));
    assert!(needs_mark(StatusCode::BAD_GATEWAY, &none, false));
    // Empty: rewritten whatever its content-type, so marked whatever its content-type.
    assert!(needs_mark(bad, &none, true));
    assert!(needs_mark(bad, &with("application/json"), true));
    assert!(needs_mark(bad, &with(PROBLEM_JSON), true));
    assert!(!needs_mark(ok, &none, true));
    assert!(!needs_mark(StatusCode::NOT_MODIFIED, &with("text/plain"), false));
}
