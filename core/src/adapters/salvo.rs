//! salvo (feature `salvo`): `salvo::Scribe` for derived types, so a handler returns
//! `Result<T, YourError>` (every `Scribe` is a `salvo::Writer`). salvo 1 is on `http` 1.x, so
//! status and header fields go over as they are.
//!
//! An error is a whole document: rendering it sets the status, replaces the body and the
//! header fields of the names it sends (content-type included), and keeps the other header
//! fields already on the response (those of a CORS middleware, say).

use ::salvo::http::header::CONTENT_TYPE;
use ::salvo::http::ResBody;
use ::salvo::Response;

use crate::response::to_response;
use crate::status::http_status::HttpStatus;

/// `Scribe::render`: the same status, header fields and body as `From<E>`.
pub fn response<E: HttpStatus>(e: &E, res: &mut Response) {
    let (parts, body) = to_response::<String>(e).into_parts();
    res.status_code(parts.status);
    let headers = res.headers_mut();
    if body.is_empty() {
        // No content: no content-type of an earlier writer either.
        headers.remove(CONTENT_TYPE);
    }
    for name in parts.headers.keys() {
        headers.remove(name);
    }
    for (name, value) in &parts.headers {
        headers.append(name, value.clone());
    }
    res.body(if body.is_empty() { ResBody::None } else { ResBody::from(body) });
}
