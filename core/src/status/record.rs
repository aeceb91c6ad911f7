//! [`ErrorRecord`]: which error a response came from, in the extensions of every response
//! errstatus builds, so a middleware can tell without parsing the body.

use http::StatusCode;

/// Which error a response came from: put in the extensions of every response errstatus builds
/// (`http::Response`, axum, actix-web, poem and salvo responses; Rocket's request-local cache),
/// the responses `ProblemLayer` / `ProblemMiddleware` build for a framework's own errors
/// included. A middleware or a tower layer reads it to label an access log, a metric or a
/// trace without parsing the body.
///
/// Everything in it is `'static` and `Copy`: building it allocates nothing.
///
/// ```
/// use errstatus::{ErrorRecord, HttpStatus};
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// #[problem(type = "https://errors.example.com/")]
/// enum ApiError {
///     #[error("no user {0}")]
///     #[status(404)]
///     UserNotFound(u64),
///     #[error("database down")]
///     #[status(503)]
///     Database,
/// }
///
/// let response: http::Response<String> = ApiError::UserNotFound(7).into();
/// let record = response.extensions().get::<ErrorRecord>().unwrap();
/// assert_eq!(record.status(), 404);
/// assert_eq!(record.code(), "USER_NOT_FOUND");
/// assert_eq!(record.type_uri(), Some("https://errors.example.com/user-not-found"));
/// assert_eq!(record.type_name(), "ApiError");
/// assert!(!record.detail_hidden());
///
/// let response: http::Response<String> = ApiError::Database.into();
/// let record = response.extensions().get::<ErrorRecord>().unwrap();
/// assert_eq!(record.status(), 503);
/// assert_eq!(record.code(), "DATABASE");
/// assert!(record.detail_hidden());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Hash)]
pub struct ErrorRecord {
    pub(crate) status: StatusCode,
    pub(crate) code: &'static str,
    pub(crate) type_uri: Option<&'static str>,
    pub(crate) type_name: &'static str,
    pub(crate) detail_hidden: bool,
}

// `Eq` by hand: the derive adds a function (its field assertions) to compile.
impl Eq for ErrorRecord {}

impl ErrorRecord {
    /// The status of the response.
    ///
    /// ```
    /// # use errstatus::{ErrorRecord, HttpStatus};
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// #[error("gone")]
    /// #[status(410)]
    /// struct Gone;
    ///
    /// let response: http::Response<String> = Gone.into();
    /// assert_eq!(response.extensions().get::<ErrorRecord>().unwrap().status(), 410);
    /// ```
    #[inline]
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The variant's code (`#[problem(code = "...")]`, by default its name in
    /// SCREAMING_SNAKE_CASE; through a transparent variant the inner error's). For a framework's
    /// own error (a response `ProblemLayer` / `ProblemMiddleware` rewrote) and for a
    /// hand-written `HttpStatus` impl: the status's `http` constant name (`METHOD_NOT_ALLOWED`),
    /// `UNKNOWN_STATUS` for a code without one.
    ///
    /// ```
    /// # use errstatus::{ErrorRecord, HttpStatus};
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// enum ApiError {
    ///     #[error("slow down")]
    ///     #[status(429)]
    ///     #[problem(code = "RATE_LIMITED")]
    ///     TooMany,
    /// }
    ///
    /// let response: http::Response<String> = ApiError::TooMany.into();
    /// assert_eq!(response.extensions().get::<ErrorRecord>().unwrap().code(), "RATE_LIMITED");
    /// ```
    #[inline]
    pub fn code(&self) -> &str {
        self.code
    }

    /// The problem's type URI; `None` for `about:blank`.
    ///
    /// ```
    /// # use errstatus::{ErrorRecord, HttpStatus};
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// #[error("gone")]
    /// #[status(410)]
    /// struct Gone;
    ///
    /// let response: http::Response<String> = Gone.into();
    /// assert_eq!(response.extensions().get::<ErrorRecord>().unwrap().type_uri(), None);
    /// ```
    #[inline]
    pub fn type_uri(&self) -> Option<&str> {
        self.type_uri
    }

    /// The name of the error type (a derived type's name as written; a hand-written impl's
    /// `std::any::type_name`, module-qualified); through a transparent variant the inner
    /// type's. For a framework's own error: the framework's name (`axum`, `actix-web`).
    ///
    /// ```
    /// # use errstatus::{ErrorRecord, HttpStatus};
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// #[error("gone")]
    /// #[status(410)]
    /// struct Gone;
    ///
    /// let response: http::Response<String> = Gone.into();
    /// assert_eq!(response.extensions().get::<ErrorRecord>().unwrap().type_name(), "Gone");
    /// ```
    #[inline]
    pub fn type_name(&self) -> &str {
        self.type_name
    }

    /// Whether the response hides the error's detail (and members): a 5xx without `expose`,
    /// a 4xx with `expose = false`.
    ///
    /// ```
    /// # use errstatus::{ErrorRecord, HttpStatus};
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// #[error("disk full on /var")]
    /// #[status(507)]
    /// struct DiskFull;
    ///
    /// let response: http::Response<String> = DiskFull.into();
    /// assert!(response.extensions().get::<ErrorRecord>().unwrap().detail_hidden());
    /// ```
    #[inline]
    pub fn detail_hidden(&self) -> bool {
        self.detail_hidden
    }
}

/// The `http` constant name of a status (`METHOD_NOT_ALLOWED`), `UNKNOWN_STATUS` for a code
/// without one: the code of a framework's own error and of a hand-written impl's responses.
pub(crate) fn const_name(status: StatusCode) -> &'static str {
    let name = match errstatus_registry::lookup(status.as_u16()) {
        Some(entry) => entry.http_const(),
        None => None,
    };
    match name {
        Some(name) => name,
        None => "UNKNOWN_STATUS",
    }
}
