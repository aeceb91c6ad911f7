//! `axum::response::IntoResponse` for derived types (feature `axum`).

use axum_core::body::Body;
use axum_core::response::Response;

use crate::HttpStatus;

/// The axum response for `e`: the same status, header fields and body as `From<E>`.
#[doc(hidden)]
pub fn into_axum<E: HttpStatus>(e: &E) -> Response {
    crate::response::to_response::<Body>(e)
}
