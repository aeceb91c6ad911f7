//! The catalogue of the example services' errors: served as HTML at `/errors` by both services
//! (axum through `errstatus::axum::catalog_routes`, actix-web through `Catalog::pages`), linked
//! from each error response of their OpenAPI documents, and written as Markdown by
//! `cargo run --example catalog`.

use actix_web::test as actix_test;
use actix_web::web;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use errstatus_examples::store::Store;
use errstatus_examples::{actix_app, axum_app, openapi, ACTIX_PORT, AXUM_PORT, CATALOG_PATH};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

/// Every entry of the services' error type: the API's own, through `ServiceError`'s transparent
/// variants (the framework rejections, with hand-written impls, list none).
const CODES: &[&str] = &[
    "USER_NOT_FOUND",
    "DUPLICATE_EMAIL",
    "INVALID",
    "NOT_JSON",
    "RATE_LIMITED",
    "MISSING_TOKEN",
    "INVALID_TOKEN",
    "FORBIDDEN",
    "DATABASE",
    "MAINTENANCE",
];

#[test]
fn both_services_have_one_catalogue() {
    let axum = errstatus::catalog::<axum_app::ServiceError>();
    let actix = errstatus::catalog::<actix_app::ServiceError>();
    assert_eq!(axum, actix);
    let codes: Vec<&str> = axum.entries().iter().map(|e| e.code()).collect();
    assert_eq!(codes, CODES);
    let markdown = axum.to_markdown();
    for code in CODES {
        assert!(markdown.contains(&format!("### `{code}`")), "{code}");
    }
    assert!(markdown.contains("`GET /users/{id}` for an id nobody has."));
}

async fn axum_get(path: &str) -> (StatusCode, String, String) {
    let app = axum_app::router_with(std::sync::Arc::new(Store::new()), AXUM_PORT);
    let response = app.oneshot(Request::get(path).body(Body::empty()).unwrap()).await.unwrap();
    let status = response.status();
    let content_type = response.headers()["content-type"].to_str().unwrap().to_owned();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, content_type, String::from_utf8(body.to_vec()).unwrap())
}

async fn actix_get(path: &str) -> (StatusCode, String, String) {
    let app = actix_test::init_service(actix_app::app(web::Data::new(Store::new()), ACTIX_PORT)).await;
    let response = actix_test::call_service(&app, actix_test::TestRequest::get().uri(path).to_request()).await;
    let status = StatusCode::from_u16(response.status().as_u16()).unwrap();
    let content_type = response.headers().get("content-type").unwrap().to_str().unwrap().to_owned();
    let body = actix_test::read_body(response).await;
    (status, content_type, String::from_utf8(body.to_vec()).unwrap())
}

fn check_index(index: &str) {
    for code in CODES {
        assert!(index.contains(&format!(r#"<tr id="{code}"><td><code>{code}</code></td>"#)), "{code} in {index}");
    }
}

const NOT_FOUND: &str = r#"{"type":"about:blank","title":"Not Found","status":404}"#;

#[tokio::test]
async fn the_axum_service_serves_its_catalogue() {
    let (status, content_type, index) = axum_get(CATALOG_PATH).await;
    assert_eq!((status, content_type.as_str()), (StatusCode::OK, "text/html; charset=utf-8"));
    check_index(&index);
    let (status, content_type, body) = axum_get("/errors/no-such-page").await;
    assert_eq!(
        (status, content_type.as_str(), body.as_str()),
        (StatusCode::NOT_FOUND, "application/problem+json", NOT_FOUND)
    );
}

#[actix_web::test]
async fn the_actix_service_serves_its_catalogue() {
    let (status, content_type, index) = actix_get(CATALOG_PATH).await;
    assert_eq!((status, content_type.as_str()), (StatusCode::OK, "text/html; charset=utf-8"));
    check_index(&index);
    let (status, content_type, body) = actix_get("/errors/no-such-page").await;
    assert_eq!(
        (status, content_type.as_str(), body.as_str()),
        (StatusCode::NOT_FOUND, "application/problem+json", NOT_FOUND)
    );
}

/// Each error response of both documents links every entry of its status to where the
/// catalogue documents it (its type URI's page, else its row on the index), and both services
/// serve that page.
#[actix_web::test]
async fn the_documents_link_each_error_response_to_the_catalogue() {
    let catalog = errstatus::catalog::<axum_app::ServiceError>();
    let pages = catalog.pages(CATALOG_PATH);
    for document in [openapi::axum_json(AXUM_PORT), openapi::actix_json(ACTIX_PORT)] {
        let doc: Value = serde_json::from_str(&document).unwrap();
        let mut linked = Vec::new();
        for item in doc["paths"].as_object().unwrap().values() {
            for operation in item.as_object().unwrap().values() {
                for (status, response) in operation["responses"].as_object().unwrap() {
                    let description = response["description"].as_str().unwrap();
                    let Ok(status) = status.parse::<u16>() else { continue };
                    if status < 400 {
                        assert!(!description.contains("catalogue"), "{description}");
                        continue;
                    }
                    for e in catalog.entries().iter().filter(|e| e.statuses().iter().any(|s| s.as_u16() == status)) {
                        let link = format!("[`{}`]({})", e.code(), pages.href(e));
                        assert!(description.contains(&link), "{link} in {description}");
                        linked.push(e.code());
                    }
                }
            }
        }
        for code in CODES {
            assert!(linked.contains(code), "{code} is linked");
        }
    }
    let users = &serde_json::from_str::<Value>(&openapi::axum_json(AXUM_PORT)).unwrap()["paths"]["/users/{id}"];
    let description = users["get"]["responses"]["404"]["description"].as_str().unwrap();
    assert!(
        description.ends_with("\n\nIn the error catalogue: [`USER_NOT_FOUND`](/errors#USER_NOT_FOUND)"),
        "{description}"
    );
    for e in catalog.entries() {
        let href = pages.href(e);
        let path = href.split('#').next().unwrap();
        for (status, content_type, html) in [axum_get(path).await, actix_get(path).await] {
            assert_eq!((status, content_type.as_str()), (StatusCode::OK, "text/html; charset=utf-8"), "{href}");
            assert!(html.contains(&format!("<code>{}</code>", e.code())), "{href}");
        }
    }
}
