//! The entry point of the generated `IntoResponse` impls.

use axum_core::body::Body;
use axum_core::response::Response;

use crate::adapters::foreign::{needs_mark, Built};
use crate::response::to_response;
use crate::status::http_status::HttpStatus;

/// `IntoResponse::into_response`: the same status, header fields and body as `From<E>`, marked
/// as built by errstatus where [`ProblemLayer`](super::layer::ProblemLayer) could take it for
/// axum's own.
pub fn response<E: HttpStatus>(e: &E) -> Response {
    let mut response = to_response::<Body>(e);
    if needs_mark(response.status(), response.headers()) {
        response.extensions_mut().insert(Built);
    }
    response
}
