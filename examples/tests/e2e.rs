//! The services over real TCP on 127.0.0.1: raw HTTP/1.1 bytes in and out, so the checks see
//! exactly what a client receives on the wire, plus a real HTTP client (hyper).

mod common;

use std::net::SocketAddr;
use std::time::Duration;

use axum::routing::get;
use axum::Router;
use common::{parse, problem, with, PROBLEM_JSON};
use errstatus::HttpStatus;
use errstatus_examples::store::{MAINTENANCE_RETRY_AFTER, ORDERS_DB};
use errstatus_examples::{actix_app, axum_app};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// No single exchange may take longer than this: a hung server fails the test.
const TIMEOUT: Duration = Duration::from_secs(20);

/// Serves `app` on an ephemeral port of 127.0.0.1; the server lives as long as the test's runtime.
async fn serve(app: Router) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind 127.0.0.1:0");
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    addr
}

/// One response as it came over the wire.
#[derive(Debug)]
struct Wire {
    /// Everything before the body, as sent.
    head: String,
    status_line: String,
    /// `(name, value)` in the order sent.
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Wire {
    fn header(&self, name: &str) -> Option<&str> {
        let mut found = self.headers.iter().filter(|(n, _)| n.eq_ignore_ascii_case(name));
        let first = found.next().map(|(_, v)| v.as_str());
        assert!(found.next().is_none(), "{name} sent twice:\n{}", self.head);
        first
    }

    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.headers.iter().map(|(n, _)| n.to_ascii_lowercase()).collect();
        names.sort();
        names
    }
}

/// Sends `request` (it should say `Connection: close`) and reads the whole response, whose
/// `content-length` must be its body's.
async fn exchange(addr: SocketAddr, request: &str) -> Wire {
    let wire = exchange_raw(addr, request).await;
    let length = wire.header("content-length").expect("content-length (no chunking for a small body)");
    assert_eq!(length, wire.body.len().to_string(), "content-length matches the body");
    wire
}

/// Sends `request` and reads the whole response, as it is.
async fn exchange_raw(addr: SocketAddr, request: &str) -> Wire {
    let io = async {
        let mut stream = TcpStream::connect(addr).await?;
        stream.write_all(request.as_bytes()).await?;
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).await?;
        std::io::Result::Ok(bytes)
    };
    let bytes = tokio::time::timeout(TIMEOUT, io).await.expect("response in time").expect("I/O");
    let split = bytes.windows(4).position(|w| w == b"\r\n\r\n").expect("end of head");
    let head = String::from_utf8(bytes[..split].to_vec()).expect("ASCII head");
    let body = bytes[split + 4..].to_vec();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap().to_owned();
    let headers: Vec<(String, String)> = lines
        .map(|line| {
            let (name, value) = line.split_once(": ").unwrap_or_else(|| panic!("bad header line {line:?}"));
            (name.to_owned(), value.to_owned())
        })
        .collect();
    let wire = Wire { head, status_line, headers, body };
    if let Some(connection) = wire.header("connection") {
        assert_eq!(connection, "close");
    }
    wire
}

fn request(method: &str, path: &str, extra: &str) -> String {
    format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{extra}Connection: close\r\n\r\n")
}

/// The header names of a response: the ones the server adds by itself (hyper answers our
/// `Connection: close` in kind), content-type, and the ones a test expects.
fn expected_names(ours: &[&str]) -> Vec<String> {
    let mut names: Vec<String> =
        ["connection", "content-length", "content-type", "date"].iter().chain(ours).map(|n| n.to_string()).collect();
    names.sort();
    names
}

#[tokio::test]
async fn axum_404_on_the_wire() {
    let addr = serve(axum_app::router()).await;
    let w = exchange(addr, &request("GET", "/users/42", "")).await;
    assert_eq!(w.status_line, "HTTP/1.1 404 Not Found");
    assert!(w.head.contains("\r\ncontent-type: application/problem+json\r\n"), "{}", w.head);
    assert_eq!(w.names(), expected_names(&[]));
    assert_eq!(parse(&w.body), with(problem(404, "Not Found", Some("user 42 not found")), json!({"id": 42})));
    assert_eq!(
        w.body, br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"user 42 not found","id":42}"#,
        "members in RFC 9457 order, compact"
    );
}

#[tokio::test]
async fn axum_429_with_retry_after_on_the_wire() {
    let addr = serve(axum_app::router()).await;
    let reset = request("POST", "/users/2/password-reset", "Content-Length: 0\r\n");
    let first = exchange(addr, &reset).await;
    assert_eq!(first.status_line, "HTTP/1.1 202 Accepted");

    let w = exchange(addr, &reset).await;
    assert_eq!(w.status_line, "HTTP/1.1 429 Too Many Requests");
    assert_eq!(w.header("content-type"), Some(PROBLEM_JSON));
    let retry_after: u64 = w.header("retry-after").expect("retry-after").parse().expect("delay-seconds");
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    assert_eq!(w.names(), expected_names(&["retry-after"]));
    let detail = format!("too many password reset requests, retry in {retry_after} seconds");
    assert_eq!(parse(&w.body), problem(429, "Too Many Requests", Some(&detail)));
}

#[tokio::test]
async fn axum_masked_500_on_the_wire() {
    let addr = serve(axum_app::router()).await;
    let w = exchange(addr, &request("GET", "/users/1/orders", "X-Request-Id: trace-77\r\n")).await;
    assert_eq!(w.status_line, "HTTP/1.1 500 Internal Server Error");
    assert_eq!(w.header("content-type"), Some(PROBLEM_JSON));
    assert_eq!(w.header("x-request-id"), Some("trace-77"));
    assert_eq!(w.names(), expected_names(&["x-request-id"]));
    assert_eq!(w.body, br#"{"type":"about:blank","title":"Internal Server Error","status":500}"#);
    let all = format!("{}{}", w.head, String::from_utf8_lossy(&w.body));
    assert!(!all.contains(ORDERS_DB) && !all.contains("database") && !all.contains("refused"), "{all}");
}

#[tokio::test]
async fn axum_503_exposed_on_the_wire() {
    let addr = serve(axum_app::router()).await;
    let w = exchange(addr, &request("GET", "/exports", "")).await;
    assert_eq!(w.status_line, "HTTP/1.1 503 Service Unavailable");
    assert_eq!(w.header("retry-after"), Some(MAINTENANCE_RETRY_AFTER.to_string().as_str()));
    assert_eq!(
        parse(&w.body),
        with(
            problem(503, "Service Unavailable", Some("exports are paused for maintenance")),
            json!({"service": "exports"})
        )
    );
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("rejected: {reason}")]
#[status(400)]
struct Rejected {
    reason: String,
    #[header("x-reason")]
    header: String,
}

#[tokio::test]
async fn header_injection_does_not_reach_the_wire() {
    let app = Router::new().route(
        "/",
        get(|| async {
            let evil = "x\r\nset-cookie: session=evil\r\n\r\n<html>".to_owned();
            Rejected { reason: evil.clone(), header: evil }
        }),
    );
    let addr = serve(app).await;
    let w = exchange(addr, &request("GET", "/", "")).await;
    assert_eq!(w.status_line, "HTTP/1.1 400 Bad Request");
    assert_eq!(w.names(), expected_names(&[]), "x-reason is left out, nothing injected");
    assert!(!w.head.to_ascii_lowercase().contains("set-cookie"));
    // In the body the text is JSON-escaped: one line, parseable, the exact text back.
    assert!(!w.body.contains(&b'\n') && !w.body.contains(&b'\r'));
    assert_eq!(parse(&w.body)["detail"], "rejected: x\r\nset-cookie: session=evil\r\n\r\n<html>");
}

#[tokio::test]
async fn hyper_client_reads_every_error_response() {
    use http_body_util::{BodyExt, Empty};
    use hyper::body::Bytes;
    use hyper_util::client::legacy::Client;
    use hyper_util::rt::TokioExecutor;

    let addr = serve(axum_app::router()).await;
    let client = Client::builder(TokioExecutor::new()).pool_max_idle_per_host(1).build_http::<Empty<Bytes>>();
    let cases = [
        ("GET", "/users/1", 200, "application/json"),
        ("GET", "/users/404", 404, PROBLEM_JSON),
        ("POST", "/users/1/password-reset", 202, ""),
        ("POST", "/users/1/password-reset", 429, PROBLEM_JSON),
        ("GET", "/users/1/orders", 500, PROBLEM_JSON),
        ("GET", "/exports", 503, PROBLEM_JSON),
    ];
    for (method, path, status, content_type) in cases {
        let req =
            http::Request::builder().method(method).uri(format!("http://{addr}{path}")).body(Empty::new()).unwrap();
        let res = tokio::time::timeout(TIMEOUT, client.request(req)).await.expect("in time").expect("response");
        assert_eq!(res.status(), status, "{method} {path}");
        let ct = res.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
        assert_eq!(ct, content_type, "{method} {path}");
        let body = res.into_body().collect().await.expect("body").to_bytes();
        if content_type == PROBLEM_JSON {
            let json = parse(&body);
            assert_eq!(json["status"], status);
            assert_eq!(json["type"], "about:blank");
            assert_eq!(json.get("detail").is_some(), status != 500, "{method} {path}: {json}");
        }
    }
}

/// A `HEAD` gets the `GET`'s status line and header fields (`content-length` included: the
/// length of the body a `GET` gets) and no body, on the wire.
async fn assert_head_like_get(addr: SocketAddr, path: &str) {
    let get = exchange(addr, &request("GET", path, "")).await;
    let head = exchange_raw(addr, &request("HEAD", path, "")).await;
    assert_eq!(head.status_line, get.status_line, "{path}");
    let fields = |w: &Wire| -> Vec<(String, String)> {
        let mut f: Vec<(String, String)> = w
            .headers
            .iter()
            .map(|(n, v)| (n.to_ascii_lowercase(), v.clone()))
            .filter(|(n, _)| n != "date" && n != "x-request-id")
            .collect();
        f.sort();
        f
    };
    assert_eq!(fields(&head), fields(&get), "{path}");
    assert!(head.body.is_empty(), "{path}: {:?}", String::from_utf8_lossy(&head.body));
}

#[tokio::test]
async fn axum_head_and_405_on_the_wire() {
    let addr = serve(axum_app::router()).await;
    for path in ["/users/1", "/users/42", "/exports", "/nowhere"] {
        assert_head_like_get(addr, path).await;
    }
    let w = exchange(addr, &request("DELETE", "/users/1", "")).await;
    assert_eq!(w.status_line, "HTTP/1.1 405 Method Not Allowed");
    assert_eq!(w.header("allow"), Some("GET,HEAD"));
    assert_eq!(w.names(), expected_names(&["allow"]));
    assert_eq!(w.body, br#"{"type":"about:blank","title":"Method Not Allowed","status":405}"#);
}

/// Runs the actix-web service on an ephemeral port of 127.0.0.1 until the returned handle stops it.
fn serve_actix() -> (SocketAddr, actix_web::dev::ServerHandle) {
    use actix_web::{web, HttpServer};
    use errstatus_examples::store::Store;

    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    let addr = listener.local_addr().unwrap();
    let store = web::Data::new(Store::new());
    let server = HttpServer::new(move || actix_app::app(store.clone(), addr.port()))
        .workers(1)
        .disable_signals()
        .listen(listener)
        .expect("listen")
        .run();
    let handle = server.handle();
    actix_web::rt::spawn(server);
    (addr, handle)
}

#[actix_web::test]
async fn actix_404_and_masked_500_on_the_wire() {
    let (addr, handle) = serve_actix();

    let w = exchange(addr, &request("GET", "/users/42", "")).await;
    assert_eq!(w.status_line, "HTTP/1.1 404 Not Found");
    assert!(w.head.contains("\r\ncontent-type: application/problem+json\r\n"), "{}", w.head);
    assert_eq!(
        w.body,
        br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"user 42 not found","id":42}"#
    );

    let w = exchange(addr, &request("GET", "/users/1/orders", "x-request-id: trace-78\r\n")).await;
    assert_eq!(w.status_line, "HTTP/1.1 500 Internal Server Error");
    assert_eq!(w.header("x-request-id"), Some("trace-78"));
    assert_eq!(w.header("content-type"), Some(PROBLEM_JSON));
    assert_eq!(w.body, br#"{"type":"about:blank","title":"Internal Server Error","status":500}"#);

    handle.stop(true).await;
}

#[actix_web::test]
async fn actix_head_and_405_on_the_wire() {
    let (addr, handle) = serve_actix();

    for path in ["/users/1", "/users/42", "/exports", "/nowhere"] {
        assert_head_like_get(addr, path).await;
    }
    for (method, path, allow) in [("DELETE", "/users/1", "GET, HEAD"), ("GET", "/users", "POST")] {
        let w = exchange(addr, &request(method, path, "")).await;
        assert_eq!(w.status_line, "HTTP/1.1 405 Method Not Allowed");
        assert_eq!(w.header("allow"), Some(allow));
        assert_eq!(w.header("content-type"), Some(PROBLEM_JSON));
        assert_eq!(w.body, br#"{"type":"about:blank","title":"Method Not Allowed","status":405}"#);
    }

    handle.stop(true).await;
}
