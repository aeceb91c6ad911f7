//! The format that sends the error's own serde form: [`SerdeJson`].

use crate::body::format::{Details, Format};
use crate::body::json::ExtensionMember;

/// A body format: the error's own serde form, `serde_json::to_string(&error)`, as
/// `application/json`. For a service whose errors answered with `Json(error)` before: the
/// body stays what it was, and the status, the header fields and the hiding rules come from
/// the derive.
///
/// `#[errstatus(format = errstatus::SerdeJson)]` needs the type to implement
/// `serde::Serialize` (a compile error on the `format = ...` path otherwise). A hidden response
/// (a 5xx without `expose`, or `expose = false`) has no body and no content-type: the serde
/// form would carry what the hiding rules keep back. A type whose serialization fails sends no
/// body either. A generic type's impls are bounded by `Self: serde::Serialize` (the derive
/// finds the format by its name, `SerdeJson`: under another one, a generic type gets the
/// compile error instead).
///
/// ```
/// use errstatus::HttpStatus;
///
/// #[derive(Debug, thiserror::Error, HttpStatus, serde::Serialize)]
/// #[errstatus(format = errstatus::SerdeJson)]
/// enum ApiError {
///     #[error("no such account")]
///     #[status(404)]
///     NoSuchAccount { id: u64 },
///     #[error("slow down")]
///     #[status(429)]
///     RateLimited {
///         #[header(RETRY_AFTER)]
///         retry_after: u32,
///     },
///     #[error("database: {0}")]
///     #[status(500)]
///     Db(String),
/// }
///
/// let r: http::Response<String> = ApiError::NoSuchAccount { id: 7 }.into();
/// assert_eq!(r.status(), 404);
/// assert_eq!(r.headers()["content-type"], "application/json");
/// assert_eq!(r.body(), r#"{"NoSuchAccount":{"id":7}}"#);
///
/// let r: http::Response<String> = ApiError::RateLimited { retry_after: 30 }.into();
/// assert_eq!(r.headers()["retry-after"], "30");
/// assert_eq!(r.body(), r#"{"RateLimited":{"retry_after":30}}"#);
///
/// // A hidden 5xx: no body, no content-type.
/// let r: http::Response<String> = ApiError::Db("timeout at 10.0.0.3".into()).into();
/// assert_eq!(r.status(), 500);
/// assert!(r.headers().get("content-type").is_none());
/// assert_eq!(r.body(), "");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct SerdeJson;

impl Format for SerdeJson {
    const CONTENT_TYPE: &'static str = "application/json";

    fn write(d: &Details<'_>, out: &mut String) {
        if let Some(whole) = d.whole {
            if !whole.__write_json(out) {
                out.clear();
            }
        }
    }
}

/// The type of an error with `#[errstatus(format = SerdeJson)]`: any type that implements
/// `serde::Serialize`.
///
/// Implemented for all of them; there is nothing to implement by hand. The trait exists so
/// that a type that is not `Serialize` gets a compile error that says so:
///
/// ```text
/// error[E0277]: `ApiError` must implement `serde::Serialize` for `#[errstatus(format = SerdeJson)]`
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` must implement `serde::Serialize` for `#[errstatus(format = SerdeJson)]`",
    label = "the body is the error's serde form",
    note = "derive it with `#[derive(serde::Serialize)]`, or choose another format"
)]
pub trait SerdeForm {
    /// The error, to be serialized.
    #[doc(hidden)]
    fn __member(&self) -> &dyn ExtensionMember;
}

impl<T: serde_core::Serialize> SerdeForm for T {
    fn __member(&self) -> &dyn ExtensionMember {
        self
    }
}
