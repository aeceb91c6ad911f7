//! The actix-web service, called in-process with `actix_web::test`: status, every header field
//! and the body of each response, actix-web's own error responses included (made problem+json
//! by the service's `ProblemMiddleware`).

mod common;

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::{header, Method, StatusCode};
use actix_web::web::Bytes;
use actix_web::{test, web, App, HttpResponse, ResponseError};
use common::{bearer, header_list, parse, problem, problem_headers, with};
use errstatus::HttpStatus;
use errstatus_examples::error::{AuthError, BEARER_CHALLENGE, INVALID_TOKEN_CHALLENGE};
use errstatus_examples::store::{Store, User, ALICE_TOKEN, BOB_TOKEN, MAINTENANCE_RETRY_AFTER, ORDERS_DB};
use errstatus_examples::{actix_app, conditional, ACTIX_PORT, BODY_LIMIT};
use serde_json::{json, Value};

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

async fn api(
) -> impl Service<actix_http::Request, Response = ServiceResponse<impl MessageBody>, Error = actix_web::Error> {
    api_with(web::Data::new(Store::new())).await
}

async fn api_with(
    store: web::Data<Store>,
) -> impl Service<actix_http::Request, Response = ServiceResponse<impl MessageBody>, Error = actix_web::Error> {
    test::init_service(actix_app::app(store, ACTIX_PORT)).await
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

/// The exact body errstatus writes: `{"type":"about:blank","title":...,"status":...,"detail":...}`
/// (the details here need no escaping).
fn problem_body(status: u16, title: &str, detail: Option<&str>) -> String {
    match detail {
        Some(detail) => format!(r#"{{"type":"about:blank","title":"{title}","status":{status},"detail":"{detail}"}}"#),
        None => format!(r#"{{"type":"about:blank","title":"{title}","status":{status}}}"#),
    }
}

/// Asserts the whole response: status, every header field, the exact body. (actix-web's test
/// responses have no `content-length`: the server writes it from the body.)
fn assert_reply(r: &Reply, status: u16, headers: Vec<(String, String)>, body: &str) {
    assert_eq!(r.status, status, "{:?}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.headers, headers);
    assert_eq!(std::str::from_utf8(&r.body).unwrap(), body);
}

// ---- the example API ----

#[actix_web::test]
async fn known_user_is_200_json_with_an_etag_and_its_cacheability() {
    let r = get("/users/1").await;
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

#[actix_web::test]
async fn unknown_user_is_404_problem_json_with_detail() {
    let r = get("/users/42").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.headers, problem_headers(&[]));
    assert_eq!(r.json(), with(problem(404, "Not Found", Some("user 42 not found")), json!({"id": 42})));
}

#[actix_web::test]
async fn non_numeric_user_id_is_actixs_400() {
    let r = get("/users/abc").await;
    let detail = r#"Path deserialize error: can not parse \"abc\" to a u64"#;
    assert_reply(&r, 400, problem_headers(&[]), &problem_body(400, "Bad Request", Some(detail)));
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
    assert_eq!(
        r.json(),
        with(
            problem(409, "Conflict", Some("email ALICE@example.com is already registered")),
            json!({"email": "ALICE@example.com"})
        )
    );
}

#[actix_web::test]
async fn a_field_that_does_not_validate_is_422_with_the_reason() {
    let r = call(post_json("/users", Some(ALICE_TOKEN), r#"{"name":"x","email":"nope"}"#)).await;
    let detail = r#"invalid request: \"nope\" is not an email address"#;
    let reason = r#","reason":"\"nope\" is not an email address"}"#;
    assert_reply(
        &r,
        422,
        problem_headers(&[]),
        &problem_body(422, "Unprocessable Content", Some(detail)).replace('}', reason),
    );

    let r = call(post_json("/users", Some(ALICE_TOKEN), r#"{"name":" \t","email":"x@y"}"#)).await;
    let detail = "invalid request: name must be 1 to 100 characters, not only spaces, tabs and line breaks";
    let reason = r#","reason":"name must be 1 to 100 characters, not only spaces, tabs and line breaks"}"#;
    assert_reply(
        &r,
        422,
        problem_headers(&[]),
        &problem_body(422, "Unprocessable Content", Some(detail)).replace('}', reason),
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
    assert_eq!(
        r.json(),
        with(
            problem(401, "Unauthorized", Some("invalid or expired bearer token")),
            json!({"type": "https://errstatus.example/problems/invalid-token"})
        )
    );
}

#[actix_web::test]
async fn non_admin_is_403_from_the_inner_error() {
    let r = call(post_json("/users", Some(BOB_TOKEN), r#"{"name":"x","email":"x@example.com"}"#)).await;
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
async fn orders_on_the_shard_that_is_up_are_200() {
    let r = get("/users/2/orders").await;
    assert_reply(&r, 200, header_list([("content-type", b"application/json".as_slice())]), "[]");
}

#[actix_web::test]
async fn maintenance_is_503_with_exposed_detail_and_retry_after() {
    let r = get("/exports").await;
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

#[actix_web::test]
async fn without_outages_the_export_is_200_json_of_every_user() {
    let app = api_with(web::Data::new(Store::without_outages())).await;
    let r = reply(test::call_service(&app, test::TestRequest::get().uri("/exports").to_request()).await).await;
    assert_reply(&r, 200, json_headers(), EXPORT);
    let users: Vec<User> = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(users.iter().map(|u| u.id).collect::<Vec<_>>(), [1, 2]);

    // A new user is in the next export.
    let body = r#"{"name":"carol","email":"carol@example.com"}"#;
    let r = reply(test::call_service(&app, post_json("/users", Some(ALICE_TOKEN), body)).await).await;
    assert_eq!(r.status, StatusCode::CREATED);
    let r = reply(test::call_service(&app, test::TestRequest::get().uri("/exports").to_request()).await).await;
    let carol = r#"{"id":3,"name":"carol","email":"carol@example.com"}"#;
    assert_reply(&r, 200, json_headers(), &format!("{},{carol}]", EXPORT.strip_suffix(']').unwrap()));
}

#[actix_web::test]
async fn without_outages_orders_of_odd_ids_are_200() {
    let app = api_with(web::Data::new(Store::without_outages())).await;
    let get = |uri: &str| test::TestRequest::get().uri(uri).to_request();
    let r = reply(test::call_service(&app, get("/users/1/orders")).await).await;
    assert_reply(&r, 200, json_headers(), r#"[{"id":1,"total_cents":4250}]"#);
    let r = reply(test::call_service(&app, get("/users/2/orders")).await).await;
    assert_reply(&r, 200, json_headers(), "[]");
    let body = r#"{"name":"carol","email":"carol@example.com"}"#;
    let r = reply(test::call_service(&app, post_json("/users", Some(ALICE_TOKEN), body)).await).await;
    assert_eq!(r.header("location"), Some("/users/3"));
    let r = reply(test::call_service(&app, get("/users/3/orders")).await).await;
    assert_reply(&r, 200, json_headers(), "[]");
    let r = reply(test::call_service(&app, get("/users/9/orders")).await).await;
    assert_reply(
        &r,
        404,
        problem_headers(&[]),
        &problem_body(404, "Not Found", Some("user 9 not found")).replace("}", r#","id":9}"#),
    );
}

// ---- every response of the service: actix-web's own errors as problem+json, the rest untouched ----

#[actix_web::test]
async fn unknown_route_is_404_problem_json() {
    let r = get("/nowhere").await;
    assert_reply(&r, 404, problem_headers(&[]), &problem_body(404, "Not Found", None));
}

#[actix_web::test]
async fn wrong_method_on_a_known_path_is_405_with_allow() {
    for (method, uri, allow) in [
        (Method::DELETE, "/users/1", "GET, HEAD"),
        (Method::PUT, "/users/1/password-reset", "POST"),
        (Method::GET, "/users", "POST"),
        (Method::OPTIONS, "/exports", "GET, HEAD"),
        (Method::TRACE, "/users/1/orders", "GET, HEAD"),
        (Method::PATCH, "/openapi.json", "GET, HEAD"),
    ] {
        let r = call(test::TestRequest::default().method(method).uri(uri).to_request()).await;
        assert_reply(&r, 405, problem_headers(&[("allow", allow)]), &problem_body(405, "Method Not Allowed", None));
    }
}

#[actix_web::test]
async fn head_is_answered_like_get() {
    // The same status and header fields. (The body is there in a test response; the server's
    // HTTP/1 encoder leaves it out: tests/e2e.rs checks that on the wire.)
    for uri in ["/users/1", "/users/42", "/users/2/orders", "/exports", "/openapi.json", "/nowhere"] {
        let get = get(uri).await;
        let head = call(test::TestRequest::default().method(Method::HEAD).uri(uri).to_request()).await;
        assert_eq!((head.status, &head.headers, &head.body), (get.status, &get.headers, &get.body), "{uri}");
    }
}

#[actix_web::test]
async fn missing_content_type_is_actixs_400() {
    let req = test::TestRequest::post()
        .uri("/users")
        .insert_header((header::AUTHORIZATION, bearer(ALICE_TOKEN)))
        .set_payload(r#"{"name":"x","email":"x@example.com"}"#)
        .to_request();
    let r = call(req).await;
    assert_reply(&r, 400, problem_headers(&[]), &problem_body(400, "Bad Request", Some("Content type error")));
}

#[actix_web::test]
async fn malformed_json_is_actixs_400() {
    let r = call(post_json("/users", Some(ALICE_TOKEN), r#"{"name":"#)).await;
    let detail = "Json deserialize error: EOF while parsing a value at line 1 column 8";
    assert_reply(&r, 400, problem_headers(&[]), &problem_body(400, "Bad Request", Some(detail)));
}

#[actix_web::test]
async fn json_of_the_wrong_shape_is_actixs_400() {
    let r = call(post_json("/users", Some(ALICE_TOKEN), r#"{"name":"x"}"#)).await;
    let detail = "Json deserialize error: missing field `email` at line 1 column 12";
    assert_reply(&r, 400, problem_headers(&[]), &problem_body(400, "Bad Request", Some(detail)));

    // A member the schema does not have (`additionalProperties: false`).
    let r = call(post_json("/users", Some(ALICE_TOKEN), r#"{"name":"x","email":"x@y","admin":true}"#)).await;
    let detail = "Json deserialize error: unknown field `admin`, expected `name` or `email` at line 1 column 33";
    assert_reply(&r, 400, problem_headers(&[]), &problem_body(400, "Bad Request", Some(detail)));
}

#[actix_web::test]
async fn body_over_the_limit_is_actixs_413() {
    let name = "x".repeat(BODY_LIMIT);
    let body = format!(r#"{{"name":"{name}","email":"x@example.com"}}"#);
    let r = call(post_json("/users", Some(ALICE_TOKEN), &body)).await;
    let detail = format!("JSON payload ({} bytes) is larger than allowed (limit: {BODY_LIMIT} bytes).", body.len());
    assert_reply(&r, 413, problem_headers(&[]), &problem_body(413, "Content Too Large", Some(&detail)));
}

#[actix_web::test]
async fn plain_text_500_from_a_handler_leaks_no_detail() {
    // A handler that does not use ServiceError (legacy code, a proxied upstream), inside the
    // service's own middleware.
    let app = actix_app::app(web::Data::new(Store::new()), ACTIX_PORT).route(
        "/report",
        web::get().to(|| async {
            HttpResponse::InternalServerError().body(format!("report store {ORDERS_DB} refused the connection"))
        }),
    );
    let app = test::init_service(app).await;
    let r = reply(test::call_service(&app, test::TestRequest::get().uri("/report").to_request()).await).await;
    assert_reply(&r, 500, problem_headers(&[]), &problem_body(500, "Internal Server Error", None));
}

#[actix_web::test]
async fn a_304_is_untouched() {
    let etag = get("/users/2").await.header("etag").unwrap().to_owned();
    for if_none_match in [etag.clone(), format!("W/{etag}"), format!("\"other\", {etag}"), "*".to_owned()] {
        let req = test::TestRequest::get().uri("/users/2").insert_header((header::IF_NONE_MATCH, if_none_match));
        let r = call(req.to_request()).await;
        assert_reply(&r, 304, header_list([("cache-control", b"no-cache".as_slice()), ("etag", etag.as_bytes())]), "");
    }
    let req = test::TestRequest::get().uri("/users/2").insert_header((header::IF_NONE_MATCH, "\"other\""));
    assert_eq!(call(req.to_request()).await.status, 200);
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
