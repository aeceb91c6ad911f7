//! [`Problem`]: the record a derived `HttpStatus::__problem` fills in, one call per attribute
//! (status, header fields, problem members, body format). The builder (response.rs) reads it.

use core::fmt::{self, Display};

use http::header::{HeaderMap, HeaderName, HeaderValue};
use http::StatusCode;

use crate::body::format::{Format, FormatFns};
use crate::body::json::{DisplayMember, ExtensionMember, Member};

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

/// A `#[problem(detail = "...")]` text, written from the error's fields: the derive implements
/// it for a type with such a detail (one `match` arm per variant that has one).
#[doc(hidden)]
pub trait DetailText {
    /// Writes the detail of the value's variant.
    fn __detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

/// A [`DetailText`] as a Display, for the body.
pub(crate) struct DetailOf<'a>(pub &'a dyn DetailText);

impl Display for DetailOf<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.__detail(f)
    }
}

/// The parts of one error response, collected by the derived `HttpStatus::__problem`.
#[doc(hidden)]
pub struct Problem<'a> {
    pub(crate) status: StatusCode,
    pub(crate) expose: bool,
    pub(crate) detail: Option<&'a dyn Display>,
    /// A detail made for this response (see [`Problem::status_text`]); `detail` wins over it.
    pub(crate) text: Option<String>,
    /// `#[problem(detail = "...")]`: the body's detail in place of the Display text, which
    /// stays the log message.
    pub(crate) detail_text: Option<&'a dyn DetailText>,
    pub(crate) type_: Option<&'static str>,
    pub(crate) title: Option<&'static str>,
    pub(crate) instance: Option<&'a dyn Display>,
    pub(crate) extensions: Vec<(&'static str, Member<'a>)>,
    /// The header map of the response being built, filled in place.
    pub(crate) headers: &'a mut HeaderMap,
    #[cfg_attr(not(feature = "tracing"), allow(dead_code))]
    pub(crate) error: Option<&'a (dyn std::error::Error + 'a)>,
    /// The body format; `None`: problem+json.
    pub(crate) format: Option<FormatFns>,
    /// The error itself through serde, for the `SerdeJson` format.
    pub(crate) whole: Option<&'a dyn ExtensionMember>,
    /// The variant that produced the response, for custom formats.
    pub(crate) variant: &'static str,
    /// The variant's code (`#[problem(code = "...")]`, else its name in SCREAMING_SNAKE_CASE):
    /// set with the name where the derive names variants, and by the builder from
    /// `HttpStatus::__code` for every response; never hidden.
    pub(crate) code: &'static str,
    /// `#[grpc(CODE)]`: the gRPC code of the variant (or of the type's variants), google.rpc.Code's
    /// number; `None`: the status decides (feature `tonic`). Set whatever the features.
    #[cfg_attr(not(feature = "tonic"), allow(dead_code))]
    pub(crate) grpc: Option<u8>,
    /// The name of the crate that defines the error type (`CARGO_PKG_NAME` where the derive
    /// expands), for gRPC's `ErrorInfo.domain`; set by the derive with feature `tonic`.
    #[cfg_attr(not(feature = "tonic"), allow(dead_code))]
    pub(crate) domain: &'static str,
    /// Whether a hidden detail is logged (feature `tracing`); `#[errstatus(skip(tracing))]`
    /// turns it off for the type's responses.
    /// The level of the response's event: one of the `LOG_*` levels, [`LOG_BY_CLASS`] until
    /// a `log` option (or `skip(tracing)`) sets it; the first setting wins.
    #[cfg_attr(not(feature = "tracing"), allow(dead_code))]
    pub(crate) level: u8,
    /// After [`Problem::siblings`]: the fields of a transparent field's siblings replace the
    /// inner error's of the same name.
    siblings: bool,
    /// The header names the siblings have sent so far: the inner error's values of these are
    /// gone, the siblings' own are appended.
    replaced: Vec<HeaderName>,
}

impl<'a> Problem<'a> {
    pub(crate) fn new(headers: &'a mut HeaderMap) -> Self {
        Problem {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            expose: false,
            detail: None,
            text: None,
            detail_text: None,
            type_: None,
            title: None,
            instance: None,
            extensions: Vec::new(),
            headers,
            error: None,
            format: None,
            whole: None,
            variant: "",
            code: "",
            grpc: None,
            domain: "",
            level: LOG_BY_CLASS,
            siblings: false,
            replaced: Vec::new(),
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
        self.whole = None;
    }

    /// The error itself as the body, for `SerdeJson` (see `__private::Whole`).
    #[inline]
    pub fn whole(&mut self, value: Option<&'a dyn ExtensionMember>) {
        self.whole = value;
    }

    /// `#[problem(detail = "...")]`: the body's detail, in place of the Display text.
    #[inline]
    pub fn detail_text(&mut self, text: &'a dyn DetailText) {
        self.detail_text = Some(text);
    }

    /// The name of the variant and its code, for [`Details::variant`] and [`Details::code`]
    /// (the derive sets them when a custom format reads them).
    ///
    /// [`Details::variant`]: crate::body::format::Details::variant
    /// [`Details::code`]: crate::body::format::Details::code
    #[inline]
    pub fn variant(&mut self, name: &'static str, code: &'static str) {
        self.variant = name;
        self.code = code;
    }

    /// `#[grpc(CODE)]`: the gRPC code, as google.rpc.Code numbers it (`5`: `NOT_FOUND`); the
    /// derive emits it whatever the features, the `tonic` adapter reads it.
    #[inline]
    pub fn grpc(&mut self, code: u8) {
        self.grpc = Some(code);
    }

    /// The name of the crate that defines the error type (`option_env!("CARGO_PKG_NAME")` where
    /// the derive expands), once per `__problem`; an inner error's, through a transparent
    /// variant, replaces it.
    #[inline]
    pub fn domain(&mut self, name: Option<&'static str>) {
        self.domain = name.unwrap_or("");
    }

    /// `#[errstatus(skip(tracing))]`: no event for this response.
    #[inline]
    pub fn no_log(&mut self) {
        self.log_level(LOG_OFF);
    }

    /// `#[errstatus(log = "...")]`: the level of this response's event, one of the `LOG_*`
    /// numbers (the derive writes the number). The first call wins: an outer type's (or
    /// variant's) choice holds through a transparent variant, whatever the inner error says.
    #[inline]
    pub fn log_level(&mut self, level: u8) {
        if self.level == LOG_BY_CLASS {
            self.level = level;
        }
    }

    /// After the inner error of a field-level `#[status(transparent)]` has filled in its
    /// response: the siblings' header fields and members that follow replace the inner error's
    /// of the same name (one value per field, one member per name). A sibling that sends
    /// nothing (an `Option` that is `None`) leaves the inner error's.
    #[inline]
    pub fn siblings(&mut self) {
        self.siblings = true;
    }

    /// Sends one header value: appended, or after [`Problem::siblings`], in place of the
    /// inner error's values of that name.
    #[inline]
    fn put(&mut self, name: HeaderName, value: HeaderValue) {
        if self.siblings {
            // An index loop rather than `contains`: no slice search compiled here for it.
            let mut i = 0;
            while i < self.replaced.len() && self.replaced[i] != name {
                i += 1;
            }
            if i == self.replaced.len() {
                self.headers.remove(&name);
                self.replaced.push(name.clone());
            }
        }
        self.headers.append(name, value);
    }

    /// A header value already checked: a fixed `#[header(NAME = "...")]` or the result of a
    /// `with` function.
    #[inline]
    pub fn header_value(&mut self, name: HeaderName, value: HeaderValue) {
        self.put(name, value);
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
        self.status(status, detail, shown_by_class(status));
    }

    /// As [`status_by_class`](Self::status_by_class), with a text made for this response in
    /// place of a Display that lives as long as the error (a framework's rejection whose
    /// response text is not its Display text).
    #[cfg(feature = "axum")]
    pub(crate) fn status_text(&mut self, status: StatusCode, text: String) {
        self.status = status;
        self.detail = None;
        self.text = Some(text);
        self.expose = shown_by_class(status);
    }

    /// The detail: the Display given with the status, else the text made for this response.
    pub(crate) fn detail(&self) -> Option<&dyn Display> {
        match (self.detail, &self.text) {
            (Some(detail), _) => Some(detail),
            (None, Some(text)) => Some(text),
            (None, None) => None,
        }
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
            self.put(name, value);
        }
    }

    /// A `#[header]` field of type `String` or `&str`: no formatting. An invalid value is left
    /// out, as in [`Problem::header`].
    #[inline]
    pub fn header_str(&mut self, name: HeaderName, value: &str) {
        if let Ok(value) = HeaderValue::from_str(value) {
            self.put(name, value);
        }
    }

    /// A `#[header]` field of an integer type: always a valid header value.
    #[inline]
    pub fn header_int<V: Into<HeaderValue>>(&mut self, name: HeaderName, value: V) {
        self.put(name, value.into());
    }

    /// The `#[problem(instance)]` field.
    #[inline]
    pub fn instance(&mut self, value: &'a dyn Display) {
        self.instance = Some(value);
    }

    /// A `#[problem(extension)]` field. A member of a name already sent (the inner error's,
    /// before a sibling's) is replaced in place: a body never carries a member twice.
    #[inline]
    pub fn extension(&mut self, name: &'static str, value: &'a dyn ExtensionMember) {
        self.member(name, Member::Serialize(value));
    }

    /// A `#[problem(extension, display)]` field: its Display text, as a JSON string.
    #[inline]
    pub fn extension_display(&mut self, name: &'static str, value: &'a dyn DisplayMember) {
        self.member(name, Member::Display(value));
    }

    /// A `#[problem(extension, with = path)]` field: `path(&field)`, called only when the
    /// members are shown.
    #[inline]
    pub fn extension_with<T: ?Sized>(&mut self, name: &'static str, value: &T, with: fn(&T) -> serde_json::Value) {
        if self.expose {
            self.member(name, Member::Value(with(value)));
        }
    }

    fn member(&mut self, name: &'static str, value: Member<'a>) {
        // An index loop: `iter_mut().find` and its closure would be generic code compiled here.
        let mut i = 0;
        while i < self.extensions.len() {
            if self.extensions[i].0 == name {
                self.extensions[i].1 = value;
                return;
            }
            i += 1;
        }
        self.extensions.push((name, value));
    }

    /// The error itself, for its `source()` chain in logs (feature `tracing`).
    #[inline]
    pub fn error(&mut self, error: Option<&'a (dyn std::error::Error + 'a)>) {
        self.error = error;
    }
}

/// Whether a detail is shown when nothing says otherwise: below 500. A run-time status past
/// 599 (which `http::StatusCode` takes, up to 999) is hidden like a 5xx.
/// The level of an event by the status's class: ERROR for a 5xx, DEBUG below.
pub(crate) const LOG_BY_CLASS: u8 = 0;
/// `log = "error"`.
#[cfg_attr(not(feature = "tracing"), allow(dead_code))]
pub(crate) const LOG_ERROR: u8 = 1;
/// `log = "warn"`.
#[cfg_attr(not(feature = "tracing"), allow(dead_code))]
pub(crate) const LOG_WARN: u8 = 2;
/// `log = "info"`.
#[cfg_attr(not(feature = "tracing"), allow(dead_code))]
pub(crate) const LOG_INFO: u8 = 3;
/// `log = "debug"`.
#[cfg_attr(not(feature = "tracing"), allow(dead_code))]
pub(crate) const LOG_DEBUG: u8 = 4;
/// `log = "trace"`.
#[cfg_attr(not(feature = "tracing"), allow(dead_code))]
pub(crate) const LOG_TRACE: u8 = 5;
/// `log = "off"` (and `skip(tracing)`): no event.
pub(crate) const LOG_OFF: u8 = 6;

#[inline]
fn shown_by_class(status: StatusCode) -> bool {
    status.as_u16() < 500
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

impl fmt::Debug for Problem<'_> {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Problem").field("status", &self.status).field("expose", &self.expose).finish_non_exhaustive()
    }
}
