//! What the last real services still need (api.md, issue 20): each item through the response
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

fn body(r: &Response<String>) -> Value {
    serde_json::from_str(r.body()).unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", r.body()))
}

// ---- `expose` is never refused where it is allowed ----

/// `expose` on a 4xx states the default (it was a compile error: tests/ui/expose/expose-on-4xx).
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(404, expose = false)]
enum Stated {
    #[error("hidden")]
    Hidden,
    #[error("gone since {0}")]
    #[status(410, expose)]
    Gone(u16),
    #[error("taken: {0}")]
    #[status(409, expose = true)]
    Taken(&'static str),
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(400, expose)]
#[error("bad input: {0}")]
struct StatedStruct(&'static str);

#[test]
fn expose_on_a_4xx_compiles_and_shows_the_detail() {
    let r = respond(Stated::Hidden);
    assert_eq!(body(&r), json!({"type": "about:blank", "title": "Not Found", "status": 404}));
    let r = respond(Stated::Gone(2024));
    assert_eq!(r.status(), StatusCode::GONE);
    assert_eq!(body(&r)["detail"], "gone since 2024");
    assert_eq!(body(&respond(Stated::Taken("bob")))["detail"], "taken: bob");
    let r = respond(StatedStruct("name"));
    assert_eq!(r.status(), 400);
    assert_eq!(body(&r)["detail"], "bad input: name");
}

/// `#[status(400, expose)]` beside an `Option<StatusCode>` field: 400 when `None`, and a 5xx
/// chosen at run time shows its detail too.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum Upstream {
    #[error("upstream said {msg}")]
    #[status(400, expose)]
    Said {
        msg: &'static str,
        #[status]
        code: Option<StatusCode>,
    },
    #[error("upstream failed: {msg}")]
    #[status(400)]
    Failed {
        msg: &'static str,
        #[status]
        code: Option<StatusCode>,
    },
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(400, expose)]
enum TypeExpose {
    #[error("proxy: {msg}")]
    Proxy {
        msg: &'static str,
        #[status]
        code: Option<StatusCode>,
    },
}

#[test]
fn expose_beside_a_run_time_status_shows_the_detail_of_a_5xx() {
    let r = respond(Upstream::Said { msg: "boom", code: None });
    assert_eq!(r.status(), 400);
    assert_eq!(body(&r)["detail"], "upstream said boom");
    let r = respond(Upstream::Said { msg: "boom", code: Some(StatusCode::BAD_GATEWAY) });
    assert_eq!(r.status(), 502);
    assert_eq!(body(&r)["detail"], "upstream said boom");
    // Without `expose`, a 5xx chosen at run time hides its detail.
    let r = respond(Upstream::Failed { msg: "secret", code: Some(StatusCode::BAD_GATEWAY) });
    assert_eq!(r.status(), 502);
    assert!(!r.body().contains("secret"), "{}", r.body());
    let r = respond(TypeExpose::Proxy { msg: "db down", code: Some(StatusCode::SERVICE_UNAVAILABLE) });
    assert_eq!(r.status(), 503);
    assert_eq!(body(&r)["detail"], "proxy: db down");
    assert_eq!(<TypeExpose as HttpStatus>::statuses(), vec![StatusCode::BAD_REQUEST]);
}

// ---- Status from the whole value ----

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Missing,
    Invalid,
    Broken,
}

fn kind_status(e: &Store) -> StatusCode {
    match e {
        Store::Query { kind, .. } | Store::Other(kind) => match kind {
            Kind::Missing => StatusCode::NOT_FOUND,
            Kind::Invalid => StatusCode::UNPROCESSABLE_ENTITY,
            Kind::Broken => StatusCode::INTERNAL_SERVER_ERROR,
        },
        _ => StatusCode::IM_A_TEAPOT,
    }
}

/// The type's `with` decides for the variants without a `#[status]` of their own.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(with = kind_status)]
enum Store {
    #[error("query failed: {message}")]
    Query { kind: Kind, message: &'static str },
    #[error("other: {0:?}")]
    #[status(expose = false)]
    Other(Kind),
    #[error("busy")]
    #[status(503, expose)]
    Busy,
    #[error("conflict on {0}")]
    #[status(409)]
    Conflict(u32),
}

#[test]
fn the_types_with_decides_for_the_variants_without_a_status() {
    let r = respond(Store::Query { kind: Kind::Missing, message: "no row" });
    assert_eq!(r.status(), 404);
    assert_eq!(body(&r)["detail"], "query failed: no row");
    let r = respond(Store::Query { kind: Kind::Invalid, message: "bad id" });
    assert_eq!(r.status(), 422);
    assert_eq!(body(&r)["detail"], "query failed: bad id");
    // Hidden from 500 on, as any status decided at run time.
    let r = respond(Store::Query { kind: Kind::Broken, message: "password=hunter2" });
    assert_eq!(r.status(), 500);
    assert!(!r.body().contains("hunter2"), "{}", r.body());
    // `expose = false` hides a 4xx.
    let r = respond(Store::Other(Kind::Missing));
    assert_eq!(r.status(), 404);
    assert_eq!(body(&r), json!({"type": "about:blank", "title": "Not Found", "status": 404}));
    // Variants with their own `#[status]` win.
    let r = respond(Store::Busy);
    assert_eq!(r.status(), 503);
    assert_eq!(body(&r)["detail"], "busy");
    assert_eq!(respond(Store::Conflict(7)).status(), 409);
    // Only the codes known at compile time.
    assert_eq!(<Store as HttpStatus>::statuses(), vec![StatusCode::CONFLICT, StatusCode::SERVICE_UNAVAILABLE]);
}

fn record_status(e: &Record) -> StatusCode {
    if e.found {
        StatusCode::CONFLICT
    } else {
        StatusCode::NOT_FOUND
    }
}

/// On a struct of several fields, `with` takes the whole value (on a struct of one field, the
/// field, as on a variant).
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(with = record_status, expose)]
#[error("record {id}")]
struct Record {
    id: u32,
    found: bool,
}

#[test]
fn a_structs_with_over_several_fields_takes_the_whole_value() {
    let r = respond(Record { id: 3, found: true });
    assert_eq!(r.status(), 409);
    assert_eq!(body(&r)["detail"], "record 3");
    assert_eq!(respond(Record { id: 3, found: false }).status(), 404);
    assert!(<Record as HttpStatus>::statuses().is_empty());
}

// ---- The variant's code ----

/// `{"code": "...", "status": ...}`: what a format reads of the code.
struct Coded;

impl errstatus::Format for Coded {
    const CONTENT_TYPE: &'static str = "application/json";

    fn write(d: &errstatus::Details<'_>, out: &mut String) {
        let detail = d.detail().map(|t| t.to_string());
        out.push_str(&json!({"code": d.code(), "status": d.status().as_u16(), "detail": detail}).to_string());
    }
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(404)]
#[error("inner gone")]
#[problem(code = "INNER_GONE", title = "Gone inside")]
struct InnerGone;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(404)]
#[error("no such thing")]
struct NoSuchThing;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(format = Coded)]
enum Codes {
    #[error("no user {0}")]
    #[status(404)]
    #[problem(code = "USER_NOT_FOUND", type = "https://errors.example.com/user")]
    NoUser(u64),
    #[error("upstream")]
    #[status(502)]
    HTTPError,
    #[error("e404")]
    #[status(404)]
    Error404,
    #[error("db password hunter2")]
    #[status(503)]
    r#DbDown,
    #[error(transparent)]
    #[status(transparent)]
    Inner(InnerCoded),
    #[error("with kind {0}")]
    #[status(400)]
    #[problem(code = "weird code: ü")]
    Weird(u8),
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(format = Coded)]
#[status(404)]
#[error("inner")]
#[problem(code = "INNER_CODED")]
struct InnerCoded;

#[test]
fn each_variant_has_a_code_and_a_hidden_5xx_keeps_it() {
    let code = |e: Codes| body(&respond(e))["code"].as_str().unwrap().to_owned();
    assert_eq!(code(Codes::NoUser(7)), "USER_NOT_FOUND");
    assert_eq!(code(Codes::HTTPError), "HTTP_ERROR");
    assert_eq!(code(Codes::Error404), "ERROR404");
    assert_eq!(code(Codes::Weird(1)), "weird code: ü");
    // The inner one's through a transparent variant.
    assert_eq!(code(Codes::Inner(InnerCoded)), "INNER_CODED");
    let r = respond(Codes::DbDown);
    assert_eq!(body(&r), json!({"code": "DB_DOWN", "status": 503, "detail": null}));
    assert!(!r.body().contains("hunter2"));
    // problem+json bodies do not change.
    assert_eq!(
        body(&respond(InnerGone)),
        json!({"type": "about:blank", "title": "Gone inside", "status": 404, "detail": "inner gone"})
    );
    assert_eq!(body(&respond(NoSuchThing))["status"], 404);
}
