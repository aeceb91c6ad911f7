//! Rocket (feature `rocket`): `rocket::response::Responder<'r, 'static>` for derived types, so
//! a route returns `Result<T, YourError>`. Rocket 0.5 has its own status and header types: the
//! response is built as for `http::Response<String>` and converted by value. Rocket's header
//! values are strings, so a value that is not UTF-8 (only a `#[header(NAME, with = ...)]`
//! function can make one) is left out.
//!
//! Rocket's responses have no extensions: the [`ErrorRecord`] goes into the request's local
//! cache, as an `Option<ErrorRecord>` (the first error response of a request sets it), where a
//! fairing's `on_response` reads it with `request.local_cache(|| None::<ErrorRecord>)`.

use std::io::Cursor;

use ::rocket::http::Status;
use ::rocket::response::{self, Response};
use ::rocket::Request;

use crate::response::to_response;
use crate::status::http_status::HttpStatus;
use crate::status::record::ErrorRecord;

/// `Responder::respond_to`: the same status, header fields and body as `From<E>`. Never an
/// `Err`, so Rocket's catchers do not replace it. The [`ErrorRecord`] goes to `request`'s local
/// cache.
pub fn response<E: HttpStatus>(e: &E, request: &Request<'_>) -> response::Result<'static> {
    let (parts, body) = to_response::<String>(e).into_parts();
    let record = parts.extensions.get::<ErrorRecord>().copied();
    request.local_cache(|| record);
    let mut builder = Response::build();
    builder.status(Status::new(parts.status.as_u16()));
    for (name, value) in &parts.headers {
        if let Ok(value) = std::str::from_utf8(value.as_bytes()) {
            builder.raw_header_adjoin(name.as_str().to_owned(), value.to_owned());
        }
    }
    if !body.is_empty() {
        builder.sized_body(body.len(), Cursor::new(body));
    }
    Ok(builder.finalize())
}
