//! `#[errstatus(format = errstatus::SerdeJson)]` through axum: a kanidm-style service whose
//! error body is the serde form of its error enum, called with `tower::ServiceExt::oneshot`.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::get;
use axum::Router;
use errstatus::HttpStatus;
use http_body_util::BodyExt;
use tower::ServiceExt;

#[derive(Debug, thiserror::Error, HttpStatus, serde::Serialize)]
#[errstatus(format = errstatus::SerdeJson)]
#[serde(rename_all = "snake_case")]
enum OperationError {
    #[error("no matching entries")]
    #[status(404)]
    NoMatchingEntries,
    #[error("not authenticated")]
    #[status(401)]
    #[header(WWW_AUTHENTICATE = "Bearer")]
    NotAuthenticated,
    #[error("schema violation: {attr}")]
    #[status(400)]
    SchemaViolation { attr: String, reason: String },
    #[error("backend: {0}")]
    #[status(500)]
    Backend(String),
}

fn app() -> Router {
    Router::new()
        .route("/missing", get(|| async { Err::<(), _>(OperationError::NoMatchingEntries) }))
        .route("/auth", get(|| async { Err::<(), _>(OperationError::NotAuthenticated) }))
        .route(
            "/schema",
            get(|| async {
                Err::<(), _>(OperationError::SchemaViolation { attr: "uid".into(), reason: "taken".into() })
            }),
        )
        .route("/backend", get(|| async { Err::<(), _>(OperationError::Backend("db at 10.0.0.3".into())) }))
}

async fn call(path: &str) -> (StatusCode, Option<String>, Option<String>, Vec<u8>) {
    let request = Request::get(path).body(Body::empty()).unwrap();
    let response = app().oneshot(request).await.expect("infallible");
    let value = |name: &str| response.headers().get(name).map(|v| v.to_str().unwrap().to_owned());
    let (ct, auth) = (value("content-type"), value("www-authenticate"));
    let status = response.status();
    let body = response.into_body().collect().await.unwrap().to_bytes().to_vec();
    (status, ct, auth, body)
}

#[tokio::test]
async fn the_body_is_the_errors_serde_form() {
    let json = Some("application/json".to_owned());
    assert_eq!(
        call("/missing").await,
        (StatusCode::NOT_FOUND, json.clone(), None, br#""no_matching_entries""#.to_vec())
    );
    assert_eq!(
        call("/auth").await,
        (StatusCode::UNAUTHORIZED, json.clone(), Some("Bearer".to_owned()), br#""not_authenticated""#.to_vec())
    );
    assert_eq!(
        call("/schema").await,
        (StatusCode::BAD_REQUEST, json, None, br#"{"schema_violation":{"attr":"uid","reason":"taken"}}"#.to_vec())
    );
}

#[tokio::test]
async fn a_hidden_5xx_has_no_body() {
    assert_eq!(call("/backend").await, (StatusCode::INTERNAL_SERVER_ERROR, None, None, Vec::new()));
}
