//! What the last real services still need (api.md): a detail other than the Display text,
//! members that are not `Serialize`, members in their own order, and the error's serde form as
//! the body. Each checked on the `http::Response`, with ports of the services that need them.

use std::fmt;

use errstatus::{Details, Format, HttpStatus};
use serde::Serialize;

fn parts(e: &dyn HttpStatus) -> (u16, Option<String>, String) {
    let r: http::Response<String> = errstatus::response(e);
    let ct = r.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned());
    (r.status().as_u16(), ct, r.into_body())
}

fn body(e: &dyn HttpStatus) -> String {
    parts(e).2
}

// Item 4: `#[problem(detail = "...")]`.

/// crates.io: the log says which crate, the client reads a sentence made for it.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum CratesIo {
    #[error("crate `{name}` v{version} already exists (owner {owner})")]
    #[status(409)]
    #[problem(detail = "crate version `{name}@{version}` already exists")]
    VersionExists { name: String, version: String, owner: u64 },
    #[error("invalid crate name {0:?}")]
    #[status(400)]
    #[problem(detail = "invalid character `{1}` in crate name: {0:?}")]
    InvalidName(String, char),
    #[error("database: {0}")]
    #[status(500)]
    #[problem(detail = "database error {0}")]
    Db(String),
    #[error("storage: {0}")]
    #[status(503, expose)]
    #[problem(detail = "storage {0:>6}|{0:<6}|{{braces}} {1:#x} {1:?}")]
    Storage(&'static str, u32),
    #[error("plain")]
    #[status(404)]
    Plain,
}

#[test]
fn detail_is_the_format_string_over_the_fields() {
    let e = CratesIo::VersionExists { name: "serde".into(), version: "1.0.0".into(), owner: 7 };
    assert_eq!(e.to_string(), "crate `serde` v1.0.0 already exists (owner 7)");
    assert_eq!(
        body(&e),
        r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"crate version `serde@1.0.0` already exists"}"#
    );
    let e = CratesIo::InvalidName("a b\"".into(), ' ');
    assert_eq!(
        body(&e),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"invalid character ` ` in crate name: \"a b\\\"\""}"#
    );
    let e = CratesIo::Storage("s3", 255);
    assert_eq!(
        body(&e),
        r#"{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"storage     s3|s3    |{braces} 0xff 255"}"#
    );
    assert_eq!(body(&CratesIo::Plain), r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"plain"}"#);
}

#[test]
fn a_5xx_detail_stays_hidden() {
    assert_eq!(
        body(&CratesIo::Db("password=hunter2".into())),
        r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#
    );
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("quota of user {user} exceeded: {used}/{limit}")]
#[status(429)]
#[problem(detail = "quota exceeded: {used}/{limit}", title = "Quota")]
struct Quota {
    user: u64,
    #[problem(extension)]
    used: u32,
    limit: u32,
}

#[test]
fn detail_on_a_struct_with_members() {
    assert_eq!(
        body(&Quota { user: 3, used: 11, limit: 10 }),
        r#"{"type":"about:blank","title":"Quota","status":429,"detail":"quota exceeded: 11/10","used":11}"#
    );
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("generic {0}")]
#[status(400)]
#[problem(detail = "value {0:?}")]
struct Generic<T: fmt::Debug + fmt::Display>(T);

#[test]
fn detail_of_a_generic_type() {
    assert_eq!(
        body(&Generic("x")),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"value \"x\""}"#
    );
}

// Item 5: members that are not `Serialize`.

/// Not `Serialize`: a type from another crate, Display only (lemmy's `LemmyErrorType` members).
struct Ip([u8; 4]);

impl fmt::Display for Ip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [a, b, c, d] = self.0;
        write!(f, "{a}.{b}.{c}.{d}")
    }
}

struct Tags(Vec<&'static str>);

fn tags(t: &Tags) -> serde_json::Value {
    serde_json::Value::Array(t.0.iter().map(|s| serde_json::Value::String(s.to_uppercase())).collect())
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum Lemmy {
    #[error("banned")]
    #[status(403)]
    Banned {
        #[problem(extension, display)]
        ip: Ip,
        #[problem(extension = "reason_text", display)]
        reason: String,
        #[problem(extension, with = tags)]
        tags: Tags,
    },
    #[error("rate limited")]
    #[status(500)]
    Hidden {
        #[problem(extension, with = tags)]
        tags: Tags,
    },
}

impl fmt::Debug for Ip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Debug for Tags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Tags").field(&self.0).finish()
    }
}

#[test]
fn display_and_with_members() {
    let e = Lemmy::Banned { ip: Ip([10, 0, 0, 1]), reason: "spam \"x\"".into(), tags: Tags(vec!["a", "b"]) };
    assert_eq!(
        body(&e),
        r#"{"type":"about:blank","title":"Forbidden","status":403,"detail":"banned","ip":"10.0.0.1","reason_text":"spam \"x\"","tags":["A","B"]}"#
    );
    assert_eq!(
        body(&Lemmy::Hidden { tags: Tags(vec!["a"]) }),
        r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#
    );
}

// Item 6: members in their own order.

/// Fields not in alphabetical order: a sorted map would put `a` first.
#[derive(Debug, Serialize)]
struct Meta {
    z: u8,
    a: u8,
    m: Vec<Inner>,
}

#[derive(Debug, Serialize)]
struct Inner {
    y: bool,
    b: bool,
}

/// loco: `{"error": ..., "description": ..., "meta": {...}}`, members as the struct orders them.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("validation failed")]
#[status(422)]
struct Invalid {
    #[problem(extension)]
    meta: Meta,
}

struct Loco;

impl Format for Loco {
    const CONTENT_TYPE: &'static str = "application/json";

    fn write(d: &Details<'_>, out: &mut String) {
        out.push_str(r#"{"error":"#);
        out.push_str(&serde_json::to_string(d.title()).unwrap());
        for (name, json) in d.extensions_json() {
            out.push(',');
            out.push_str(&serde_json::to_string(name).unwrap());
            out.push(':');
            out.push_str(&json);
        }
        out.push('}');
    }
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(format = Loco)]
#[error("validation failed")]
#[status(422)]
struct LocoInvalid {
    #[problem(extension)]
    meta: Meta,
    #[problem(extension, display)]
    field: &'static str,
}

fn meta() -> Meta {
    Meta { z: 1, a: 2, m: vec![Inner { y: true, b: false }] }
}

#[test]
fn members_keep_their_declaration_order() {
    let expected = r#"{"z":1,"a":2,"m":[{"y":true,"b":false}]}"#;
    assert_eq!(serde_json::to_string(&meta()).unwrap(), expected);
    assert_eq!(
        body(&Invalid { meta: meta() }),
        format!(
            r#"{{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"validation failed","meta":{expected}}}"#
        )
    );
    assert_eq!(
        body(&LocoInvalid { meta: meta(), field: "email" }),
        format!(r#"{{"error":"Unprocessable Content","meta":{expected},"field":"email"}}"#)
    );
}

// Item 7: the error's serde form as the body.

/// kanidm: `Json(self)` of its `OperationError`-like enum, with the status from a match.
#[derive(Debug, thiserror::Error, HttpStatus, Serialize)]
#[errstatus(format = errstatus::SerdeJson)]
#[serde(rename_all = "snake_case")]
enum Kanidm {
    #[error("no matching entries")]
    #[status(404)]
    NoMatchingEntries,
    #[error("session expired")]
    #[status(401)]
    #[header(WWW_AUTHENTICATE = "Bearer")]
    SessionExpired,
    #[error("invalid attribute {name}")]
    #[status(400)]
    InvalidAttribute { name: String, z: u8, a: u8 },
    #[error("backend: {0}")]
    #[status(500)]
    Backend(String),
    #[error("busy")]
    #[status(503, expose)]
    Busy {
        #[header(RETRY_AFTER)]
        #[serde(skip)]
        retry: u32,
    },
    #[error("hidden conflict")]
    #[status(409, expose = false)]
    HiddenConflict,
}

#[test]
fn serde_form_is_the_body() {
    let json = Some("application/json".to_owned());
    assert_eq!(parts(&Kanidm::NoMatchingEntries), (404, json.clone(), r#""no_matching_entries""#.to_owned()));
    let r: http::Response<String> = Kanidm::SessionExpired.into();
    assert_eq!(r.status(), 401);
    assert_eq!(r.headers()["www-authenticate"], "Bearer");
    assert_eq!(r.body(), r#""session_expired""#);
    let e = Kanidm::InvalidAttribute { name: "uid".into(), z: 1, a: 2 };
    assert_eq!(parts(&e), (400, json.clone(), r#"{"invalid_attribute":{"name":"uid","z":1,"a":2}}"#.to_owned()));
    assert_eq!(body(&e), serde_json::to_string(&e).unwrap());
    let r: http::Response<String> = Kanidm::Busy { retry: 5 }.into();
    assert_eq!(r.headers()["retry-after"], "5");
    assert_eq!(r.body(), r#"{"busy":{}}"#);
}

#[test]
fn a_hidden_serde_form_sends_nothing() {
    assert_eq!(parts(&Kanidm::Backend("10.0.0.3 refused".into())), (500, None, String::new()));
    assert_eq!(parts(&Kanidm::HiddenConflict), (409, None, String::new()));
}

/// A transparent variant keeps the inner error's format.
#[derive(Debug, thiserror::Error, HttpStatus, Serialize)]
#[errstatus(format = errstatus::SerdeJson)]
enum Outer {
    #[error(transparent)]
    #[status(transparent)]
    Inner(#[serde(skip)] CratesIo),
    #[error("own")]
    #[status(400)]
    Own { x: u8 },
}

/// A generic type with `SerdeJson`: serde's derive makes `Serialize` depend on `T`, so the
/// derive bounds its impls with `Self: Serialize` (they did not compile without it). Also
/// through a `macro_rules!` `ty` fragment.
#[derive(Debug, thiserror::Error, HttpStatus, Serialize)]
#[errstatus(format = errstatus::SerdeJson)]
enum SerdeGeneric<T> {
    #[error("missing")]
    #[status(404)]
    Missing { key: T },
    #[error("failed")]
    #[status(500)]
    Failed(T, u8),
    #[error("busy")]
    #[status(503, expose)]
    Busy(T),
}

macro_rules! serde_struct {
    ($format:ty) => {
        #[derive(Debug, thiserror::Error, HttpStatus, Serialize)]
        #[error("bad {0}")]
        #[status(400)]
        #[errstatus(format = $format)]
        struct SerdeGenericStruct<T>(T);
    };
}
serde_struct!(errstatus::SerdeJson);

#[test]
fn serde_form_of_generic_types() {
    assert_eq!(
        parts(&SerdeGeneric::Missing { key: "k" }),
        (404, Some("application/json".to_owned()), r#"{"Missing":{"key":"k"}}"#.to_owned())
    );
    assert_eq!(parts(&SerdeGeneric::Failed(vec![1u8], 2)), (500, None, String::new()));
    assert_eq!(body(&SerdeGeneric::Busy(Some(3u32))), r#"{"Busy":3}"#);
    assert_eq!(body(&SerdeGenericStruct(1.5f64)), "1.5");
    let r: http::Response<String> = SerdeGeneric::Missing { key: 7u8 }.into();
    assert_eq!(r.body(), r#"{"Missing":{"key":7}}"#);
}

#[test]
fn serde_form_and_transparent_variants() {
    assert_eq!(
        parts(&Outer::Inner(CratesIo::Plain)),
        (
            404,
            Some("application/problem+json".to_owned()),
            r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"plain"}"#.to_owned()
        )
    );
    assert_eq!(body(&Outer::Own { x: 1 }), r#"{"Own":{"x":1}}"#);
}
