//! Where the attributes meet (api.md, "Rules at the corners"): each rule through the response
//! the derived type builds (`From<E> for http::Response<String>`).

use errstatus::HttpStatus;
use http::{Response, StatusCode};
use serde_json::{json, Value};

fn respond<E: HttpStatus>(e: E) -> Response<String>
where
    Response<String>: From<E>,
{
    Response::from(e)
}

fn values(r: &Response<String>, name: &str) -> Vec<String> {
    r.headers().get_all(name).iter().map(|v| v.to_str().unwrap().to_owned()).collect()
}

fn body(r: &Response<String>) -> Value {
    serde_json::from_str(r.body()).unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", r.body()))
}

// ---- The type's status is a default ----

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500, expose)]
enum Exposing {
    #[error("the job failed: {0}")]
    Job(&'static str),
    #[error("db at {0} is down")]
    #[status(503)]
    Db(&'static str),
    #[error("upstream {0} is slow")]
    #[status(504, expose)]
    Upstream(&'static str),
}

#[test]
fn the_types_expose_applies_only_to_the_variants_that_take_its_code() {
    let r = respond(Exposing::Job("step 3"));
    assert_eq!(body(&r)["detail"], "the job failed: step 3");
    let r = respond(Exposing::Db("postgres://app:hunter2@10.0.0.7"));
    assert_eq!(r.status(), 503);
    assert!(!r.body().contains("hunter2"), "{}", r.body());
    assert_eq!(body(&r), json!({"type": "about:blank", "title": "Service Unavailable", "status": 503}));
    let r = respond(Exposing::Upstream("billing"));
    assert_eq!(body(&r)["detail"], "upstream billing is slow");
}

// ---- One value per field, one member per name ----

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("slow down")]
#[status(429)]
struct Limited {
    #[header(RETRY_AFTER)]
    secs: u64,
    #[header("x-limit")]
    limit: u32,
    #[problem(extension)]
    bucket: &'static str,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("{inner}")]
struct Outer {
    #[status(transparent)]
    inner: Limited,
    #[header(RETRY_AFTER)]
    retry: u64,
    #[problem(extension)]
    bucket: &'static str,
}

/// Two siblings of a list-based field: both are sent, the inner error's is not.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("{inner}")]
struct OuterList {
    #[status(transparent)]
    inner: Varying,
    #[header(VARY)]
    first: &'static str,
    #[header(VARY)]
    second: &'static str,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("varies")]
#[status(406)]
struct Varying {
    #[header(VARY)]
    vary: &'static str,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("{inner}")]
struct OuterOptional {
    #[status(transparent)]
    inner: Limited,
    #[header(RETRY_AFTER)]
    retry: Option<u64>,
}

#[test]
fn a_siblings_field_and_member_replace_the_inner_ones() {
    let r = respond(Outer { inner: Limited { secs: 30, limit: 10, bucket: "inner" }, retry: 60, bucket: "outer" });
    assert_eq!(r.status(), 429);
    assert_eq!(values(&r, "retry-after"), ["60"]);
    assert_eq!(values(&r, "x-limit"), ["10"]);
    assert_eq!(r.body().matches("\"bucket\"").count(), 1, "{}", r.body());
    assert_eq!(body(&r)["bucket"], "outer");
}

#[test]
fn siblings_of_a_list_based_field_replace_the_inner_value_together() {
    let r = respond(OuterList { inner: Varying { vary: "accept" }, first: "origin", second: "cookie" });
    assert_eq!(r.status(), 406);
    assert_eq!(values(&r, "vary"), ["origin", "cookie"]);
    let r = respond(Varying { vary: "accept" });
    assert_eq!(values(&r, "vary"), ["accept"]);
}

#[test]
fn an_absent_siblings_field_leaves_the_inner_one() {
    let inner = Limited { secs: 30, limit: 10, bucket: "inner" };
    let r = respond(OuterOptional { inner, retry: None });
    assert_eq!(values(&r, "retry-after"), ["30"]);
    let inner = Limited { secs: 30, limit: 10, bucket: "inner" };
    let r = respond(OuterOptional { inner, retry: Some(5) });
    assert_eq!(values(&r, "retry-after"), ["5"]);
}

// ---- No content where none may be ----

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("status {code}")]
struct AnyStatus {
    #[status]
    code: StatusCode,
    #[header("x-why")]
    why: &'static str,
}

#[test]
fn a_run_time_status_that_cannot_carry_content_has_no_body() {
    for code in [100, 101, 103, 150, 199, 204, 205, 304] {
        let r = respond(AnyStatus { code: StatusCode::from_u16(code).unwrap(), why: "test" });
        assert_eq!(r.status(), code);
        assert_eq!(r.body(), "", "{code}");
        assert_eq!(r.headers().get("content-type"), None, "{code}");
        assert_eq!(values(&r, "x-why"), ["test"], "{code}");
    }
    for code in [200, 299, 400, 499, 500, 599, 600, 999] {
        let r = respond(AnyStatus { code: StatusCode::from_u16(code).unwrap(), why: "test" });
        assert_eq!(r.status(), code);
        assert_eq!(body(&r)["status"], code, "{code}");
        // Shown below 500, hidden from 500 on, past 599 too.
        assert_eq!(r.body().contains("status "), code < 500, "{code}: {}", r.body());
    }
}

// ---- Absent means the next one ----

#[derive(Debug, thiserror::Error, HttpStatus)]
#[header(CACHE_CONTROL = "no-store")]
#[header(WWW_AUTHENTICATE = "Bearer")]
enum Fixed {
    #[error("cached for {0:?}")]
    #[status(409)]
    Cached(#[header(CACHE_CONTROL)] Option<&'static str>),
    #[error("login required")]
    #[status(401)]
    Login {
        #[header(WWW_AUTHENTICATE)]
        challenge: Option<String>,
    },
    #[error("vary")]
    #[status(400)]
    #[header(CACHE_CONTROL = "private")]
    Private(#[header(CACHE_CONTROL)] Option<&'static str>),
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[header(CACHE_CONTROL = "max-age=0")]
enum Wrapping {
    #[error(transparent)]
    #[status(transparent)]
    Inner(Fixed),
}

#[test]
fn a_none_field_lets_the_fixed_value_of_its_name_apply() {
    let r = respond(Fixed::Cached(None));
    assert_eq!(values(&r, "cache-control"), ["no-store"]);
    let r = respond(Fixed::Cached(Some("max-age=60")));
    assert_eq!(values(&r, "cache-control"), ["max-age=60"]);
    let r = respond(Fixed::Private(None));
    assert_eq!(values(&r, "cache-control"), ["private"]);
    // An Option field beside a fixed value satisfies the required-header rule of 401.
    let r = respond(Fixed::Login { challenge: None });
    assert_eq!(values(&r, "www-authenticate"), ["Bearer"]);
    let r = respond(Fixed::Login { challenge: Some("Basic realm=\"x\"".into()) });
    assert_eq!(values(&r, "www-authenticate"), ["Basic realm=\"x\""]);
    // Through a transparent variant the inner type's fixed value is the more specific one.
    let r = respond(Wrapping::Inner(Fixed::Cached(None)));
    assert_eq!(values(&r, "cache-control"), ["no-store"]);
}

// ---- Hygiene: user types named like the ones generated code uses ----

mod shadowing {
    #![allow(dead_code)]

    use errstatus::HttpStatus;

    /// A user type named `String`: a header field of this type goes through its Display.
    #[derive(Debug)]
    pub struct String(pub u32);

    impl std::fmt::Display for String {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "id-{}", self.0)
        }
    }

    pub struct Option;
    pub struct Result;
    pub struct StatusCode;
    pub struct Some;
    pub struct None;
    pub struct Ok;
    pub struct Vec;

    #[derive(Debug, thiserror::Error, HttpStatus)]
    pub enum Shadowed {
        #[error("not found")]
        #[status(404)]
        NotFound {
            #[header("x-id")]
            id: String,
            #[header("x-tag")]
            tag: std::string::String,
            #[header("x-maybe")]
            maybe: std::option::Option<u32>,
            #[problem(extension)]
            n: u32,
        },
        #[error("any {0:?}")]
        #[status(503)]
        Any(#[status] std::option::Option<http::StatusCode>),
    }
}

#[test]
fn user_types_named_like_std_ones_do_not_change_the_expansion() {
    use shadowing::Shadowed;
    let r = respond(Shadowed::NotFound { id: shadowing::String(7), tag: "t".into(), maybe: Some(3), n: 1 });
    assert_eq!(r.status(), 404);
    assert_eq!(values(&r, "x-id"), ["id-7"]);
    assert_eq!(values(&r, "x-tag"), ["t"]);
    assert_eq!(values(&r, "x-maybe"), ["3"]);
    assert_eq!(body(&r)["n"], 1);
    assert_eq!(respond(Shadowed::Any(None)).status(), 503);
    assert_eq!(respond(Shadowed::Any(Some(StatusCode::CONFLICT))).status(), 409);
}
