//! Feature `aide`: the OpenAPI document aide generates for an axum router whose handlers
//! return `Result<_, E>` lists E's error responses, the same ones the `utoipa` feature
//! documents; checked on the serialized JSON.

use aide::axum::routing::get;
use aide::axum::ApiRouter;
use aide::openapi::OpenApi;
use axum::extract::Path;
use axum::Json;
use errstatus::http::StatusCode;
use errstatus::HttpStatus;
use errstatus_examples::error::ApiError;
use serde_json::{json, Map, Value};

#[derive(serde::Serialize, schemars::JsonSchema)]
struct User {
    id: u64,
    name: String,
}

/// The path parameters of `/users/{id}`, named so that aide documents them.
#[derive(serde::Deserialize, schemars::JsonSchema)]
struct UserPath {
    /// The user's id.
    id: u64,
}

async fn get_user(Path(UserPath { id }): Path<UserPath>) -> Result<Json<User>, ApiError> {
    match id {
        1 => Ok(Json(User { id, name: "alice".to_owned() })),
        _ => Err(ApiError::UserNotFound(id)),
    }
}

/// A member type with a schema (a named one: a `$ref` to the document's components).
#[derive(serde::Serialize, schemars::JsonSchema)]
struct Money {
    amount: u64,
    currency: String,
}

/// A member type without one (`serde::Serialize` is all an extension member needs).
#[derive(serde::Serialize)]
struct Opaque(u8);

#[derive(Debug, thiserror::Error, HttpStatus)]
#[problem(type = "https://errors.example.com/")]
#[allow(dead_code)] // documented, never sent
enum BillingError {
    /// Not enough credit for the item.
    #[error("your balance is {balance:?}")]
    #[status(403)]
    OutOfCredit {
        #[problem(extension)]
        balance: Money,
        #[problem(extension = "tries")]
        attempts: u32,
        #[problem(extension)]
        token: Opaque,
        #[problem(instance)]
        account: String,
    },
    /// What the payment provider answered.
    #[error("provider failed")]
    Provider {
        #[status]
        status: StatusCode,
    },
    /// The ledger is corrupt.
    #[error("ledger {ledger_id} is corrupt")]
    #[status(500)]
    Ledger {
        #[problem(extension)]
        ledger_id: u32,
    },
}

impl std::fmt::Debug for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.amount, self.currency)
    }
}

impl std::fmt::Debug for Opaque {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Opaque")
    }
}

async fn pay() -> Result<String, BillingError> {
    Ok("paid".to_owned())
}

/// The document of a router with both handlers, as JSON.
fn document() -> Value {
    let mut api = OpenApi::default();
    let _router: axum::Router =
        ApiRouter::new().api_route("/users/{id}", get(get_user)).api_route("/pay", get(pay)).finish_api(&mut api);
    serde_json::to_value(&api).expect("the document serializes")
}

fn responses<'a>(doc: &'a Value, path: &str) -> &'a Map<String, Value> {
    doc["paths"][path]["get"]["responses"].as_object().expect("responses")
}

fn problem(response: &Value) -> &Value {
    &response["content"]["application/problem+json"]
}

#[test]
fn every_status_of_the_error_type_is_a_response() {
    let doc = document();
    let responses = responses(&doc, "/users/{id}");
    let codes: Vec<&str> = responses.keys().map(String::as_str).collect();
    assert_eq!(codes, ["200", "401", "403", "404", "409", "415", "422", "429", "500", "503"]);
    // The same list as HttpStatus::statuses(), transparent AuthError included.
    let statuses: Vec<String> = ApiError::statuses().iter().map(|s| s.as_u16().to_string()).collect();
    assert_eq!(codes[1..], statuses.iter().map(String::as_str).collect::<Vec<_>>()[..]);
    // The success response is aide's, from `Json<User>`.
    assert!(responses["200"]["content"]["application/json"]["schema"].is_object(), "{}", responses["200"]);
}

#[test]
fn every_variant_of_a_shared_status_is_a_named_example() {
    let doc = document();
    let r401 = &responses(&doc, "/users/{id}")["401"];
    let description = r401["description"].as_str().unwrap();
    assert!(description.starts_with("Unauthorized\n\n"), "{description}");
    assert!(description.contains("`AuthError::MissingToken`: No `Authorization: Bearer ...` header field."));
    assert!(description.contains("`AuthError::InvalidToken`: A token that is not (or no longer) valid."));
    assert_eq!(r401["headers"]["www-authenticate"]["schema"], json!({"type": "string"}));
    let examples = problem(r401)["examples"].as_object().unwrap();
    // (serde_json's map sorts the names.)
    assert_eq!(examples.keys().collect::<Vec<_>>(), ["AuthError::InvalidToken", "AuthError::MissingToken"]);
    assert_eq!(
        examples["AuthError::MissingToken"]["value"],
        json!({"type": "about:blank", "title": "Unauthorized", "status": 401, "detail": "missing bearer token"})
    );
    // A masked 5xx: no detail in the schema or the example.
    let r500 = &responses(&doc, "/users/{id}")["500"];
    assert_eq!(r500["headers"]["x-request-id"]["schema"], json!({"type": "string"}));
    let schema = &problem(r500)["schema"];
    assert_eq!(schema["required"], json!(["type", "title", "status"]));
    assert!(schema["properties"].get("detail").is_none(), "{schema}");
    let example = &problem(r500)["examples"]["ApiError::Database"]["value"];
    assert_eq!(*example, json!({"type": "about:blank", "title": "Internal Server Error", "status": 500}));
}

#[test]
fn extension_members_have_their_schemas_and_run_time_statuses_are_the_default() {
    let doc = document();
    let responses = responses(&doc, "/pay");
    assert_eq!(responses.keys().collect::<Vec<_>>(), ["200", "403", "500", "default"]);
    let properties = &problem(&responses["403"])["schema"]["properties"];
    assert_eq!(properties["type"], json!({"type": "string", "format": "uri-reference"}));
    assert_eq!(properties["status"], json!({"type": "integer", "minimum": 100, "maximum": 599}));
    assert_eq!(properties["instance"], json!({"type": "string"}));
    // A named type with a schema: a reference, its definition in the components.
    assert_eq!(properties["balance"], json!({"$ref": "#/components/schemas/Money"}));
    let money = &doc["components"]["schemas"]["Money"];
    assert_eq!(money["properties"]["currency"]["type"], "string", "{money}");
    assert_eq!(properties["tries"]["type"], "integer");
    assert_eq!(
        properties["token"],
        json!({"description": "Any JSON value: the type of this member does not implement `schemars::JsonSchema`."})
    );
    // The 5xx hides its extension member.
    assert!(problem(&responses["500"])["schema"]["properties"].get("ledger_id").is_none());
    // The status the provider answered is not known before: the default response, no example.
    let default = &responses["default"];
    assert_eq!(
        default["description"],
        "A status decided at run time\n\n`BillingError::Provider`: What the payment provider answered."
    );
    assert!(problem(default).get("examples").is_none(), "{default}");
}

/// A response of utoipa's `IntoResponses` or of aide's document, reduced to what both write the
/// same way: description, header names, content-types, examples and schemas.
fn essentials(response: &Value) -> Value {
    let headers: Vec<&String> = response["headers"].as_object().map(|h| h.keys().collect()).unwrap_or_default();
    let content: Map<String, Value> = response["content"]
        .as_object()
        .map(|c| {
            c.iter()
                .map(|(ct, media)| (ct.clone(), json!({"schema": media["schema"], "examples": media["examples"]})))
                .collect()
        })
        .unwrap_or_default();
    json!({"description": response["description"], "headers": headers, "content": content})
}

#[test]
fn aide_documents_the_responses_utoipa_documents() {
    let doc = document();
    for (path, utoipa) in [
        ("/users/{id}", serde_json::to_value(<ApiError as utoipa::IntoResponses>::responses()).unwrap()),
        ("/pay", serde_json::to_value(<BillingError as utoipa::IntoResponses>::responses()).unwrap()),
    ] {
        let aide = responses(&doc, path);
        let utoipa = utoipa.as_object().unwrap();
        assert_eq!(aide.keys().filter(|k| *k != "200").collect::<Vec<_>>(), utoipa.keys().collect::<Vec<_>>());
        for (code, response) in utoipa {
            let (mut a, mut u) = (essentials(&aide[code]), essentials(response));
            // Extension member schemas come from different generators (schemars, utoipa).
            for doc in [&mut a, &mut u] {
                if let Some(p) = doc.pointer_mut("/content/application~1problem+json/schema/properties") {
                    for member in ["balance", "tries", "token", "id", "user"] {
                        p.as_object_mut().unwrap().remove(member);
                    }
                }
            }
            assert_eq!(a, u, "{path} {code}");
        }
    }
}

/// The document a service would serve, written to `<target dir>/api-testers/aide-openapi.json`:
/// `.ci/api-testers.sh` lints it with Redocly CLI (recommended rules), the validator the example
/// services' documents go through, and fails on any finding.
#[test]
fn document_for_the_validator() {
    use aide::openapi::{Info, License, Server};
    let mut api = OpenApi {
        info: Info {
            title: "errstatus aide example".to_owned(),
            version: "1.0.0".to_owned(),
            description: Some("An axum router documented by aide, its errors by errstatus".to_owned()),
            license: Some(License {
                name: "MIT OR Apache-2.0".to_owned(),
                identifier: Some("MIT OR Apache-2.0".to_owned()),
                ..License::default()
            }),
            ..Info::default()
        },
        servers: vec![Server { url: "http://127.0.0.1:3000".to_owned(), ..Server::default() }],
        ..OpenApi::default()
    };
    let _router: axum::Router = ApiRouter::new()
        .api_route(
            "/users/{id}",
            aide::axum::routing::get_with(get_user, |op| {
                let mut op = op.id("getUser").summary("Look a user up");
                op.inner_mut().security = vec![Default::default()];
                op
            }),
        )
        .api_route(
            "/pay",
            aide::axum::routing::get_with(pay, |op| {
                let mut op = op.id("pay").summary("Pay");
                op.inner_mut().security = vec![Default::default()];
                op
            }),
        )
        .finish_api(&mut api);
    // aide keeps the path struct's schema among the components, though the parameter is
    // inlined: an unused component (Redocly's `no-unused-components`).
    if let Some(components) = api.components.as_mut() {
        components.schemas.shift_remove("UserPath");
    }
    let doc = serde_json::to_string_pretty(&api).expect("the document serializes");
    // Cargo's target directory, as .ci/api-testers.sh finds it: CARGO_TARGET_DIR when set
    // (relative to the workspace), else the workspace's target/.
    let workspace = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| workspace.join("target"), |t| workspace.join(t));
    let dir = target.join("api-testers");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("aide-openapi.json"), doc).unwrap();
}
