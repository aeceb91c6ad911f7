//! The runtime of [errstatus](https://docs.rs/errstatus): the `HttpStatus` trait, the response
//! builder, body formats and the framework adapters. Users add `errstatus`, which re-exports
//! all of this next to the derive; this crate exists so that it builds beside the macro crate
//! instead of after it, and generated code reaches it through `errstatus::__private`.
//!
//! The modules are layers, each using only the ones listed before it (a folder's `mod.rs` is
//! its table of contents, above its files): `body` (formats, JSON writing), `status` (the trait
//! and the records a derived impl fills in, the `ErrorRecord`), `log` and `metrics` (what the
//! builder tells `tracing` and `metrics`), `response` (the builder), `decode` (the client
//! side: `FromProblem`, `Undecoded`), `catalog` (a type's entries as JSON, Markdown and HTML),
//! `openapi` (utoipa, aide), `adapters` (one per framework), `__private` (re-exports for
//! generated code), and this table of contents.
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod body;
#[cfg(feature = "tracing")]
mod log;
#[cfg(feature = "metrics")]
mod metrics;
mod status;

mod response;

pub mod catalog;
mod decode;

#[cfg(any(feature = "utoipa", feature = "aide", feature = "poem-openapi"))]
mod openapi;

mod adapters;

/// What generated code calls. Not public API: it may change in any release.
#[doc(hidden)]
#[path = "private/mod.rs"]
pub mod __private;

pub use body::format::{Details, Format};
pub use body::json::{DisplayMember, ExtensionMember};
pub use body::problem_json::{ProblemJson, PROBLEM_JSON};
pub use body::serde_json::{SerdeForm, SerdeJson};
pub use catalog::catalog;
pub use decode::{DecodeMember, DecodeText, FromProblem, SkipDecode, Undecoded};
pub use response::response;
pub use status::http_status::HttpStatus;
pub use status::problem::HeaderValueSource;
pub use status::record::ErrorRecord;

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub use adapters::actix;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub use adapters::axum;
#[cfg(feature = "reqwest")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub use adapters::reqwest;
#[cfg(feature = "reqwest")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub use adapters::reqwest::ClientError;

/// poem (feature `poem`): the middleware that keeps the [`ErrorRecord`] of a handler's `Err`.
#[cfg(feature = "poem")]
#[cfg_attr(docsrs, doc(cfg(feature = "poem")))]
pub mod poem {
    pub use crate::adapters::poem::{ErrorRecords, ErrorRecordsEndpoint};
}

/// gRPC (feature `tonic`): a derived type converts into a `tonic::Status` (`From<E>` and
/// `From<&E>`), with the code from `#[grpc(CODE)]` or from the HTTP status through
/// [`grpc::code`], the Display text as message (the IANA title when the detail is hidden), and the details
/// (`grpc-status-details-bin`) that `tonic_types::StatusExt` decodes: an `ErrorInfo` (reason:
/// the variant's code; domain: the crate that defines the type; metadata: the extension
/// members shown) and, from a `Retry-After` field in seconds, a `RetryInfo`. Other header
/// fields become ASCII metadata.
///
/// ```
/// use errstatus::HttpStatus;
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// enum OrderError {
///     #[error("no order {0}")]
///     #[status(404)]
///     NotFound(u64),
///     #[error("order {0} exists")]
///     #[status(409)]
///     #[grpc(ALREADY_EXISTS)]
///     Duplicate(u64),
/// }
///
/// let status = tonic::Status::from(OrderError::NotFound(7));
/// assert_eq!(status.code(), tonic::Code::NotFound);
/// assert_eq!(status.message(), "no order 7");
/// assert_eq!(tonic::Status::from(&OrderError::Duplicate(7)).code(), tonic::Code::AlreadyExists);
/// ```
#[cfg(feature = "tonic")]
#[cfg_attr(docsrs, doc(cfg(feature = "tonic")))]
pub mod grpc {
    pub use crate::adapters::grpc::code;
}

// The `serde` that extension members implement, at a path compile errors can name: rustc
// names a trait by its shortest public path, and one through `__private` would show up in
// "the trait `Serialize` is not implemented" when the user's crate has no `serde` of its own.
#[doc(hidden)]
pub use serde_core as serde;

/// The [`http`](https://docs.rs/http) crate (1.x) that errstatus is built on: `StatusCode`,
/// `Response` and `HeaderValue` of the same version as the derived impls, without a
/// dependency of your own.
///
/// ```
/// use errstatus::http::{Response, StatusCode};
/// use errstatus::HttpStatus;
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// #[error("no such order")]
/// #[status(404)]
/// struct NoSuchOrder;
///
/// assert_eq!(NoSuchOrder.status(), StatusCode::NOT_FOUND);
/// let response: Response<String> = NoSuchOrder.into();
/// assert_eq!(response.status(), StatusCode::NOT_FOUND);
/// ```
pub use http;

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
