//! RFC 9457 members (`type`, `title`, `instance`, extension members) through both frameworks:
//! an axum `Router` called with `oneshot` and an actix-web service from `test::init_service`.

mod common;

use actix_web::{test, web, App};
use axum::body::Body;
use axum::http::Request;
use axum::routing::get;
use axum::Router;
use common::BillingError;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

fn error_for(path: &str) -> BillingError {
    match path {
        "/credit" => BillingError::OutOfCredit { balance: 30, cost: 50, account: "/account/12345".into() },
        "/ledger" => BillingError::Ledger { ledger_id: 7, account: "/account/12345".into() },
        _ => BillingError::Migrating { ledger_id: 7, remaining: vec!["copy", "verify"], retry_after: 120 },
    }
}

/// (path, status, retry-after, body)
fn expected() -> Vec<(&'static str, u16, Option<&'static str>, Value)> {
    vec![
        (
            "/credit",
            403,
            None,
            json!({
                "type": "https://errors.example.com/out-of-credit",
                "title": "You do not have enough credit",
                "status": 403,
                "detail": "your balance is 30, the item costs 50",
                "instance": "/account/12345",
                "balance": 30,
                "price": 50,
            }),
        ),
        // Masked 5xx: detail, instance and extension members stay on the server.
        (
            "/ledger",
            500,
            None,
            json!({"type": "https://errors.example.com/ledger", "title": "Internal Server Error", "status": 500}),
        ),
        // 5xx with expose: all of them are sent.
        (
            "/migrating",
            503,
            Some("120"),
            json!({
                "type": "https://errors.example.com/migrating",
                "title": "Ledger migration",
                "status": 503,
                "detail": "ledger 7 is being migrated",
                "ledger_id": 7,
                "steps": ["copy", "verify"],
            }),
        ),
    ]
}

#[tokio::test]
async fn through_axum() {
    let app = Router::new()
        .route("/credit", get(|| async { Err::<(), _>(error_for("/credit")) }))
        .route("/ledger", get(|| async { Err::<(), _>(error_for("/ledger")) }))
        .route("/migrating", get(|| async { Err::<(), _>(error_for("/migrating")) }));
    for (path, status, retry_after, body) in expected() {
        let response = app.clone().oneshot(Request::get(path).body(Body::empty()).unwrap()).await.unwrap();
        assert_eq!(response.status().as_u16(), status, "{path}");
        assert_eq!(response.headers()["content-type"], "application/problem+json");
        assert_eq!(response.headers().get("retry-after").map(|v| v.to_str().unwrap()), retry_after);
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        assert_eq!(serde_json::from_slice::<Value>(&bytes).unwrap(), body, "{path}");
    }
}

#[actix_web::test]
async fn through_actix_web() {
    async fn handler(req: actix_web::HttpRequest) -> Result<&'static str, BillingError> {
        Err(error_for(req.path()))
    }
    let app = test::init_service(App::new().default_service(web::to(handler))).await;
    for (path, status, retry_after, body) in expected() {
        let response = test::call_service(&app, test::TestRequest::get().uri(path).to_request()).await;
        assert_eq!(response.status().as_u16(), status, "{path}");
        assert_eq!(response.headers().get("content-type").unwrap(), "application/problem+json");
        assert_eq!(response.headers().get("retry-after").map(|v| v.to_str().unwrap()), retry_after);
        let bytes = test::read_body(response).await;
        assert_eq!(serde_json::from_slice::<Value>(&bytes).unwrap(), body, "{path}");
    }
}
