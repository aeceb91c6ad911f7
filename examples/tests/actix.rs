//! The actix-web service, called in-process with `actix_web::test`: status, every header field
//! and the JSON body of each error response.

mod common;

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::{header, StatusCode};
use actix_web::web::Bytes;
use actix_web::{test, web, App, HttpResponse, ResponseError};
use common::{bearer, header_list, parse, problem, problem_headers};
use errstatus::HttpStatus;
use errstatus_examples::actix_app;
use errstatus_examples::error::{AuthError, BEARER_CHALLENGE, INVALID_TOKEN_CHALLENGE};
use errstatus_examples::store::{Store, User, ALICE_TOKEN, BOB_TOKEN, MAINTENANCE_RETRY_AFTER, ORDERS_DB};
use serde_json::Value;

struct Reply {
    status: StatusCode,
    headers: Vec<(String, String)>,
    body: Bytes,
}

impl Reply {
    fn json(&self) -> Value {
        parse(&self.body)
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

fn headers_of(map: &actix_web::http::header::HeaderMap) -> Vec<(String, String)> {
    header_list(map.iter().map(|(n, v)| (n.as_str(), v.as_bytes())))
}

async fn reply<B: MessageBody>(response: ServiceResponse<B>) -> Reply {
    let status = response.status();
    let headers = headers_of(response.headers());
    let body = test::read_body(response).await;
    Reply { status, headers, body }
}

/// The response actix sends for an error value on its own, through `ResponseError`.
async fn error_reply(e: &dyn ResponseError) -> Reply {
    let response = e.error_response();
    assert_eq!(response.status(), e.status_code(), "status_code() and error_response() agree");
    let status = response.status();
    let headers = headers_of(response.headers());
    let body = actix_web::body::to_bytes(response.into_body()).await.expect("body");
    Reply { status, headers, body }
}

async fn api() -> impl Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error> {
    api_with(web::Data::new(Store::new())).await
}

async fn api_with(
    store: web::Data<Store>,
) -> impl Service<actix_http::Request, Response = ServiceResponse, Error = actix_web::Error> {
    test::init_service(App::new().app_data(store).configure(actix_app::configure)).await
}

async fn get(uri: &str) -> Reply {
    let app = api().await;
    reply(test::call_service(&app, test::TestRequest::get().uri(uri).to_request()).await).await
}

fn post_json(uri: &str, token: Option<&str>, body: &str) -> actix_http::Request {
    let mut req = test::TestRequest::post()
        .uri(uri)
        .insert_header((header::CONTENT_TYPE, "application/json"))
        .set_payload(body.to_owned());
    if let Some(token) = token {
        req = req.insert_header((header::AUTHORIZATION, bearer(token)));
    }
    req.to_request()
}

async fn call(req: actix_http::Request) -> Reply {
    let app = api().await;
    reply(test::call_service(&app, req).await).await
}

/// An app whose only route fails with `make()`.
async fn failing<E: ResponseError + 'static>(make: fn() -> E) -> Reply {
    let app =
        test::init_service(App::new().route("/", web::get().to(move || async move { Err::<HttpResponse, E>(make()) })))
            .await;
    reply(test::call_service(&app, test::TestRequest::get().uri("/").to_request()).await).await
}

// ---- the example API ----

#[actix_web::test]
async fn known_user_is_200_json() {
    let r = get("/users/1").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("content-type"), Some("application/json"));
    let user: User = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(user, User { id: 1, name: "alice".into(), email: "alice@example.com".into() });
}

#[actix_web::test]
async fn unknown_user_is_404_problem_json_with_detail() {
    let r = get("/users/42").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.headers, problem_headers(&[]));
    assert_eq!(r.json(), problem(404, "Not Found", Some("user 42 not found")));
}

#[actix_web::test]
async fn non_numeric_user_id_is_422_problem_json() {
    let r = get("/users/abc").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.headers, problem_headers(&[]));
    let body = r.json();
    assert_eq!(body["title"], "Unprocessable Content", "IANA phrase, not the http crate's");
    assert_eq!(body["status"], 422);
    assert!(body["detail"].as_str().expect("4xx has a detail").starts_with("invalid request: "));
}

#[actix_web::test]
async fn created_user_can_be_fetched() {
    let store = web::Data::new(Store::new());
    let app = api_with(store).await;
    let body = r#"{"name":"carol","email":"carol@example.com"}"#;
    let r = reply(test::call_service(&app, post_json("/users", Some(ALICE_TOKEN), body)).await).await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(r.header("location"), Some("/users/3"));
    let r = reply(test::call_service(&app, test::TestRequest::get().uri("/users/3").to_request()).await).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["email"], "carol@example.com");
}

#[actix_web::test]
async fn duplicate_email_is_409_with_detail() {
    let r = call(post_json("/users", Some(ALICE_TOKEN), r#"{"name":"alice 2","email":"ALICE@example.com"}"#)).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.headers, problem_headers(&[]));
    assert_eq!(r.json(), problem(409, "Conflict", Some("email ALICE@example.com is already registered")));
}

#[actix_web::test]
async fn body_errors_are_problem_json() {
    let r = call(post_json("/users", Some(ALICE_TOKEN), r#"{"name":"#)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.headers, problem_headers(&[]));
    assert!(r.json()["detail"].as_str().unwrap().starts_with("invalid request: "));

    let r = call(post_json("/users", Some(ALICE_TOKEN), r#"{"name":"x","email":"nope"}"#)).await;
    assert_eq!(
        r.json(),
        problem(422, "Unprocessable Content", Some(r#"invalid request: "nope" is not an email address"#))
    );

    let req = test::TestRequest::post()
        .uri("/users")
        .insert_header((header::AUTHORIZATION, bearer(ALICE_TOKEN)))
        .set_payload(r#"{"name":"x","email":"x@example.com"}"#)
        .to_request();
    let r = call(req).await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(r.headers, problem_headers(&[]));
    assert_eq!(
        r.json(),
        problem(415, "Unsupported Media Type", Some("expected a JSON body (content-type: application/json)"))
    );
}

#[actix_web::test]
async fn second_password_reset_is_429_with_retry_after() {
    let app = api().await;
    let req = || test::TestRequest::post().uri("/users/1/password-reset").to_request();
    let first = reply(test::call_service(&app, req()).await).await;
    assert_eq!(first.status, StatusCode::ACCEPTED);

    let r = reply(test::call_service(&app, req()).await).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    let retry_after: u64 = r.header("retry-after").expect("retry-after").parse().expect("delay-seconds");
    assert!((1..=60).contains(&retry_after), "retry-after {retry_after}");
    assert_eq!(r.headers, problem_headers(&[("retry-after", &retry_after.to_string())]));
    let detail = format!("too many password reset requests, retry in {retry_after} seconds");
    assert_eq!(r.json(), problem(429, "Too Many Requests", Some(&detail)));
}

#[actix_web::test]
async fn missing_token_is_401_with_www_authenticate_from_the_inner_error() {
    let r = call(post_json("/users", None, "{}")).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.headers, problem_headers(&[("www-authenticate", BEARER_CHALLENGE)]));
    assert_eq!(r.json(), problem(401, "Unauthorized", Some("missing bearer token")));

    let inner = error_reply(&AuthError::missing_token()).await;
    assert_eq!((r.status, &r.headers, &r.body), (inner.status, &inner.headers, &inner.body));
}

#[actix_web::test]
async fn invalid_token_is_401_with_invalid_token_challenge() {
    let r = call(post_json("/users", Some("token-mallory"), "{}")).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.headers, problem_headers(&[("www-authenticate", INVALID_TOKEN_CHALLENGE)]));
    assert_eq!(r.json(), problem(401, "Unauthorized", Some("invalid or expired bearer token")));
}

#[actix_web::test]
async fn non_admin_is_403_from_the_inner_error() {
    let r = call(post_json("/users", Some(BOB_TOKEN), r#"{"name":"x","email":"x@example.com"}"#)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.headers, problem_headers(&[]));
    assert_eq!(r.json(), problem(403, "Forbidden", Some("user 2 may not create users")));
}

#[actix_web::test]
async fn database_failure_is_masked_500_with_request_id() {
    let req = test::TestRequest::get().uri("/users/1/orders").insert_header(("x-request-id", "abc-123")).to_request();
    let r = call(req).await;
    assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(r.headers, problem_headers(&[("x-request-id", "abc-123")]));
    assert_eq!(r.json(), problem(500, "Internal Server Error", None));
    let raw = String::from_utf8(r.body.to_vec()).unwrap();
    assert!(!raw.contains(ORDERS_DB) && !raw.contains("database"), "leaked: {raw}");
}

#[actix_web::test]
async fn maintenance_is_503_with_exposed_detail_and_retry_after() {
    let r = get("/exports").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.headers, problem_headers(&[("retry-after", &MAINTENANCE_RETRY_AFTER.to_string())]));
    assert_eq!(r.json(), problem(503, "Service Unavailable", Some("exports are paused for maintenance")));
}

// ---- ad-hoc enums ----

#[derive(Debug, thiserror::Error, HttpStatus)]
enum Locked {
    #[error("order {order} is locked by {owner}")]
    #[status(423)]
    Order {
        order: u64,
        #[header("x-request-id")]
        request_id: String,
        #[header("X-Lock-Owner")]
        owner: String,
    },
}

#[actix_web::test]
async fn string_literal_header_names_are_sent() {
    let r = failing(|| Locked::Order { order: 7, request_id: "r-1".into(), owner: "batch job".into() }).await;
    assert_eq!(r.status, StatusCode::LOCKED);
    assert_eq!(r.headers, problem_headers(&[("x-lock-owner", "batch job"), ("x-request-id", "r-1")]));
    assert_eq!(r.json(), problem(423, "Locked", Some("order 7 is locked by batch job")));
}

#[actix_web::test]
async fn header_value_with_crlf_is_left_out() {
    let r = failing(|| Locked::Order {
        order: 7,
        request_id: "r-1\r\nset-cookie: session=evil".into(),
        owner: "ok".into(),
    })
    .await;
    assert_eq!(r.status, StatusCode::LOCKED);
    assert_eq!(r.headers, problem_headers(&[("x-lock-owner", "ok")]));
    assert_eq!(r.json(), problem(423, "Locked", Some("order 7 is locked by ok")));

    let r = failing(|| Locked::Order { order: 8, request_id: "bare\nlf".into(), owner: "nul\0".into() }).await;
    assert_eq!(r.status, StatusCode::LOCKED);
    assert_eq!(r.headers, problem_headers(&[]));
    assert_eq!(r.json()["detail"], "order 8 is locked by nul\0");
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum Upstream {
    #[error("upstream {0} timed out")]
    #[status(504)]
    Timeout(&'static str),
    #[error("upstream is being deployed")]
    #[status(503, expose)]
    Deploying {
        #[header(RETRY_AFTER)]
        retry_after: u64,
    },
    #[error("quota exhausted")]
    #[status(TOO_MANY_REQUESTS)]
    Quota {
        #[header(RETRY_AFTER)]
        retry_after: u64,
        #[header("x-quota-reset")]
        reset: &'static str,
    },
}

/// An inner error, and the status, header fields and body expected for it.
type Case = (fn() -> Upstream, StatusCode, Vec<(String, String)>, Value);

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500)]
enum Gateway {
    #[error(transparent)]
    #[status(transparent)]
    Upstream(#[from] Upstream),
    #[error("bad config: {0}")]
    Config(String),
}

#[actix_web::test]
async fn transparent_variant_takes_status_headers_and_body_from_the_inner_error() {
    let cases: [Case; 3] = [
        (
            || Upstream::Timeout("billing.internal"),
            StatusCode::GATEWAY_TIMEOUT,
            problem_headers(&[]),
            problem(504, "Gateway Timeout", None),
        ),
        (
            || Upstream::Deploying { retry_after: 5 },
            StatusCode::SERVICE_UNAVAILABLE,
            problem_headers(&[("retry-after", "5")]),
            problem(503, "Service Unavailable", Some("upstream is being deployed")),
        ),
        (
            || Upstream::Quota { retry_after: 9, reset: "2030-01-01T00:00:00Z" },
            StatusCode::TOO_MANY_REQUESTS,
            problem_headers(&[("retry-after", "9"), ("x-quota-reset", "2030-01-01T00:00:00Z")]),
            problem(429, "Too Many Requests", Some("quota exhausted")),
        ),
    ];
    for (make, status, headers, body) in cases {
        let outer = Gateway::from(make());
        assert_eq!(outer.status_code(), status);
        let r = error_reply(&outer).await;
        assert_eq!((r.status, &r.headers, r.json()), (status, &headers, body));
        let inner = error_reply(&make()).await;
        assert_eq!(r.body, inner.body);
    }

    let r = failing(|| Gateway::Config("x".into())).await;
    assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(r.headers, problem_headers(&[]));
    assert_eq!(r.json(), problem(500, "Internal Server Error", None));
}

#[actix_web::test]
async fn response_error_is_the_http_response() {
    let makers: [fn() -> Gateway; 3] = [
        || Upstream::Timeout("a").into(),
        || Upstream::Quota { retry_after: 1, reset: "soon" }.into(),
        || Gateway::Config("secret".into()),
    ];
    for make in makers {
        let via_actix = error_reply(&make()).await;
        let via_http: http::Response<String> = make().into();
        assert_eq!(via_actix.status.as_u16(), via_http.status().as_u16());
        let http_headers = header_list(via_http.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
        assert_eq!(via_actix.headers, http_headers);
        assert_eq!(via_actix.body, via_http.body().as_bytes());
    }
}
