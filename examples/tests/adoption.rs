//! What an existing service needs to adopt errstatus (api.md "Real services"), sent through the
//! real frameworks: a `Router` called with `oneshot`, an actix-web `App` from `init_service`,
//! and `From<E> for http::Response<String>`. All three must send the same status, header
//! fields and bytes, and those must be the expected ones.

mod common;

use std::time::Duration;

use axum::body::Body;
use axum::routing::get;
use axum::Router;
use common::header_list;
use errstatus::HttpStatus;
use http::{HeaderValue, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// A foreign database error whose status depends on its value.
#[derive(Debug)]
pub enum DbError {
    RowNotFound,
    PoolClosed,
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DbError::RowNotFound => "no rows returned",
            DbError::PoolClosed => "pool closed",
        })
    }
}

fn db_status(e: &DbError) -> StatusCode {
    match e {
        DbError::RowNotFound => StatusCode::NOT_FOUND,
        DbError::PoolClosed => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

fn seconds(d: &Duration) -> Option<HeaderValue> {
    Some(HeaderValue::from(d.as_secs() + u64::from(d.subsec_nanos() > 0)))
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[header(ACCESS_CONTROL_ALLOW_ORIGIN = "*")]
pub enum ApiError {
    #[error("login required")]
    #[status(401)]
    #[header(WWW_AUTHENTICATE = "Bearer")]
    Unauthenticated,
    #[error("session expired")]
    #[status(401, acknowledge)]
    SessionExpired,
    #[error("user 7 may not read tenant 3")]
    #[status(403, expose = false)]
    Forbidden,
    #[error("busy")]
    #[status(503, expose)]
    Busy {
        #[header(RETRY_AFTER)]
        retry_after: Option<u32>,
    },
    #[error("slow down")]
    #[status(429)]
    Slow {
        #[header(RETRY_AFTER, with = seconds)]
        wait: Duration,
    },
    #[error("{1}")]
    Custom(#[status] StatusCode, String),
    #[error("database: {0}")]
    #[status(with = db_status)]
    Db(DbError),
    /// Transparent through one field of several: the others add their own header fields.
    #[error("{kind}")]
    App {
        #[status(transparent)]
        kind: Kind,
        cause: Option<String>,
        #[header("x-caller")]
        caller: &'static str,
    },
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum Kind {
    #[error("quota exceeded")]
    #[status(429)]
    Quota {
        #[header(RETRY_AFTER)]
        secs: u64,
    },
}

fn cases() -> Vec<ApiError> {
    vec![
        ApiError::Unauthenticated,
        ApiError::SessionExpired,
        ApiError::Forbidden,
        ApiError::Busy { retry_after: Some(30) },
        ApiError::Busy { retry_after: None },
        ApiError::Slow { wait: Duration::from_millis(2500) },
        ApiError::Custom(StatusCode::UNAUTHORIZED, "token revoked".into()),
        ApiError::Custom(StatusCode::NOT_FOUND, "no such page".into()),
        ApiError::Custom(StatusCode::SERVICE_UNAVAILABLE, "upstream down".into()),
        ApiError::Custom(StatusCode::NOT_MODIFIED, "unchanged".into()),
        ApiError::Db(DbError::RowNotFound),
        ApiError::Db(DbError::PoolClosed),
        ApiError::App { kind: Kind::Quota { secs: 60 }, cause: None, caller: "billing" },
    ]
}

type Reply = (u16, Vec<(String, String)>, String);

/// The expected reply of each case, in order.
fn expected() -> Vec<Reply> {
    let json = "application/problem+json";
    let h = |pairs: &[(&str, &str)], body: bool| {
        let mut v: Vec<(String, String)> = pairs.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect();
        v.push(("access-control-allow-origin".into(), "*".into()));
        if body {
            v.push(("content-type".into(), json.into()));
        }
        v.sort();
        v
    };
    let body = |c: u16, t: &str, d: Option<&str>| match d {
        Some(d) => format!(r#"{{"type":"about:blank","title":"{t}","status":{c},"detail":"{d}"}}"#),
        None => format!(r#"{{"type":"about:blank","title":"{t}","status":{c}}}"#),
    };
    vec![
        (401, h(&[("www-authenticate", "Bearer")], true), body(401, "Unauthorized", Some("login required"))),
        (401, h(&[], true), body(401, "Unauthorized", Some("session expired"))),
        (403, h(&[], true), body(403, "Forbidden", None)),
        (503, h(&[("retry-after", "30")], true), body(503, "Service Unavailable", Some("busy"))),
        (503, h(&[], true), body(503, "Service Unavailable", Some("busy"))),
        (429, h(&[("retry-after", "3")], true), body(429, "Too Many Requests", Some("slow down"))),
        (401, h(&[], true), body(401, "Unauthorized", Some("token revoked"))),
        (404, h(&[], true), body(404, "Not Found", Some("no such page"))),
        (503, h(&[], true), body(503, "Service Unavailable", None)),
        (304, h(&[], false), String::new()),
        (404, h(&[], true), body(404, "Not Found", Some("database: no rows returned"))),
        (500, h(&[], true), body(500, "Internal Server Error", None)),
        (
            429,
            h(&[("retry-after", "60"), ("x-caller", "billing")], true),
            body(429, "Too Many Requests", Some("quota exceeded")),
        ),
    ]
}

fn http_reply(e: ApiError) -> Reply {
    let r: http::Response<String> = e.into();
    let headers = header_list(r.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
    (r.status().as_u16(), headers, r.into_body())
}

async fn error_at(axum::extract::Path(i): axum::extract::Path<usize>) -> Result<(), ApiError> {
    Err(cases().remove(i))
}

async fn axum_reply(i: usize) -> Reply {
    let app = Router::new().route("/{i}", get(error_at));
    let request = http::Request::get(format!("/{i}")).body(Body::empty()).unwrap();
    let response = app.oneshot(request).await.unwrap();
    let status = response.status().as_u16();
    let mut headers = header_list(response.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
    headers.retain(|(n, _)| n != "content-length");
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8(body.to_vec()).unwrap())
}

async fn actix_error_at(i: actix_web::web::Path<usize>) -> Result<actix_web::HttpResponse, ApiError> {
    Err(cases().remove(i.into_inner()))
}

async fn actix_reply(i: usize) -> Reply {
    use actix_web::{test, web, App};
    let app = test::init_service(App::new().route("/{i}", web::get().to(actix_error_at))).await;
    let response = test::call_service(&app, test::TestRequest::get().uri(&format!("/{i}")).to_request()).await;
    let status = response.status().as_u16();
    let mut headers = header_list(response.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
    headers.retain(|(n, _)| n != "content-length");
    let body = test::read_body(response).await;
    (status, headers, String::from_utf8(body.to_vec()).unwrap())
}

#[actix_web::test]
async fn every_case_through_every_framework() {
    let expected = expected();
    assert_eq!(expected.len(), cases().len());
    for (i, want) in expected.into_iter().enumerate() {
        let from_http = http_reply(cases().remove(i));
        assert_eq!(from_http, want, "case {i} through http::Response");
        assert_eq!(axum_reply(i).await, want, "case {i} through axum");
        assert_eq!(actix_reply(i).await, want, "case {i} through actix-web");
    }
}

#[test]
fn statuses_list_what_is_known_at_compile_time() {
    let codes: Vec<u16> = ApiError::statuses().iter().map(StatusCode::as_u16).collect();
    assert_eq!(codes, [401, 403, 429, 503]);
    let _ = ApiError::App { kind: Kind::Quota { secs: 1 }, cause: Some("x".into()), caller: "" };
}

/// RealWorld's error shape, `{"errors":{"<field>":["<message>"]}}`, from extension members;
/// without members, the detail (or the title when it is hidden) under `body`.
struct RealWorld;

impl errstatus::Format for RealWorld {
    const CONTENT_TYPE: &'static str = "application/json";

    fn write(d: &errstatus::Details<'_>, out: &mut String) {
        let mut errors = serde_json::Map::new();
        for (field, message) in d.extensions() {
            errors.insert(field.to_owned(), serde_json::json!([message]));
        }
        if errors.is_empty() {
            let text = d.detail().map_or_else(|| d.title().to_owned(), |t| t.to_string());
            errors.insert("body".to_owned(), serde_json::json!([text]));
        }
        out.push_str(&serde_json::json!({ "errors": errors }).to_string());
    }
}

/// `{"error": "<variant in snake case>"}`, or no body at all for a 5xx.
struct Code;

impl errstatus::Format for Code {
    const CONTENT_TYPE: &'static str = "application/json";

    fn write(d: &errstatus::Details<'_>, out: &mut String) {
        if d.status().is_server_error() {
            return;
        }
        out.push_str(&format!(r#"{{"error":"{}"}}"#, d.variant()));
    }
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(format = Code)]
pub enum LoginError {
    #[error("wrong password")]
    #[status(401, acknowledge)]
    IncorrectLogin,
    #[error("locked")]
    #[status(503)]
    Locked {
        #[header(RETRY_AFTER)]
        retry_after: u32,
    },
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(format = RealWorld)]
pub enum Conduit {
    #[error("validation failed")]
    #[status(422)]
    Invalid {
        #[problem(extension)]
        body: &'static str,
    },
    #[error("article not found")]
    #[status(404)]
    NotFound,
    #[error("database down")]
    #[status(500)]
    Down,
    /// Through a transparent variant: the inner error's response, its format included.
    #[error(transparent)]
    #[status(transparent)]
    Login(LoginError),
    #[error(transparent)]
    #[status(transparent)]
    Api(ApiError),
}

fn conduit_cases() -> Vec<Conduit> {
    vec![
        Conduit::Invalid { body: "can't be empty" },
        Conduit::NotFound,
        Conduit::Down,
        Conduit::Login(LoginError::IncorrectLogin),
        Conduit::Login(LoginError::Locked { retry_after: 9 }),
        Conduit::Api(ApiError::Forbidden),
    ]
}

fn conduit_expected() -> Vec<Reply> {
    let h = |pairs: &[(&str, &str)]| {
        let mut v: Vec<(String, String)> = pairs.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect();
        v.sort();
        v
    };
    let json = ("content-type", "application/json");
    vec![
        (422, h(&[json]), r#"{"errors":{"body":["can't be empty"]}}"#.into()),
        (404, h(&[json]), r#"{"errors":{"body":["article not found"]}}"#.into()),
        // The 5xx detail stays hidden whatever the format.
        (500, h(&[json]), r#"{"errors":{"body":["Internal Server Error"]}}"#.into()),
        (401, h(&[json]), r#"{"error":"IncorrectLogin"}"#.into()),
        // A format that writes nothing: no body, no content-type; header fields stay.
        (503, h(&[("retry-after", "9")]), String::new()),
        // A default-format inner error keeps problem+json.
        (
            403,
            h(&[("access-control-allow-origin", "*"), ("content-type", "application/problem+json")]),
            r#"{"type":"about:blank","title":"Forbidden","status":403}"#.into(),
        ),
    ]
}

async fn conduit_at(axum::extract::Path(i): axum::extract::Path<usize>) -> Result<(), Conduit> {
    Err(conduit_cases().remove(i))
}

async fn actix_conduit_at(i: actix_web::web::Path<usize>) -> Result<actix_web::HttpResponse, Conduit> {
    Err(conduit_cases().remove(i.into_inner()))
}

#[actix_web::test]
async fn custom_formats_through_every_framework() {
    use actix_web::{test, web, App};
    let axum_app = Router::new().route("/{i}", get(conduit_at));
    let actix_app = test::init_service(App::new().route("/{i}", web::get().to(actix_conduit_at))).await;
    for (i, want) in conduit_expected().into_iter().enumerate() {
        let r: http::Response<String> = conduit_cases().remove(i).into();
        let headers = header_list(r.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
        assert_eq!((r.status().as_u16(), headers, r.into_body()), want, "case {i} through http::Response");

        let request = http::Request::get(format!("/{i}")).body(Body::empty()).unwrap();
        let response = axum_app.clone().oneshot(request).await.unwrap();
        let status = response.status().as_u16();
        let mut headers = header_list(response.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
        headers.retain(|(n, _)| n != "content-length");
        let body = response.into_body().collect().await.unwrap().to_bytes();
        assert_eq!((status, headers, String::from_utf8(body.to_vec()).unwrap()), want, "case {i} through axum");

        let response =
            test::call_service(&actix_app, test::TestRequest::get().uri(&format!("/{i}")).to_request()).await;
        let status = response.status().as_u16();
        let mut headers = header_list(response.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
        headers.retain(|(n, _)| n != "content-length");
        let body = test::read_body(response).await;
        assert_eq!((status, headers, String::from_utf8(body.to_vec()).unwrap()), want, "case {i} through actix-web");
    }
}

#[test]
fn custom_format_in_the_openapi_document() {
    use utoipa::IntoResponses;
    let doc = serde_json::to_value(Conduit::responses()).unwrap();
    assert!(doc["422"]["content"]["application/json"].is_object(), "{doc:#}");
    assert!(doc["422"]["content"].get("application/problem+json").is_none(), "{doc:#}");
    // The transparent default-format inner error keeps problem+json.
    assert!(doc["403"]["content"]["application/problem+json"].is_object(), "{doc:#}");
    // Run-time statuses of ApiError under `default`.
    assert!(doc["default"].is_object(), "{doc:#}");
}
