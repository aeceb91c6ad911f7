//! Where the attributes meet (api.md, "Rules at the corners"), the rules the runtime keeps:
//! one value per field and one member per name through a field-level transparent, and no
//! content for a run-time status that cannot carry any. Through the response the derived type
//! builds (`From<E> for http::Response<String>`).

use errstatus::HttpStatus;
use http::{Response, StatusCode};
use serde_json::Value;

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
