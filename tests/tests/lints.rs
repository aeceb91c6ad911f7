//! The expansion of `#[derive(HttpStatus)]` stays warning-free in a strict crate: every
//! rustc warning, `unused_qualifications`, `missing_docs`, clippy's default set and
//! `clippy::pedantic` are errors here, and so is `clippy::allow_attributes` (the derive's own
//! `#[allow]`s sit in macro-generated code, which that lint leaves alone). After thiserror's
//! `test_lints.rs`. `cargo clippy --workspace --all-targets --all-features -- -D warnings`
//! checks the clippy part; `cargo test` the rustc part.
//!
//! The lint levels are set for the whole file rather than per test (as thiserror does)
//! because the derived types live at module level, where users put them.
#![deny(warnings)]
#![deny(unused_qualifications, missing_docs)]
#![deny(clippy::pedantic)]
#![deny(clippy::allow_attributes)]

use errstatus::HttpStatus;
use http::StatusCode;

/// An enum with a deprecated variant: `deny(deprecated)` must not fire on generated arms.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500)]
pub enum Legacy {
    /// Still constructed by old clients.
    #[deprecated(note = "use `Legacy::Gone`")]
    #[error("old endpoint")]
    #[status(404)]
    OldEndpoint,
    /// The endpoint was removed.
    #[error("gone")]
    #[status(GONE)]
    Gone,
    /// Takes the enum default.
    #[error("internal: {0}")]
    Internal(String),
}

/// A `#[non_exhaustive]` enum: matches in the expansion are inside the defining crate.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[non_exhaustive]
pub enum Open {
    /// Bad input.
    #[error("bad input")]
    #[status(400)]
    BadInput,
    /// A conflict on a key.
    #[error("conflict on {key}")]
    #[status(StatusCode::CONFLICT)]
    Conflict {
        /// The key.
        key: String,
    },
}

/// A generic enum: the transparent `T` field adds `T: HttpStatus`, and the lifetime must not
/// trip `clippy::needless_lifetimes`.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum Wrapper<'a, T> {
    /// The inner error decides.
    #[error(transparent)]
    #[status(transparent)]
    Inner(T),
    /// Borrowed input that could not be parsed.
    #[error("cannot parse {0:?}")]
    #[status(422)]
    Parse(&'a str),
}

/// A struct with a header field.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("try again in {retry_after} s")]
#[status(SERVICE_UNAVAILABLE)]
pub struct Unavailable {
    /// Seconds until the service is back.
    #[header(RETRY_AFTER)]
    pub retry_after: u64,
}

/// A unit struct.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("not found")]
#[status(404)]
pub struct NotFound;

/// Raw identifiers as a variant name and a field name.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum Raw {
    /// A variant named with a keyword.
    #[expect(non_camel_case_types)]
    #[error("no match for {type}")]
    #[status(400)]
    r#match {
        /// A field named with a keyword, sent as a header.
        #[header("x-type")]
        r#type: String,
    },
}

/// Header fields: constants, paths, string literals, several in one variant.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
pub enum Headers {
    /// 401 with its required challenge.
    #[error("login required")]
    #[status(401)]
    Unauthenticated {
        /// The `WWW-Authenticate` challenge.
        #[header(WWW_AUTHENTICATE)]
        challenge: String,
    },
    /// 429 with two header fields.
    #[error("slow down")]
    #[status(429)]
    RateLimited {
        /// Seconds to wait.
        #[header(http::header::RETRY_AFTER)]
        retry_after: u32,
        /// The request id.
        #[header("x-request-id")]
        request: u128,
    },
    /// 308 with its required location, as a tuple field.
    #[error("moved to {0}")]
    #[status(PERMANENT_REDIRECT)]
    Moved(#[header(LOCATION)] String),
}

/// `#[errstatus(decode)]`: members, header fields, a transparent variant and a deprecated one.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
pub enum Decoded {
    /// A member.
    #[error("user {0} not found")]
    #[status(404)]
    Missing(#[problem(extension = "id")] u64),
    /// Header fields, one of them optional.
    #[error("slow down")]
    #[status(429)]
    Slow {
        /// Seconds to wait.
        #[header(RETRY_AFTER)]
        retry_after: u32,
        /// The limit, if any.
        #[header("x-limit")]
        limit: Option<u32>,
    },
    /// Deprecated: decoding it must not warn.
    #[deprecated]
    #[error("old")]
    #[status(410)]
    Old {
        /// Not in the response.
        #[problem(skip_decode)]
        note: String,
    },
    /// Transparent.
    #[error(transparent)]
    #[status(transparent)]
    Headers(Headers),
    /// Never decoded.
    #[error("database")]
    #[status(500)]
    #[problem(skip_decode)]
    Database(String),
}

#[test]
fn statuses() {
    #[expect(deprecated)]
    let old = Legacy::OldEndpoint;
    assert_eq!(old.status(), StatusCode::NOT_FOUND);
    assert_eq!(Legacy::Gone.status(), StatusCode::GONE);
    assert_eq!(Legacy::Internal("disk".into()).status(), 500);

    assert_eq!(Open::BadInput.status(), 400);
    assert_eq!(Open::Conflict { key: "k".into() }.status(), 409);

    assert_eq!(Wrapper::<NotFound>::Inner(NotFound).status(), 404);
    assert_eq!(Wrapper::<NotFound>::Parse("x").status(), 422);
    assert_eq!(Wrapper::Inner(Wrapper::<NotFound>::Parse("x")).status(), 422);

    assert_eq!(Unavailable { retry_after: 3 }.status(), 503);
    assert_eq!(StatusCode::from(&NotFound), 404);
    assert_eq!(StatusCode::from(NotFound), 404);

    assert_eq!(Raw::r#match { r#type: "t".into() }.status(), 400);

    assert_eq!(Headers::Unauthenticated { challenge: "Bearer".into() }.status(), 401);
    assert_eq!(Headers::RateLimited { retry_after: 1, request: 2 }.status(), 429);
    assert_eq!(Headers::Moved("/new".into()).status(), 308);
}

#[test]
fn responses() {
    let r: http::Response<String> = Unavailable { retry_after: 3 }.into();
    assert_eq!(r.status(), 503);
    assert_eq!(r.headers()["retry-after"], "3");

    let r: http::Response<String> = Raw::r#match { r#type: "t".into() }.into();
    assert_eq!(r.headers()["x-type"], "t");
    assert!(r.body().contains(r#""detail":"no match for t""#));

    let r: http::Response<String> = Headers::RateLimited { retry_after: 1, request: 2 }.into();
    assert_eq!(r.headers()["retry-after"], "1");
    assert_eq!(r.headers()["x-request-id"], "2");

    let r: http::Response<String> = Headers::Moved("/new".into()).into();
    assert_eq!(r.headers()["location"], "/new");

    let r: http::Response<String> = Wrapper::<Unavailable>::Inner(Unavailable { retry_after: 9 }).into();
    assert_eq!(r.status(), 503);
    assert_eq!(r.headers()["retry-after"], "9");
}
