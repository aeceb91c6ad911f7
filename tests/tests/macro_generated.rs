//! Error types written by a `macro_rules!` macro: rustc hands the derive their `$t:ty`,
//! `$m:meta` and `$c:literal` fragments inside invisible groups, which the derive's fast reader
//! (`scan.rs`) and its attribute parser read like the plain tokens.

use errstatus::HttpStatus;
use http::{Response, StatusCode};

macro_rules! error_enum {
    ($name:ident { $( $(#[$m:meta])* $variant:ident $( ( $( $(#[$fm:meta])* $t:ty ),* ) )? , )* }) => {
        #[derive(Debug, thiserror::Error, HttpStatus)]
        pub enum $name {
            $( $(#[$m])* $variant $( ( $( $(#[$fm])* $t ),* ) )? , )*
        }
    };
}

error_enum!(Generated {
    #[error("user {0} not found")]
    #[status(404)]
    NotFound(u64),
    #[error("retry in {0} s")]
    #[status(503)]
    Unavailable(#[header(RETRY_AFTER)] u32),
    #[error("bad input: {0:?}")]
    #[status(BAD_REQUEST)]
    Bad(Vec<String>),
    #[error("conflict")]
    #[status(409)]
    Conflict,
});

macro_rules! with_code {
    ($c:literal) => {
        #[derive(Debug, thiserror::Error, HttpStatus)]
        #[error("gone")]
        #[status($c)]
        pub struct WithCode;
    };
}

with_code!(410);

#[test]
fn macro_generated_types_get_their_statuses_headers_and_bodies() {
    assert_eq!(HttpStatus::status(&Generated::NotFound(7)), StatusCode::NOT_FOUND);
    assert_eq!(HttpStatus::status(&Generated::Bad(vec![])), StatusCode::BAD_REQUEST);
    assert_eq!(HttpStatus::status(&Generated::Conflict), StatusCode::CONFLICT);
    let codes: Vec<u16> = Generated::statuses().iter().map(StatusCode::as_u16).collect();
    assert_eq!(codes, [400, 404, 409, 503]);
    assert_eq!(HttpStatus::status(&WithCode), StatusCode::GONE);

    let r: Response<String> = Generated::Unavailable(30).into();
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.headers()["retry-after"], "30");
    let r: Response<String> = Generated::NotFound(7).into();
    assert_eq!(r.body(), r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"user 7 not found"}"#);
}

/// A format for the macro below: the variant's name.
pub struct NameOnly;

impl errstatus::Format for NameOnly {
    const CONTENT_TYPE: &'static str = "text/plain";

    fn write(details: &errstatus::Details<'_>, out: &mut String) {
        out.push_str(details.variant());
    }
}

/// The seconds of a `u64`, as a header value.
pub fn seconds(secs: &u64) -> Option<http::HeaderValue> {
    Some(http::HeaderValue::from(*secs))
}

// Field types as `tt`, the `with` function and the format as fragments: the generated code
// must not take its own names' spans from these tokens.
macro_rules! tt_fields {
    ($name:ident, $t:tt, $o:tt, $f:path, $fmt:ident) => {
        #[derive(Debug, thiserror::Error, HttpStatus)]
        #[errstatus(format = $fmt)]
        pub enum $name {
            #[error("slow down")]
            #[status(429)]
            Slow {
                #[header(RETRY_AFTER, with = $f)]
                secs: $t,
                #[header("x-limit")]
                limit: Option<$o>,
                #[status]
                code: Option<StatusCode>,
            },
        }
    };
}

tt_fields!(TtFields, u64, u32, seconds, NameOnly);

#[test]
fn tt_fragments_for_types_with_and_format_expand() {
    let r: Response<String> = TtFields::Slow { secs: 30, limit: Some(5), code: None }.into();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.headers()["retry-after"], "30");
    assert_eq!(r.headers()["x-limit"], "5");
    assert_eq!(r.body(), "Slow");
    let r: Response<String> =
        TtFields::Slow { secs: 1, limit: None, code: Some(StatusCode::SERVICE_UNAVAILABLE) }.into();
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(r.headers().get("x-limit").is_none());
}

macro_rules! decoded_enum {
    ($name:ident { $( $(#[$m:meta])* $variant:ident ( $( $(#[$fm:meta])* $t:ty ),* ) , )* }) => {
        #[derive(Debug, PartialEq, thiserror::Error, HttpStatus)]
        #[errstatus(decode)]
        pub enum $name {
            $( $(#[$m])* $variant ( $( $(#[$fm])* $t ),* ) , )*
        }
    };
}

decoded_enum!(Decoded {
    #[error("user {0} not found")]
    #[status(404)]
    NotFound(#[problem(extension = "id")] u64),
    #[error("retry")]
    #[status(503)]
    Unavailable(#[header(RETRY_AFTER)] u32, #[problem(skip_decode)] Vec<String>),
});

#[test]
fn macro_generated_types_decode() {
    use errstatus::FromProblem;
    for e in [Decoded::NotFound(7), Decoded::Unavailable(30, Vec::new())] {
        let (parts, body) = errstatus::response::<_, String>(&e).into_parts();
        assert_eq!(Decoded::from_problem(parts.status, &parts.headers, body.as_bytes()), Ok(e));
    }
}
