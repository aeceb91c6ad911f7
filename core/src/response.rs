//! The response builder: status, header fields and body of an error, from the [`Problem`] its
//! `HttpStatus::__problem` fills in. Everything here is compiled once, in this crate; the derive
//! only emits calls, and every adapter starts from `to_response` (or `parts`). Every response
//! carries its [`ErrorRecord`] in its extensions, put there by the builder, so whatever
//! conversion built it, `ProblemLayer` / `ProblemMiddleware` pass it untouched (it is not a
//! framework's own) and any middleware can tell which error it was.

use http::header::{HeaderMap, HeaderValue, CONTENT_TYPE};
use http::StatusCode;

use crate::body::format::{Details, Format};
use crate::body::problem_json::{ProblemJson, PROBLEM_JSON_VALUE};
use crate::status::http_status::HttpStatus;
use crate::status::problem::{DetailOf, Problem};
use crate::status::record::ErrorRecord;

/// The builder's reading of the record.
impl<'a> Problem<'a> {
    /// `e`'s record, filled in by its `__problem`, and the [`ErrorRecord`] of its response: its
    /// code and type name from `HttpStatus::__code` (the code also becomes the one the body's
    /// format reads). The observers of the build (features `tracing` and `metrics`) are told.
    fn of(e: &'a dyn HttpStatus, headers: &'a mut HeaderMap) -> (Self, ErrorRecord) {
        let mut problem = Problem::new(headers);
        e.__problem(&mut problem);
        let (code, type_name) = e.__code();
        problem.code = code;
        let record = ErrorRecord {
            status: problem.status,
            code,
            type_uri: problem.type_,
            type_name,
            detail_hidden: !problem.expose && problem.detail().is_some(),
        };
        #[cfg(feature = "tracing")]
        crate::log::event(&record, problem.level, problem.detail(), problem.error);
        #[cfg(feature = "metrics")]
        crate::metrics::count(&record);
        (problem, record)
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
        // Matches rather than `Option` combinators and closures: each would be generic code
        // compiled into this crate.
        let title = match self.title {
            Some(title) => title,
            None => iana_title(self.status),
        };
        let shown = self.expose;
        let text;
        let detail = match self.detail_text {
            Some(detail_text) => {
                text = DetailOf(detail_text);
                Some(&text as &dyn core::fmt::Display)
            }
            None => self.detail(),
        };
        // A hidden detail leaves nothing but the status, title, type and code.
        let details = Details {
            status: self.status,
            title,
            type_: self.type_,
            detail: if shown { detail } else { None },
            instance: if shown { self.instance } else { None },
            extensions: if shown { &self.extensions } else { &[] },
            variant: self.variant,
            code: self.code,
            whole: if shown { self.whole } else { None },
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
                // `from_bytes` (the same check and copy as `from_str`): the one copy of that
                // code that `Problem::header` has compiled here already.
                let content_type = match HeaderValue::from_bytes((format.content_type)(&details).as_bytes()) {
                    Ok(value) => value,
                    Err(_) => EMPTY,
                };
                Some((buf, content_type))
            }
        }
    }
}

/// No content-type: a constant, not `from_static` at run time.
const EMPTY: HeaderValue = HeaderValue::from_static("");

/// Whether a response of this status is one the layer and the middleware rewrite: 4xx and 5xx.
#[inline]
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) fn is_error(status: u16) -> bool {
    (400..=599).contains(&status)
}

/// Whether a body with these `Content-Type` values is text the layer and the middleware
/// rewrite: no content-type at all (actix-web's `HttpResponse::BadRequest().body("...")`), or
/// one `text/plain`.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) fn is_text<'v>(mut values: impl Iterator<Item = &'v [u8]>) -> bool {
    match (values.next(), values.next()) {
        (None, _) => true,
        (Some(value), None) => is_text_plain(value),
        _ => false,
    }
}

/// Whether a `Content-Type` value is `text/plain`, with any parameters (`; charset=utf-8`) and
/// in any case (RFC 9110 §8.3.1).
#[cfg(any(feature = "axum", feature = "actix-web"))]
fn is_text_plain(value: &[u8]) -> bool {
    let essence = value.split(|&b| b == b';').next().unwrap_or_default();
    essence.trim_ascii().eq_ignore_ascii_case(b"text/plain")
}

/// A finished response: status, header fields (content-type included), body, and its
/// [`ErrorRecord`].
#[cfg(feature = "actix-web")]
pub(crate) struct Parts {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Option<String>,
    pub record: ErrorRecord,
}

/// Fills `headers` with `e`'s header fields and content-type; returns the status, the body and
/// the record, and tells the observers (features `tracing`, `metrics`). Not generic: one copy
/// for all error types.
fn build(e: &dyn HttpStatus, headers: &mut HeaderMap) -> (StatusCode, Option<String>, ErrorRecord) {
    let (problem, record) = Problem::of(e, headers);
    let body = match problem.body() {
        Some((body, content_type)) => {
            if !content_type.is_empty() {
                problem.headers.insert(CONTENT_TYPE, content_type);
            }
            Some(body)
        }
        None => None,
    };
    (problem.status, body, record)
}

/// What a protocol adapter (gRPC, GraphQL) sends of an error: the facts of its response, the
/// hiding rules applied.
#[cfg(any(feature = "tonic", feature = "async-graphql"))]
#[cfg_attr(not(feature = "tonic"), allow(dead_code))] // GraphQL reads fewer of them
pub(crate) struct Facts {
    pub status: StatusCode,
    /// The Display text when shown; for a hidden detail (or none) the IANA title.
    pub message: String,
    /// The variant's code (`HttpStatus::__code`; a hand-written impl's: its status's constant
    /// name), never hidden.
    pub code: &'static str,
    /// `#[grpc(CODE)]`, google.rpc.Code's number.
    pub grpc: Option<u8>,
    /// The crate that defines the error type.
    pub domain: &'static str,
    /// The extension members shown (none for a hidden detail); a member that fails to
    /// serialize is left out.
    pub members: Vec<(&'static str, serde_json::Value)>,
    /// The header fields, as the response would carry them (no content-type).
    pub headers: HeaderMap,
    /// The type URI, `None` for `about:blank`.
    #[cfg_attr(not(feature = "async-graphql"), allow(dead_code))] // gRPC sends none
    pub type_: Option<&'static str>,
}

/// The facts of `e`'s response for a protocol adapter: `__problem` run with a header map of
/// its own, and logged as [`build`] does (feature `tracing`). Not generic.
#[cfg(any(feature = "tonic", feature = "async-graphql"))]
pub(crate) fn facts(e: &dyn HttpStatus) -> Facts {
    let mut headers = HeaderMap::new();
    let (problem, _) = Problem::of(e, &mut headers);
    let status = problem.status;
    let shown = problem.expose;
    let mut message = String::new();
    match problem.detail().filter(|_| shown) {
        // A Display that fails (`to_string` would panic) sends the title.
        Some(detail) if core::fmt::write(&mut message, format_args!("{detail}")).is_ok() => {}
        _ => {
            message.clear();
            message.push_str(iana_title(status));
        }
    }
    let members = match shown {
        true => problem.extensions.iter().filter_map(|(name, value)| Some((*name, value.to_value()?))).collect(),
        false => Vec::new(),
    };
    let (code, grpc, domain, type_) = (problem.code, problem.grpc, problem.domain, problem.type_);
    drop(problem);
    Facts { status, message, code, grpc, domain, members, headers, type_ }
}

/// The IANA title of a status (its registered reason phrase), else `http`'s, else
/// `Unknown Status`: the body's title unless `#[problem(title)]` says otherwise, and what a
/// protocol adapter sends for a hidden detail.
fn iana_title(status: StatusCode) -> &'static str {
    match errstatus_registry::lookup(status.as_u16()) {
        Some(entry) => entry.reason,
        None => status.canonical_reason().unwrap_or("Unknown Status"),
    }
}

/// Collects the parts of `e`'s response, for frameworks on other `http` versions.
#[cfg(feature = "actix-web")]
pub(crate) fn parts(e: &dyn HttpStatus) -> Parts {
    let mut headers = HeaderMap::new();
    let (status, body, record) = build(e, &mut headers);
    Parts { status, headers, body, record }
}

/// The `http::Response<String>` for `e`, built in place: the header fields go straight into
/// the response's map and the body String is moved in, nothing is copied. Its extensions hold
/// the [`ErrorRecord`].
fn string_response(e: &dyn HttpStatus) -> http::Response<String> {
    let mut response = http::Response::new(String::new());
    let (status, body, record) = build(e, response.headers_mut());
    *response.status_mut() = status;
    response.extensions_mut().insert(record);
    if let Some(body) = body {
        *response.body_mut() = body;
    }
    response
}

/// Builds the `http::Response` for `e`: status, `#[header]` fields, `content-type:
/// application/problem+json` and the RFC 9457 body, and the [`ErrorRecord`] in its extensions
/// (which carry it through `map`).
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

    fn __code(&self) -> (&'static str, &'static str) {
        self.0.__code()
    }

    fn __status_code(&self) -> (http::StatusCode, crate::status::code::Code) {
        self.0.__status_code()
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

// Its unit tests, out of the published package.
#[cfg(test)]
#[path = "../tests/unit/response.rs"]
mod tests;
