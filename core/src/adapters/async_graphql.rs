//! async-graphql (feature `async-graphql`): `async_graphql::ErrorExtensions` for derived types.
//! A resolver returns `Err(e.extend())` (or `result.extend()` through
//! `async_graphql::ResultExt`), and the GraphQL error carries what the HTTP response would:
//! the message is the Display text when the detail is shown, the IANA title when it is hidden
//! (a 5xx without `expose`, or `expose = false`); the extensions are exactly `code` (the
//! variant's code), `status` (the HTTP status as a number), `type` (only for a type URI other
//! than `about:blank`) and the extension members shown, as their JSON values (none when the
//! detail is hidden). Nothing else of the error leaves: no `source`, no header fields, no
//! `instance`.
//!
//! async-graphql has `impl<E: Display> ErrorExtensions for &E` (the message alone), a fallback
//! for foreign types; the derived impl is for `E` itself, which that impl does not cover, so
//! the two never overlap, and method lookup finds `E`'s for `e.extend()` and `(&e).extend()`.

use async_graphql::{Error, ErrorExtensionValues, Value};

use crate::response::{facts, Facts};
use crate::status::http_status::HttpStatus;

/// `ErrorExtensions::extend`: the GraphQL error for `e`, from the facts of its response (as
/// gRPC's: the hiding rules applied, the header fields dropped: a GraphQL error has no place
/// for them). Not generic.
pub fn response(e: &dyn HttpStatus) -> Error {
    let Facts { status, message, code, members, type_, .. } = facts(e);
    let mut extensions = ErrorExtensionValues::default();
    for (name, value) in members {
        // A member that does not convert is left out, as one that fails to serialize.
        if let Ok(value) = Value::from_json(value) {
            extensions.set(name, value);
        }
    }
    // After the members: a member named `code`, `status` or `type` never stands in for them.
    extensions.set("code", code);
    extensions.set("status", status.as_u16());
    match type_ {
        Some(type_) if type_ != "about:blank" => extensions.set("type", type_),
        _ => extensions.unset("type"),
    }
    Error { message, source: None, extensions: Some(extensions) }
}
