//! `HttpStatus` for the frameworks' extractor rejections: a derived enum wraps them with
//! `#[status(transparent)]` (and thiserror's `#[from]`), and its response has the status the
//! framework chooses and the framework's text as the detail. Each request goes through a real
//! axum `Router` or actix-web `App`, once with the derived enum and once bare, so the status and
//! text are compared with what the framework sends on its own.

mod common;

use axum::body::Body;
use axum::extract::rejection::{FormRejection, JsonRejection, PathRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query};
use axum::http::{header, Request};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use common::{header_list, problem_headers};
use errstatus::axum::ProblemLayer;
use errstatus::http::StatusCode;
use errstatus::HttpStatus;
use http_body_util::BodyExt;
use serde::Deserialize;
use serde_json::Value;
use tower::ServiceExt;
use utoipa::IntoResponses;

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct NewUser {
    name: String,
    email: String,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Page {
    page: u32,
}

/// A response as the tests compare it: status, sorted header fields without `content-length`
/// (checked against the body), body.
#[derive(Debug, PartialEq)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

fn without_content_length(mut headers: Vec<(String, String)>, body: &str) -> Vec<(String, String)> {
    if let Some(i) = headers.iter().position(|(n, _)| n == "content-length") {
        assert_eq!(headers.remove(i).1, body.len().to_string(), "content-length");
    }
    headers
}

/// `{"type":"about:blank","title":...,"status":...,"detail":...}`, byte for byte as errstatus
/// writes it (the details here need no escaping).
fn problem_body(status: u16, title: &str, detail: &str) -> String {
    format!(r#"{{"type":"about:blank","title":"{title}","status":{status},"detail":"{detail}"}}"#)
}

// ---- axum ----

#[derive(Debug, thiserror::Error, HttpStatus)]
enum AxumError {
    #[error(transparent)]
    #[status(transparent)]
    Json(#[from] JsonRejection),
    #[error(transparent)]
    #[status(transparent)]
    Path(#[from] PathRejection),
    #[error(transparent)]
    #[status(transparent)]
    Query(#[from] QueryRejection),
    #[error(transparent)]
    #[status(transparent)]
    Form(#[from] FormRejection),
}

/// The routes with the rejections wrapped in `AxumError`; bodies over 64 bytes are refused.
fn axum_wrapped() -> Router {
    async fn create(body: Result<Json<NewUser>, JsonRejection>) -> Result<&'static str, AxumError> {
        let Json(_user) = body?;
        Ok("created")
    }
    async fn user(id: Result<Path<u64>, PathRejection>) -> Result<String, AxumError> {
        Ok(id?.0.to_string())
    }
    async fn search(page: Result<Query<Page>, QueryRejection>) -> Result<String, AxumError> {
        Ok(page?.0.page.to_string())
    }
    async fn signup(form: Result<Form<NewUser>, FormRejection>) -> Result<&'static str, AxumError> {
        let Form(_user) = form?;
        Ok("signed up")
    }
    Router::new()
        .route("/users", post(create))
        .route("/users/{id}", get(user))
        .route("/search", get(search))
        .route("/signup", post(signup))
        .layer(DefaultBodyLimit::max(64))
}

/// The same routes with the bare extractors: axum's own rejection responses.
fn axum_bare() -> Router {
    Router::new()
        .route("/users", post(|_: Json<NewUser>| async { "created" }))
        .route("/users/{id}", get(|Path(id): Path<u64>| async move { id.to_string() }))
        .route("/search", get(|Query(p): Query<Page>| async move { p.page.to_string() }))
        .route("/signup", post(|_: Form<NewUser>| async { "signed up" }))
        .layer(DefaultBodyLimit::max(64))
}

async fn axum_call(app: Router, request: Request<Body>) -> Reply {
    let response = app.oneshot(request).await.expect("infallible");
    let status = response.status().as_u16();
    let headers = header_list(response.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
    let body = response.into_body().collect().await.expect("body").to_bytes();
    let body = String::from_utf8(body.to_vec()).expect("UTF-8 body");
    Reply { status, headers: without_content_length(headers, &body), body }
}

/// A request, built twice (one for each router).
type Make = fn() -> Request<Body>;

/// Calls the wrapped and the bare router; checks the wrapped response whole, and that its
/// status is axum's and its detail axum's text (the bare response's body). Returns axum's text.
async fn axum_case(make: Make, status: u16, title: &str, detail: &str) -> String {
    let r = axum_call(axum_wrapped(), make()).await;
    assert_eq!(r.status, status, "{}", r.body);
    assert_eq!(r.headers, problem_headers(&[]));
    assert_eq!(r.body, problem_body(status, title, detail));

    let bare = axum_call(axum_bare(), make()).await;
    assert_eq!(bare.status, status, "axum's own status");
    assert_eq!(bare.headers, [("content-type".to_owned(), "text/plain; charset=utf-8".to_owned())]);
    bare.body
}

fn post_json(body: &'static str) -> Request<Body> {
    Request::post("/users").header(header::CONTENT_TYPE, "application/json").body(Body::from(body)).unwrap()
}

#[tokio::test]
async fn axum_json_without_content_type_is_415() {
    let detail = "Expected request with `Content-Type: application/json`";
    let make: Make = || Request::post("/users").body(Body::from(r#"{"name":"x","email":"x@example.com"}"#)).unwrap();
    assert_eq!(axum_case(make, 415, "Unsupported Media Type", detail).await, detail);
}

#[tokio::test]
async fn axum_malformed_json_is_400() {
    let detail = "Failed to parse the request body as JSON: name: EOF while parsing a value at line 1 column 8";
    assert_eq!(axum_case(|| post_json(r#"{"name":"#), 400, "Bad Request", detail).await, detail);
}

#[tokio::test]
async fn axum_json_of_the_wrong_shape_is_422() {
    let detail = "Failed to deserialize the JSON body into the target type: missing field `email` at line 1 column 12";
    assert_eq!(axum_case(|| post_json(r#"{"name":"x"}"#), 422, "Unprocessable Content", detail).await, detail);
}

#[tokio::test]
async fn axum_json_body_over_the_limit_is_413() {
    let detail = "Failed to buffer the request body: length limit exceeded";
    let make: Make = || post_json(r#"{"name":"a name that is far too long for the limit","email":"x@example.com"}"#);
    assert_eq!(axum_case(make, 413, "Content Too Large", detail).await, detail);
}

#[tokio::test]
async fn axum_path_that_does_not_parse_is_400() {
    // The detail is axum's own text for the rejection (`body_text()`, "Invalid URL: " in front
    // of the Display), wrapped or rewritten alike.
    let detail = "Invalid URL: Cannot parse `abc` to a `u64`";
    let make: Make = || Request::get("/users/abc").body(Body::empty()).unwrap();
    assert_eq!(axum_case(make, 400, "Bad Request", detail).await, detail);
    let rewritten = axum_call(axum_bare().layer(ProblemLayer::new()), make()).await;
    assert_eq!(rewritten.body, problem_body(400, "Bad Request", detail));
}

#[tokio::test]
async fn axum_query_that_does_not_parse_is_400() {
    let detail = "Failed to deserialize query string: page: invalid digit found in string";
    let make: Make = || Request::get("/search?page=x").body(Body::empty()).unwrap();
    assert_eq!(axum_case(make, 400, "Bad Request", detail).await, detail);
}

#[tokio::test]
async fn axum_form_rejections_are_415_and_422() {
    let detail = "Form requests must have `Content-Type: application/x-www-form-urlencoded`";
    let make: Make = || Request::post("/signup").body(Body::from("name=x&email=y")).unwrap();
    assert_eq!(axum_case(make, 415, "Unsupported Media Type", detail).await, detail);

    let detail = "Failed to deserialize form body: missing field `email`";
    let make: Make = || {
        Request::post("/signup")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from("name=x"))
            .unwrap()
    };
    assert_eq!(axum_case(make, 422, "Unprocessable Content", detail).await, detail);
}

#[test]
fn axum_rejection_statuses() {
    let codes = |s: Vec<StatusCode>| s.iter().map(StatusCode::as_u16).collect::<Vec<_>>();
    assert_eq!(codes(JsonRejection::statuses()), [400, 413, 415, 422]);
    assert_eq!(codes(PathRejection::statuses()), [400, 500]);
    assert_eq!(codes(QueryRejection::statuses()), [400]);
    assert_eq!(codes(FormRejection::statuses()), [400, 413, 415, 422]);
    assert_eq!(codes(AxumError::statuses()), [400, 413, 415, 422, 500]);
}

/// The OpenAPI responses of a type, as JSON.
fn openapi<T: IntoResponses>() -> Value {
    serde_json::to_value(T::responses()).unwrap()
}

fn example_names(response: &Value) -> Vec<&str> {
    response["content"]["application/problem+json"]["examples"]
        .as_object()
        .expect("examples")
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn axum_rejections_in_the_openapi_document() {
    let doc = openapi::<AxumError>();
    let codes: Vec<&str> = doc.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(codes, ["400", "413", "415", "422", "500"]);
    let r415 = &doc["415"];
    let example = &r415["content"]["application/problem+json"]["examples"]["MissingJsonContentType"]["value"];
    assert_eq!(
        example,
        &serde_json::json!({"type": "about:blank", "title": "Unsupported Media Type", "status": 415,
            "detail": "Expected request with `Content-Type: application/json`"})
    );
    assert_eq!(example_names(r415), ["InvalidFormContentType", "MissingJsonContentType"]);
    assert_eq!(example_names(&doc["413"]), ["LengthLimitError", "LengthLimitError (2)"]);
    // A 5xx example has no detail, as in the response.
    let r500 = &doc["500"]["content"]["application/problem+json"]["examples"]["MissingPathParams"]["value"];
    assert_eq!(r500, &serde_json::json!({"type": "about:blank", "title": "Internal Server Error", "status": 500}));
    assert!(doc["422"]["description"]
        .as_str()
        .unwrap()
        .contains("`JsonDataError`: The request body is JSON, but not of the expected type."));
}

// ---- actix-web ----

mod actix {
    use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError, UrlencodedError};
    use actix_web::http::header;
    use actix_web::test as atest;
    use actix_web::{web, App, HttpResponse};
    use errstatus::http::StatusCode;
    use errstatus::HttpStatus;

    use super::common::{header_list, problem_headers};
    use super::{openapi, problem_body, without_content_length, NewUser, Page, Reply};

    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum ActixError {
        #[error(transparent)]
        #[status(transparent)]
        Json(#[from] JsonPayloadError),
        #[error(transparent)]
        #[status(transparent)]
        Path(#[from] PathError),
        #[error(transparent)]
        #[status(transparent)]
        Query(#[from] QueryPayloadError),
        #[error(transparent)]
        #[status(transparent)]
        Form(#[from] UrlencodedError),
    }

    async fn create(_: web::Json<NewUser>) -> HttpResponse {
        HttpResponse::Created().finish()
    }
    async fn user(id: web::Path<u64>) -> String {
        id.to_string()
    }
    async fn search(page: web::Query<Page>) -> String {
        page.page.to_string()
    }
    async fn signup(_: web::Form<NewUser>) -> HttpResponse {
        HttpResponse::Created().finish()
    }

    /// The routes; with `wrapped`, each extractor's error goes through `ActixError`. JSON
    /// bodies over 64 bytes are refused.
    fn app(
        wrapped: bool,
    ) -> App<
        impl actix_web::dev::ServiceFactory<
            actix_web::dev::ServiceRequest,
            Config = (),
            Response = actix_web::dev::ServiceResponse,
            Error = actix_web::Error,
            InitError = (),
        >,
    > {
        let mut json = web::JsonConfig::default().limit(64);
        let mut path = web::PathConfig::default();
        let mut query = web::QueryConfig::default();
        let mut form = web::FormConfig::default();
        if wrapped {
            json = json.error_handler(|e, _| ActixError::from(e).into());
            path = path.error_handler(|e, _| ActixError::from(e).into());
            query = query.error_handler(|e, _| ActixError::from(e).into());
            form = form.error_handler(|e, _| ActixError::from(e).into());
        }
        App::new()
            .app_data(json)
            .app_data(path)
            .app_data(query)
            .app_data(form)
            .route("/users", web::post().to(create))
            .route("/users/{id}", web::get().to(user))
            .route("/search", web::get().to(search))
            .route("/signup", web::post().to(signup))
    }

    async fn call(wrapped: bool, request: atest::TestRequest) -> Reply {
        let service = atest::init_service(app(wrapped)).await;
        let response = atest::call_service(&service, request.to_request()).await;
        let status = response.status().as_u16();
        let headers = header_list(response.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
        let body = String::from_utf8(atest::read_body(response).await.to_vec()).expect("UTF-8 body");
        Reply { status, headers: without_content_length(headers, &body), body }
    }

    type Make = fn() -> atest::TestRequest;

    /// As `axum_case`: the wrapped response whole, and actix-web's own status and text.
    async fn case(make: Make, status: u16, title: &str, detail: &str) {
        let r = call(true, make()).await;
        assert_eq!(r.status, status, "{}", r.body);
        assert_eq!(r.headers, problem_headers(&[]));
        assert_eq!(r.body, problem_body(status, title, detail));

        let bare = call(false, make()).await;
        assert_eq!(bare.status, status, "actix-web's own status");
        assert_eq!(bare.headers, [("content-type".to_owned(), "text/plain; charset=utf-8".to_owned())]);
        assert_eq!(bare.body, detail, "actix-web's own text");
    }

    fn post_json(body: &'static str) -> atest::TestRequest {
        atest::TestRequest::post()
            .uri("/users")
            .insert_header((header::CONTENT_TYPE, "application/json"))
            .set_payload(body)
    }

    #[actix_web::test]
    async fn json_without_content_type_is_400() {
        let make: Make = || atest::TestRequest::post().uri("/users").set_payload(r#"{"name":"x","email":"y"}"#);
        case(make, 400, "Bad Request", "Content type error").await;
    }

    #[actix_web::test]
    async fn malformed_json_is_400() {
        let detail = "Json deserialize error: EOF while parsing a value at line 1 column 8";
        case(|| post_json(r#"{"name":"#), 400, "Bad Request", detail).await;
    }

    #[actix_web::test]
    async fn json_of_the_wrong_shape_is_400() {
        let detail = "Json deserialize error: missing field `email` at line 1 column 12";
        case(|| post_json(r#"{"name":"x"}"#), 400, "Bad Request", detail).await;
    }

    #[actix_web::test]
    async fn json_body_over_the_limit_is_413() {
        let detail = "JSON payload (76 bytes) is larger than allowed (limit: 64 bytes).";
        let make: Make =
            || post_json(r#"{"name":"a name that is far too long for the limit","email":"x@example.com"}"#);
        case(make, 413, "Content Too Large", detail).await;
    }

    #[actix_web::test]
    async fn path_that_does_not_parse_is_400() {
        let detail = r#"Path deserialize error: can not parse \"abc\" to a u64"#;
        let r = call(true, atest::TestRequest::get().uri("/users/abc")).await;
        assert_eq!((r.status, &r.headers), (400, &problem_headers(&[])));
        // The quotes of the text are escaped in the JSON body.
        assert_eq!(r.body, problem_body(400, "Bad Request", detail));
        // On its own, actix-web answers a path error with 404 and the inner error's text
        // (`PathConfig`'s default handler); `ResponseError::status_code` of `PathError` is 400.
        let bare = call(false, atest::TestRequest::get().uri("/users/abc")).await;
        assert_eq!((bare.status, bare.body.as_str()), (404, r#"can not parse "abc" to a u64"#));
    }

    #[actix_web::test]
    async fn query_that_does_not_parse_is_400() {
        let detail = "Query deserialize error: invalid digit found in string";
        case(|| atest::TestRequest::get().uri("/search?page=x"), 400, "Bad Request", detail).await;
    }

    #[actix_web::test]
    async fn form_rejections_are_415_and_400() {
        let make: Make = || atest::TestRequest::post().uri("/signup").set_payload("name=x&email=y");
        case(make, 415, "Unsupported Media Type", "Content type error.").await;
        let make: Make = || {
            atest::TestRequest::post()
                .uri("/signup")
                .insert_header((header::CONTENT_TYPE, "application/x-www-form-urlencoded"))
                .set_payload("name=x")
        };
        case(make, 400, "Bad Request", "Parse error: missing field `email`.").await;
    }

    #[test]
    fn statuses() {
        let codes = |s: Vec<StatusCode>| s.iter().map(StatusCode::as_u16).collect::<Vec<_>>();
        assert_eq!(codes(JsonPayloadError::statuses()), [400, 413, 500]);
        assert_eq!(codes(PathError::statuses()), [400]);
        assert_eq!(codes(QueryPayloadError::statuses()), [400]);
        assert_eq!(codes(UrlencodedError::statuses()), [400, 411, 413, 415]);
        assert_eq!(codes(ActixError::statuses()), [400, 411, 413, 415, 500]);
        // The status is actix-web's.
        assert_eq!(JsonPayloadError::ContentType.status(), 400);
        assert_eq!(JsonPayloadError::Overflow { limit: 1 }.status(), 413);
        assert_eq!(UrlencodedError::UnknownLength.status(), 411);
        assert_eq!(ActixError::from(UrlencodedError::ContentType).status(), 415);
    }

    #[test]
    fn in_the_openapi_document() {
        let doc = openapi::<ActixError>();
        let codes: Vec<&str> = doc.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(codes, ["400", "411", "413", "415", "500"]);
        let example = &doc["411"]["content"]["application/problem+json"]["examples"]["UnknownLength"]["value"];
        assert_eq!(
            example,
            &serde_json::json!({"type": "about:blank", "title": "Length Required", "status": 411,
                "detail": "Payload size is now known."})
        );
    }

    #[test]
    fn a_5xx_hides_its_text() {
        // `Serialize` is actix-web's only 5xx here: the text stays on the server.
        let e = ActixError::from(JsonPayloadError::Serialize(serde_json::from_str::<u8>("x").unwrap_err()));
        assert_eq!(e.status(), 500);
        let response: errstatus::http::Response<String> = e.into();
        assert_eq!(response.body(), r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#);
    }
}
