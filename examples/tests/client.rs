//! The typed client: a client of the axum service gets its errors back as `ApiError` values,
//! `errstatus::reqwest::ResponseExt::error_for_problem` with real reqwest against the real
//! service on 127.0.0.1:0.
//!
//! - every error the service sends decodes into the value the service built (the `Database`
//!   variant, whose source stays on the server, comes back `Undecoded`, with its status and
//!   request id); a success is the response itself; axum's own errors are `Undecoded`;
//! - `ApiError::from_problem` of `From<ApiError> for http::Response` is the value again, for
//!   every variant and arbitrary field values (the parity generator);
//! - an error body is read up to 1 MiB and no further; a request that fails is `Transport`.

#[path = "parity/spec.rs"]
#[allow(dead_code)] // the expected responses of the parity test
mod spec;

use std::net::SocketAddr;

use axum::routing::get;
use axum::Router;
use errstatus::reqwest::ResponseExt;
use errstatus::{ClientError, FromProblem};
use errstatus_examples::axum_app;
use errstatus_examples::error::{ApiError, AuthError};
use errstatus_examples::store::{ALICE_TOKEN, BOB_TOKEN, MAINTENANCE_RETRY_AFTER};
use proptest::prelude::*;
use spec::{spec, via_http, Spec};

async fn serve(app: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind 127.0.0.1:0");
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    addr
}

fn client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().expect("a client")
}

/// What `error_for_problem::<ApiError>` gives for one request.
async fn outcome(request: reqwest::RequestBuilder) -> Result<reqwest::Response, ClientError<ApiError>> {
    request.send().await?.error_for_problem::<ApiError>().await
}

fn problem(outcome: Result<reqwest::Response, ClientError<ApiError>>) -> ApiError {
    match outcome {
        Err(ClientError::Problem(e)) => e,
        Err(other) => panic!("not decoded: {other:?}"),
        Ok(response) => panic!("not an error: {}", response.status()),
    }
}

#[tokio::test]
async fn every_error_of_the_service_comes_back_as_the_value_it_was() {
    let base = format!("http://{}", serve(axum_app::router()).await);
    let c = client();
    let new_user =
        |body: &'static str| c.post(format!("{base}/users")).header("content-type", "application/json").body(body);
    let alice = |body| new_user(body).bearer_auth(ALICE_TOKEN);

    assert_eq!(problem(outcome(c.get(format!("{base}/users/42"))).await), ApiError::UserNotFound(42));
    let body = r#"{"name":"carol","email":"carol@example.com"}"#;
    assert_eq!(problem(outcome(new_user(body)).await), ApiError::Auth(AuthError::missing_token()));
    assert_eq!(problem(outcome(new_user(body).bearer_auth("nope")).await), ApiError::Auth(AuthError::invalid_token()));
    assert_eq!(
        problem(outcome(new_user(body).bearer_auth(BOB_TOKEN)).await),
        ApiError::Auth(AuthError::Forbidden { user: 2, action: "create users".into() })
    );
    assert_eq!(
        problem(outcome(alice(r#"{"name":"alice 2","email":"ALICE@example.com"}"#)).await),
        ApiError::DuplicateEmail { email: "ALICE@example.com".into() }
    );
    assert_eq!(
        problem(outcome(alice(r#"{"name":"x","email":"nope"}"#)).await),
        ApiError::Invalid(r#""nope" is not an email address"#.into())
    );
    let reset = || c.post(format!("{base}/users/1/password-reset"));
    assert!(outcome(reset()).await.is_ok());
    match problem(outcome(reset()).await) {
        ApiError::RateLimited { retry_after } => assert!((59..=60).contains(&retry_after), "{retry_after}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        problem(outcome(c.get(format!("{base}/exports"))).await),
        ApiError::Maintenance { service: "exports".into(), retry_after: MAINTENANCE_RETRY_AFTER }
    );

    // A success is the response, untouched.
    let response = outcome(alice(body)).await.expect("created");
    assert_eq!(response.status(), 201);
    let user: serde_json::Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
    assert_eq!(user["email"], "carol@example.com");
}

#[tokio::test]
async fn what_does_not_decode_is_undecoded_with_its_facts() {
    let base = format!("http://{}", serve(axum_app::router()).await);
    let c = client();
    let undecoded = |outcome| match outcome {
        Err(ClientError::<ApiError>::Undecoded(e)) => e,
        other => panic!("{other:?}"),
    };
    // The masked 500: its source stays on the server; the request id comes along.
    let r = c.get(format!("{base}/users/1/orders")).header("x-request-id", "trace-9").send().await.unwrap();
    assert_eq!(r.headers()["x-request-id"], "trace-9");
    let e = undecoded(r.error_for_problem::<ApiError>().await);
    assert_eq!((e.status().as_u16(), e.title(), e.detail()), (500, Some("Internal Server Error"), None));
    // axum's own errors, rewritten by the ProblemLayer: not `ApiError`s.
    let e = undecoded(outcome(c.get(format!("{base}/nowhere"))).await);
    assert_eq!((e.status().as_u16(), e.title(), e.type_uri()), (404, Some("Not Found"), None));
    let e = undecoded(outcome(c.get(format!("{base}/users/abc"))).await);
    assert_eq!(e.status(), 400);
    assert!(e.detail().unwrap().contains("abc"), "{e}");
}

#[tokio::test]
async fn an_error_body_is_read_up_to_one_mebibyte() {
    const MIB: usize = 1 << 20;
    let app = Router::new()
        .route("/huge", get(|| async { (http::StatusCode::BAD_GATEWAY, "x".repeat(3 * MIB)) }))
        .route("/fine", get(|| async { "ok" }));
    let base = format!("http://{}", serve(app).await);
    let c = client();
    match outcome(c.get(format!("{base}/huge"))).await {
        Err(ClientError::Undecoded(e)) => {
            assert_eq!(e.status(), 502);
            assert_eq!(e.body().len(), MIB);
        }
        other => panic!("{other:?}"),
    }
    let response = outcome(c.get(format!("{base}/fine"))).await.expect("a 200");
    assert_eq!(response.text().await.unwrap(), "ok");
}

#[tokio::test]
async fn what_another_server_sends_is_undecoded() {
    let other = r#"{"type":"https://billing.example/out-of-credit","title":"No credit","status":403,"balance":30}"#;
    let app =
        Router::new()
            .route("/bytes", get(|| async { (http::StatusCode::INTERNAL_SERVER_ERROR, vec![0xff_u8, 0xfe, b'{']) }))
            .route("/html", get(|| async { (http::StatusCode::BAD_GATEWAY, "<html><body>502</body></html>") }))
            .route(
                "/other",
                get(move || async move {
                    (http::StatusCode::FORBIDDEN, [("content-type", "application/problem+json")], other)
                }),
            )
            .route(
                "/blank",
                get(|| async {
                    (http::StatusCode::NOT_FOUND, r#"{"type":"about:blank","title":"Not Found","status":404}"#)
                }),
            )
            .route(
                "/wrong",
                get(|| async { (http::StatusCode::NOT_FOUND, r#"{"type":"about:blank","status":404,"id":"42"}"#) }),
            )
            .route(
                "/deep",
                get(|| async { (http::StatusCode::NOT_FOUND, format!(r#"{{"id":{}1"#, "[".repeat(10_000))) }),
            );
    let base = format!("http://{}", serve(app).await);
    let c = client();
    for (path, status, title) in [
        ("/bytes", 500, None),
        ("/html", 502, None),
        ("/other", 403, Some("No credit")),
        ("/blank", 404, Some("Not Found")),
        ("/wrong", 404, None),
        ("/deep", 404, None),
    ] {
        match outcome(c.get(format!("{base}{path}"))).await {
            Err(ClientError::Undecoded(e)) => assert_eq!((e.status().as_u16(), e.title()), (status, title), "{path}"),
            other => panic!("{path}: {other:?}"),
        }
    }
}

#[tokio::test]
async fn a_request_that_fails_is_transport() {
    // A port that was free a moment ago: nothing listens there.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    match outcome(client().get(format!("http://{addr}/users/1"))).await {
        Err(ClientError::Transport(e)) => assert!(e.is_connect(), "{e}"),
        other => panic!("{other:?}"),
    }
}

/// The response `From<ApiError> for http::Response` builds for `spec`, decoded.
fn decoded(spec: &Spec) -> Result<ApiError, errstatus::Undecoded> {
    let (status, headers, body) = via_http(spec.build());
    let mut map = http::HeaderMap::new();
    for (name, hex) in headers {
        let bytes: Vec<u8> =
            (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect();
        map.append(
            http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
            http::HeaderValue::from_bytes(&bytes).unwrap(),
        );
    }
    ApiError::from_problem(http::StatusCode::from_u16(status).unwrap(), &map, &body)
}

#[test]
fn every_variant_comes_back_from_its_response() {
    let all = [
        Spec::NotFound(42),
        Spec::Duplicate("a@example.com".into()),
        Spec::Invalid("name is empty".into()),
        Spec::NotJson,
        Spec::RateLimited(30),
        Spec::MissingToken,
        Spec::InvalidToken,
        Spec::Forbidden(2),
        Spec::Maintenance("exports", 600),
    ];
    for spec in all {
        assert_eq!(decoded(&spec), Ok(spec.build()), "{spec:?}");
    }
    // The one variant that does not decode: its source is hidden.
    let e = decoded(&Spec::Database("req-7".into())).unwrap_err();
    assert_eq!((e.status().as_u16(), e.title()), (500, Some("Internal Server Error")));
}

proptest! {
    #[test]
    fn arbitrary_values_come_back_from_their_response(spec in spec()) {
        match spec {
            Spec::Database(_) => prop_assert!(decoded(&spec).is_err()),
            _ => prop_assert_eq!(decoded(&spec), Ok(spec.build())),
        }
    }
}
