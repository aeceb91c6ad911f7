//! HTTP status codes for error types, checked against the IANA registry at compile time,
//! and RFC 9457 `application/problem+json` responses for `http`, axum and actix-web.
//!
//! ```
//! use errstatus::HttpStatus;
//!
//! #[derive(Debug, thiserror::Error, HttpStatus)]
//! #[status(500)] // default for variants without #[status]
//! enum ApiError {
//!     #[error("user {0} not found")]
//!     #[status(404)]
//!     UserNotFound(u64),
//!
//!     #[error("slow down")]
//!     #[status(TOO_MANY_REQUESTS)]
//!     RateLimited { #[header(RETRY_AFTER)] retry_after: u64 },
//!
//!     #[error("database unavailable: {0}")]
//!     Db(String),
//! }
//!
//! assert_eq!(ApiError::UserNotFound(7).status(), 404);
//!
//! let response: http::Response<String> = ApiError::RateLimited { retry_after: 30 }.into();
//! assert_eq!(response.status(), 429);
//! assert_eq!(response.headers()["retry-after"], "30");
//! assert_eq!(response.headers()["content-type"], "application/problem+json");
//! assert_eq!(
//!     response.body(),
//!     r#"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"slow down"}"#
//! );
//!
//! // 5xx: the Display text stays on the server.
//! let response: http::Response<String> = ApiError::Db("connection refused".into()).into();
//! assert_eq!(
//!     response.body(),
//!     r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#
//! );
//! ```
//!
//! See [`HttpStatus`] for the attributes, [`status!`] for checked constants, and
//! [`registry`] for the table every code is checked against. The README has the full guide.
//!
//! # Features
//!
//! - `axum`: derived types implement `axum::response::IntoResponse`.
//! - `actix-web`: derived types implement `actix_web::ResponseError`.
//! - `utoipa`: derived types implement `utoipa::IntoResponses`: one response per status, the
//!   problem+json schema with extension members, doc comments as descriptions, one named
//!   example per variant.
//! - `tracing`: a 5xx response whose detail is hidden logs the error's Display text and
//!   `source()` chain once, with `tracing::error!`.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod response;

#[cfg(feature = "tracing")]
mod log;
#[cfg(feature = "utoipa")]
#[doc(hidden)]
pub mod openapi;

#[cfg(feature = "actix-web")]
mod actix;
#[cfg(feature = "axum")]
mod axum;

pub use response::PROBLEM_JSON;

/// The IANA HTTP status code registry: one [`Entry`](registry::Entry) per registered code.
///
/// ```
/// use errstatus::registry::{entries, lookup, State};
///
/// assert_eq!(lookup(422).unwrap().reason, "Unprocessable Content");
/// assert_eq!(lookup(510).unwrap().state, State::Obsoleted);
/// assert!(lookup(444).is_none());
/// assert_eq!(entries().len(), 64);
/// ```
pub mod registry {
    pub use errstatus_registry::{entries, lookup, lookup_name, Class, Entry, RequiredHeader, State, IANA_LAST_CHANGE};
}

/// Derives [`HttpStatus`], `From<E>` / `From<&E>` for `http::StatusCode`, and
/// `From<E>` for `http::Response<B>` (plus `IntoResponse` / `ResponseError` with the
/// `axum` / `actix-web` features).
///
/// Every code is checked against the IANA registry at compile time:
///
/// ```compile_fail
/// #[derive(Debug, thiserror::Error, errstatus::HttpStatus)]
/// enum E {
///     #[error("closed")]
///     #[status(444)] // error: 444 is not a registered HTTP status code
///     Closed,
/// }
/// ```
///
/// # Attributes
///
/// - `#[status(CODE)]` on a variant, or on the type as the default for variants without one.
///   CODE is an integer (`404`), an `http::StatusCode` constant name (`NOT_FOUND`,
///   `CONTENT_TOO_LARGE`, `UNPROCESSABLE_CONTENT`), or a path ending in one
///   (`StatusCode::NOT_FOUND`).
/// - `#[status(CODE, expose)]`: show a 5xx variant's Display text in the body.
/// - `#[status(CODE, acknowledge)]`: silence the warning for 402, 407, 425 or 511.
/// - `#[status(transparent)]`: status, header fields and body of the one inner field.
/// - `#[header(NAME)]` on a field: sent as a header field; NAME is an `http::header` constant
///   (`RETRY_AFTER`) or a string literal (`"x-request-id"`).
/// - `#[problem(type = "...", title = "...")]` on the type or a variant;
///   `#[problem(extension)]`, `#[problem(extension = "name")]`, `#[problem(instance)]` on
///   fields.
///
/// ```
/// use errstatus::HttpStatus;
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// #[error("not found")]
/// #[status(404)]
/// struct NotFound;
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// enum Outer {
///     #[error(transparent)]
///     #[status(transparent)]
///     Inner(NotFound),
/// }
///
/// assert_eq!(Outer::Inner(NotFound).status(), http::StatusCode::NOT_FOUND);
/// ```
pub use errstatus_macros::HttpStatus;

/// A registered HTTP status code as an `http::StatusCode`, checked at compile time.
///
/// Takes the same CODE forms as `#[status(...)]` and every registered code that is not
/// deprecated, unused or obsoleted (1xx and 2xx included). Usable in `const` items.
///
/// ```
/// const GONE: http::StatusCode = errstatus::status!(410);
/// assert_eq!(GONE, http::StatusCode::GONE);
/// assert_eq!(errstatus::status!(CONTENT_TOO_LARGE), 413);
/// assert_eq!(errstatus::status!(104).as_u16(), 104);
/// ```
///
/// ```compile_fail
/// let teapot = errstatus::status!(418); // error: 418 is unused
/// ```
pub use errstatus_macros::status;

/// An error that knows its HTTP status. Usually derived: see [`macro@HttpStatus`].
///
/// A hand-written impl only needs [`status`](HttpStatus::status); its response then has an
/// RFC 9457 body without `detail`.
///
/// ```
/// use errstatus::HttpStatus;
/// use http::StatusCode;
///
/// struct Timeout;
///
/// impl HttpStatus for Timeout {
///     fn status(&self) -> StatusCode {
///         StatusCode::GATEWAY_TIMEOUT
///     }
/// }
///
/// assert_eq!(Timeout.status(), 504);
/// let response: http::Response<String> = errstatus::response(&Timeout);
/// assert_eq!(response.status(), 504);
/// ```
pub trait HttpStatus {
    /// The status code of this error.
    fn status(&self) -> http::StatusCode;

    /// Fills in the response parts. Generated by the derive; not part of the public API.
    #[doc(hidden)]
    fn __problem<'a>(&'a self, p: &mut __private::Problem<'a>) {
        p.plain(self.status());
    }

    /// Every distinct status this type can produce, transparent variants included, in
    /// ascending order: for tests, metrics and docs. A hand-written impl lists none unless
    /// it overrides this.
    ///
    /// ```
    /// use errstatus::HttpStatus;
    ///
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// enum E {
    ///     #[error("gone")]
    ///     #[status(410)]
    ///     Gone,
    ///     #[error("missing")]
    ///     #[status(404)]
    ///     Missing,
    ///     #[error("also missing")]
    ///     #[status(NOT_FOUND)]
    ///     AlsoMissing,
    /// }
    ///
    /// assert_eq!(E::statuses(), [http::StatusCode::NOT_FOUND, http::StatusCode::GONE]);
    /// ```
    fn statuses() -> Vec<http::StatusCode>
    where
        Self: Sized,
    {
        Vec::new()
    }

    /// Lists each variant for the OpenAPI document. Generated by the derive.
    #[cfg(feature = "utoipa")]
    #[doc(hidden)]
    fn __openapi(_docs: &mut __private::openapi::Docs)
    where
        Self: Sized,
    {
    }
}

impl<T: HttpStatus + ?Sized> HttpStatus for &T {
    fn status(&self) -> http::StatusCode {
        (**self).status()
    }

    fn __problem<'a>(&'a self, p: &mut __private::Problem<'a>) {
        (**self).__problem(p)
    }
}

impl<T: HttpStatus + ?Sized> HttpStatus for Box<T> {
    fn status(&self) -> http::StatusCode {
        (**self).status()
    }

    fn __problem<'a>(&'a self, p: &mut __private::Problem<'a>) {
        (**self).__problem(p)
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
    response::to_response(&e)
}

/// What generated code calls. Not public API: it may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::response::{Member, Problem};
    pub use http;
    pub use serde;

    #[cfg(feature = "actix-web")]
    pub use crate::actix::{actix_response, actix_status};
    #[cfg(feature = "actix-web")]
    pub use actix_web;
    #[cfg(feature = "axum")]
    pub use crate::axum::into_axum;
    #[cfg(feature = "axum")]
    pub use axum_core as axum;

    #[cfg(feature = "utoipa")]
    pub use crate::openapi;
    #[cfg(feature = "utoipa")]
    pub use utoipa;

    /// `HttpStatus::statuses`: the codes of this type's own variants plus those of its
    /// transparent fields, sorted, without duplicates.
    pub fn statuses(own: &[http::StatusCode], inner: &[fn() -> Vec<http::StatusCode>]) -> Vec<http::StatusCode> {
        let mut all = own.to_vec();
        for f in inner {
            all.extend(f());
        }
        all.sort_unstable();
        all.dedup();
        all
    }

    /// Autoref specialization: `(&ErrorRef(x)).as_dyn_error()` is `Some` when `x` implements
    /// `std::error::Error`, `None` otherwise.
    pub struct ErrorRef<'a, T: ?Sized>(pub &'a T);

    /// Picked when the type implements `Error`.
    pub trait AsDynError<'a> {
        /// The error as a trait object.
        fn as_dyn_error(&self) -> Option<&'a (dyn std::error::Error + 'a)>;
    }

    impl<'a, T: std::error::Error + 'a> AsDynError<'a> for ErrorRef<'a, T> {
        fn as_dyn_error(&self) -> Option<&'a (dyn std::error::Error + 'a)> {
            Some(self.0)
        }
    }

    /// Picked otherwise.
    pub trait NotDynError<'a> {
        /// `None`.
        fn as_dyn_error(&self) -> Option<&'a (dyn std::error::Error + 'a)>;
    }

    impl<'a, T: ?Sized> NotDynError<'a> for &ErrorRef<'a, T> {
        fn as_dyn_error(&self) -> Option<&'a (dyn std::error::Error + 'a)> {
            None
        }
    }

    /// `From<E> for http::Response<B>`.
    #[inline]
    pub fn into_response<E: crate::HttpStatus, B: From<String>>(e: &E) -> http::Response<B> {
        crate::response::to_response(e)
    }

    /// A registered code without an `http` constant (104) as a `StatusCode`, in `const`.
    pub const fn code(code: u16) -> http::StatusCode {
        match http::StatusCode::from_u16(code) {
            Ok(status) => status,
            Err(_) => panic!("errstatus: status code out of range"),
        }
    }
}
