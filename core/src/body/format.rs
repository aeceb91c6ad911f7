//! Body formats: the [`Format`] trait and the [`Details`] a format writes from (the default,
//! `ProblemJson`, is in problem_json.rs). A format changes the body and its content-type only:
//! the status, the header fields and the hiding rules are decided before it runs.

use core::fmt::Display;

use http::StatusCode;

use crate::body::json::{ExtensionMember, Member};

/// How an error's body is written: `#[errstatus(format = Type)]` on the derived type.
///
/// A response whose `write` writes nothing has no body and no `content-type`. Codes that cannot
/// carry content (1xx, 204, 205, 304) never have a body, whatever the format.
///
/// ```
/// use errstatus::{Details, Format, HttpStatus};
///
/// /// `{"error": "...", "code": 404}`
/// struct Legacy;
///
/// impl Format for Legacy {
///     const CONTENT_TYPE: &'static str = "application/json";
///
///     fn write(d: &Details<'_>, out: &mut String) {
///         let error = d.detail().map_or_else(|| d.title().to_owned(), |t| t.to_string());
///         let error = serde_json::to_string(&error).unwrap_or_default();
///         out.push_str(&format!(r#"{{"error":{error},"code":{}}}"#, d.status().as_u16()));
///     }
/// }
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// #[errstatus(format = Legacy)]
/// enum ApiError {
///     #[error("no user {0}")]
///     #[status(404)]
///     NoUser(u64),
///     #[error("database down")]
///     #[status(503)]
///     Db,
/// }
///
/// let r: http::Response<String> = ApiError::NoUser(7).into();
/// assert_eq!(r.headers()["content-type"], "application/json");
/// assert_eq!(r.body(), r#"{"error":"no user 7","code":404}"#);
/// // A 5xx detail stays hidden: the format sees no detail.
/// let r: http::Response<String> = ApiError::Db.into();
/// assert_eq!(r.body(), r#"{"error":"Service Unavailable","code":503}"#);
/// ```
pub trait Format {
    /// The `content-type` of the body.
    const CONTENT_TYPE: &'static str;

    /// Writes the body of one response into `out` (empty when called).
    fn write(details: &Details<'_>, out: &mut String);

    /// The content-type of one response; by default [`Format::CONTENT_TYPE`]. A value that is
    /// not a valid header value is left out.
    fn content_type(details: &Details<'_>) -> &'static str {
        let _ = details;
        Self::CONTENT_TYPE
    }

    /// The JSON Schema of the body, for the OpenAPI documents (features `utoipa`, `aide` and
    /// `poem-openapi`); by default `None`, documented as any JSON value.
    ///
    /// Whatever the schema, each variant's example in the documents is this format's own
    /// [`write`](Format::write) output for the variant: its status, title and type, the
    /// `#[error("...")]` text as the detail (placeholders marked: `no user <u64>`; none when
    /// the detail is hidden), no instance and no extension members. For a JSON content-type
    /// (`application/json`, `*/*+json`) the example is that output parsed, otherwise the text
    /// as a string.
    ///
    /// ```
    /// use errstatus::{Details, Format};
    /// use serde_json::json;
    ///
    /// struct Legacy;
    ///
    /// impl Format for Legacy {
    ///     const CONTENT_TYPE: &'static str = "application/json";
    ///
    ///     fn write(d: &Details<'_>, out: &mut String) {
    ///         let error = d.detail().map_or_else(|| d.title().to_owned(), |t| t.to_string());
    ///         let body = json!({ "error": error, "code": d.status().as_u16() });
    ///         out.push_str(&body.to_string());
    ///     }
    ///
    ///     fn schema() -> Option<serde_json::Value> {
    ///         Some(json!({
    ///             "type": "object",
    ///             "required": ["error", "code"],
    ///             "properties": {
    ///                 "error": { "type": "string" },
    ///                 "code": { "type": "integer" },
    ///             },
    ///         }))
    ///     }
    /// }
    ///
    /// assert_eq!(Legacy::schema().unwrap()["required"], json!(["error", "code"]));
    /// ```
    fn schema() -> Option<serde_json::Value> {
        None
    }
}

/// What a [`Format`] writes from: the parts of one response, with the hiding rules applied
/// (`detail`, `instance` and the extension members are `None` / empty when hidden).
///
/// ```
/// use errstatus::{Details, Format};
///
/// struct Code;
/// impl Format for Code {
///     const CONTENT_TYPE: &'static str = "text/plain; charset=utf-8";
///     fn write(d: &Details<'_>, out: &mut String) {
///         out.push_str(d.variant());
///     }
/// }
/// # #[derive(Debug, thiserror::Error, errstatus::HttpStatus)]
/// # #[errstatus(format = Code)]
/// # enum E { #[error("x")] #[status(409)] Taken }
/// # let r: http::Response<String> = E::Taken.into();
/// # assert_eq!(r.body(), "Taken");
/// ```
pub struct Details<'a> {
    pub(crate) status: StatusCode,
    pub(crate) title: &'a str,
    pub(crate) type_: Option<&'a str>,
    pub(crate) detail: Option<&'a dyn Display>,
    pub(crate) instance: Option<&'a dyn Display>,
    pub(crate) extensions: &'a [(&'static str, Member<'a>)],
    pub(crate) variant: &'a str,
    pub(crate) code: &'a str,
    /// The error itself through serde, for [`SerdeJson`](crate::body::serde_json::SerdeJson):
    /// `None` for other formats and when hidden.
    pub(crate) whole: Option<&'a dyn ExtensionMember>,
}

impl<'a> Details<'a> {
    /// The status code of the response.
    #[inline]
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The title: `#[problem(title = ...)]`, else the IANA reason phrase (the `http` crate's
    /// phrase for an unregistered code decided at run time).
    #[inline]
    pub fn title(&self) -> &'a str {
        self.title
    }

    /// The problem type URI, or `None` for `about:blank`.
    #[inline]
    pub fn type_uri(&self) -> Option<&'a str> {
        self.type_
    }

    /// The error's Display text (or its `#[problem(detail = "...")]` text), or `None` when it
    /// is hidden (a 5xx without `expose`, or `expose = false`).
    #[inline]
    pub fn detail(&self) -> Option<&'a dyn Display> {
        self.detail
    }

    /// The `#[problem(instance)]` field, or `None` when absent or hidden.
    #[inline]
    pub fn instance(&self) -> Option<&'a dyn Display> {
        self.instance
    }

    /// The extension members shown, in declaration order, as JSON values. A member that fails
    /// to serialize is left out.
    ///
    /// A `serde_json::Value` holds an object's members in a map that, unless some crate of the
    /// build turns on serde_json's `preserve_order` feature, sorts them by name: a struct member
    /// `Meta { z: 1, a: 2 }` comes back as `{"a":2,"z":1}` once this value is serialized again.
    /// To send each member as the problem+json body does, exactly as `serde_json::to_string`
    /// writes it (struct fields in declaration order), use [`Details::extensions_json`].
    // `#[inline]` (as `to_value` and `clone_value` under it): only a custom format calls it, so it
    // is compiled in the crate that defines one, not in every build of this crate.
    #[inline]
    pub fn extensions(&self) -> Vec<(&'static str, serde_json::Value)> {
        // Index loops, not `iter().filter_map().collect()`: no iterator adapters and closures
        // compiled into this crate for them.
        let mut out = Vec::with_capacity(self.extensions.len());
        let mut i = 0;
        while i < self.extensions.len() {
            let (name, value) = &self.extensions[i];
            i += 1;
            if let Some(value) = value.to_value() {
                out.push((*name, value));
            }
        }
        out
    }

    /// The extension members shown, in declaration order, each as its JSON text: exactly what
    /// `serde_json::to_string(&field)` gives (struct fields in declaration order, whatever
    /// serde_json's features), the text the problem+json body carries. A member that fails to
    /// serialize is left out.
    ///
    /// ```
    /// use errstatus::{Details, Format, HttpStatus};
    ///
    /// /// `{"error": "...", "data": {<members>}}`
    /// struct Envelope;
    ///
    /// impl Format for Envelope {
    ///     const CONTENT_TYPE: &'static str = "application/json";
    ///
    ///     fn write(d: &Details<'_>, out: &mut String) {
    ///         let error = d.detail().map_or_else(|| d.title().to_owned(), |t| t.to_string());
    ///         out.push_str(r#"{"error":"#);
    ///         out.push_str(&serde_json::to_string(&error).unwrap_or_default());
    ///         out.push_str(r#","data":{"#);
    ///         for (i, (name, json)) in d.extensions_json().iter().enumerate() {
    ///             if i > 0 {
    ///                 out.push(',');
    ///             }
    ///             out.push_str(&serde_json::to_string(name).unwrap_or_default());
    ///             out.push(':');
    ///             out.push_str(json);
    ///         }
    ///         out.push_str("}}");
    ///     }
    /// }
    ///
    /// #[derive(serde::Serialize)]
    /// struct Range { min: u32, max: u32 }
    ///
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// #[errstatus(format = Envelope)]
    /// #[error("out of range")]
    /// #[status(422)]
    /// struct OutOfRange {
    ///     #[problem(extension)]
    ///     range: Range,
    /// }
    /// # impl std::fmt::Debug for Range {
    /// #     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str("Range") }
    /// # }
    ///
    /// let r: http::Response<String> = OutOfRange { range: Range { min: 5, max: 1 } }.into();
    /// // `max` after `min`, as declared: not sorted.
    /// assert_eq!(r.body(), r#"{"error":"out of range","data":{"range":{"min":5,"max":1}}}"#);
    /// ```
    // `#[inline]`: only a custom format calls it (see `extensions`).
    #[inline]
    pub fn extensions_json(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::with_capacity(self.extensions.len());
        let mut i = 0;
        while i < self.extensions.len() {
            let (name, value) = &self.extensions[i];
            i += 1;
            let mut json = String::new();
            if value.write_json(&mut json) {
                out.push((*name, json));
            }
        }
        out
    }

    /// The name of the variant that produced the response (the struct's name for a struct,
    /// the inner error's through a transparent variant), for formats that send a
    /// machine-readable error code. Empty for a hand-written `HttpStatus` impl.
    #[inline]
    pub fn variant(&self) -> &'a str {
        self.variant
    }

    /// The machine-readable code of the variant that produced the response:
    /// `#[problem(code = "...")]` on the variant (or struct), else its name in
    /// SCREAMING_SNAKE_CASE (`UserNotFound` -> `USER_NOT_FOUND`, `HTTPError` -> `HTTP_ERROR`),
    /// the inner error's through a transparent variant. A code is never hidden: a 5xx whose
    /// detail is hidden keeps it. Codes are unique among a type's variants (checked at compile
    /// time). Empty for a hand-written `HttpStatus` impl.
    ///
    /// ```
    /// use errstatus::{Details, Format, HttpStatus};
    ///
    /// /// `{"code": "...", "message": "..."}`
    /// struct Coded;
    ///
    /// impl Format for Coded {
    ///     const CONTENT_TYPE: &'static str = "application/json";
    ///
    ///     fn write(d: &Details<'_>, out: &mut String) {
    ///         let message = d.detail().map_or_else(|| d.title().to_owned(), |t| t.to_string());
    ///         let body = serde_json::json!({ "code": d.code(), "message": message });
    ///         out.push_str(&body.to_string());
    ///     }
    /// }
    ///
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// #[errstatus(format = Coded)]
    /// enum ApiError {
    ///     #[error("no user {0}")]
    ///     #[status(404)]
    ///     #[problem(code = "USER_NOT_FOUND")]
    ///     NoUser(u64),
    ///     #[error("database down")]
    ///     #[status(503)]
    ///     DbDown,
    /// }
    ///
    /// let r: http::Response<String> = ApiError::NoUser(7).into();
    /// assert_eq!(r.body(), r#"{"code":"USER_NOT_FOUND","message":"no user 7"}"#);
    /// // Hidden detail, code kept.
    /// let r: http::Response<String> = ApiError::DbDown.into();
    /// assert_eq!(r.body(), r#"{"code":"DB_DOWN","message":"Service Unavailable"}"#);
    /// ```
    #[inline]
    pub fn code(&self) -> &'a str {
        self.code
    }
}

impl core::fmt::Debug for Details<'_> {
    #[inline]
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Details")
            .field("status", &self.status)
            .field("title", &self.title)
            .field("type_uri", &self.type_)
            .field("variant", &self.variant)
            .field("code", &self.code)
            .finish_non_exhaustive()
    }
}

/// A format as two functions, chosen by the derived `__problem` (`Problem::format`).
#[derive(Clone, Copy)]
pub(crate) struct FormatFns {
    pub write: fn(&Details<'_>, &mut String),
    pub content_type: fn(&Details<'_>) -> &'static str,
}

impl FormatFns {
    pub(crate) fn of<F: Format + ?Sized>() -> Self {
        FormatFns { write: F::write, content_type: F::content_type }
    }
}
