//! poem (feature `poem`): `poem::error::ResponseError` for derived types. poem turns any
//! `ResponseError + std::error::Error + Send + Sync + 'static` into a `poem::Error` (`?` and
//! `Into`), and a handler's `Result<T, YourError>` through it; the `poem::Error` keeps the
//! error and answers with its `as_response`, the response built here. poem 3 is on `http` 1.x,
//! so status and header fields go over as they are.

use ::poem::{Body, Response, ResponseParts};

use crate::response::to_response;
use crate::status::http_status::HttpStatus;

/// `ResponseError::as_response`: the same status, header fields and body as `From<E>`.
pub fn response<E: HttpStatus>(e: &E) -> Response {
    let (parts, body) = to_response::<String>(e).into_parts();
    let parts = ResponseParts {
        status: parts.status,
        version: parts.version,
        headers: parts.headers,
        extensions: parts.extensions,
    };
    Response::from_parts(parts, Body::from(body))
}
