//! Feature `salvo`: handlers that return `Result<_, ApiError>` (every `Scribe` is a `Writer`),
//! through salvo's `TestClient`.

use errstatus_examples::error::ApiError;
use errstatus_frameworks::{failure, Reply, CASES};
use salvo::http::header::{HeaderValue, ACCESS_CONTROL_ALLOW_ORIGIN, CONTENT_TYPE, RETRY_AFTER};
use salvo::http::StatusCode;
use salvo::prelude::*;
use salvo::test::{ResponseExt, TestClient};

#[handler]
async fn fail(req: &mut Request) -> Result<&'static str, ApiError> {
    Err(failure(req.param::<String>("name").as_deref().unwrap_or("")))
}

#[handler]
async fn user(req: &mut Request) -> Result<String, ApiError> {
    match req.param::<u64>("id") {
        Some(1) => Ok("alice".to_owned()),
        Some(id) => Err(ApiError::UserNotFound(id)),
        None => Err(ApiError::Invalid("not an id".to_owned())),
    }
}

/// A middleware that sets header fields of its own before the handler runs.
#[handler]
async fn cors(res: &mut Response) {
    res.headers_mut().insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    res.headers_mut().insert(RETRY_AFTER, HeaderValue::from_static("1"));
    res.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/html"));
}

/// Opted out: the crate writes its own `Scribe`, which a derived one would conflict with.
#[derive(Debug, thiserror::Error, errstatus::HttpStatus)]
#[errstatus(skip(salvo))]
#[error("moved")]
#[status(410)]
struct Moved;

impl Scribe for Moved {
    fn render(self, res: &mut Response) {
        res.status_code(StatusCode::GONE);
        res.render("moved, in plain text");
    }
}

#[handler]
async fn moved() -> Result<&'static str, Moved> {
    Err(Moved)
}

/// A custom format that writes nothing: the response has no body and no content-type.
struct Silent;

impl errstatus::Format for Silent {
    const CONTENT_TYPE: &'static str = "text/plain";

    fn write(_: &errstatus::Details<'_>, _: &mut String) {}
}

#[derive(Debug, thiserror::Error, errstatus::HttpStatus)]
#[errstatus(format = Silent)]
#[error("not for you")]
#[status(403)]
struct Quiet;

#[handler]
async fn quiet() -> Result<&'static str, Quiet> {
    Err(Quiet)
}

fn service() -> Service {
    let router = Router::new()
        .push(Router::with_path("moved").get(moved))
        .push(Router::with_path("quiet").get(quiet))
        .push(Router::with_path("fail/{name}").get(fail))
        .push(Router::with_path("users/{id}").get(user))
        .push(Router::with_path("cors/fail/{name}").hoop(cors).get(fail));
    Service::new(router)
}

async fn reply(mut response: Response) -> Reply {
    let status = response.status_code.expect("a status").as_u16();
    let headers: Vec<(String, Vec<u8>)> =
        response.headers().iter().map(|(n, v)| (n.as_str().to_owned(), v.as_bytes().to_vec())).collect();
    let body = response.take_bytes(None).await.expect("body").to_vec();
    Reply::new(status, headers.iter().map(|(n, v)| (n.as_str(), v.as_slice())), body)
}

#[tokio::test]
async fn every_error_is_its_problem_json_response() {
    let service = service();
    for case in &CASES {
        let response = TestClient::get(format!("http://127.0.0.1/fail/{}", case.name)).send(&service).await;
        reply(response).await.check(case, &[]);
    }
}

#[tokio::test]
async fn success_and_error_of_one_handler() {
    let service = service();
    let mut response = TestClient::get("http://127.0.0.1/users/7").send(&service).await;
    assert_eq!(response.status_code, Some(StatusCode::NOT_FOUND));
    assert_eq!(response.headers()[CONTENT_TYPE], "application/problem+json");
    assert_eq!(
        response.take_string().await.unwrap(),
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"user 7 not found","id":7}"#
    );
    let mut response = TestClient::get("http://127.0.0.1/users/1").send(&service).await;
    assert_eq!(response.status_code, Some(StatusCode::OK));
    assert_eq!(response.take_string().await.unwrap(), "alice");
}

#[tokio::test]
async fn fields_the_error_sends_replace_a_middleware_s_and_the_others_stay() {
    let service = service();
    let response = TestClient::get("http://127.0.0.1/cors/fail/limited").send(&service).await;
    let reply = reply(response).await;
    // The middleware's CORS field stays; its retry-after and content-type are the error's now.
    reply.check(&CASES[1], &["access-control-allow-origin"]);
    assert!(reply.headers.contains(&("access-control-allow-origin".to_owned(), "*".to_owned())));
}

#[tokio::test]
async fn skip_salvo_leaves_the_impl_to_the_crate() {
    let mut response = TestClient::get("http://127.0.0.1/moved").send(&service()).await;
    assert_eq!(response.status_code, Some(StatusCode::GONE));
    assert_eq!(response.take_string().await.unwrap(), "moved, in plain text");
}

#[tokio::test]
async fn a_bodiless_error_stays_bodiless() {
    // What `http::Response::from` sends: 403, no body, no content-type; not salvo's error page.
    let expected = http::Response::<String>::from(Quiet);
    assert!(expected.body().is_empty() && expected.headers().get(CONTENT_TYPE).is_none());
    let mut response = TestClient::get("http://127.0.0.1/quiet").send(&service()).await;
    assert_eq!(response.status_code, Some(StatusCode::FORBIDDEN));
    assert_eq!(response.headers().get(CONTENT_TYPE), None);
    assert_eq!(response.take_string().await.unwrap(), "");
}

/// A hoop around the handler reads the `ErrorRecord` from the response's extensions after the
/// handler ran, and copies it into a header field for the test client.
#[handler]
async fn error_records(req: &mut Request, depot: &mut Depot, res: &mut Response, ctrl: &mut FlowCtrl) {
    ctrl.call_next(req, depot, res).await;
    if let Some(record) = res.extensions.get::<errstatus::ErrorRecord>() {
        let line = errstatus_frameworks::record_line(record);
        res.headers_mut().insert(errstatus_frameworks::RECORD_HEADER, line.parse().unwrap());
    }
}

#[tokio::test]
async fn a_hoop_reads_the_error_record() {
    let router = Router::new()
        .hoop(error_records)
        .push(Router::with_path("fail/{name}").get(fail))
        .push(Router::with_path("users/{id}").get(user));
    let service = Service::new(router);
    for case in &CASES {
        let response = TestClient::get(format!("http://127.0.0.1/fail/{}", case.name)).send(&service).await;
        let value = response.headers().get(errstatus_frameworks::RECORD_HEADER);
        assert_eq!(value.map(|v| v.to_str().unwrap()), Some(case.record), "{}", case.name);
    }
    let response = TestClient::get("http://127.0.0.1/users/1").send(&service).await;
    assert!(response.headers().get(errstatus_frameworks::RECORD_HEADER).is_none());
}
