//! Feature `utoipa`: the OpenAPI documents that the services serve, built by utoipa's
//! `OpenApi` derive from `responses(..., Error)` with each service's error type, and
//! `IntoResponses` on its own for extension members.

mod common;

use std::collections::BTreeMap;

use actix_web::test as actix_test;
use actix_web::web;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::BillingError;
use errstatus::HttpStatus;
use errstatus_examples::store::Store;
use errstatus_examples::{actix_app, axum_app, openapi, ACTIX_PORT, AXUM_PORT};
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

async fn served_actix_document() -> Value {
    let app = actix_test::init_service(actix_app::app(web::Data::new(Store::new()), ACTIX_PORT)).await;
    let response =
        actix_test::call_service(&app, actix_test::TestRequest::get().uri("/openapi.json").to_request()).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers().get("content-type").unwrap(), "application/json");
    serde_json::from_slice(&actix_test::read_body(response).await).expect("the document is JSON")
}

/// `(path, method)` of every operation of a document.
fn operations(doc: &Value) -> Vec<(String, String)> {
    let mut ops = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            ops.push((path.clone(), method.clone()));
        }
    }
    ops
}

fn problem_schema(response: &Value) -> &Value {
    &response["content"]["application/problem+json"]["schema"]
}

fn examples(response: &Value) -> &serde_json::Map<String, Value> {
    response["content"]["application/problem+json"]["examples"].as_object().expect("named examples")
}

/// The statuses of a service's error type, as the document's response keys.
fn codes<E: HttpStatus>() -> Vec<String> {
    E::statuses().iter().map(|s| s.as_u16().to_string()).collect()
}

#[tokio::test]
async fn every_status_of_the_error_type_is_a_response() {
    let doc = served_document().await;
    let responses = doc["paths"]["/users/{id}"]["get"]["responses"].as_object().unwrap();
    let keys: Vec<&str> = responses.keys().map(String::as_str).collect();
    assert_eq!(keys, ["200", "304", "400", "401", "403", "404", "409", "413", "415", "422", "429", "500", "503"]);
    // The same list as HttpStatus::statuses() of the service's error type: ApiError (with the
    // transparent AuthError) and axum's JsonRejection and PathRejection.
    assert_eq!(keys[2..], codes::<axum_app::ServiceError>()[..]);
    // Every operation lists them.
    for (path, op) in operations(&doc) {
        let r = doc["paths"][&path][&op]["responses"].as_object().unwrap();
        for code in codes::<axum_app::ServiceError>() {
            assert!(r.contains_key(&code), "{op} {path}: {code}");
        }
    }

    // actix-web's: its JsonPayloadError and PathError have no 415 or 422 of their own (ApiError
    // has).
    let doc = served_actix_document().await;
    let responses = doc["paths"]["/users/{id}"]["get"]["responses"].as_object().unwrap();
    let keys: Vec<&str> = responses.keys().map(String::as_str).collect();
    assert_eq!(keys[2..], codes::<actix_app::ServiceError>()[..]);
    assert_eq!(
        codes::<actix_app::ServiceError>(),
        ["400", "401", "403", "404", "409", "413", "415", "422", "429", "500", "503"]
    );
    let examples400 = examples(&responses["400"]);
    assert!(examples400.contains_key("ContentType"), "{:?}", examples400.keys());
}

#[tokio::test]
async fn each_service_names_itself_as_the_server() {
    for (doc, port) in [(served_document().await, AXUM_PORT), (served_actix_document().await, ACTIX_PORT)] {
        assert_eq!(doc["servers"][0]["url"], "http://127.0.0.1:{port}");
        assert_eq!(doc["servers"][0]["variables"]["port"]["default"], port.to_string());
    }
    // A service on another port says so.
    let doc: Value = serde_json::from_str(&openapi::axum_json(41234)).unwrap();
    assert_eq!(doc["servers"][0]["variables"]["port"]["default"], "41234");
}

#[tokio::test]
async fn only_post_users_needs_the_bearer_token() {
    for doc in [served_document().await, served_actix_document().await] {
        assert_eq!(
            doc["components"]["securitySchemes"][openapi::BEARER],
            json!({
                "type": "http",
                "scheme": "bearer",
                "description": "`Authorization: Bearer <token>`: `token-alice` (an admin) or `token-bob`",
            })
        );
        for (path, op) in operations(&doc) {
            let security = &doc["paths"][&path][&op]["security"];
            let expected = if (path.as_str(), op.as_str()) == ("/users", "post") {
                json!([{"bearerAuth": []}])
            } else {
                json!([{}])
            };
            assert_eq!(*security, expected, "{op} {path}");
        }
    }
}

#[tokio::test]
async fn the_request_body_has_the_rules_the_service_checks() {
    let doc = served_document().await;
    let body = &doc["paths"]["/users"]["post"]["requestBody"];
    assert_eq!(body["required"], true);
    assert_eq!(body["content"]["application/json"]["schema"], json!({"$ref": "#/components/schemas/NewUser"}));
    let schema = &doc["components"]["schemas"]["NewUser"];
    assert_eq!(schema["additionalProperties"], false);
    assert_eq!(schema["required"], json!(["name", "email"]));
    let name = &schema["properties"]["name"];
    assert_eq!(
        (&name["minLength"], &name["maxLength"], &name["pattern"]),
        (&json!(1), &json!(100), &json!("[^ \\t\\n\\r]"))
    );
    let email = &schema["properties"]["email"];
    assert_eq!(
        (&email["minLength"], &email["maxLength"], &email["pattern"]),
        (&json!(3), &json!(254), &json!("[^@]@[^@]"))
    );
}

#[tokio::test]
async fn header_fields_every_response_of_a_status_sends_are_required() {
    let doc = served_document().await;
    let mut required = Vec::new();
    let mut optional = Vec::new();
    for (path, op) in operations(&doc) {
        for (code, response) in doc["paths"][&path][&op]["responses"].as_object().unwrap() {
            for (name, header) in response["headers"].as_object().into_iter().flatten() {
                let list = if header["required"] == true { &mut required } else { &mut optional };
                list.push(format!("{code} {name}"));
            }
        }
    }
    required.sort();
    required.dedup();
    optional.sort();
    optional.dedup();
    let expected: Vec<String> = openapi::REQUIRED_HEADERS.iter().map(|(code, name)| format!("{code} {name}")).collect();
    assert_eq!(required, expected);
    // A masked 500 of ApiError::Database sends one; axum's own 500s do not.
    assert_eq!(optional, ["500 x-request-id"]);
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

#[tokio::test]
async fn the_simulated_outages_and_the_responses_without_them_are_documented() {
    for doc in [served_document().await, served_actix_document().await] {
        let exports = &doc["paths"]["/exports"]["get"]["responses"];
        let ok = exports["200"]["content"].as_object().unwrap();
        assert_eq!(ok.keys().collect::<Vec<_>>(), ["application/json"]);
        assert_eq!(
            ok["application/json"]["schema"],
            json!({"type": "array", "items": {"$ref": "#/components/schemas/User"}})
        );
        assert!(problem_schema(&exports["503"]).is_object());
        assert_eq!(exports["503"]["headers"]["retry-after"]["required"], true);

        let orders = &doc["paths"]["/users/{id}/orders"]["get"]["responses"];
        assert_eq!(
            orders["200"]["content"]["application/json"]["schema"],
            json!({"type": "array", "items": {"$ref": "#/components/schemas/Order"}})
        );
        assert!(problem_schema(&orders["500"]).is_object());
    }
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
