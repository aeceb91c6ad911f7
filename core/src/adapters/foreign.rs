//! What `errstatus::axum::ProblemLayer` and `errstatus::actix::ProblemMiddleware` share: which
//! responses they rewrite, and the problem+json response for a framework's own error response
//! (a status and maybe a text), built by the same code as a derived error's response.

use core::fmt;

use http::header::CONTENT_TYPE;
use http::StatusCode;

use crate::body::problem_json::PROBLEM_JSON;
use crate::response::to_response;
#[cfg(any(feature = "utoipa", feature = "aide"))]
use crate::status::docs::{Docs, Variant};
use crate::status::http_status::HttpStatus;
use crate::status::problem::Problem;

/// A mark in the extensions of the axum and actix-web responses errstatus builds that the
/// layer and the middleware could take for a framework's own (see [`needs_mark`]): they pass
/// such responses untouched, whatever their format, without looking at their bodies.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Built;

/// Whether a response errstatus built needs the [`Built`] mark: a 4xx or 5xx whose body is
/// empty or text (a custom `Format`), which the layer would rewrite. A problem+json response,
/// the usual one, is passed on for its content-type already: it is not marked, which spares
/// every derived error response the two allocations of a first extension.
pub(crate) fn needs_mark(status: StatusCode, headers: &http::HeaderMap) -> bool {
    if !is_error(status.as_u16()) {
        return false;
    }
    match headers.get(CONTENT_TYPE) {
        // The usual response: one look-up, one comparison.
        Some(value) if value.as_bytes() == PROBLEM_JSON.as_bytes() => false,
        _ => is_text(headers.get_all(CONTENT_TYPE).iter().map(http::HeaderValue::as_bytes)),
    }
}

/// The largest body the layer and the middleware read to turn it into a `detail`: 4 KiB. A
/// body whose size is not known to be at most this is passed on untouched, unread.
pub(crate) const LIMIT: usize = 4096;

/// Whether a response of this status is one to rewrite: 4xx and 5xx.
#[inline]
pub(crate) fn is_error(status: u16) -> bool {
    (400..=599).contains(&status)
}

/// Whether a body with these `Content-Type` values is text to rewrite: no content-type at all
/// (actix-web's `HttpResponse::BadRequest().body("...")`, an empty body), or one `text/plain`.
pub(crate) fn is_text<'v>(mut values: impl Iterator<Item = &'v [u8]>) -> bool {
    match (values.next(), values.next()) {
        (None, _) => true,
        (Some(value), None) => is_text_plain(value),
        _ => false,
    }
}

/// Whether a `Content-Type` value is `text/plain`, with any parameters (`; charset=utf-8`) and
/// in any case (RFC 9110 §8.3.1).
fn is_text_plain(value: &[u8]) -> bool {
    let essence = value.split(|&b| b == b';').next().unwrap_or_default();
    essence.trim_ascii().eq_ignore_ascii_case(b"text/plain")
}

/// Whether a `Content-Encoding` value leaves the body readable as it is: `identity` or
/// nothing. A compressed text is passed on untouched.
pub(crate) fn is_identity(value: &[u8]) -> bool {
    let value = value.trim_ascii();
    value.is_empty() || value.eq_ignore_ascii_case(b"identity")
}

/// A framework's own error response as an [`HttpStatus`]: its status, and its text as the
/// detail (shown for a 4xx, hidden and, with the `tracing` feature, logged for a 5xx, as for a
/// derived variant with nothing but its code).
struct Foreign<'t> {
    status: StatusCode,
    text: Option<&'t str>,
}

impl HttpStatus for Foreign<'_> {
    fn status(&self) -> StatusCode {
        self.status
    }

    fn __problem<'a>(&'a self, p: &mut Problem<'a>) {
        match &self.text {
            Some(text) => p.status_by_class(self.status, text),
            None => p.plain(self.status),
        }
        // 418 (and any code IANA lists as unused) has no IANA phrase: the registry's reason
        // is the marker "(Unused)", not a title. The http crate's phrase stands in.
        if errstatus_registry::lookup(self.status.as_u16())
            .is_some_and(|e| e.state == errstatus_registry::State::Unused)
        {
            p.kind(None, self.status.canonical_reason());
        }
    }
}

/// The problem+json response for a framework's response of `status` whose body was `text`
/// (`None`: empty or unknown). The text, not valid UTF-8 replaced, is trimmed of white space;
/// what is left, if anything, is the detail. Its header fields are the problem's own
/// (`content-type`), its body is the problem+json document.
pub(crate) fn problem(status: StatusCode, text: Option<&[u8]>) -> http::Response<String> {
    let text = text.map(String::from_utf8_lossy);
    let text = text.as_deref().map(str::trim).filter(|t| !t.is_empty());
    to_response(&Foreign { status, text })
}

/// One way a framework's rejection type can fail, for its `HttpStatus::statuses` and its
/// OpenAPI listing: the status, the name of the case, what it means, and an example text.
#[derive(Clone, Copy)]
// All but the status are for the OpenAPI document.
#[cfg_attr(not(any(feature = "utoipa", feature = "aide")), allow(dead_code))]
pub(crate) struct Case {
    pub status: StatusCode,
    pub name: &'static str,
    pub doc: &'static str,
    pub detail: &'static str,
}

/// The distinct statuses of `cases`, ascending.
pub(crate) fn statuses(cases: &[Case]) -> Vec<StatusCode> {
    let mut all: Vec<StatusCode> = cases.iter().map(|c| c.status).collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// Lists `cases` for the OpenAPI document, as the derive lists variants: the text shown for a
/// 4xx, hidden for a 5xx.
#[cfg(any(feature = "utoipa", feature = "aide"))]
pub(crate) fn document(docs: &mut Docs, cases: &[Case]) {
    for case in cases {
        docs.variant(Variant {
            status: case.status,
            runtime: false,
            content_type: None,
            name: case.name,
            doc: case.doc,
            detail: Some(case.detail),
            expose: !case.status.is_server_error(),
            type_: None,
            title: None,
            instance: false,
            extensions: Vec::new(),
            headers: Vec::new(),
        });
    }
}

impl fmt::Debug for Foreign<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Foreign").field("status", &self.status).finish_non_exhaustive()
    }
}

/// `HttpStatus` for a framework's extractor error: `$status(&self)` is the status the framework
/// gives it, its Display text the detail (shown for a 4xx, hidden for a 5xx), `$cases` every
/// status it can have, for `statuses()` and the OpenAPI documents.
macro_rules! rejection {
    ($ty:ident, $cases:expr, $status:path) => {
        impl $crate::status::http_status::HttpStatus for $ty {
            #[inline]
            fn status(&self) -> http::StatusCode {
                $status(self)
            }

            fn __problem<'a>(&'a self, p: &mut $crate::status::problem::Problem<'a>) {
                p.status_by_class($crate::status::http_status::HttpStatus::status(self), self);
                p.error(Some(self));
            }

            fn statuses() -> Vec<http::StatusCode> {
                $crate::adapters::foreign::statuses($cases)
            }

            #[cfg(any(feature = "utoipa", feature = "aide"))]
            fn __openapi(docs: &mut $crate::status::docs::Docs) {
                $crate::adapters::foreign::document(docs, $cases)
            }
        }
    };
}
pub(crate) use rejection;

#[cfg(test)]
mod tests {
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
    fn identity_or_no_encoding_only() {
        assert!(is_identity(b""));
        assert!(is_identity(b"Identity"));
        assert!(!is_identity(b"gzip"));
    }

    #[test]
    fn detail_for_4xx_only_and_trimmed() {
        let r = problem(StatusCode::BAD_REQUEST, Some(b" bad \"id\"\n"));
        assert_eq!(r.headers()["content-type"], PROBLEM_JSON);
        assert_eq!(r.body(), r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"bad \"id\""}"#);
        let r = problem(StatusCode::INTERNAL_SERVER_ERROR, Some(b"db at 10.0.0.7 down"));
        assert_eq!(r.body(), r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#);
        let r = problem(StatusCode::NOT_FOUND, Some(b"  \n"));
        assert_eq!(r.body(), r#"{"type":"about:blank","title":"Not Found","status":404}"#);
        let r = problem(StatusCode::NOT_FOUND, None);
        assert_eq!(r.body(), r#"{"type":"about:blank","title":"Not Found","status":404}"#);
        let r = problem(StatusCode::PAYLOAD_TOO_LARGE, Some(b"caf\xc3\xa9 \xff"));
        assert_eq!(r.body(), "{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,\"detail\":\"caf\u{e9} \u{fffd}\"}");
    }

    #[test]
    fn unused_and_unregistered_codes_get_a_title() {
        let r = problem(StatusCode::IM_A_TEAPOT, Some(b"short and stout"));
        assert_eq!(
            r.body(),
            r#"{"type":"about:blank","title":"I'm a teapot","status":418,"detail":"short and stout"}"#
        );
        let r = problem(StatusCode::from_u16(499).unwrap(), None);
        assert_eq!(r.body(), r#"{"type":"about:blank","title":"Unknown Status","status":499}"#);
    }
}
