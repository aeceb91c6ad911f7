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
use http::HeaderMap;

use crate::status::http_status::HttpStatus;
use crate::status::problem::Problem;

/// `ErrorExtensions::extend`: the GraphQL error for `e`.
pub fn response<E: HttpStatus + ?Sized>(e: &E) -> Error {
    error(&Borrowed(e))
}

/// A borrowed error of any type, sized or not, as a sized `HttpStatus`: one non-generic
/// [`error`] for all error types.
struct Borrowed<'e, E: ?Sized>(&'e E);

impl<E: HttpStatus + ?Sized> HttpStatus for Borrowed<'_, E> {
    fn status(&self) -> http::StatusCode {
        self.0.status()
    }

    fn __problem<'a>(&'a self, p: &mut Problem<'a>) {
        self.0.__problem(p)
    }
}

fn error(e: &dyn HttpStatus) -> Error {
    // The header fields are filled in and dropped: a GraphQL error has no place for them.
    let mut headers = HeaderMap::new();
    let mut problem = Problem::new(&mut headers);
    e.__problem(&mut problem);
    #[cfg(feature = "tracing")]
    if let Some((status, detail, error)) = problem.masked() {
        crate::log::masked(status, detail, error);
    }
    let status = problem.status;
    let shown = problem.expose;
    // A Display that fails (`to_string` would panic) sends the title, as a hidden one does.
    let mut message = String::new();
    match problem.detail() {
        Some(detail) if shown && core::fmt::write(&mut message, format_args!("{detail}")).is_ok() => {}
        _ => {
            message.clear();
            message.push_str(title(status));
        }
    }
    let mut extensions = ErrorExtensionValues::default();
    if shown {
        for (name, value) in &problem.extensions {
            // A member that fails to serialize is left out, as in the HTTP body.
            if let Some(value) = value.to_value().and_then(|v| Value::from_json(v).ok()) {
                extensions.set(name, value);
            }
        }
    }
    // After the members: a member named `code`, `status` or `type` never stands in for them.
    extensions.set("code", code(&problem));
    extensions.set("status", status.as_u16());
    match problem.type_ {
        Some(type_) if type_ != "about:blank" => extensions.set("type", type_),
        _ => extensions.unset("type"),
    }
    Error { message, source: None, extensions: Some(extensions) }
}

/// The IANA title of a status; for an unregistered one, the `http` crate's reason phrase, else
/// "Unknown Status", as in the problem+json body.
fn title(status: http::StatusCode) -> &'static str {
    match errstatus_registry::lookup(status.as_u16()) {
        Some(entry) => entry.reason,
        None => status.canonical_reason().unwrap_or("Unknown Status"),
    }
}

/// The variant's code; for a hand-written `HttpStatus` impl, which sets none, the `http`
/// crate's constant name of its status (`NOT_FOUND`), else `UNKNOWN`.
fn code(problem: &Problem<'_>) -> &'static str {
    match problem.code() {
        "" => errstatus_registry::lookup(problem.status.as_u16()).and_then(|e| e.http_const()).unwrap_or("UNKNOWN"),
        code => code,
    }
}
