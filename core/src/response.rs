//! The response builder: status, header fields and body of an error, from the [`Problem`] its
//! `HttpStatus::__problem` fills in. Everything here is compiled once, in this crate; the derive
//! only emits calls, and every adapter starts from `to_response` (or `parts`).

#[cfg(feature = "tracing")]
use core::fmt::Display;

use http::header::{HeaderMap, HeaderValue, CONTENT_TYPE};
use http::StatusCode;

use crate::body::format::{Details, Format};
use crate::body::problem_json::{ProblemJson, PROBLEM_JSON_VALUE};
use crate::status::http_status::HttpStatus;
use crate::status::problem::Problem;

/// The builder's reading of the record.
impl<'a> Problem<'a> {
    /// Status, Display and error of a response whose detail is hidden (a 5xx without
    /// `expose`), or `None`.
    #[cfg(feature = "tracing")]
    pub(crate) fn masked(&self) -> Option<(StatusCode, &'a dyn Display, Option<&'a (dyn std::error::Error + 'a)>)> {
        match self.detail {
            Some(detail) if !self.expose && self.log => Some((self.status, detail, self.error)),
            _ => None,
        }
    }

    /// The body and its content-type: `None` for codes that cannot carry content (1xx, 204,
    /// 205, 304) and for a format that writes nothing.
    fn body(&self) -> Option<(String, HeaderValue)> {
        let code = self.status.as_u16();
        // RFC 9110 §6.4.1 and §15.3.6, by the number: a run-time status of 1xx (199 included),
        // 204, 205 or 304 has no content whether IANA registers it or not.
        if code < 200 || matches!(code, 204 | 205 | 304) {
            return None;
        }
        let entry = errstatus_registry::lookup(code);
        let title = match (self.title, entry) {
            (Some(title), _) => title,
            (None, Some(entry)) => entry.reason,
            (None, None) => self.status.canonical_reason().unwrap_or("Unknown Status"),
        };
        let shown = self.expose;
        let details = Details {
            status: self.status,
            title,
            type_: self.type_,
            detail: self.detail.filter(|_| shown),
            instance: self.instance.filter(|_| shown),
            extensions: if shown { &self.extensions } else { &[] },
            variant: self.variant,
        };
        match self.format {
            None => {
                // One allocation for the usual body, made here (an allocation into an empty
                // `String` through `reserve` takes the slow growth path): room for the fixed
                // members, the title and type, and a detail of about 80 bytes.
                let mut buf = String::with_capacity(ProblemJson::capacity(&details));
                ProblemJson::write(&details, &mut buf);
                Some((buf, PROBLEM_JSON_VALUE))
            }
            Some(format) => {
                let mut buf = String::new();
                (format.write)(&details, &mut buf);
                if buf.is_empty() {
                    return None;
                }
                // A content-type that is not a valid header value is left out, never a panic.
                let content_type = HeaderValue::from_str((format.content_type)(&details)).ok();
                Some((buf, content_type.unwrap_or(HeaderValue::from_static(""))))
            }
        }
    }
}

/// A finished response: status, header fields (content-type included) and body.
#[cfg(feature = "actix-web")]
pub(crate) struct Parts {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Option<String>,
}

/// Fills `headers` with `e`'s header fields and content-type; returns the status and the
/// body. Not generic: one copy for all error types.
fn build(e: &dyn HttpStatus, headers: &mut HeaderMap) -> (StatusCode, Option<String>) {
    let mut problem = Problem::new(headers);
    e.__problem(&mut problem);
    #[cfg(feature = "tracing")]
    if let Some((status, detail, error)) = problem.masked() {
        crate::log::masked(status, detail, error);
    }
    let body = problem.body().map(|(body, content_type)| {
        if !content_type.is_empty() {
            problem.headers.insert(CONTENT_TYPE, content_type);
        }
        body
    });
    (problem.status, body)
}

/// Collects the parts of `e`'s response, for frameworks on other `http` versions.
#[cfg(feature = "actix-web")]
pub(crate) fn parts(e: &dyn HttpStatus) -> Parts {
    let mut headers = HeaderMap::new();
    let (status, body) = build(e, &mut headers);
    Parts { status, headers, body }
}

/// The `http::Response<String>` for `e`, built in place: the header fields go straight into
/// the response's map and the body String is moved in, nothing is copied.
fn string_response(e: &dyn HttpStatus) -> http::Response<String> {
    let mut response = http::Response::new(String::new());
    let (status, body) = build(e, response.headers_mut());
    *response.status_mut() = status;
    if let Some(body) = body {
        *response.body_mut() = body;
    }
    response
}

/// Builds the `http::Response` for `e`: status, `#[header]` fields, `content-type:
/// application/problem+json` and the RFC 9457 body.
pub(crate) fn to_response<B: From<String>>(e: &dyn HttpStatus) -> http::Response<B> {
    string_response(e).map(B::from)
}

/// `From<E> for http::Response<B>`, what generated code calls.
#[inline]
pub fn into_response<E: HttpStatus, B: From<String>>(e: &E) -> http::Response<B> {
    to_response(e)
}

/// A borrowed error of any type, sized or not, as a sized `HttpStatus` (for [`response`]).
struct Borrowed<'e, E: ?Sized>(&'e E);

impl<E: HttpStatus + ?Sized> HttpStatus for Borrowed<'_, E> {
    fn status(&self) -> http::StatusCode {
        self.0.status()
    }

    fn __problem<'a>(&'a self, p: &mut Problem<'a>) {
        self.0.__problem(p)
    }
}

/// The `http::Response` for a borrowed error: the same response as `From<E>`.
///
/// ```
/// # use errstatus::HttpStatus;
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// #[error("no such order")]
/// #[status(404)]
/// struct NoSuchOrder;
///
/// let response: http::Response<String> = errstatus::response(&NoSuchOrder);
/// assert_eq!(response.status(), 404);
/// assert_eq!(response.headers()["content-type"], errstatus::PROBLEM_JSON);
/// ```
pub fn response<E: HttpStatus + ?Sized, B: From<String>>(e: &E) -> http::Response<B> {
    to_response(&Borrowed(e))
}
