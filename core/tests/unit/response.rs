//! Unit tests of `src/response.rs`, included from there with `#[path]` under `cfg(test)`: out of the
//! published package.

use super::*;

#[cfg(any(feature = "axum", feature = "actix-web"))]
#[test]
fn text_plain_with_parameters_in_any_case() {
    for value in ["text/plain", "text/plain; charset=utf-8", "Text/Plain;charset=UTF-8", " text/plain "] {
        assert!(is_text_plain(value.as_bytes()), "{value}");
    }
    for value in ["", "text/html", "text/plainx", "application/json", "text/plain+x"] {
        assert!(!is_text_plain(value.as_bytes()), "{value}");
    }
}

#[cfg(any(feature = "axum", feature = "actix-web"))]
#[test]
fn text_is_no_content_type_or_one_text_plain() {
    assert!(is_text([].into_iter()));
    assert!(is_text([&b"text/plain"[..]].into_iter()));
    assert!(!is_text([&b"text/plain"[..], b"text/plain"].into_iter()));
    assert!(!is_text([&b"application/json"[..]].into_iter()));
}

/// A hand-written impl of any status, with a detail.
struct Any(u16);

impl HttpStatus for Any {
    fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.0).unwrap()
    }

    fn __problem<'a>(&'a self, p: &mut Problem<'a>) {
        p.status_by_class(self.status(), &"the detail");
    }
}

#[test]
fn every_response_carries_its_record() {
    for code in [100, 200, 204, 304, 400, 404, 418, 499, 500, 503, 599, 600, 999] {
        let response: http::Response<String> = to_response(&Any(code));
        let record = response.extensions().get::<ErrorRecord>().copied().unwrap();
        assert_eq!(record.status(), code);
        assert_eq!(record.type_name(), core::any::type_name::<Any>());
        assert_eq!(record.type_uri(), None);
        // The default code of a hand-written impl: the status's constant name.
        let name = errstatus_registry::lookup(code).and_then(|e| e.http_const()).unwrap_or("UNKNOWN_STATUS");
        assert_eq!(record.code(), name, "{code}");
        assert_eq!(record.detail_hidden(), code >= 500, "{code}");
    }
    assert_eq!(
        to_response::<String>(&Any(405)).extensions().get::<ErrorRecord>().unwrap().code(),
        "METHOD_NOT_ALLOWED"
    );
    assert_eq!(to_response::<String>(&Any(599)).extensions().get::<ErrorRecord>().unwrap().code(), "UNKNOWN_STATUS");
}
