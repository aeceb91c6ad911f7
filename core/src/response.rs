//! Status, header fields and the RFC 9457 problem+json body, built from a [`Problem`] that the
//! derived `HttpStatus::__problem` fills in. Everything here is compiled once, in this crate;
//! the derive only emits calls.

use core::fmt::{self, Display};

use http::header::{HeaderMap, HeaderName, HeaderValue, CONTENT_TYPE};
use http::StatusCode;
use serde_core::Serialize;

use crate::format::{Details, Format, FormatFns, ProblemJson};
use crate::HttpStatus;

/// The media type of RFC 9457 problem details.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// [`PROBLEM_JSON`] as a header value, checked at compile time rather than per response.
const PROBLEM_JSON_VALUE: HeaderValue = HeaderValue::from_static(PROBLEM_JSON);

/// The type of a `#[problem(extension)]` field: any type that implements `serde::Serialize`.
///
/// Implemented for all of them; there is nothing to implement by hand. The trait exists so
/// that a field type that is not `Serialize` gets a compile error that says so:
///
/// ```text
/// error[E0277]: extension member of type `Money` must implement `serde::Serialize`
/// ```
#[diagnostic::on_unimplemented(
    message = "extension member of type `{Self}` must implement `serde::Serialize`",
    label = "a `#[problem(extension)]` field is serialized with serde",
    note = "derive it with `#[derive(serde::Serialize)]` or implement `serde::Serialize` for `{Self}`"
)]
pub trait ExtensionMember {
    /// Appends the value as JSON; `false` (and the text written so far left in `out`) when it
    /// fails to serialize.
    #[doc(hidden)]
    fn __write_json(&self, out: &mut String) -> bool;

    /// The value as JSON, for [`Details::extensions`](crate::Details::extensions); `None` when
    /// it fails to serialize.
    #[doc(hidden)]
    fn __to_value(&self) -> Option<serde_json::Value>;
}

impl<T: Serialize + ?Sized> ExtensionMember for T {
    fn __write_json(&self, out: &mut String) -> bool {
        serde_json::to_writer(Utf8Writer(out), self).is_ok()
    }

    fn __to_value(&self) -> Option<serde_json::Value> {
        serde_json::to_value(self).ok()
    }
}

/// The type of a `#[header]` field sent through its Display text: any type that implements
/// `std::fmt::Display`.
///
/// Implemented for all of them; there is nothing to implement by hand. The trait exists so
/// that a field type that is not `Display` gets a compile error that says so:
///
/// ```text
/// error[E0277]: `#[header]` field of type `Vec<u8>` must implement `std::fmt::Display`
/// ```
#[diagnostic::on_unimplemented(
    message = "`#[header]` field of type `{Self}` must implement `std::fmt::Display`",
    label = "the header value is this field's Display text",
    note = "implement `std::fmt::Display` for `{Self}`, or send a field of another type (a `String`, an integer) as the header"
)]
pub trait HeaderValueSource: Display {}

impl<T: Display + ?Sized> HeaderValueSource for T {}

/// An `io::Write` into a `String`, for serde_json: it writes whole UTF-8 sequences per call
/// (escapes and numbers are ASCII), so each chunk is checked and appended without a copy.
struct Utf8Writer<'a>(&'a mut String);

impl std::io::Write for Utf8Writer<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = core::str::from_utf8(buf).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
        self.0.push_str(text);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
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
    extensions: Vec<(&'static str, &'a dyn ExtensionMember)>,
    /// The header map of the response being built, filled in place.
    headers: &'a mut HeaderMap,
    #[cfg_attr(not(feature = "tracing"), allow(dead_code))]
    error: Option<&'a (dyn std::error::Error + 'a)>,
    /// The body format; `None`: problem+json.
    format: Option<FormatFns>,
    /// The variant that produced the response, for custom formats.
    variant: &'static str,
}

impl<'a> Problem<'a> {
    pub(crate) fn new(headers: &'a mut HeaderMap) -> Self {
        Problem {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            expose: false,
            detail: None,
            type_: None,
            title: None,
            instance: None,
            extensions: Vec::new(),
            headers,
            error: None,
            format: None,
            variant: "",
        }
    }

    /// `#[errstatus(format = F)]`: the body format of this type's responses.
    #[inline]
    pub fn format<F: Format + ?Sized>(&mut self) {
        self.format = Some(FormatFns::of::<F>());
    }

    /// Back to problem+json: before a transparent variant of a type with a custom format, so
    /// the inner error's response keeps its own format.
    #[inline]
    pub fn default_format(&mut self) {
        self.format = None;
    }

    /// The name of the variant, for [`Details::variant`].
    #[inline]
    pub fn variant(&mut self, name: &'static str) {
        self.variant = name;
    }

    /// A header value already checked: a fixed `#[header(NAME = "...")]` or the result of a
    /// `with` function.
    #[inline]
    pub fn header_value(&mut self, name: HeaderName, value: HeaderValue) {
        self.headers.append(name, value);
    }

    /// A fixed value of the outer type after a transparent variant: sent only if the inner
    /// error did not send that field (the most specific wins).
    #[inline]
    pub fn header_default(&mut self, name: HeaderName, value: HeaderValue) {
        if let http::header::Entry::Vacant(slot) = self.headers.entry(name) {
            slot.insert(value);
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

    /// The status and the Display text, shown unless the status is a 5xx: a variant with
    /// nothing but its code.
    #[inline]
    pub fn status_by_class(&mut self, status: StatusCode, detail: &'a dyn Display) {
        self.status(status, detail, !status.is_server_error());
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

    /// A `#[header]` field, through its Display. A value that is not a valid header value
    /// (CR, LF, NUL, ...) is left out: never a panic, never a header injection. (Taking
    /// `&dyn HeaderValueSource` rather than `&dyn Display` only changes the compile error for
    /// a field that is not Display.)
    pub fn header(&mut self, name: HeaderName, value: &dyn HeaderValueSource) {
        // Short values are formatted on the stack and copied once into the HeaderValue;
        // longer ones go through a String. A Display that fails leaves the header out
        // (`to_string` would panic). A Display may ignore the error of a write that did not
        // fit and return Ok, so `overflow`, not the result, says whether the stack buffer
        // holds the whole value.
        let mut short = ShortBuf { buf: [0; 64], len: 0, overflow: false };
        let result = fmt::write(&mut short, format_args!("{value}"));
        let value = if short.overflow {
            let mut text = String::new();
            if fmt::write(&mut text, format_args!("{value}")).is_err() {
                return;
            }
            HeaderValue::try_from(text)
        } else if result.is_ok() {
            HeaderValue::from_bytes(&short.buf[..short.len])
        } else {
            return;
        };
        if let Ok(value) = value {
            self.headers.append(name, value);
        }
    }

    /// A `#[header]` field of type `String` or `&str`: no formatting. An invalid value is left
    /// out, as in [`Problem::header`].
    #[inline]
    pub fn header_str(&mut self, name: HeaderName, value: &str) {
        if let Ok(value) = HeaderValue::from_str(value) {
            self.headers.append(name, value);
        }
    }

    /// A `#[header]` field of an integer type: always a valid header value.
    #[inline]
    pub fn header_int<V: Into<HeaderValue>>(&mut self, name: HeaderName, value: V) {
        self.headers.append(name, value.into());
    }

    /// The `#[problem(instance)]` field.
    #[inline]
    pub fn instance(&mut self, value: &'a dyn Display) {
        self.instance = Some(value);
    }

    /// A `#[problem(extension)]` field.
    #[inline]
    pub fn extension(&mut self, name: &'static str, value: &'a dyn ExtensionMember) {
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

    /// The body and its content-type: `None` for codes that cannot carry content (1xx, 204,
    /// 205, 304) and for a format that writes nothing.
    fn body(&self) -> Option<(String, HeaderValue)> {
        let code = self.status.as_u16();
        let entry = errstatus_registry::lookup(code);
        if !entry.is_none_or(|e| e.content) {
            return None;
        }
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

/// Writes `s` as a JSON string.
pub(crate) fn push_json(buf: &mut String, s: &str) {
    buf.push('"');
    // Writing into a String cannot fail.
    let _ = fmt::Write::write_str(&mut JsonStr(buf), s);
    buf.push('"');
}

/// A header value formatted on the stack; `overflow` says it did not fit.
struct ShortBuf {
    buf: [u8; 64],
    len: usize,
    overflow: bool,
}

impl fmt::Write for ShortBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        match self.buf.get_mut(self.len..self.len + s.len()) {
            Some(dst) => {
                dst.copy_from_slice(s.as_bytes());
                self.len += s.len();
                Ok(())
            }
            None => {
                self.overflow = true;
                Err(fmt::Error)
            }
        }
    }
}

/// Writes `,"name":value`; a value that fails to serialize is left out whole.
pub(crate) fn member(buf: &mut String, name: &str, value: &dyn ExtensionMember) {
    let start = buf.len();
    buf.push(',');
    push_json(buf, name);
    buf.push(':');
    if !value.__write_json(buf) {
        buf.truncate(start);
    }
}

/// Writes `,"name":"<Display text>"`, escaping the text as it is written (no intermediate
/// String). A Display that returns an error leaves the member out whole.
pub(crate) fn display_member(buf: &mut String, name: &str, value: &dyn Display) {
    let start = buf.len();
    buf.push(',');
    push_json(buf, name);
    buf.push_str(":\"");
    if fmt::write(&mut JsonStr(buf), format_args!("{value}")).is_err() {
        buf.truncate(start);
        return;
    }
    buf.push('"');
}

/// A `fmt::Write` that appends the contents of a JSON string (RFC 8259 §7): quotes,
/// backslashes and control characters escaped, everything else as UTF-8.
struct JsonStr<'a>(&'a mut String);

/// The bytes a JSON string must escape: control characters, `"` and `\\`.
const ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

impl fmt::Write for JsonStr<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        // Fast path: most text has nothing to escape.
        if !s.bytes().any(|b| ESCAPE[usize::from(b)]) {
            self.0.push_str(s);
            return Ok(());
        }
        let mut plain = 0;
        for (i, b) in s.bytes().enumerate() {
            let escape = match b {
                b'"' => '"',
                b'\\' => '\\',
                b'\n' => 'n',
                b'\r' => 'r',
                b'\t' => 't',
                0x08 => 'b',
                0x0c => 'f',
                0..=0x1f => 'u',
                _ => continue,
            };
            // `i` is the index of an ASCII byte, so both ends are char boundaries.
            self.0.push_str(s.get(plain..i).unwrap_or_default());
            self.0.push('\\');
            self.0.push(escape);
            if escape == 'u' {
                self.0.push_str("00");
                self.0.push(char::from(HEX[usize::from(b >> 4)]));
                self.0.push(char::from(HEX[usize::from(b & 0xf)]));
            }
            plain = i + 1;
        }
        self.0.push_str(s.get(plain..).unwrap_or_default());
        Ok(())
    }
}

impl fmt::Debug for Problem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Problem").field("status", &self.status).field("expose", &self.expose).finish_non_exhaustive()
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
