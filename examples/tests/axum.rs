//! The axum service, called in-process with `tower::ServiceExt::oneshot`: status, every header
//! field and the body of each response, axum's own error responses included (made
//! problem+json by the service's `ProblemLayer`).

mod common;

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::http::{header, Method, Request, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use common::{bearer, header_list, parse, problem, problem_headers, with};
use errstatus::HttpStatus;
use errstatus_examples::error::{AuthError, BEARER_CHALLENGE, INVALID_TOKEN_CHALLENGE};
use errstatus_examples::store::{Store, User, ALICE_TOKEN, BOB_TOKEN, MAINTENANCE_RETRY_AFTER, ORDERS_DB};
use errstatus_examples::{axum_app, conditional, AXUM_PORT, BODY_LIMIT};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

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

/// Status, header fields and body. The router adds `content-length`: it is checked against
/// the body here and left out of `headers`, which then holds what the handler's response set.
async fn reply(response: axum::response::Response) -> Reply {
    let status = response.status();
    let mut headers = header_list(response.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
    let body = response.into_body().collect().await.expect("body").to_bytes();
    if let Some(i) = headers.iter().position(|(n, _)| n == "content-length") {
        assert_eq!(headers.remove(i).1, body.len().to_string(), "content-length");
    }
    Reply { status, headers, body }
}

async fn call(app: Router, request: Request<Body>) -> Reply {
    reply(app.oneshot(request).await.expect("infallible")).await
}

fn get_req(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

fn post_json(uri: &str, token: Option<&str>, body: &str) -> Request<Body> {
    let mut req = Request::builder().method(Method::POST).uri(uri).header(header::CONTENT_TYPE, "application/json");
    if let Some(token) = token {
        req = req.header(header::AUTHORIZATION, bearer(token));
    }
    req.body(Body::from(body.to_owned())).unwrap()
}

/// A router whose only route fails with `make()`.
fn failing<E: IntoResponse + 'static>(make: fn() -> E) -> Router {
    Router::new().route("/", get(move || async move { make() }))
}

/// The exact body errstatus writes: `{"type":"about:blank","title":...,"status":...,"detail":...}`
/// (the details here need no escaping).
fn problem_body(status: u16, title: &str, detail: Option<&str>) -> String {
    match detail {
        Some(detail) => format!(r#"{{"type":"about:blank","title":"{title}","status":{status},"detail":"{detail}"}}"#),
        None => format!(r#"{{"type":"about:blank","title":"{title}","status":{status}}}"#),
    }
}

/// Asserts the whole response: status, every header field, the exact body.
fn assert_reply(r: &Reply, status: u16, headers: Vec<(String, String)>, body: &str) {
    assert_eq!(r.status, status, "{:?}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.headers, headers);
    assert_eq!(std::str::from_utf8(&r.body).unwrap(), body);
}

// ---- the example API ----

#[tokio::test]
async fn known_user_is_200_json_with_an_etag_and_its_cacheability() {
    let r = call(axum_app::router(), get_req("/users/1")).await;
    let body = r#"{"id":1,"name":"alice","email":"alice@example.com"}"#;
    let etag = conditional::etag(body.as_bytes());
    let headers = header_list([
        ("cache-control", b"no-cache".as_slice()),
        ("content-type", b"application/json"),
        ("etag", etag.as_bytes()),
    ]);
    assert_reply(&r, 200, headers, body);
    let user: User = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(user, User { id: 1, name: "alice".into(), email: "alice@example.com".into() });
}

#[tokio::test]
async fn unknown_user_is_404_problem_json_with_detail() {
    let r = call(axum_app::router(), get_req("/users/42")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.headers, problem_headers(&[]));
    assert_eq!(r.json(), with(problem(404, "Not Found", Some("user 42 not found")), json!({"id": 42})));
}

#[tokio::test]
async fn non_numeric_user_id_is_axums_400() {
    let r = call(axum_app::router(), get_req("/users/abc")).await;
    assert_reply(
        &r,
        400,
        problem_headers(&[]),
        &problem_body(400, "Bad Request", Some("Invalid URL: Cannot parse `abc` to a `u64`")),
    );
}

#[tokio::test]
async fn created_user_can_be_fetched() {
    let store = Arc::new(Store::new());
    let body = r#"{"name":"carol","email":"carol@example.com"}"#;
    let r = call(axum_app::router_with(store.clone(), AXUM_PORT), post_json("/users", Some(ALICE_TOKEN), body)).await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(r.header("location"), Some("/users/3"));
    let r = call(axum_app::router_with(store, AXUM_PORT), get_req("/users/3")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["email"], "carol@example.com");
}

#[tokio::test]
async fn duplicate_email_is_409_with_detail() {
    let body = r#"{"name":"alice 2","email":"ALICE@example.com"}"#;
    let r = call(axum_app::router(), post_json("/users", Some(ALICE_TOKEN), body)).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.headers, problem_headers(&[]));
    assert_eq!(
        r.json(),
        with(
            problem(409, "Conflict", Some("email ALICE@example.com is already registered")),
            json!({"email": "ALICE@example.com"})
        )
    );
}

#[tokio::test]
async fn a_field_that_does_not_validate_is_422_with_the_reason() {
    let r = call(axum_app::router(), post_json("/users", Some(ALICE_TOKEN), r#"{"name":"x","email":"nope"}"#)).await;
    let detail = r#"invalid request: \"nope\" is not an email address"#;
    let reason = r#","reason":"\"nope\" is not an email address"}"#;
    assert_reply(
        &r,
        422,
        problem_headers(&[]),
        &problem_body(422, "Unprocessable Content", Some(detail)).replace('}', reason),
    );

    let r = call(axum_app::router(), post_json("/users", Some(ALICE_TOKEN), r#"{"name":" \t","email":"x@y"}"#)).await;
    let detail = "invalid request: name must be 1 to 100 characters, not only spaces, tabs and line breaks";
    let reason = r#","reason":"name must be 1 to 100 characters, not only spaces, tabs and line breaks"}"#;
    assert_reply(
        &r,
        422,
        problem_headers(&[]),
        &problem_body(422, "Unprocessable Content", Some(detail)).replace('}', reason),
    );
}

#[tokio::test]
async fn second_password_reset_is_429_with_retry_after() {
    let store = Arc::new(Store::new());
    let first = call(
        axum_app::router_with(store.clone(), AXUM_PORT),
        Request::post("/users/1/password-reset").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(first.status, StatusCode::ACCEPTED);

    let r = call(
        axum_app::router_with(store, AXUM_PORT),
        Request::post("/users/1/password-reset").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    let retry_after: u64 = r.header("retry-after").expect("retry-after").parse().expect("delay-seconds");
    assert!((1..=60).contains(&retry_after), "retry-after {retry_after}");
    assert_eq!(r.headers, problem_headers(&[("retry-after", &retry_after.to_string())]));
    let detail = format!("too many password reset requests, retry in {retry_after} seconds");
    assert_eq!(r.json(), problem(429, "Too Many Requests", Some(&detail)));
}

#[tokio::test]
async fn missing_token_is_401_with_www_authenticate_from_the_inner_error() {
    let r = call(axum_app::router(), post_json("/users", None, "{}")).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.headers, problem_headers(&[("www-authenticate", BEARER_CHALLENGE)]));
    assert_eq!(r.json(), problem(401, "Unauthorized", Some("missing bearer token")));

    // Transparent: exactly what the inner AuthError answers on its own.
    let inner = reply(AuthError::missing_token().into_response()).await;
    assert_eq!((r.status, &r.headers, &r.body), (inner.status, &inner.headers, &inner.body));
}

#[tokio::test]
async fn invalid_token_is_401_with_invalid_token_challenge() {
    let r = call(axum_app::router(), post_json("/users", Some("token-mallory"), "{}")).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.headers, problem_headers(&[("www-authenticate", INVALID_TOKEN_CHALLENGE)]));
    assert_eq!(
        r.json(),
        with(
            problem(401, "Unauthorized", Some("invalid or expired bearer token")),
            json!({"type": "https://errstatus.example/problems/invalid-token"})
        )
    );
}

#[tokio::test]
async fn non_admin_is_403_from_the_inner_error() {
    let r =
        call(axum_app::router(), post_json("/users", Some(BOB_TOKEN), r#"{"name":"x","email":"x@example.com"}"#)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.headers, problem_headers(&[]));
    assert_eq!(
        r.json(),
        with(
            problem(403, "Forbidden", Some("user 2 may not create users")),
            json!({"user": 2, "action": "create users"})
        )
    );
}

#[tokio::test]
async fn database_failure_is_masked_500_with_request_id() {
    let req = Request::get("/users/1/orders").header("x-request-id", "abc-123").body(Body::empty()).unwrap();
    let r = call(axum_app::router(), req).await;
    assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(r.headers, problem_headers(&[("x-request-id", "abc-123")]));
    assert_eq!(r.json(), problem(500, "Internal Server Error", None));
    let raw = String::from_utf8(r.body.to_vec()).unwrap();
    assert!(!raw.contains(ORDERS_DB) && !raw.contains("database"), "leaked: {raw}");
}

#[tokio::test]
async fn orders_on_the_shard_that_is_up_are_200() {
    let r = call(axum_app::router(), get_req("/users/2/orders")).await;
    assert_reply(&r, 200, header_list([("content-type", b"application/json".as_slice())]), "[]");
}

#[tokio::test]
async fn request_id_is_generated_when_the_client_sends_none_or_garbage() {
    let store = Arc::new(Store::new());
    for incoming in [None, Some("has space"), Some("")] {
        let mut req = Request::get("/users/1/orders");
        if let Some(id) = incoming {
            req = req.header("x-request-id", id);
        }
        let r = call(axum_app::router_with(store.clone(), AXUM_PORT), req.body(Body::empty()).unwrap()).await;
        assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR);
        let id = r.header("x-request-id").expect("x-request-id");
        assert!(id.len() == 10 && id.starts_with("req-") && id[4..].bytes().all(|b| b.is_ascii_digit()), "{id}");
    }
}

#[tokio::test]
async fn orders_of_unknown_user_is_404_not_500() {
    let r = call(axum_app::router(), get_req("/users/9/orders")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.json(), with(problem(404, "Not Found", Some("user 9 not found")), json!({"id": 9})));
}

#[tokio::test]
async fn maintenance_is_503_with_exposed_detail_and_retry_after() {
    let r = call(axum_app::router(), get_req("/exports")).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.headers, problem_headers(&[("retry-after", &MAINTENANCE_RETRY_AFTER.to_string())]));
    assert_eq!(
        r.json(),
        with(
            problem(503, "Service Unavailable", Some("exports are paused for maintenance")),
            json!({"service": "exports"})
        )
    );
}

// ---- without the simulated outages (`EXAMPLE_OUTAGES=off`, `Store::without_outages`) ----

/// The export of a fresh store: every user, ordered by id.
const EXPORT: &str =
    r#"[{"id":1,"name":"alice","email":"alice@example.com"},{"id":2,"name":"bob","email":"bob@example.com"}]"#;

fn json_headers() -> Vec<(String, String)> {
    header_list([("content-type", b"application/json".as_slice())])
}

#[tokio::test]
async fn without_outages_the_export_is_200_json_of_every_user() {
    let store = Arc::new(Store::without_outages());
    let r = call(axum_app::router_with(store.clone(), AXUM_PORT), get_req("/exports")).await;
    assert_reply(&r, 200, json_headers(), EXPORT);
    let users: Vec<User> = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(users.iter().map(|u| u.id).collect::<Vec<_>>(), [1, 2]);

    // A new user is in the next export.
    let body = r#"{"name":"carol","email":"carol@example.com"}"#;
    let r = call(axum_app::router_with(store.clone(), AXUM_PORT), post_json("/users", Some(ALICE_TOKEN), body)).await;
    assert_eq!(r.status, StatusCode::CREATED);
    let r = call(axum_app::router_with(store, AXUM_PORT), get_req("/exports")).await;
    let carol = r#"{"id":3,"name":"carol","email":"carol@example.com"}"#;
    assert_reply(&r, 200, json_headers(), &format!("{},{carol}]", EXPORT.strip_suffix(']').unwrap()));
}

#[tokio::test]
async fn without_outages_orders_of_odd_ids_are_200() {
    let store = Arc::new(Store::without_outages());
    let orders = |uri: &str| call(axum_app::router_with(store.clone(), AXUM_PORT), get_req(uri));
    assert_reply(&orders("/users/1/orders").await, 200, json_headers(), r#"[{"id":1,"total_cents":4250}]"#);
    assert_reply(&orders("/users/2/orders").await, 200, json_headers(), "[]");
    let body = r#"{"name":"carol","email":"carol@example.com"}"#;
    let r = call(axum_app::router_with(store.clone(), AXUM_PORT), post_json("/users", Some(ALICE_TOKEN), body)).await;
    assert_eq!(r.header("location"), Some("/users/3"));
    assert_reply(&orders("/users/3/orders").await, 200, json_headers(), "[]");
    let r = orders("/users/9/orders").await;
    assert_reply(
        &r,
        404,
        problem_headers(&[]),
        &problem_body(404, "Not Found", Some("user 9 not found")).replace("}", r#","id":9}"#),
    );
}

// ---- every response of the service: axum's own errors as problem+json, the rest untouched ----

#[tokio::test]
async fn unknown_route_is_404_problem_json() {
    let r = call(axum_app::router(), get_req("/nowhere")).await;
    assert_reply(&r, 404, problem_headers(&[]), &problem_body(404, "Not Found", None));
}

#[tokio::test]
async fn wrong_method_is_405_with_allow() {
    for (method, uri, allow) in [
        (Method::DELETE, "/users/1", "GET,HEAD"),
        (Method::PUT, "/users/1/password-reset", "POST"),
        (Method::GET, "/users", "POST"),
        (Method::OPTIONS, "/exports", "GET,HEAD"),
    ] {
        let r = call(axum_app::router(), Request::builder().method(method).uri(uri).body(Body::empty()).unwrap()).await;
        assert_reply(&r, 405, problem_headers(&[("allow", allow)]), &problem_body(405, "Method Not Allowed", None));
    }
}

#[tokio::test]
async fn head_is_answered_like_get_without_the_body() {
    for uri in ["/users/1", "/users/42", "/users/1/orders", "/exports", "/openapi.json", "/nowhere"] {
        let get = axum_app::router().oneshot(get_req(uri)).await.unwrap();
        let head = axum_app::router().oneshot(Request::head(uri).body(Body::empty()).unwrap()).await.unwrap();
        assert_eq!(head.status(), get.status(), "{uri}");
        // The same header fields, the content-length of the GET's body included.
        let fields =
            |r: &axum::response::Response| header_list(r.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
        let (get_fields, head_fields) = (fields(&get), fields(&head));
        assert!(get_fields.iter().any(|(n, _)| n == "content-length"), "{uri}");
        // (The ids of the 500's `x-request-id` differ: a fresh one per request.)
        let without_id =
            |f: Vec<(String, String)>| -> Vec<_> { f.into_iter().filter(|(n, _)| n != "x-request-id").collect() };
        assert_eq!(without_id(head_fields), without_id(get_fields), "{uri}");
        assert!(head.into_body().collect().await.unwrap().to_bytes().is_empty(), "{uri}");
    }
}

#[tokio::test]
async fn missing_content_type_is_axums_415() {
    let req = Request::post("/users")
        .header(header::AUTHORIZATION, bearer(ALICE_TOKEN))
        .body(Body::from(r#"{"name":"x","email":"x@example.com"}"#))
        .unwrap();
    let r = call(axum_app::router(), req).await;
    let detail = "Expected request with `Content-Type: application/json`";
    assert_reply(&r, 415, problem_headers(&[]), &problem_body(415, "Unsupported Media Type", Some(detail)));
}

#[tokio::test]
async fn malformed_json_is_axums_400() {
    let r = call(axum_app::router(), post_json("/users", Some(ALICE_TOKEN), r#"{"name":"#)).await;
    let detail = "Failed to parse the request body as JSON: name: EOF while parsing a value at line 1 column 8";
    assert_reply(&r, 400, problem_headers(&[]), &problem_body(400, "Bad Request", Some(detail)));
}

#[tokio::test]
async fn json_of_the_wrong_shape_is_axums_422() {
    let r = call(axum_app::router(), post_json("/users", Some(ALICE_TOKEN), r#"{"name":"x"}"#)).await;
    let detail = "Failed to deserialize the JSON body into the target type: missing field `email` at line 1 column 12";
    assert_reply(&r, 422, problem_headers(&[]), &problem_body(422, "Unprocessable Content", Some(detail)));

    // A member the schema does not have (`additionalProperties: false`).
    let body = r#"{"name":"x","email":"x@y","admin":true}"#;
    let r = call(axum_app::router(), post_json("/users", Some(ALICE_TOKEN), body)).await;
    let detail = "Failed to deserialize the JSON body into the target type: admin: unknown field `admin`, expected `name` or `email` at line 1 column 33";
    assert_reply(&r, 422, problem_headers(&[]), &problem_body(422, "Unprocessable Content", Some(detail)));
}

#[tokio::test]
async fn body_over_the_limit_is_axums_413() {
    let name = "x".repeat(BODY_LIMIT);
    let body = format!(r#"{{"name":"{name}","email":"x@example.com"}}"#);
    let r = call(axum_app::router(), post_json("/users", Some(ALICE_TOKEN), &body)).await;
    let detail = "Failed to buffer the request body: length limit exceeded";
    assert_reply(&r, 413, problem_headers(&[]), &problem_body(413, "Content Too Large", Some(detail)));
}

#[tokio::test]
async fn plain_text_500_from_a_handler_leaks_no_detail() {
    // A handler that does not use ServiceError (legacy code, a proxied upstream), inside the
    // service's own layers.
    let routes = axum_app::routes(Arc::new(Store::new()), AXUM_PORT).route(
        "/report",
        get(|| async {
            (StatusCode::INTERNAL_SERVER_ERROR, format!("report store {ORDERS_DB} refused the connection"))
        }),
    );
    let r = call(axum_app::layers(routes), get_req("/report")).await;
    assert_reply(&r, 500, problem_headers(&[]), &problem_body(500, "Internal Server Error", None));
}

#[tokio::test]
async fn a_304_is_untouched() {
    let etag = call(axum_app::router(), get_req("/users/2")).await.header("etag").unwrap().to_owned();
    for if_none_match in [etag.clone(), format!("W/{etag}"), format!("\"other\", {etag}"), "*".to_owned()] {
        let req = Request::get("/users/2").header(header::IF_NONE_MATCH, &if_none_match).body(Body::empty()).unwrap();
        let r = call(axum_app::router(), req).await;
        assert_reply(&r, 304, header_list([("cache-control", b"no-cache".as_slice()), ("etag", etag.as_bytes())]), "");
    }
    // Another tag: the 200.
    let req = Request::get("/users/2").header(header::IF_NONE_MATCH, "\"other\"").body(Body::empty()).unwrap();
    assert_eq!(call(axum_app::router(), req).await.status, 200);
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
        #[header("X-Lock-Owner")] // a valid name in any case; sent lower-case
        owner: String,
    },
}

#[tokio::test]
async fn string_literal_header_names_are_sent() {
    let app = failing(|| Locked::Order { order: 7, request_id: "r-1".into(), owner: "batch job".into() });
    let r = call(app, get_req("/")).await;
    assert_eq!(r.status, StatusCode::LOCKED);
    assert_eq!(r.headers, problem_headers(&[("x-lock-owner", "batch job"), ("x-request-id", "r-1")]));
    assert_eq!(r.json(), problem(423, "Locked", Some("order 7 is locked by batch job")));
}

#[tokio::test]
async fn header_value_with_crlf_is_left_out() {
    let app = failing(|| Locked::Order {
        order: 7,
        request_id: "r-1\r\nset-cookie: session=evil".into(),
        owner: "ok".into(),
    });
    let r = call(app, get_req("/")).await;
    assert_eq!(r.status, StatusCode::LOCKED);
    // The bad field is gone, the good one and the body are intact, nothing was injected.
    assert_eq!(r.headers, problem_headers(&[("x-lock-owner", "ok")]));
    assert_eq!(r.json(), problem(423, "Locked", Some("order 7 is locked by ok")));

    let app = failing(|| Locked::Order { order: 8, request_id: "bare\nlf".into(), owner: "nul\0".into() });
    let r = call(app, get_req("/")).await;
    assert_eq!(r.status, StatusCode::LOCKED);
    assert_eq!(r.headers, problem_headers(&[]));
    // The Display text is JSON, not a header: there it is kept, escaped.
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
        #[header(header::RETRY_AFTER)]
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

#[tokio::test]
async fn transparent_variant_takes_status_headers_and_body_from_the_inner_error() {
    let cases: [Case; 3] = [
        (
            || Upstream::Timeout("billing.internal"),
            StatusCode::GATEWAY_TIMEOUT,
            problem_headers(&[]),
            problem(504, "Gateway Timeout", None), // masked in the inner error: masked here too
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
        assert_eq!(outer.status(), status);
        let r = reply(outer.into_response()).await;
        assert_eq!((r.status, &r.headers, r.json()), (status, &headers, body));
        let inner = reply(make().into_response()).await;
        assert_eq!(r.body, inner.body);
    }

    let r = call(Router::new().route("/", get(|| async { Gateway::Config("x".into()) })), get_req("/")).await;
    assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(r.json(), problem(500, "Internal Server Error", None));
    assert_eq!(r.headers, problem_headers(&[]));
}

#[tokio::test]
async fn into_response_is_the_http_response() {
    // IntoResponse and From<E> for http::Response<String> agree on every part.
    let makers: [fn() -> Gateway; 3] = [
        || Upstream::Timeout("a").into(),
        || Upstream::Quota { retry_after: 1, reset: "soon" }.into(),
        || Gateway::Config("secret".into()),
    ];
    for make in makers {
        let via_axum = reply(make().into_response()).await;
        let via_http: http::Response<String> = make().into();
        assert_eq!(via_axum.status, via_http.status());
        let http_headers = header_list(via_http.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
        assert_eq!(via_axum.headers, http_headers);
        assert_eq!(via_axum.body, via_http.body().as_bytes());
    }
}
