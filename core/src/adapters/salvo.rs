//! salvo (feature `salvo`): `salvo::Scribe` for derived types, so a handler returns
//! `Result<T, YourError>` (every `Scribe` is a `salvo::Writer`). salvo 1 is on `http` 1.x, so
//! status and header fields go over as they are.
//!
//! An error is a whole document: rendering it sets the status, replaces the body and the
//! header fields of the names it sends (content-type included), and keeps the other header
//! fields already on the response (those of a CORS middleware, say).
//!
//! A response without a body (a custom format that writes nothing, a hidden `SerdeJson`
//! response) goes out without one, as `http::Response::from` sends it: an empty body that is
//! set (`ResBody::Once` of no bytes, sent with `content-length: 0`), not salvo's unset one,
//! for which salvo's catcher would write its HTML error page in place of a 4xx or 5xx.

use ::salvo::http::header::CONTENT_TYPE;
use ::salvo::http::ResBody;
use ::salvo::Response;

use crate::response::to_response;
use crate::status::http_status::HttpStatus;

/// `Scribe::render`: the same status, header fields, body and extensions as `From<E>`; no body
/// is an empty body, never salvo's error page.
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
    res.extensions.extend(parts.extensions);
    res.body(if body.is_empty() { ResBody::Once(Default::default()) } else { ResBody::from(body) });
}
