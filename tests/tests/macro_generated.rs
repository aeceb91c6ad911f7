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
