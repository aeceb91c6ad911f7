//! Feature `utoipa`: the OpenAPI document that the axum service serves, built by utoipa's
//! `OpenApi` derive from `responses(..., ApiError)`, and `IntoResponses` on its own for
//! extension members.

mod common;

use std::collections::BTreeMap;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::BillingError;
use errstatus::HttpStatus;
use errstatus_examples::axum_app;
use errstatus_examples::error::ApiError;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;
use utoipa::IntoResponses;

async fn served_document() -> Value {
    let request = Request::get("/openapi.json").body(Body::empty()).unwrap();
    let response = axum_app::router().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "application/json");
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    serde_json::from_slice(&bytes).expect("the document is JSON")
}

fn problem_schema(response: &Value) -> &Value {
    &response["content"]["application/problem+json"]["schema"]
}

fn examples(response: &Value) -> &serde_json::Map<String, Value> {
    response["content"]["application/problem+json"]["examples"].as_object().expect("named examples")
}

#[tokio::test]
async fn every_status_of_the_error_type_is_a_response() {
    let doc = served_document().await;
    let responses = doc["paths"]["/users/{id}"]["get"]["responses"].as_object().unwrap();
    let codes: Vec<&str> = responses.keys().map(String::as_str).collect();
    assert_eq!(codes, ["200", "401", "403", "404", "409", "415", "422", "429", "500", "503"]);
    // The same list as HttpStatus::statuses(), transparent AuthError included.
    let statuses: Vec<String> = ApiError::statuses().iter().map(|s| s.as_u16().to_string()).collect();
    assert_eq!(codes[1..], statuses.iter().map(String::as_str).collect::<Vec<_>>()[..]);
    // Every operation lists them.
    for (path, op) in [("/users", "post"), ("/users/{id}/password-reset", "post"), ("/exports", "get")] {
        let r = doc["paths"][path][op]["responses"].as_object().unwrap();
        assert!(r.contains_key("429") && r.contains_key("500"), "{path}");
    }
}

#[tokio::test]
async fn variants_sharing_a_status_are_all_shown_as_named_examples() {
    let doc = served_document().await;
    let r401 = &doc["paths"]["/users/{id}"]["get"]["responses"]["401"];
    let description = r401["description"].as_str().unwrap();
    assert!(description.starts_with("Unauthorized"), "{description}");
    assert!(
        description.contains("`AuthError::MissingToken`: No `Authorization: Bearer ...` header field."),
        "{description}"
    );
    assert!(
        description.contains("`AuthError::InvalidToken`: A token that is not (or no longer) valid."),
        "{description}"
    );
    let ex = examples(r401);
    assert_eq!(ex.len(), 2);
    assert_eq!(
        ex["AuthError::MissingToken"]["value"],
        json!({"type": "about:blank", "title": "Unauthorized", "status": 401, "detail": "missing bearer token"})
    );
    assert_eq!(ex["AuthError::InvalidToken"]["value"]["detail"], "invalid or expired bearer token");
    assert_eq!(r401["headers"]["www-authenticate"]["schema"]["type"], "string");
}

#[tokio::test]
async fn schemas_follow_rfc_9457_and_hide_masked_members() {
    let doc = served_document().await;
    let responses = &doc["paths"]["/users/{id}"]["get"]["responses"];
    let s404 = problem_schema(&responses["404"]);
    assert_eq!(s404["type"], "object");
    assert_eq!(s404["required"], json!(["type", "title", "status"]));
    assert_eq!(s404["properties"]["status"], json!({"type": "integer", "minimum": 100, "maximum": 599}));
    assert_eq!(s404["properties"]["detail"]["type"], "string");
    assert_eq!(examples(&responses["404"])["ApiError::UserNotFound"]["value"]["title"], "Not Found");
    // The format string with its placeholders marked: a tuple field shows its type.
    assert_eq!(examples(&responses["404"])["ApiError::UserNotFound"]["value"]["detail"], "user <u64> not found");
    // A masked 500: no detail in the schema or the example; its header field is documented.
    let r500 = &responses["500"];
    assert!(problem_schema(r500)["properties"].get("detail").is_none());
    assert_eq!(
        examples(r500)["ApiError::Database"]["value"],
        json!({"type": "about:blank", "title": "Internal Server Error", "status": 500})
    );
    assert_eq!(r500["headers"]["x-request-id"]["schema"]["type"], "string");
    // An exposed 503 documents its detail and Retry-After.
    let r503 = &responses["503"];
    assert_eq!(problem_schema(r503)["properties"]["detail"]["type"], "string");
    assert_eq!(r503["headers"]["retry-after"]["schema"]["type"], "string");
    assert_eq!(responses["429"]["headers"]["retry-after"]["schema"]["type"], "string");
    // IANA phrases, not the http crate's.
    assert!(responses["422"]["description"].as_str().unwrap().starts_with("Unprocessable Content"));
}

#[test]
fn extension_members_are_in_the_schema_and_types_in_the_examples() {
    let responses: BTreeMap<_, _> = BillingError::responses();
    let doc = serde_json::to_value(&responses).unwrap();
    let r403 = &doc["403"];
    let props = &problem_schema(r403)["properties"];
    assert_eq!(props["balance"]["type"], "integer");
    assert_eq!(props["price"]["type"], "integer");
    assert_eq!(props["instance"]["type"], "string");
    assert_eq!(
        examples(r403)["BillingError::OutOfCredit"]["value"],
        json!({
            "type": "https://errors.example.com/out-of-credit",
            "title": "You do not have enough credit",
            "status": 403,
            "detail": "your balance is <balance>, the item costs <cost>",
        })
    );
    // 5xx extensions are hidden like the detail.
    let props500 = &problem_schema(&doc["500"])["properties"];
    assert!(props500.get("ledger_id").is_none());
    assert_eq!(examples(&doc["500"])["BillingError::Ledger"]["value"]["type"], "https://errors.example.com/ledger");
}
