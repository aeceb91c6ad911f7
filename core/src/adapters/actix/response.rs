//! The entry points of the generated `ResponseError` impls, and the conversions between
//! actix-web's `http` 0.2 types and errstatus' `http` 1.x ones.

use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::HttpResponse;

use crate::response::{parts, Parts};
use crate::status::http_status::HttpStatus;

/// `ResponseError::status_code`.
pub fn status<E: HttpStatus + ?Sized>(e: &E) -> StatusCode {
    convert_status(e.status())
}

fn convert_status(status: http::StatusCode) -> StatusCode {
    StatusCode::from_u16(status.as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// An actix-web (`http` 0.2) status as an `http` 1.x one.
pub(crate) fn http_status(status: StatusCode) -> http::StatusCode {
    http::StatusCode::from_u16(status.as_u16()).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
}

/// `ResponseError::error_response`: the same status, header fields and body as `From<E>`, and
/// the builder's mark where `From<E>` has it (so
/// [`ProblemMiddleware`](super::middleware::ProblemMiddleware) passes it untouched).
pub fn response<E: HttpStatus>(e: &E) -> HttpResponse {
    build(parts(e))
}

fn build(parts: Parts) -> HttpResponse {
    let mut builder = HttpResponse::build(convert_status(parts.status));
    for (name, value) in &parts.headers {
        if let (Ok(name), Ok(value)) =
            (HeaderName::from_bytes(name.as_str().as_bytes()), HeaderValue::from_bytes(value.as_bytes()))
        {
            builder.append_header((name, value));
        }
    }
    let mut response = match parts.body {
        Some(body) => builder.body(body),
        None => builder.finish(),
    };
    response.extensions_mut().insert(parts.record);
    response
}
