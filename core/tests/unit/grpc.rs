//! Unit tests of `src/adapters/grpc.rs`, included from there with `#[path]` under `cfg(test)`: out of the
//! published package.

use super::*;

#[test]
fn delay_seconds_are_digits_only() {
    let v = |s: &'static str| HeaderValue::from_static(s);
    assert_eq!(delay_seconds(&v("120")), Some(120));
    assert_eq!(delay_seconds(&v("0")), Some(0));
    assert_eq!(delay_seconds(&v("99999999999999999999999")), Some(u64::MAX));
    assert_eq!(delay_seconds(&v("Wed, 21 Oct 2015 07:28:00 GMT")), None);
    assert_eq!(delay_seconds(&v("-1")), None);
    assert_eq!(delay_seconds(&v(" 5")), None);
    assert_eq!(delay_seconds(&v("")), None);
}

#[test]
fn reserved_and_invalid_fields_are_left_out() {
    let ok = |n: &'static str, v: &[u8]| {
        ascii_metadata(&HeaderName::from_static(n), &HeaderValue::from_bytes(v).unwrap()).is_some()
    };
    assert!(ok("x-request-id", b"abc"));
    assert!(ok("www-authenticate", b"Bearer realm=\"api\""));
    for name in ["grpc-status", "grpc-message", "te", "content-type", "user-agent", "connection", "keep-alive"] {
        assert!(!ok(name, b"x"), "{name}");
    }
    for name in ["proxy-connection", "transfer-encoding", "upgrade", "x-data-bin"] {
        assert!(!ok(name, b"x"), "{name}");
    }
    assert!(!ok("x-latin", b"caf\xe9"));
    assert!(!ok("x-tab", b"a\tb"));
}
