//! The entry point of the generated `IntoResponse` impls.

use axum_core::body::Body;
use axum_core::response::Response;

use crate::response::to_response;
use crate::status::http_status::HttpStatus;

/// `IntoResponse::into_response`: the same status, header fields, body and extensions (the
/// builder's mark, so [`ProblemLayer`](super::layer::ProblemLayer) passes it untouched) as
/// `From<E>`.
pub fn response<E: HttpStatus>(e: &E) -> Response {
    to_response::<Body>(e)
}
