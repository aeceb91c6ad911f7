// The crate docs are the README (also the crates.io page); its Rust blocks are doctests.
#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

// Everything of the runtime: the trait, `response`, `Format`, `registry`, `http`, the framework
// modules, and the `__private` module generated code calls. errstatus-core builds in parallel
// with the macro crate; only this facade waits for both.
#[doc(inline)]
pub use errstatus_core::*;

/// Derives [`HttpStatus`], `From<E>` / `From<&E>` for `http::StatusCode`, and
/// `From<E>` for `http::Response<B>`, plus one impl per feature that is on:
///
/// | feature | impl |
/// | --- | --- |
/// | `axum` | `axum::response::IntoResponse` |
/// | `actix-web` | `actix_web::ResponseError` (for a type that implements `Debug`) |
/// | `rocket` | `rocket::response::Responder<'r, 'static>` |
/// | `poem` | `poem::error::ResponseError` |
/// | `salvo` | `salvo::Scribe` |
/// | `utoipa` | `utoipa::IntoResponses` |
/// | `aide` | `aide::OperationOutput` |
/// | `poem-openapi` | `poem_openapi::ApiResponse` (and `poem`'s impl) |
/// | `tonic` | `From<E>` and `From<&E>` for `tonic::Status` |
/// | `tracing` | no impl: a 5xx whose detail is hidden is logged with `tracing::error!` |
///
/// `#[errstatus(skip(feature, ...))]` leaves a feature's impl out for one type (`-` written as
/// `_`: `skip(actix_web)`, `skip(poem_openapi)`).
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
/// - `#[status(CODE, expose)]`: show a 5xx variant's Display text in the body;
///   `#[status(CODE, expose = false)]`: hide a 4xx variant's.
/// - `#[status(CODE, acknowledge)]`: for a code errstatus warns about (402, 407, 425, 511), silence
///   the warning; for a code that requires a header field (401 `WWW-Authenticate`, 405 `Allow`,
///   407 `Proxy-Authenticate`, 426 `Upgrade`, a 3xx redirection `Location`), compile without it.
///   On any other code it is an error.
/// - `#[status(transparent)]`: status, header fields and body of the one inner field.
/// - `#[status]` on a field of type `http::StatusCode` (or `Option<_>`): the status, decided at
///   run time; `#[status(with = path)]`: the status is `path(&field)`.
/// - `#[header(NAME)]` on a field: sent as a header field; NAME is an `http::header` constant
///   (`RETRY_AFTER`) or a string literal (`"x-request-id"`); `#[header(NAME, with = path)]`
///   converts the field with `path`; `#[header(NAME = "value")]` on the type or a variant is a
///   fixed header field.
/// - `#[problem(type = "...", title = "...")]` on the type or a variant;
///   `#[problem(extension)]`, `#[problem(extension = "name")]`, `#[problem(instance)]` on
///   fields.
/// - `#[grpc(CODE)]` on a variant, or on the type as the default for its own variants: the
///   gRPC code (a google.rpc.Code name other than `OK`, such as `ALREADY_EXISTS`) of
///   `tonic::Status::from(e)`, in place of the one the HTTP status maps to. Read whatever the
///   features; a transparent variant takes the inner error's.
/// - `#[errstatus(crate = "path")]`, `#[errstatus(format = Type)]` (a [`Format`]),
///   `#[errstatus(skip(feature, ...))]` on the type; `#[errstatus(log = "warn")]` (the level of
///   the `tracing` event: `error`, `warn`, `info`, `debug`, `trace`, `off`) on the type or a
///   variant; `#[errstatus(decode)]`: also [`FromProblem`], the error rebuilt from its
///   response, with `#[problem(skip_decode)]` on a variant (never decoded) or a field (its
///   `Default`).
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
// A `macro_rules!` macro in front of the proc macro, so that the expansion names this crate
// through `$crate`, whatever the user's dependency on it is called.
#[macro_export]
macro_rules! status {
    ($($code:tt)*) => {
        $crate::__status!($crate, $($code)*)
    };
}

// What `status!` calls; at the root so that messages do not name the private module.
#[doc(hidden)]
pub use errstatus_macros::__status;
