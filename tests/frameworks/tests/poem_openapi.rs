//! Feature `poem-openapi`: operations of an `OpenApiService` that return
//! `Result<Json<T>, ApiError>`, their document (one response per status of `ApiError`, the
//! problem+json schema, header fields, doc comments) and their responses through poem's
//! `TestClient`, which are `http::Response::from(err)`; and the error of a poem-openapi service
//! (`#[derive(ApiResponse)]` with plain-text bodies) ported to a derived type with a custom
//! format, which answers with the original's status, header fields and body bytes.

use errstatus::{Details, Format, HttpStatus};
use errstatus_examples::error::ApiError;
use errstatus_frameworks::{failure, Reply, CASES};
use poem::test::{TestClient, TestResponse};
use poem::Route;
use poem_openapi::param::Path;
use poem_openapi::payload::{Json, PlainText};
use poem_openapi::{ApiResponse, Object, OpenApi, OpenApiService};
use serde_json::{json, Value};

#[derive(Object)]
struct User {
    id: u64,
    name: String,
}

/// The original error of a poem-openapi service: one response type per operation.
#[derive(ApiResponse)]
enum FindPetError {
    /// No pet with this id.
    #[oai(status = 404)]
    NotFound(PlainText<String>),
    /// Too many look-ups: retry later.
    #[oai(status = 429)]
    TooMany(PlainText<String>, #[oai(header = "Retry-After")] u64),
}

/// The body of the original: the message as text.
struct Text;

impl Format for Text {
    const CONTENT_TYPE: &'static str = "text/plain; charset=utf-8";

    fn write(d: &Details<'_>, out: &mut String) {
        out.push_str(&d.detail().map_or_else(|| d.title().to_owned(), |t| t.to_string()));
    }

    fn schema() -> Option<Value> {
        Some(json!({ "type": "string" }))
    }
}

/// The same error, ported: the status, header field and body of each variant are the
/// original's.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(format = Text)]
enum PetError {
    /// No pet with this id.
    #[error("pet {0} not found")]
    #[status(404)]
    NotFound(u64),
    /// Too many look-ups: retry later.
    #[error("slow down")]
    #[status(429)]
    TooMany {
        #[header(RETRY_AFTER)]
        retry_after: u64,
    },
}

struct Api;

#[OpenApi]
impl Api {
    /// One user.
    #[oai(path = "/users/:id", method = "get")]
    async fn user(&self, id: Path<u64>) -> Result<Json<User>, ApiError> {
        match id.0 {
            1 => Ok(Json(User { id: 1, name: "alice".to_owned() })),
            id => Err(ApiError::UserNotFound(id)),
        }
    }

    /// Each error of the framework tests.
    #[oai(path = "/fail/:name", method = "get")]
    async fn fail(&self, name: Path<String>) -> Result<Json<User>, ApiError> {
        Err(failure(&name))
    }

    /// The original service's operation.
    #[oai(path = "/original/pets/:id", method = "get")]
    async fn original(&self, id: Path<u64>) -> Result<Json<String>, FindPetError> {
        match id.0 {
            0 => Err(FindPetError::TooMany(PlainText("slow down".to_owned()), 30)),
            id => Err(FindPetError::NotFound(PlainText(format!("pet {id} not found")))),
        }
    }

    /// The ported operation.
    #[oai(path = "/pets/:id", method = "get")]
    async fn pet(&self, id: Path<u64>) -> Result<Json<String>, PetError> {
        match id.0 {
            0 => Err(PetError::TooMany { retry_after: 30 }),
            id => Err(PetError::NotFound(id)),
        }
    }
}

fn service() -> OpenApiService<Api, ()> {
    OpenApiService::new(Api, "errstatus", "1.0")
}

fn app() -> Route {
    Route::new().nest("/", service())
}

/// The document of the service, as JSON.
fn spec() -> Value {
    serde_json::from_str(&service().spec()).expect("a JSON document")
}

/// Status, header fields (sorted) and body bytes.
type Parts = (u16, Vec<(String, Vec<u8>)>, Vec<u8>);

async fn parts(response: TestResponse) -> Parts {
    let response = response.0;
    let status = response.status().as_u16();
    let mut headers: Vec<(String, Vec<u8>)> =
        response.headers().iter().map(|(n, v)| (n.as_str().to_owned(), v.as_bytes().to_vec())).collect();
    headers.sort();
    let body = response.into_body().into_vec().await.expect("body");
    (status, headers, body)
}

fn http_parts<E: HttpStatus>(e: E) -> Parts
where
    http::Response<String>: From<E>,
{
    let response = http::Response::<String>::from(e);
    let mut headers: Vec<(String, Vec<u8>)> =
        response.headers().iter().map(|(n, v)| (n.as_str().to_owned(), v.as_bytes().to_vec())).collect();
    headers.sort();
    (response.status().as_u16(), headers, response.into_body().into_bytes())
}

fn reply((status, headers, body): Parts) -> Reply {
    Reply::new(status, headers.iter().map(|(n, v)| (n.as_str(), v.as_slice())), body)
}

#[tokio::test]
async fn every_error_is_its_http_response() {
    let client = TestClient::new(app());
    for case in &CASES {
        let got = parts(client.get(format!("/fail/{}", case.name)).send().await).await;
        assert_eq!(got, http_parts(failure(case.name)), "{}", case.name);
        reply(got).check(case, &[]);
    }
    let got = parts(client.get("/users/7").send().await).await;
    assert_eq!(got, http_parts(ApiError::UserNotFound(7)));
    let response = client.get("/users/1").send().await;
    response.assert_status_is_ok();
    response.assert_json(json!({"id": 1, "name": "alice"})).await;
}

#[test]
fn the_document_lists_every_error_response() {
    let spec = spec();
    let responses = &spec["paths"]["/users/{id}"]["get"]["responses"];
    let mut codes: Vec<String> = responses.as_object().expect("responses").keys().cloned().collect();
    codes.sort();
    let mut expected: Vec<String> = ApiError::statuses().iter().map(|s| s.as_str().to_owned()).collect();
    expected.push("200".to_owned());
    expected.sort();
    assert_eq!(codes, expected, "{responses}");
    let not_found = &responses["404"];
    assert_eq!(
        not_found["description"],
        "Not Found\n\n`ApiError::UserNotFound`: `GET /users/{id}` for an id nobody has."
    );
    let schema = &not_found["content"]["application/problem+json"]["schema"];
    assert_eq!(schema["type"], "object");
    assert_eq!(schema["required"], json!(["type", "title", "status"]));
    assert_eq!(schema["properties"]["type"], json!({"type": "string", "format": "uri-reference"}));
    assert_eq!(schema["properties"]["status"], json!({"type": "integer", "minimum": 100.0, "maximum": 599.0}));
    assert_eq!(schema["properties"]["detail"], json!({"type": "string"}));
    assert_eq!(
        schema["example"],
        json!({"type": "about:blank", "title": "Not Found", "status": 404, "detail": "user <u64> not found"})
    );
    assert_eq!(responses["429"]["headers"]["retry-after"]["schema"], json!({"type": "string"}), "{responses}");
    assert!(responses["401"]["headers"].get("www-authenticate").is_some(), "{responses}");
    // A hidden 5xx documents no detail.
    let masked = &responses["500"]["content"]["application/problem+json"]["schema"];
    assert!(masked["properties"].get("detail").is_none(), "{masked}");
    // The success response is the operation's own.
    assert!(responses["200"]["content"].get("application/json; charset=utf-8").is_some(), "{responses}");
}

#[tokio::test]
async fn the_port_answers_as_the_original_did() {
    let client = TestClient::new(app());
    for id in [7, 0] {
        let original = parts(client.get(format!("/original/pets/{id}")).send().await).await;
        let port = parts(client.get(format!("/pets/{id}")).send().await).await;
        assert_eq!(port, original, "pet {id}");
    }
    let port = parts(client.get("/pets/0").send().await).await;
    assert_eq!(port, http_parts(PetError::TooMany { retry_after: 30 }));
    assert_eq!(port.0, 429);
    assert!(port.1.contains(&("retry-after".to_owned(), b"30".to_vec())), "{:?}", port.1);
    assert_eq!(port.2, b"slow down");
}

#[test]
fn the_port_is_documented_as_the_original() {
    let spec = spec();
    let original = &spec["paths"]["/original/pets/{id}"]["get"]["responses"];
    let port = &spec["paths"]["/pets/{id}"]["get"]["responses"];
    for code in ["404", "429"] {
        let content = &port[code]["content"]["text/plain; charset=utf-8"];
        assert_eq!(content["schema"]["type"], "string", "{port}");
        assert!(original[code]["content"].get("text/plain; charset=utf-8").is_some(), "{original}");
    }
    assert_eq!(port["404"]["content"]["text/plain; charset=utf-8"]["schema"]["example"], "pet <u64> not found");
    assert_eq!(port["404"]["description"], "Not Found\n\n`PetError::NotFound`: No pet with this id.");
    assert!(port["429"]["headers"].get("retry-after").is_some(), "{port}");
    // poem-openapi writes the original's header name in capitals.
    assert!(original["429"]["headers"].get("RETRY-AFTER").is_some(), "{original}");
}

/// `skip(poem_openapi)`: the type has no `ApiResponse` of its own, so the crate may write one.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(skip(poem_openapi))]
#[error("gone")]
#[status(410)]
struct Gone;

impl ApiResponse for Gone {
    fn meta() -> poem_openapi::registry::MetaResponses {
        poem_openapi::registry::MetaResponses { responses: Vec::new() }
    }

    fn register(_: &mut poem_openapi::registry::Registry) {}
}

#[test]
fn skip_poem_openapi_leaves_the_impl_to_the_crate() {
    assert!(Gone::meta().responses.is_empty());
    assert_eq!(ApiError::meta().responses.len(), ApiError::statuses().len());
}
