//! The corners of `ProblemLayer` / `ProblemMiddleware` and of the responses errstatus builds
//! (api.md, "Rules at the corners": "Every error response means every one"), through a real
//! axum `Router` (`tower::ServiceExt::oneshot`) and a real actix-web `App` (`actix_web::test`):
//! a 5xx's text of any size or streamed is dropped unread, an inner middleware's `Err` is
//! rewritten, an empty body is rewritten whatever its content-type, and every response
//! errstatus builds passes untouched whatever route built it.

mod common;

use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes, HttpBody};
use axum::http::{header, Request, StatusCode};
use axum::routing::get;
use axum::Router;
use common::{header_list, Code, Silent};
use errstatus::axum::{ProblemLayer, ProblemService};
use errstatus::HttpStatus;
use http_body_util::BodyExt;
use tower::ServiceExt;

/// What a 5xx's text must never show.
const SECRET: &str = "postgres://app:hunter2@10.0.0.7:5432/orders refused the connection";
const MASKED_500: &str = r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#;
const MASKED_503: &str = r#"{"type":"about:blank","title":"Service Unavailable","status":503}"#;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(format = Code)]
enum Coded {
    #[error("order 7 is taken")]
    #[status(409)]
    Taken,
    #[error("{0}")]
    #[status(500)]
    Broken(&'static str),
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(format = Silent)]
enum Quiet {
    #[error("not for you")]
    #[status(403)]
    Forbidden,
}

/// A body of unknown length: its chunks, then the end; `polled` counts the chunks read.
struct Streamed {
    chunks: Vec<Bytes>,
}

impl HttpBody for Streamed {
    type Data = Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<hyper::body::Frame<Bytes>, Self::Error>>> {
        let next = if self.chunks.is_empty() { None } else { Some(self.chunks.remove(0)) };
        Poll::Ready(next.map(|b| Ok(hyper::body::Frame::data(b))))
    }
}

/// A body of unknown size that must never be read: polling it fails the test.
struct Unpolled;

impl HttpBody for Unpolled {
    type Data = Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<hyper::body::Frame<Bytes>, Self::Error>>> {
        panic!("the body of a 5xx too large to read was polled");
    }
}

fn streamed(text: &str) -> Body {
    let half = text.len() / 2;
    Body::new(Streamed { chunks: vec![Bytes::from(text[..half].to_owned()), Bytes::from(text[half..].to_owned())] })
}

fn large_secret() -> String {
    format!("{}{SECRET}", "x".repeat(10_000))
}

fn routes() -> Router {
    const TEXT_PLAIN: [(header::HeaderName, &str); 1] = [(header::CONTENT_TYPE, "text/plain; charset=utf-8")];
    Router::new()
        .route("/large-500", get(|| async { (StatusCode::INTERNAL_SERVER_ERROR, TEXT_PLAIN, large_secret()) }))
        .route("/stream-500", get(|| async { (StatusCode::INTERNAL_SERVER_ERROR, TEXT_PLAIN, streamed(SECRET)) }))
        .route("/stream-503-bare", get(|| async { (StatusCode::SERVICE_UNAVAILABLE, streamed(SECRET)) }))
        .route("/unpolled-500", get(|| async { (StatusCode::INTERNAL_SERVER_ERROR, TEXT_PLAIN, Body::new(Unpolled)) }))
        .route(
            // A small content-length, then more than the limit: read, then dropped.
            "/lying-500",
            get(|| async {
                let fields = [(header::CONTENT_TYPE, "text/plain"), (header::CONTENT_LENGTH, "10")];
                (StatusCode::INTERNAL_SERVER_ERROR, fields, streamed(&large_secret()))
            }),
        )
        .route(
            "/empty-json",
            get(|| async { (StatusCode::BAD_REQUEST, [(header::CONTENT_TYPE, "application/json")], "") }),
        )
        .route("/empty-html", get(|| async { (StatusCode::NOT_FOUND, [(header::CONTENT_TYPE, "text/html")], "") }))
        .route("/from-text", get(|| async { http::Response::<String>::from(Coded::Taken) }))
        .route("/from-text-500", get(|| async { http::Response::<String>::from(Coded::Broken(SECRET)) }))
        .route("/response-fn", get(|| async { errstatus::response::<_, String>(&Coded::Taken) }))
        .route("/from-empty", get(|| async { http::Response::<String>::from(Quiet::Forbidden) }))
}

async fn call(app: Router, uri: &str) -> (u16, Vec<(String, String)>, String) {
    let response = app.oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.expect("infallible");
    let status = response.status().as_u16();
    let mut headers = header_list(response.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
    headers.retain(|(n, _)| n != "content-length");
    let body = response.into_body().collect().await.expect("body").to_bytes();
    (status, headers, String::from_utf8(body.to_vec()).expect("UTF-8 body"))
}

fn problem_json() -> Vec<(String, String)> {
    vec![("content-type".to_owned(), common::PROBLEM_JSON.to_owned())]
}

#[tokio::test]
async fn axum_a_5xx_text_of_any_size_or_streamed_is_dropped_unread() {
    let app = routes().layer(ProblemLayer::new());
    for uri in ["/large-500", "/stream-500"] {
        let (status, headers, body) = call(app.clone(), uri).await;
        assert!(!body.contains("hunter2"), "{uri}: the 5xx's text went out ({} bytes)", body.len());
        assert_eq!((status, headers, body.as_str()), (500, problem_json(), MASKED_500), "{uri}");
    }
    let (status, headers, body) = call(app.clone(), "/stream-503-bare").await;
    assert_eq!((status, headers, body.as_str()), (503, problem_json(), MASKED_503));
    let (status, headers, body) = call(app.clone(), "/unpolled-500").await;
    assert_eq!((status, headers, body.as_str()), (500, problem_json(), MASKED_500));
    let (status, headers, body) = call(app, "/lying-500").await;
    assert_eq!((status, headers, body.as_str()), (500, problem_json(), MASKED_500));
    // Without the layer the secret is there: the test sees what it guards against.
    let (_, _, body) = call(routes(), "/stream-500").await;
    assert!(body.contains("hunter2"));
}

/// A HEAD request gets the GET's status and header fields, `content-length` included (a 5xx's
/// problem body has no detail: its length is known even where axum took the text away), and
/// no body: with the layer inside the router, and with `ProblemService` around it.
#[tokio::test]
async fn axum_head_of_a_large_or_streamed_5xx_has_the_length_of_the_get() {
    let inside = routes().layer(ProblemLayer::new());
    let around = ProblemService::new(routes());
    for uri in ["/large-500", "/stream-500", "/unpolled-500", "/lying-500"] {
        let get = inside.clone().oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
        assert_eq!(get.headers()["content-length"], MASKED_500.len().to_string(), "{uri}");
        for head in [
            inside.clone().oneshot(Request::head(uri).body(Body::empty()).unwrap()).await.unwrap(),
            around.clone().oneshot(Request::head(uri).body(Body::empty()).unwrap()).await.unwrap(),
        ] {
            assert_eq!((head.status(), head.headers()), (get.status(), get.headers()), "{uri}");
            assert!(head.into_body().collect().await.unwrap().to_bytes().is_empty(), "{uri}");
        }
    }
    // An empty JSON 4xx: rewritten for HEAD as for GET.
    let get = inside.clone().oneshot(Request::get("/empty-json").body(Body::empty()).unwrap()).await.unwrap();
    let head = around.oneshot(Request::head("/empty-json").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!((head.status(), head.headers()), (get.status(), get.headers()));
}

#[tokio::test]
async fn axum_an_empty_body_is_rewritten_whatever_its_content_type() {
    let app = routes().layer(ProblemLayer::new());
    let (status, headers, body) = call(app.clone(), "/empty-json").await;
    assert_eq!(
        (status, headers, body.as_str()),
        (400, problem_json(), r#"{"type":"about:blank","title":"Bad Request","status":400}"#)
    );
    let (status, headers, body) = call(app, "/empty-html").await;
    assert_eq!(
        (status, headers, body.as_str()),
        (404, problem_json(), r#"{"type":"about:blank","title":"Not Found","status":404}"#)
    );
}

#[tokio::test]
async fn axum_responses_errstatus_builds_through_any_conversion_pass_untouched() {
    let text = vec![("content-type".to_owned(), "text/plain; charset=utf-8".to_owned())];
    for uri in ["/from-text", "/response-fn"] {
        let with = call(routes().layer(ProblemLayer::new()), uri).await;
        assert_eq!(with, call(routes(), uri).await, "{uri}: the layer changed errstatus's response");
        assert_eq!(with, (409, text.clone(), "Taken".to_owned()), "{uri}");
    }
    // A custom format's 5xx: the format decides what it shows; the layer leaves it.
    let with = call(routes().layer(ProblemLayer::new()), "/from-text-500").await;
    assert_eq!(with, (500, text, "Broken".to_owned()));
    let with = call(routes().layer(ProblemLayer::new()), "/from-empty").await;
    assert_eq!(with, (403, vec![], String::new()));
}

// ---- actix-web ----

mod actix {
    use actix_web::body::MessageBody;
    use actix_web::dev::{Service, ServiceRequest};
    use actix_web::middleware::{from_fn, Next};
    use actix_web::test as atest;
    use actix_web::web::Bytes;
    use actix_web::{error, web, App, HttpResponse};
    use errstatus::actix::ProblemMiddleware;

    use super::common::{header_list, Streamed, PROBLEM_JSON};
    use super::{large_secret, MASKED_500, SECRET};

    /// An inner middleware that refuses requests without a token, and fails on `/auth-broken`.
    async fn auth(
        request: ServiceRequest,
        next: Next<impl MessageBody + 'static>,
    ) -> Result<actix_web::dev::ServiceResponse<impl MessageBody>, actix_web::Error> {
        if request.path() == "/auth-broken" {
            return Err(error::ErrorInternalServerError(SECRET));
        }
        if request.path() == "/auth-derived" {
            return Err(super::Coded::Taken.into());
        }
        if request.path() == "/auth-large-500" {
            return Err(error::ErrorInternalServerError(super::large_secret()));
        }
        if request.headers().contains_key("authorization") {
            next.call(request).await
        } else {
            Err(error::ErrorUnauthorized("token missing"))
        }
    }

    fn routes(cfg: &mut web::ServiceConfig) {
        cfg.route("/large-500", web::get().to(|| async { HttpResponse::InternalServerError().body(large_secret()) }))
            .route(
                "/stream-500",
                web::get().to(|| async {
                    HttpResponse::InternalServerError()
                        .content_type("text/plain")
                        .body(Streamed(Some(Bytes::from(SECRET))))
                }),
            )
            .route(
                "/empty-json",
                web::get().to(|| async { HttpResponse::BadRequest().content_type("application/json").finish() }),
            )
            .route("/auth-broken", web::get().to(|| async { HttpResponse::Ok().finish() }))
            .route("/private", web::get().to(|| async { HttpResponse::Ok().body("secret things") }));
    }

    async fn call(uri: &str, token: bool) -> (u16, Vec<(String, String)>, String) {
        let app =
            atest::init_service(App::new().configure(routes).wrap(from_fn(auth)).wrap(ProblemMiddleware::new())).await;
        let mut request = atest::TestRequest::get().uri(uri);
        if token {
            request = request.insert_header(("authorization", "Bearer t"));
        }
        let response = match app.call(request.to_request()).await {
            Ok(response) => response.into_parts().1.map_into_boxed_body(),
            // What actix-web's server sends for an `Err` of the app: its `error_response()`
            // (actix-http's dispatcher, `Response::from(Error)`). The middleware rewrites an
            // inner `Err` into an `Err` whose response is the problem+json one.
            Err(error) => error.error_response(),
        };
        let status = response.status().as_u16();
        let mut headers = header_list(response.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
        headers.retain(|(n, _)| n != "content-length");
        let body = actix_web::body::to_bytes(response.into_body()).await.expect("body");
        (status, headers, String::from_utf8(body.to_vec()).expect("UTF-8 body"))
    }

    fn problem_json() -> Vec<(String, String)> {
        vec![("content-type".to_owned(), PROBLEM_JSON.to_owned())]
    }

    #[actix_web::test]
    async fn a_5xx_text_of_any_size_or_streamed_is_dropped_unread() {
        for uri in ["/large-500", "/stream-500"] {
            let (status, headers, body) = call(uri, true).await;
            assert!(!body.contains("hunter2"), "{uri}: the 5xx's text went out ({} bytes)", body.len());
            assert_eq!((status, headers, body.as_str()), (500, problem_json(), MASKED_500), "{uri}");
        }
    }

    #[actix_web::test]
    async fn an_empty_body_is_rewritten_whatever_its_content_type() {
        let (status, headers, body) = call("/empty-json", true).await;
        assert_eq!(
            (status, headers, body.as_str()),
            (400, problem_json(), r#"{"type":"about:blank","title":"Bad Request","status":400}"#)
        );
    }

    #[actix_web::test]
    async fn an_inner_middlewares_err_is_rewritten() {
        let (status, headers, body) = call("/private", false).await;
        assert_eq!(
            (status, headers, body.as_str()),
            (
                401,
                problem_json(),
                r#"{"type":"about:blank","title":"Unauthorized","status":401,"detail":"token missing"}"#
            )
        );
        let (status, headers, body) = call("/auth-broken", true).await;
        assert_eq!((status, headers, body.as_str()), (500, problem_json(), MASKED_500));
        let (status, headers, body) = call("/auth-large-500", true).await;
        assert_eq!((status, headers, body.as_str()), (500, problem_json(), MASKED_500));
        let (status, _, body) = call("/private", true).await;
        assert_eq!((status, body.as_str()), (200, "secret things"));
    }

    #[actix_web::test]
    async fn a_derived_error_returned_as_err_passes_untouched() {
        let (status, headers, body) = call("/auth-derived", true).await;
        let text = vec![("content-type".to_owned(), "text/plain; charset=utf-8".to_owned())];
        assert_eq!((status, headers, body.as_str()), (409, text, "Taken"));
    }
}
