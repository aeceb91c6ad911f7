//! Feature `poem`: handlers that return `Result<_, ApiError>` (poem turns the error into a
//! `poem::Error` that keeps it) and `poem::Result<_>` with `?`, through poem's `TestClient`.

use errstatus::HttpStatus;
use errstatus_examples::error::ApiError;
use errstatus_frameworks::{failure, Reply, CASES};
use poem::error::ResponseError;
use poem::http::StatusCode;
use poem::test::{TestClient, TestResponse};
use poem::web::Path;
use poem::{get, handler, Route};

#[handler]
fn fail(Path(name): Path<String>) -> Result<&'static str, ApiError> {
    Err(failure(&name))
}

/// `?` into `poem::Error`, the way poem's own examples write handlers.
#[handler]
fn user(Path(id): Path<u64>) -> poem::Result<String> {
    let found: Result<String, ApiError> =
        if id == 1 { Ok("alice".to_owned()) } else { Err(ApiError::UserNotFound(id)) };
    Ok(found?)
}

/// Opted out: the crate writes its own `ResponseError`, which a derived one would conflict
/// with.
#[derive(Debug, thiserror::Error, errstatus::HttpStatus)]
#[errstatus(skip(poem))]
#[error("moved")]
#[status(410)]
struct Moved;

impl ResponseError for Moved {
    fn status(&self) -> StatusCode {
        StatusCode::GONE
    }
}

#[handler]
fn moved() -> Result<&'static str, Moved> {
    Err(Moved)
}

fn app() -> Route {
    Route::new().at("/fail/:name", get(fail)).at("/users/:id", get(user)).at("/moved", get(moved))
}

async fn reply(response: TestResponse) -> Reply {
    let response = response.0;
    let status = response.status().as_u16();
    let headers: Vec<(String, Vec<u8>)> =
        response.headers().iter().map(|(n, v)| (n.as_str().to_owned(), v.as_bytes().to_vec())).collect();
    let body = response.into_body().into_vec().await.expect("body");
    Reply::new(status, headers.iter().map(|(n, v)| (n.as_str(), v.as_slice())), body)
}

#[tokio::test]
async fn every_error_is_its_problem_json_response() {
    let client = TestClient::new(app());
    for case in &CASES {
        let response = client.get(format!("/fail/{}", case.name)).send().await;
        reply(response).await.check(case, &[]);
    }
}

#[tokio::test]
async fn question_mark_into_poem_error_keeps_the_response() {
    let client = TestClient::new(app());
    let response = client.get("/users/7").send().await;
    response.assert_status(StatusCode::NOT_FOUND);
    response.assert_content_type("application/problem+json");
    response
        .assert_text(r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"user 7 not found","id":7}"#)
        .await;
    let response = client.get("/users/1").send().await;
    response.assert_status_is_ok();
    response.assert_text("alice").await;
}

#[test]
fn the_poem_error_has_the_status_and_the_error() {
    let error = poem::Error::from(failure("limited"));
    assert_eq!(error.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(error.is::<ApiError>());
    assert_eq!(error.to_string(), "too many password reset requests, retry in 30 seconds");
    // Both traits have a `status`: name the one meant when both are in scope.
    let e = failure("database");
    assert_eq!(ResponseError::status(&e), HttpStatus::status(&e));
}

#[tokio::test]
async fn skip_poem_leaves_the_impl_to_the_crate() {
    // poem's default `as_response`: the Display text as plain text.
    let response = TestClient::new(app()).get("/moved").send().await;
    response.assert_status(StatusCode::GONE);
    response.assert_text("moved").await;
}

/// A middleware (poem's `around`) outside `errstatus::poem::ErrorRecords` reads the
/// `ErrorRecord` of the response, and copies it into a header field for the test client.
#[tokio::test]
async fn a_middleware_reads_the_error_record() {
    use poem::{Endpoint, EndpointExt};
    let app = app().with(errstatus::poem::ErrorRecords).around(|endpoint, request| async move {
        let mut response = endpoint.call(request).await?;
        if let Some(record) = response.extensions().get::<errstatus::ErrorRecord>() {
            let line = errstatus_frameworks::record_line(record);
            response.headers_mut().insert(errstatus_frameworks::RECORD_HEADER, line.parse().unwrap());
        }
        Ok(response)
    });
    let client = TestClient::new(app);
    for case in &CASES {
        let response = client.get(format!("/fail/{}", case.name)).send().await;
        response.assert_header(errstatus_frameworks::RECORD_HEADER, case.record);
    }
    // `?` into `poem::Error` keeps it; a success has none.
    client
        .get("/users/7")
        .send()
        .await
        .assert_header(errstatus_frameworks::RECORD_HEADER, "404 ApiError USER_NOT_FOUND");
    client.get("/users/1").send().await.assert_header_is_not_exist(errstatus_frameworks::RECORD_HEADER);
}

/// Without `ErrorRecords`, poem gives a `poem::Error`'s response the error's extensions: the
/// record is not there (what `ErrorRecords` is for).
#[tokio::test]
async fn poem_error_responses_lose_the_record_without_the_middleware() {
    let error = poem::Error::from(ApiError::UserNotFound(7));
    assert!(error.into_response().extensions().get::<errstatus::ErrorRecord>().is_none());
    // The response errstatus builds has it.
    let response = ApiError::UserNotFound(7).as_response();
    assert_eq!(response.extensions().get::<errstatus::ErrorRecord>().unwrap().code(), "USER_NOT_FOUND");
}
