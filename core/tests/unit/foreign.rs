//! Unit tests of `src/adapters/foreign.rs`, included from there with `#[path]` under `cfg(test)`: out of the
//! published package.

use super::*;

#[test]
fn identity_or_no_encoding_only() {
    assert!(is_identity(b""));
    assert!(is_identity(b"Identity"));
    assert!(!is_identity(b"gzip"));
}

#[test]
fn detail_for_4xx_only_and_trimmed() {
    let r = problem(StatusCode::BAD_REQUEST, Some(b" bad \"id\"\n"), "axum");
    assert_eq!(r.headers()["content-type"], crate::body::problem_json::PROBLEM_JSON);
    assert_eq!(r.body(), r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"bad \"id\""}"#);
    let r = problem(StatusCode::INTERNAL_SERVER_ERROR, Some(b"db at 10.0.0.7 down"), "axum");
    assert_eq!(r.body(), r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#);
    let r = problem(StatusCode::NOT_FOUND, Some(b"  \n"), "axum");
    assert_eq!(r.body(), r#"{"type":"about:blank","title":"Not Found","status":404}"#);
    let r = problem(StatusCode::NOT_FOUND, None, "axum");
    assert_eq!(r.body(), r#"{"type":"about:blank","title":"Not Found","status":404}"#);
    let r = problem(StatusCode::PAYLOAD_TOO_LARGE, Some(b"caf\xc3\xa9 \xff"), "axum");
    assert_eq!(
        r.body(),
        "{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,\"detail\":\"caf\u{e9} \u{fffd}\"}"
    );
}

#[test]
fn unused_and_unregistered_codes_get_a_title() {
    let r = problem(StatusCode::IM_A_TEAPOT, Some(b"short and stout"), "axum");
    assert_eq!(r.body(), r#"{"type":"about:blank","title":"I'm a teapot","status":418,"detail":"short and stout"}"#);
    let r = problem(StatusCode::from_u16(499).unwrap(), None, "axum");
    assert_eq!(r.body(), r#"{"type":"about:blank","title":"Unknown Status","status":499}"#);
}
