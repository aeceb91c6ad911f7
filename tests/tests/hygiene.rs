//! Generated code cannot collide with the user's names: generic parameters named like the
//! ones the derive adds (`'__a`, `__B`, `__S`), and constants in scope named like its bindings
//! (`__field0`, `__e`, `__p`), which would turn a plain binding into a constant pattern.
//! (thiserror's own expansion is not immune to such constants, so Display is written by hand.)
#![allow(non_upper_case_globals, dead_code)]

use std::fmt;

use errstatus::HttpStatus;
use http::StatusCode;

const __field0: u64 = 7;
const __field1: u64 = 8;
const __e: u8 = 0;
const __p: u8 = 0;
const __d: u8 = 0;

#[derive(Debug, HttpStatus)]
#[status(500)]
enum Named<'__a, __B: std::fmt::Display + std::fmt::Debug, __S: std::fmt::Debug> {
    #[status(404)]
    Missing(&'__a str),
    #[status(429)]
    Slow {
        #[header(RETRY_AFTER)]
        secs: u64,
    },
    #[status(422)]
    Bad(#[header("x-detail")] __B),
    Other(__S),
}

impl<__B: fmt::Display + fmt::Debug, __S: fmt::Debug> fmt::Display for Named<'_, __B, __S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Named::Missing(what) => write!(f, "missing {what}"),
            Named::Slow { .. } => f.write_str("slow down"),
            Named::Bad(why) => write!(f, "bad {why}"),
            Named::Other(other) => write!(f, "other {other:?}"),
        }
    }
}

#[derive(Debug, HttpStatus)]
enum Wrapper {
    #[status(409)]
    First(u64, #[header("x-count")] u64),
    #[status(transparent)]
    Inner(Named<'static, String, ()>),
}

impl fmt::Display for Wrapper {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Wrapper::First(..) => f.write_str("first"),
            Wrapper::Inner(inner) => inner.fmt(f),
        }
    }
}

#[test]
fn generic_names_do_not_collide() {
    let e: Named<'_, String, ()> = Named::Missing("x");
    assert_eq!(e.status(), StatusCode::NOT_FOUND);
    let e: Named<'_, String, ()> = Named::Slow { secs: 3 };
    let r: http::Response<String> = e.into();
    assert_eq!(r.headers()["retry-after"], "3");
    let e: Named<'_, String, ()> = Named::Bad("why".to_owned());
    let r: http::Response<String> = e.into();
    assert_eq!(r.status(), 422);
    assert_eq!(r.headers()["x-detail"], "why");
    let e: Named<'_, String, ()> = Named::Other(());
    assert_eq!(e.status(), 500);
}

#[test]
fn constants_in_scope_do_not_capture_bindings() {
    // With `const __field1` in scope, a plain `__field1` pattern would match only the value 8.
    let r: http::Response<String> = Wrapper::First(1, 2).into();
    assert_eq!(r.status(), 409);
    assert_eq!(r.headers()["x-count"], "2");
    let r: http::Response<String> = Wrapper::Inner(Named::Slow { secs: 5 }).into();
    assert_eq!(r.status(), 429);
    assert_eq!(r.headers()["retry-after"], "5");
    let status: StatusCode = (&Wrapper::First(0, 0)).into();
    assert_eq!(status, 409);
}

// `#[errstatus(decode)]`: its bindings too, and the names of std types, are the user's to take.
const __r: u8 = 0;
const __s: u8 = 0;
const __h: u8 = 0;
const __b: u8 = 0;
const __i: u8 = 0;
const __v: u8 = 0;
const __c: u8 = 0;
const __build: u8 = 0;

mod shadowed {
    // Types named like the ones the expansion names, in scope where it expands.
    #![allow(dead_code)]
    pub struct Option;
    pub struct Result;
    pub struct String;
    pub struct Some;
    pub struct None;
    pub struct Ok;
}

mod decoding {
    #[allow(unused_imports)] // in scope, where the expansion is
    use super::shadowed::*;
    use errstatus::HttpStatus;

    #[derive(Debug, PartialEq, thiserror::Error, HttpStatus)]
    #[errstatus(decode)]
    pub enum Decoded {
        #[error("missing")]
        #[status(404)]
        Missing(#[problem(extension = "id")] u64),
        #[error("slow")]
        #[status(429)]
        Slow {
            #[header(RETRY_AFTER)]
            secs: u64,
            #[header("x-limit")]
            limit: std::option::Option<u32>,
        },
        #[error(transparent)]
        #[status(transparent)]
        Inner(super::Leaf),
    }
}

#[derive(Debug, PartialEq, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
#[error("leaf")]
#[status(410)]
pub struct Leaf;

#[test]
fn decoding_names_do_not_collide() {
    use decoding::Decoded;
    use errstatus::FromProblem;
    for e in [Decoded::Missing(3), Decoded::Slow { secs: 5, limit: Some(2) }, Decoded::Inner(Leaf)] {
        let (parts, body) = errstatus::response::<_, String>(&e).into_parts();
        assert_eq!(Decoded::from_problem(parts.status, &parts.headers, body.as_bytes()), Ok(e));
    }
}
