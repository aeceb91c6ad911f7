//! What `errstatus::axum::ProblemLayer` and `errstatus::actix::ProblemMiddleware` share: which
//! responses they rewrite, and the problem+json response for a framework's own error response
//! (a status and maybe a text), built by the same code as a derived error's response.

use core::fmt;

use http::StatusCode;

use crate::response::to_response;
#[cfg(any(feature = "utoipa", feature = "aide", feature = "poem-openapi"))]
use crate::status::docs::{Docs, Variant};
use crate::status::http_status::HttpStatus;
use crate::status::problem::Problem;
use crate::status::record::const_name;

/// The largest body the layer and the middleware read to turn it into a `detail`: 4 KiB. A
/// 4xx text body whose size is not known to be at most this is passed on untouched, unread; a
/// 5xx one is rewritten unread (its text would be dropped anyway).
pub(crate) const LIMIT: usize = 4096;

/// Whether a `Content-Encoding` value leaves the body readable as it is: `identity` or
/// nothing. A compressed text is passed on untouched.
pub(crate) fn is_identity(value: &[u8]) -> bool {
    let value = value.trim_ascii();
    value.is_empty() || value.eq_ignore_ascii_case(b"identity")
}

/// A framework's own error response as an [`HttpStatus`]: its status, and its text as the
/// detail (shown for a 4xx, hidden and, with the `tracing` feature, logged for a 5xx, as for a
/// derived variant with nothing but its code).
struct Foreign<'t> {
    status: StatusCode,
    text: Option<&'t str>,
    framework: &'static str,
}

impl HttpStatus for Foreign<'_> {
    fn status(&self) -> StatusCode {
        self.status
    }

    fn __problem<'a>(&'a self, p: &mut Problem<'a>) {
        match &self.text {
            Some(text) => p.status_by_class(self.status, text),
            None => p.plain(self.status),
        }
        // 418 (and any code IANA lists as unused) has no IANA phrase: the registry's reason
        // is the marker "(Unused)", not a title. The http crate's phrase stands in.
        if errstatus_registry::lookup(self.status.as_u16())
            .is_some_and(|e| e.state == errstatus_registry::State::Unused)
        {
            p.kind(None, self.status.canonical_reason());
        }
    }

    fn __code(&self) -> (&'static str, &'static str) {
        (const_name(self.status), self.framework)
    }
}

/// The problem+json response for a framework's response of `status` whose body was `text`
/// (`None`: empty or unknown). The text, not valid UTF-8 replaced, is trimmed of white space;
/// what is left, if anything, is the detail; `framework` is the type name of its
/// [`ErrorRecord`](crate::status::record::ErrorRecord). Its header fields are the problem's own
/// (`content-type`), its body is the problem+json document.
pub(crate) fn problem(status: StatusCode, text: Option<&[u8]>, framework: &'static str) -> http::Response<String> {
    let text = text.map(String::from_utf8_lossy);
    let text = text.as_deref().map(str::trim).filter(|t| !t.is_empty());
    to_response(&Foreign { status, text, framework })
}

/// One way a framework's rejection type can fail, for its `HttpStatus::statuses` and its
/// OpenAPI listing: the status, the name of the case, what it means, and an example text.
#[derive(Clone, Copy)]
// All but the status are for the OpenAPI document.
#[cfg_attr(not(any(feature = "utoipa", feature = "aide", feature = "poem-openapi")), allow(dead_code))]
pub(crate) struct Case {
    pub status: StatusCode,
    pub name: &'static str,
    pub doc: &'static str,
    pub detail: &'static str,
}

/// The distinct statuses of `cases`, ascending.
pub(crate) fn statuses(cases: &[Case]) -> Vec<StatusCode> {
    let mut all = Vec::with_capacity(cases.len());
    for c in cases {
        crate::__private::listing::insert_all(&mut all, &[c.status]);
    }
    all
}

/// Lists `cases` for the OpenAPI document, as the derive lists variants: the text shown for a
/// 4xx, hidden for a 5xx.
#[cfg(any(feature = "utoipa", feature = "aide", feature = "poem-openapi"))]
pub(crate) fn document(docs: &mut Docs, cases: &[Case]) {
    for case in cases {
        docs.variant(Variant {
            status: case.status,
            runtime: false,
            format: None,
            name: case.name,
            code: "",
            doc: case.doc,
            detail: Some(case.detail),
            expose: !case.status.is_server_error(),
            type_: None,
            title: None,
            instance: false,
            extensions: Vec::new(),
            headers: Vec::new(),
        });
    }
}

impl fmt::Debug for Foreign<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Foreign").field("status", &self.status).finish_non_exhaustive()
    }
}

/// `HttpStatus` for a framework's extractor error: `$status(&self)` is the status the framework
/// gives it, `$cases` every status it can have, for `statuses()` and the OpenAPI documents;
/// `$detail(&self, p)` gives the status and the detail (shown for a 4xx, hidden for a 5xx):
/// [`display_detail`] by default, the error's Display text.
macro_rules! rejection {
    ($ty:ident, $cases:expr, $status:path) => {
        $crate::adapters::foreign::rejection!($ty, $cases, $status, $crate::adapters::foreign::display_detail);
    };
    ($ty:ident, $cases:expr, $status:path, $detail:path) => {
        impl $crate::status::http_status::HttpStatus for $ty {
            #[inline]
            fn status(&self) -> http::StatusCode {
                $status(self)
            }

            fn __problem<'a>(&'a self, p: &mut $crate::status::problem::Problem<'a>) {
                $detail(self, p);
                p.error(Some(self));
            }

            fn statuses() -> Vec<http::StatusCode> {
                $crate::adapters::foreign::statuses($cases)
            }

            #[cfg(any(feature = "utoipa", feature = "aide", feature = "poem-openapi"))]
            fn __openapi(docs: &mut $crate::status::docs::Docs) {
                $crate::adapters::foreign::document(docs, $cases)
            }
        }
    };
}
pub(crate) use rejection;

/// The detail of a rejection whose framework answers with its Display text: the status and
/// that text.
#[cfg(feature = "actix-web")]
pub(crate) fn display_detail<'a, E: HttpStatus + fmt::Display>(e: &'a E, p: &mut Problem<'a>) {
    p.status_by_class(e.status(), e);
}

// Its unit tests, out of the published package.
#[cfg(test)]
#[path = "../../tests/unit/foreign.rs"]
mod tests;
