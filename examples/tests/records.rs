//! The `ErrorRecord` of every error response, read by each service's outermost middleware (a
//! tower layer for axum, a `wrap_fn` for actix-web) into its access log: the service's own
//! errors (through transparent variants: the inner type's name and code), extractor rejections,
//! and the framework's own errors that `ProblemLayer` / `ProblemMiddleware` rewrote. Through the
//! real frameworks: axum's Router with `oneshot`, actix-web's `init_service`.

use std::sync::Arc;

use actix_web::{test, web};
use axum::body::Body;
use axum::http::{Method, Request};
use errstatus::ErrorRecord;
use errstatus_examples::store::Store;
use errstatus_examples::{actix_app, axum_app, ACTIX_PORT, AXUM_PORT};
use tower::ServiceExt;

/// The requests both services answer alike, and the access-log line of each; `{fw}` is the
/// framework's name (the type name of its own errors).
const EXCHANGES: &[(&str, &str, &str)] = &[
    ("GET", "/users/1", "GET /users/1 200"),
    ("GET", "/users/999", "GET /users/999 404 ApiError USER_NOT_FOUND"),
    ("POST", "/users", "POST /users 401 AuthError MISSING_TOKEN"),
    ("GET", "/users/1/orders", "GET /users/1/orders 500 ApiError DATABASE (detail hidden)"),
    ("GET", "/exports", "GET /exports 503 ApiError MAINTENANCE"),
    ("GET", "/nowhere", "GET /nowhere 404 {fw} NOT_FOUND"),
    ("DELETE", "/users/1", "DELETE /users/1 405 {fw} METHOD_NOT_ALLOWED"),
];

fn expected(framework: &str) -> Vec<String> {
    EXCHANGES.iter().map(|(_, _, line)| line.replace("{fw}", framework)).collect()
}

#[tokio::test]
async fn axum_layer_reads_the_record_of_every_error_response() {
    let store = Arc::new(Store::new());
    let app = axum_app::router_with(Arc::clone(&store), AXUM_PORT);
    for &(method, uri, _) in EXCHANGES {
        let request = Request::builder().method(Method::from_bytes(method.as_bytes()).unwrap()).uri(uri);
        let response = app.clone().oneshot(request.body(Body::empty()).unwrap()).await.unwrap();
        // The record stays on the response for any outer layer too.
        let record = response.extensions().get::<ErrorRecord>().copied();
        assert_eq!(record.is_some(), response.status().as_u16() >= 400, "{method} {uri}");
        if let Some(record) = record {
            assert_eq!(record.status(), response.status(), "{method} {uri}");
        }
    }
    assert_eq!(store.access_log().lines(), expected("axum"));
}

#[tokio::test]
async fn axum_rejection_records_name_the_rejection_type() {
    let store = Arc::new(Store::new());
    let app = axum_app::router_with(Arc::clone(&store), AXUM_PORT);
    let request = Request::get("/users/abc").body(Body::empty()).unwrap();
    let response = app.oneshot(request).await.unwrap();
    let record = *response.extensions().get::<ErrorRecord>().unwrap();
    assert_eq!((record.status().as_u16(), record.code()), (400, "BAD_REQUEST"));
    assert!(record.type_name().ends_with("PathRejection"), "{record:?}");
    assert!(!record.detail_hidden());
}

#[actix_web::test]
async fn actix_middleware_reads_the_record_of_every_error_response() {
    let store = web::Data::new(Store::new());
    let app = test::init_service(actix_app::app(store.clone(), ACTIX_PORT)).await;
    for &(method, uri, _) in EXCHANGES {
        let request = test::TestRequest::default().method(method.parse().unwrap()).uri(uri).to_request();
        let response = test::call_service(&app, request).await;
        let record = response.response().extensions().get::<ErrorRecord>().copied();
        assert_eq!(record.is_some(), response.status().as_u16() >= 400, "{method} {uri}");
    }
    assert_eq!(store.access_log().lines(), expected("actix-web"));
}
