//! `errstatus::axum::ProblemLayer` and `errstatus::actix::ProblemMiddleware`: the error responses
//! errstatus did not build (unknown route, wrong method, a bare extractor rejection, a handler's
//! plain-text error) become problem+json; everything else passes untouched. Through a real axum
//! `Router` (`tower::ServiceExt::oneshot`) and a real actix-web `App` (`actix_web::test`), plus
//! HEAD requests over TCP, where the server leaves the body out.

mod common;

use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderMap, Request, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};
use common::{header_list, problem_headers, Code, Silent};
use errstatus::axum::{ProblemLayer, ProblemService};
use errstatus::HttpStatus;
use http_body_util::BodyExt;
use serde::Deserialize;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tower::{Layer, ServiceExt};

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct NewUser {
    name: String,
    email: String,
}

/// An error errstatus builds the response of.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum Derived {
    #[error("order 7 is gone")]
    #[status(410)]
    Gone,
}

/// Built by errstatus as text: what the layer would rewrite if it were not errstatus's.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(format = Code)]
enum Coded {
    #[error("order 7 is taken")]
    #[status(409)]
    Taken,
}

/// Built by errstatus without a body.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(format = Silent)]
enum Quiet {
    #[error("not for you")]
    #[status(403)]
    Forbidden,
}

const SECRET: &str = "db at 10.0.0.7:5432 refused the connection";
const NOT_FOUND: &str = r#"{"type":"about:blank","title":"Not Found","status":404}"#;
const MASKED_500: &str = r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#;
const SLOW_DOWN: &str = r#"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"slow down"}"#;
const GONE: &str = r#"{"type":"about:blank","title":"Gone","status":410,"detail":"order 7 is gone"}"#;

/// A response as the tests compare it: status, every header field (sorted), body.
#[derive(Debug, PartialEq)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    header_list(pairs.iter().map(|(n, v)| (*n, v.as_bytes())))
}

/// `problem_headers` plus the content-length of `body`.
fn problem_fields(extra: &[(&str, &str)], body: &str) -> Vec<(String, String)> {
    let mut all = problem_headers(extra);
    all.push(("content-length".into(), body.len().to_string()));
    all.sort();
    all
}

// ---- axum ----

/// A body of unknown length (like a stream): one chunk, then the end.
struct Unsized(Option<Bytes>);

impl HttpBody for Unsized {
    type Data = Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<hyper::body::Frame<Bytes>, Self::Error>>> {
        Poll::Ready(self.0.take().map(|b| Ok(hyper::body::Frame::data(b))))
    }
}

fn text_plain() -> [(header::HeaderName, &'static str); 1] {
    [(header::CONTENT_TYPE, "text/plain; charset=utf-8")]
}

/// The routes, without the layer.
fn routes() -> Router {
    Router::new()
        .route("/users", get(|| async { "[]" }))
        .route("/json", post(|_: Json<NewUser>| async { "created" }))
        .route("/boom", get(|| async { (StatusCode::INTERNAL_SERVER_ERROR, SECRET) }))
        .route("/not-modified", get(|| async { (StatusCode::NOT_MODIFIED, [(header::ETAG, "\"v1\"")]) }))
        .route(
            "/slow-down",
            get(|| async { (StatusCode::TOO_MANY_REQUESTS, [(header::RETRY_AFTER, "30")], "slow down") }),
        )
        .route("/empty-403", get(|| async { StatusCode::FORBIDDEN }))
        .route("/derived", get(|| async { Derived::Gone }))
        .route("/derived-text", get(|| async { Coded::Taken }))
        .route("/derived-empty", get(|| async { Quiet::Forbidden }))
        .route("/json-error", get(|| async { (StatusCode::BAD_REQUEST, Json(serde_json::json!({"error": "nope"}))) }))
        .route(
            "/gzip-error",
            get(|| async { (StatusCode::BAD_REQUEST, [(header::CONTENT_ENCODING, "gzip")], "\x1f\u{8b}") }),
        )
        .route("/large", get(|| async { (StatusCode::BAD_REQUEST, "x".repeat(5000)) }))
        .route(
            "/stream",
            get(|| async {
                (StatusCode::BAD_REQUEST, text_plain(), Body::new(Unsized(Some(Bytes::from("streamed")))))
            }),
        )
        .route(
            "/stream-with-length",
            get(|| async {
                let fields = [(header::CONTENT_TYPE, "text/plain"), (header::CONTENT_LENGTH, "12")];
                (StatusCode::BAD_REQUEST, fields, Body::new(Unsized(Some(Bytes::from("  no such id")))))
            }),
        )
        .layer(DefaultBodyLimit::max(64))
}

/// The routes with the layer, added last as the docs say.
fn app() -> Router {
    routes().layer(ProblemLayer::new())
}

async fn reply(response: axum::response::Response) -> Reply {
    let status = response.status().as_u16();
    let headers = header_list(response.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
    let body = response.into_body().collect().await.expect("body").to_bytes();
    Reply { status, headers, body: String::from_utf8(body.to_vec()).expect("UTF-8 body") }
}

async fn call(app: Router, request: Request<Body>) -> Reply {
    reply(app.oneshot(request).await.expect("infallible")).await
}

fn get_req(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

fn head_req(uri: &str) -> Request<Body> {
    Request::head(uri).body(Body::empty()).unwrap()
}

fn post_json(body: &'static str) -> Request<Body> {
    Request::post("/json").header(header::CONTENT_TYPE, "application/json").body(Body::from(body)).unwrap()
}

/// Asserts the response is the one the routes give without the layer.
async fn untouched(request: fn() -> Request<Body>) -> Reply {
    let with = call(app(), request()).await;
    let without = call(routes(), request()).await;
    assert_eq!(with, without, "the layer changed the response");
    with
}

#[tokio::test]
async fn axum_unknown_route_is_404_problem_json() {
    let r = call(app(), get_req("/nowhere")).await;
    assert_eq!(r, Reply { status: 404, headers: problem_fields(&[], NOT_FOUND), body: NOT_FOUND.into() });
}

#[tokio::test]
async fn axum_wrong_method_is_405_with_allow() {
    let r = call(app(), Request::delete("/users").body(Body::empty()).unwrap()).await;
    let body = r#"{"type":"about:blank","title":"Method Not Allowed","status":405}"#;
    assert_eq!(r, Reply { status: 405, headers: problem_fields(&[("allow", "GET,HEAD")], body), body: body.into() });
}

#[tokio::test]
async fn axum_bare_json_rejections_become_problem_json_with_axums_status_and_text() {
    let cases: [(Request<Body>, u16, &str, &str); 4] = [
        (
            Request::post("/json").body(Body::from("{}")).unwrap(),
            415,
            "Unsupported Media Type",
            "Expected request with `Content-Type: application/json`",
        ),
        (
            post_json(r#"{"name":"#),
            400,
            "Bad Request",
            "Failed to parse the request body as JSON: name: EOF while parsing a value at line 1 column 8",
        ),
        (
            post_json(r#"{"name":"x"}"#),
            422,
            "Unprocessable Content",
            "Failed to deserialize the JSON body into the target type: missing field `email` at line 1 column 12",
        ),
        (
            post_json(r#"{"name":"a name that is far too long for the limit","email":"x@example.com"}"#),
            413,
            "Content Too Large",
            "Failed to buffer the request body: length limit exceeded",
        ),
    ];
    for (request, status, title, detail) in cases {
        let r = call(app(), request).await;
        let body = format!(r#"{{"type":"about:blank","title":"{title}","status":{status},"detail":"{detail}"}}"#);
        assert_eq!(r, Reply { status, headers: problem_fields(&[], &body), body });
    }
}

#[tokio::test]
async fn axum_plain_text_500_loses_its_text() {
    let r = call(app(), get_req("/boom")).await;
    assert_eq!(r, Reply { status: 500, headers: problem_fields(&[], MASKED_500), body: MASKED_500.into() });
    assert!(!r.body.contains("10.0.0.7"));
}

#[tokio::test]
async fn axum_header_fields_are_kept_and_the_text_is_the_detail() {
    let r = call(app(), get_req("/slow-down")).await;
    assert_eq!(
        r,
        Reply { status: 429, headers: problem_fields(&[("retry-after", "30")], SLOW_DOWN), body: SLOW_DOWN.into() }
    );

    let r = call(app(), get_req("/empty-403")).await;
    let body = r#"{"type":"about:blank","title":"Forbidden","status":403}"#;
    assert_eq!(r, Reply { status: 403, headers: problem_fields(&[], body), body: body.into() });
}

#[tokio::test]
async fn axum_200_and_304_are_untouched() {
    let r = untouched(|| get_req("/users")).await;
    assert_eq!(
        r,
        Reply {
            status: 200,
            headers: fields(&[("content-length", "2"), ("content-type", "text/plain; charset=utf-8")]),
            body: "[]".into()
        }
    );
    let r = untouched(|| get_req("/not-modified")).await;
    // axum's router adds the `content-length: 0`, with or without the layer.
    let headers = fields(&[("content-length", "0"), ("etag", "\"v1\"")]);
    assert_eq!(r, Reply { status: 304, headers, body: String::new() });
}

#[tokio::test]
async fn axum_errstatus_responses_are_untouched_whatever_their_format() {
    let r = untouched(|| get_req("/derived")).await;
    assert_eq!(r, Reply { status: 410, headers: problem_fields(&[], GONE), body: GONE.into() });
    // In a custom text format, or without a body: marked as errstatus's, passed on.
    let r = untouched(|| get_req("/derived-text")).await;
    let headers = fields(&[("content-length", "5"), ("content-type", "text/plain; charset=utf-8")]);
    assert_eq!(r, Reply { status: 409, headers, body: "Taken".into() });
    let r = untouched(|| get_req("/derived-empty")).await;
    assert_eq!(r, Reply { status: 403, headers: fields(&[("content-length", "0")]), body: String::new() });
}

#[tokio::test]
async fn axum_other_types_compressed_large_and_streaming_bodies_are_untouched() {
    let r = untouched(|| get_req("/json-error")).await;
    assert_eq!((r.status, r.body.as_str()), (400, r#"{"error":"nope"}"#));
    let r = untouched(|| get_req("/gzip-error")).await;
    assert_eq!(
        r.headers,
        fields(&[("content-encoding", "gzip"), ("content-length", "3"), ("content-type", "text/plain; charset=utf-8")])
    );
    let r = untouched(|| get_req("/large")).await;
    assert_eq!((r.status, r.body.len()), (400, 5000));
    let r = untouched(|| get_req("/stream")).await;
    assert_eq!(
        r,
        Reply {
            status: 400,
            headers: fields(&[("content-type", "text/plain; charset=utf-8")]),
            body: "streamed".into()
        }
    );
}

#[tokio::test]
async fn axum_unknown_size_with_a_small_content_length_is_read() {
    let r = call(app(), get_req("/stream-with-length")).await;
    let body = r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"no such id"}"#;
    assert_eq!(r, Reply { status: 400, headers: problem_fields(&[], body), body: body.into() });
}

#[tokio::test]
async fn axum_head_responses_stay_bodiless_with_the_length_of_the_get() {
    for (uri, get_body) in [("/nowhere", NOT_FOUND), ("/slow-down", SLOW_DOWN), ("/boom", MASKED_500)] {
        let get = call(app(), get_req(uri)).await;
        assert_eq!(get.body, get_body);
        let head = call(app(), head_req(uri)).await;
        assert_eq!((head.status, &head.headers, head.body.as_str()), (get.status, &get.headers, ""), "{uri}");
    }
}

#[tokio::test]
async fn axum_problem_service_around_a_whole_router() {
    let app = ProblemService::new(routes());
    let r = reply(app.clone().oneshot(get_req("/nowhere")).await.unwrap()).await;
    assert_eq!(r, Reply { status: 404, headers: problem_fields(&[], NOT_FOUND), body: NOT_FOUND.into() });
    let r = reply(app.clone().oneshot(get_req("/slow-down")).await.unwrap()).await;
    assert_eq!(r.body, SLOW_DOWN);
    // Outside the router a HEAD response comes without its text: the length of the GET's
    // problem body is not known, so no content-length is sent.
    let r = reply(app.oneshot(head_req("/slow-down")).await.unwrap()).await;
    assert_eq!(r, Reply { status: 429, headers: problem_headers(&[("retry-after", "30")]), body: String::new() });
    // The same as the layer, applied with tower.
    let r = reply(ProblemLayer::new().layer(routes()).oneshot(get_req("/boom")).await.unwrap()).await;
    assert_eq!(r.body, MASKED_500);
}

#[tokio::test]
async fn axum_a_failing_body_gives_a_problem_without_detail() {
    struct Failing;
    impl HttpBody for Failing {
        type Data = Bytes;
        type Error = std::io::Error;
        fn poll_frame(
            self: Pin<&mut Self>,
            _: &mut Context<'_>,
        ) -> Poll<Option<Result<hyper::body::Frame<Bytes>, Self::Error>>> {
            Poll::Ready(Some(Err(std::io::Error::other("connection reset"))))
        }
        fn size_hint(&self) -> hyper::body::SizeHint {
            hyper::body::SizeHint::with_exact(10)
        }
    }
    let app = Router::new()
        .route("/", get(|| async { (StatusCode::BAD_REQUEST, text_plain(), Body::new(Failing)) }))
        .layer(ProblemLayer::new());
    let r = call(app, get_req("/")).await;
    let body = r#"{"type":"about:blank","title":"Bad Request","status":400}"#;
    assert_eq!(r, Reply { status: 400, headers: problem_fields(&[], body), body: body.into() });
}

#[tokio::test]
async fn axum_response_extensions_and_other_header_fields_survive() {
    #[derive(Clone)]
    struct Tag(&'static str);
    let app = Router::new()
        .route(
            "/",
            get(|| async {
                let mut headers = HeaderMap::new();
                headers.append("x-trace", "a".parse().unwrap());
                headers.append("x-trace", "b".parse().unwrap());
                let mut response = (StatusCode::CONFLICT, headers, "taken").into_response();
                response.extensions_mut().insert(Tag("kept"));
                response
            }),
        )
        .layer(ProblemLayer::new());
    let response = app.oneshot(get_req("/")).await.unwrap();
    assert_eq!(response.extensions().get::<Tag>().map(|t| t.0), Some("kept"));
    let r = reply(response).await;
    let body = r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"taken"}"#;
    assert_eq!(r.headers, problem_fields(&[("x-trace", "a"), ("x-trace", "b")], body));
}

// ---- over TCP ----

/// Sends a raw HTTP/1.1 request (with `Connection: close`) and returns the response head and
/// body as sent.
async fn exchange(addr: SocketAddr, method: &str, path: &str) -> (String, Vec<u8>) {
    let io = async {
        let mut stream = tokio::net::TcpStream::connect(addr).await?;
        let request = format!("{method} {path} HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).await?;
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).await?;
        std::io::Result::Ok(bytes)
    };
    let bytes = tokio::time::timeout(Duration::from_secs(20), io).await.expect("in time").expect("I/O");
    let split = bytes.windows(4).position(|w| w == b"\r\n\r\n").expect("end of head");
    (String::from_utf8(bytes[..split].to_vec()).unwrap(), bytes[split + 4..].to_vec())
}

fn content_length(head: &str) -> Option<&str> {
    head.split("\r\n").find_map(|line| line.strip_prefix("content-length: "))
}

#[tokio::test]
async fn axum_head_over_tcp_has_no_body() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app()).await.unwrap() });
    for path in ["/nowhere", "/slow-down"] {
        let (get_head, get_body) = exchange(addr, "GET", path).await;
        let (head, body) = exchange(addr, "HEAD", path).await;
        assert!(head.contains("\r\ncontent-type: application/problem+json"), "{head}");
        assert_eq!(body, b"", "{path}");
        assert_eq!(content_length(&head), Some(get_body.len().to_string().as_str()), "{head}");
        assert_eq!(content_length(&get_head), content_length(&head));
    }
}

// ---- actix-web ----

mod actix {
    use actix_web::body::MessageBody;
    use actix_web::dev::{Service, ServiceResponse};
    use actix_web::http::header;
    use actix_web::test as atest;
    use actix_web::web::Bytes;
    use actix_web::{web, App, HttpResponse, HttpServer};
    use errstatus::actix::ProblemMiddleware;

    use super::common::{header_list, Streamed};
    use super::{
        content_length, exchange, fields, problem_fields, Coded, Derived, NewUser, Quiet, Reply, GONE, MASKED_500,
        NOT_FOUND, SECRET, SLOW_DOWN,
    };

    fn routes(cfg: &mut web::ServiceConfig) {
        cfg.app_data(web::JsonConfig::default().limit(64))
            .route(
                "/users",
                web::get().to(|| async { HttpResponse::Ok().content_type("text/plain; charset=utf-8").body("[]") }),
            )
            .route("/json", web::post().to(|_: web::Json<NewUser>| async { HttpResponse::Created().finish() }))
            .route("/boom", web::get().to(|| async { HttpResponse::InternalServerError().body(SECRET) }))
            .route(
                "/not-modified",
                web::get()
                    .to(|| async { HttpResponse::NotModified().insert_header((header::ETAG, "\"v1\"")).finish() }),
            )
            .route(
                "/slow-down",
                web::get().to(|| async {
                    HttpResponse::TooManyRequests()
                        .insert_header((header::RETRY_AFTER, "30"))
                        .content_type("text/plain; charset=utf-8")
                        .body("slow down")
                }),
            )
            .route("/derived", web::get().to(|| async { Err::<HttpResponse, _>(Derived::Gone) }))
            .route("/derived-text", web::get().to(|| async { Err::<HttpResponse, _>(Coded::Taken) }))
            .route("/derived-empty", web::get().to(|| async { Err::<HttpResponse, _>(Quiet::Forbidden) }))
            .route(
                "/json-error",
                web::get().to(|| async { HttpResponse::BadRequest().json(serde_json::json!({"error": "nope"})) }),
            )
            .route("/large", web::get().to(|| async { HttpResponse::BadRequest().body("x".repeat(5000)) }))
            .route(
                "/stream",
                web::get().to(|| async {
                    HttpResponse::BadRequest().content_type("text/plain").body(Streamed(Some(Bytes::from("streamed"))))
                }),
            );
    }

    async fn reply<B: MessageBody>(response: ServiceResponse<B>) -> Reply {
        let status = response.status().as_u16();
        let headers = header_list(response.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
        let body = atest::read_body(response).await;
        Reply { status, headers, body: String::from_utf8(body.to_vec()).expect("UTF-8 body") }
    }

    /// The response with the middleware and the one without.
    async fn call(request: fn() -> atest::TestRequest) -> (Reply, Reply) {
        let with = atest::init_service(App::new().wrap(ProblemMiddleware::new()).configure(routes)).await;
        let without = atest::init_service(App::new().configure(routes)).await;
        let a = reply(with.call(request().to_request()).await.unwrap()).await;
        let b = reply(without.call(request().to_request()).await.unwrap()).await;
        (a, b)
    }

    /// The problem fields without content-length: actix-web writes it when it sends the body.
    fn problem(extra: &[(&str, &str)], body: &str) -> Vec<(String, String)> {
        let mut all = problem_fields(extra, body);
        all.retain(|(n, _)| n != "content-length");
        all
    }

    fn get(uri: &'static str) -> atest::TestRequest {
        atest::TestRequest::get().uri(uri)
    }

    #[actix_web::test]
    async fn unknown_route_is_404_problem_json() {
        let (r, bare) = call(|| get("/nowhere")).await;
        assert_eq!((bare.status, bare.body.as_str()), (404, ""));
        assert_eq!(r, Reply { status: 404, headers: problem(&[], NOT_FOUND), body: NOT_FOUND.into() });
    }

    #[actix_web::test]
    async fn wrong_method_is_what_actix_answers_as_problem_json() {
        // actix-web answers a method no route takes with 404 (`App::route` guards on the
        // method); the middleware makes that problem+json like any other 404.
        let (r, bare) = call(|| atest::TestRequest::delete().uri("/users")).await;
        assert_eq!((bare.status, bare.body.as_str()), (404, ""));
        assert_eq!(r, Reply { status: 404, headers: problem(&[], NOT_FOUND), body: NOT_FOUND.into() });
    }

    #[actix_web::test]
    async fn bare_json_errors_become_problem_json_with_actixs_status_and_text() {
        fn post_json(body: &'static str) -> atest::TestRequest {
            atest::TestRequest::post()
                .uri("/json")
                .insert_header((header::CONTENT_TYPE, "application/json"))
                .set_payload(body)
        }
        type Case = (fn() -> atest::TestRequest, u16, &'static str, &'static str);
        let cases: [Case; 4] = [
            (|| atest::TestRequest::post().uri("/json").set_payload("{}"), 400, "Bad Request", "Content type error"),
            (
                || post_json(r#"{"name":"#),
                400,
                "Bad Request",
                "Json deserialize error: EOF while parsing a value at line 1 column 8",
            ),
            (
                || post_json(r#"{"name":"x"}"#),
                400,
                "Bad Request",
                "Json deserialize error: missing field `email` at line 1 column 12",
            ),
            (
                || post_json(r#"{"name":"a name that is far too long for the limit","email":"x@example.com"}"#),
                413,
                "Content Too Large",
                "JSON payload (76 bytes) is larger than allowed (limit: 64 bytes).",
            ),
        ];
        for (request, status, title, detail) in cases {
            let (r, bare) = call(request).await;
            assert_eq!((bare.status, bare.body.as_str()), (status, detail), "actix-web's own status and text");
            let body = format!(r#"{{"type":"about:blank","title":"{title}","status":{status},"detail":"{detail}"}}"#);
            assert_eq!(r, Reply { status, headers: problem(&[], &body), body });
        }
    }

    #[actix_web::test]
    async fn the_error_stays_with_the_response() {
        let app = atest::init_service(App::new().wrap(ProblemMiddleware::new()).configure(routes)).await;
        let request = atest::TestRequest::post().uri("/json").set_payload("{}").to_request();
        let response = app.call(request).await.unwrap();
        assert_eq!(response.response().error().map(ToString::to_string).as_deref(), Some("Content type error"));
        assert_eq!(response.headers().get(header::CONTENT_TYPE).unwrap(), "application/problem+json");
    }

    #[actix_web::test]
    async fn plain_text_500_loses_its_text() {
        let (r, bare) = call(|| get("/boom")).await;
        assert_eq!(bare.body, SECRET);
        assert_eq!(r, Reply { status: 500, headers: problem(&[], MASKED_500), body: MASKED_500.into() });
    }

    #[actix_web::test]
    async fn header_fields_are_kept_and_the_text_is_the_detail() {
        let (r, _) = call(|| get("/slow-down")).await;
        assert_eq!(
            r,
            Reply { status: 429, headers: problem(&[("retry-after", "30")], SLOW_DOWN), body: SLOW_DOWN.into() }
        );
    }

    #[actix_web::test]
    async fn ok_and_not_modified_are_untouched() {
        let (r, bare) = call(|| get("/users")).await;
        assert_eq!(r, bare);
        assert_eq!(
            r,
            Reply { status: 200, headers: fields(&[("content-type", "text/plain; charset=utf-8")]), body: "[]".into() }
        );
        let (r, bare) = call(|| get("/not-modified")).await;
        assert_eq!(r, bare);
        assert_eq!(r, Reply { status: 304, headers: fields(&[("etag", "\"v1\"")]), body: String::new() });
    }

    #[actix_web::test]
    async fn errstatus_responses_are_untouched_whatever_their_format() {
        let (r, bare) = call(|| get("/derived")).await;
        assert_eq!(r, bare);
        assert_eq!(r, Reply { status: 410, headers: problem(&[], GONE), body: GONE.into() });
        let (r, bare) = call(|| get("/derived-text")).await;
        assert_eq!(r, bare);
        let headers = fields(&[("content-type", "text/plain; charset=utf-8")]);
        assert_eq!(r, Reply { status: 409, headers, body: "Taken".into() });
        let (r, bare) = call(|| get("/derived-empty")).await;
        assert_eq!(r, bare);
        assert_eq!(r, Reply { status: 403, headers: fields(&[]), body: String::new() });
    }

    #[actix_web::test]
    async fn other_types_large_and_streaming_bodies_are_untouched() {
        let (r, bare) = call(|| get("/json-error")).await;
        assert_eq!(r, bare);
        assert_eq!((r.status, r.body.as_str()), (400, r#"{"error":"nope"}"#));
        let (r, bare) = call(|| get("/large")).await;
        assert_eq!(r, bare);
        assert_eq!(r.body.len(), 5000);
        let (r, bare) = call(|| get("/stream")).await;
        assert_eq!(r, bare);
        assert_eq!(
            r,
            Reply { status: 400, headers: fields(&[("content-type", "text/plain")]), body: "streamed".into() }
        );
    }

    #[actix_web::test]
    async fn head_over_tcp_has_no_body() {
        let server = HttpServer::new(|| {
            App::new()
                .wrap(ProblemMiddleware::new())
                .configure(routes)
                // HEAD /slow-down, without a content-type (actix-web's GET guard takes GET only).
                .route("/slow-down", web::head().to(|| async { HttpResponse::TooManyRequests().body("slow down") }))
        })
        .workers(1)
        .disable_signals()
        .bind(("127.0.0.1", 0))
        .unwrap();
        let addr = server.addrs()[0];
        let server = server.run();
        let handle = server.handle();
        actix_web::rt::spawn(server);
        for path in ["/nowhere", "/slow-down"] {
            let (get_head, get_body) = exchange(addr, "GET", path).await;
            let (head, body) = exchange(addr, "HEAD", path).await;
            assert!(head.contains("\r\ncontent-type: application/problem+json"), "{head}");
            assert_eq!(body, b"", "{path}");
            assert_eq!(content_length(&get_head), Some(get_body.len().to_string().as_str()), "{get_head}");
            assert_eq!(content_length(&head), content_length(&get_head), "{head}");
        }
        handle.stop(true).await;
    }
}
