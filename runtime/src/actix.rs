//! `actix_web::ResponseError` for derived types (feature `actix-web`). actix-web 4 is built
//! on `http` 0.2, so status and header fields are converted by value.

use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::HttpResponse;

use crate::response::{parts, Parts};
use crate::HttpStatus;

/// `ResponseError::status_code`.
#[doc(hidden)]
pub fn actix_status<E: HttpStatus + ?Sized>(e: &E) -> StatusCode {
    convert_status(e.status())
}

fn convert_status(status: http::StatusCode) -> StatusCode {
    StatusCode::from_u16(status.as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// `ResponseError::error_response`: the same status, header fields and body as `From<E>`.
#[doc(hidden)]
pub fn actix_response<E: HttpStatus>(e: &E) -> HttpResponse {
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
    match parts.body {
        Some(body) => builder.body(body),
        None => builder.finish(),
    }
}
