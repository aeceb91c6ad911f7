//! Status, header fields and the RFC 9457 problem+json body, built from a [`Problem`] that the
//! derived `HttpStatus::__problem` fills in. Everything here is compiled once, in this crate;
//! the derive only emits calls.

use core::fmt::{self, Display};

use http::header::{HeaderMap, HeaderName, HeaderValue, CONTENT_TYPE};
use http::StatusCode;
use serde::Serialize;

use crate::HttpStatus;

/// The media type of RFC 9457 problem details.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An extension member value: anything `serde::Serialize`.
#[doc(hidden)]
pub trait Member {
    fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()>;
}

impl<T: Serialize + ?Sized> Member for T {
    fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        serde_json::to_writer(out, self)
    }
}

/// The parts of one error response, collected by the derived `HttpStatus::__problem`.
#[doc(hidden)]
pub struct Problem<'a> {
    status: StatusCode,
    expose: bool,
    detail: Option<&'a dyn Display>,
    type_: Option<&'static str>,
    title: Option<&'static str>,
    instance: Option<&'a dyn Display>,
    extensions: Vec<(&'static str, &'a dyn Member)>,
    headers: HeaderMap,
    #[cfg_attr(not(feature = "tracing"), allow(dead_code))]
    error: Option<&'a (dyn std::error::Error + 'a)>,
}

impl<'a> Problem<'a> {
    pub(crate) fn new() -> Self {
        Problem {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            expose: false,
            detail: None,
            type_: None,
            title: None,
            instance: None,
            extensions: Vec::new(),
            headers: HeaderMap::new(),
            error: None,
        }
    }

    /// The status and the error's Display text; `expose` says whether the text (and the
    /// instance and extension members) go into the body.
    #[inline]
    pub fn status(&mut self, status: StatusCode, detail: &'a dyn Display, expose: bool) {
        self.status = status;
        self.detail = Some(detail);
        self.expose = expose;
    }

    /// The status alone: no detail (for hand-written `HttpStatus` impls).
    #[inline]
    pub fn plain(&mut self, status: StatusCode) {
        self.status = status;
    }

    /// `#[problem(type = ..., title = ...)]`.
    #[inline]
    pub fn kind(&mut self, type_: Option<&'static str>, title: Option<&'static str>) {
        self.type_ = type_;
        self.title = title;
    }

    /// A `#[header]` field. A value that is not a valid header value (CR, LF, NUL, ...) is
    /// left out: never a panic, never a header injection.
    pub fn header(&mut self, name: HeaderName, value: &dyn Display) {
        let mut text = String::new();
        // A Display that fails leaves the header out; `to_string` would panic.
        if fmt::write(&mut text, format_args!("{value}")).is_err() {
            return;
        }
        if let Ok(value) = HeaderValue::try_from(text) {
            self.headers.append(name, value);
        }
    }

    /// The `#[problem(instance)]` field.
    #[inline]
    pub fn instance(&mut self, value: &'a dyn Display) {
        self.instance = Some(value);
    }

    /// A `#[problem(extension)]` field.
    #[inline]
    pub fn extension(&mut self, name: &'static str, value: &'a dyn Member) {
        self.extensions.push((name, value));
    }

    /// The error itself, for its `source()` chain in logs (feature `tracing`).
    #[inline]
    pub fn error(&mut self, error: Option<&'a (dyn std::error::Error + 'a)>) {
        self.error = error;
    }

    /// Status, Display and error of a response whose detail is hidden (a 5xx without
    /// `expose`), or `None`.
    #[cfg(feature = "tracing")]
    pub(crate) fn masked(&self) -> Option<(StatusCode, &'a dyn Display, Option<&'a (dyn std::error::Error + 'a)>)> {
        match self.detail {
            Some(detail) if !self.expose => Some((self.status, detail, self.error)),
            _ => None,
        }
    }

    /// The body: `None` for codes that cannot carry content (1xx, 204, 205, 304).
    fn body(&self) -> Option<String> {
        let code = self.status.as_u16();
        let entry = errstatus_registry::lookup(code);
        if !entry.map_or(true, |e| e.content) {
            return None;
        }
        let title =
            self.title.or(entry.map(|e| e.reason)).or(self.status.canonical_reason()).unwrap_or("Unknown Status");
        let mut buf = Vec::with_capacity(96 + title.len() + self.type_.map_or(0, str::len));
        buf.extend_from_slice(b"{\"type\":");
        push_json(&mut buf, self.type_.unwrap_or("about:blank"));
        buf.extend_from_slice(b",\"title\":");
        push_json(&mut buf, title);
        buf.extend_from_slice(b",\"status\":");
        buf.extend_from_slice(itoa3(code).as_slice());
        if self.expose {
            if let Some(detail) = self.detail {
                display_member(&mut buf, "detail", detail);
            }
            if let Some(instance) = self.instance {
                display_member(&mut buf, "instance", instance);
            }
            for (name, value) in &self.extensions {
                member(&mut buf, name, *value);
            }
        }
        buf.push(b'}');
        // serde_json writes UTF-8 only, and so does the code above.
        Some(String::from_utf8(buf).unwrap_or_default())
    }

    /// Status, header fields and body, ready for any framework.
    pub(crate) fn finish(self) -> Parts {
        let body = self.body();
        let mut headers = self.headers;
        if body.is_some() {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        }
        Parts { status: self.status, headers, body }
    }
}

/// The status code as three ASCII digits (100..=999 by `StatusCode`'s invariant).
fn itoa3(code: u16) -> [u8; 3] {
    [b'0' + (code / 100) as u8, b'0' + (code / 10 % 10) as u8, b'0' + (code % 10) as u8]
}

fn push_json(buf: &mut Vec<u8>, s: &str) {
    // Writing a str into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *buf, s);
}

/// Writes `,"name":value`; a value that fails to serialize is left out whole.
fn member(buf: &mut Vec<u8>, name: &str, value: &dyn Member) {
    let start = buf.len();
    buf.push(b',');
    push_json(buf, name);
    buf.push(b':');
    if value.write_json(buf).is_err() {
        buf.truncate(start);
    }
}

/// Writes `,"name":"<Display text>"`, escaping the text as it is written (no intermediate
/// String). A Display that returns an error leaves the member out whole.
fn display_member(buf: &mut Vec<u8>, name: &str, value: &dyn Display) {
    let start = buf.len();
    buf.push(b',');
    push_json(buf, name);
    buf.extend_from_slice(b":\"");
    if fmt::write(&mut JsonStr(buf), format_args!("{value}")).is_err() {
        buf.truncate(start);
        return;
    }
    buf.push(b'"');
}

/// A `fmt::Write` that appends the contents of a JSON string (RFC 8259 §7): quotes,
/// backslashes and control characters escaped, everything else as UTF-8.
struct JsonStr<'a>(&'a mut Vec<u8>);

impl fmt::Write for JsonStr<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let bytes = s.as_bytes();
        let mut plain = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let escape: &[u8] = match b {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0x08 => b"\\b",
                0x0c => b"\\f",
                0..=0x1f => &[b'\\', b'u', b'0', b'0', HEX[(b >> 4) as usize], HEX[(b & 0xf) as usize]],
                _ => continue,
            };
            self.0.extend_from_slice(&bytes[plain..i]);
            self.0.extend_from_slice(escape);
            plain = i + 1;
        }
        self.0.extend_from_slice(&bytes[plain..]);
        Ok(())
    }
}

impl fmt::Debug for Problem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Problem").field("status", &self.status).field("expose", &self.expose).finish_non_exhaustive()
    }
}

/// A finished response: status, header fields (content-type included) and body.
pub(crate) struct Parts {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Option<String>,
}

/// Collects the parts of `e`'s response. Not generic: one copy for all error types.
pub(crate) fn parts(e: &dyn HttpStatus) -> Parts {
    let mut problem = Problem::new();
    e.__problem(&mut problem);
    #[cfg(feature = "tracing")]
    crate::log::masked(&problem);
    problem.finish()
}

/// Builds the `http::Response` for `e`: status, `#[header]` fields, `content-type:
/// application/problem+json` and the RFC 9457 body.
pub(crate) fn to_response<B: From<String>>(e: &dyn HttpStatus) -> http::Response<B> {
    let Parts { status, headers, body } = parts(e);
    let mut response = http::Response::new(B::from(body.unwrap_or_default()));
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    response
}
