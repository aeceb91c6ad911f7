//! actix-web (feature `actix-web`): every error response of a service as problem+json.
//!
//! - A derived error implements `actix_web::ResponseError`: handlers return
//!   `Result<_, YourError>`, and `?` turns it into an `actix_web::Error`.
//! - actix-web's extractor errors, [`JsonPayloadError`], [`PathError`], [`QueryPayloadError`] and
//!   [`UrlencodedError`], implement [`HttpStatus`], so a derived error wraps them with
//!   `#[status(transparent)]`: the status is the one actix-web chooses
//!   (`ResponseError::status_code`: 400 for a body that is not JSON of the expected type, 413
//!   for one over the limit, ...), the error's text is the `detail` of a 4xx, and `statuses()`
//!   and the OpenAPI document (feature `utoipa`) list every status the error can have.
//! - [`ProblemMiddleware`] turns the error responses errstatus did not build (actix-web's 404,
//!   the default response of an extractor error, a handler's plain-text error, an inner
//!   middleware's `Err`) into problem+json as well.
//!
//! actix-web 4 is built on `http` 0.2, so status and header fields are converted by value.
//!
//! [`JsonPayloadError`]: actix_web::error::JsonPayloadError
//! [`PathError`]: actix_web::error::PathError
//! [`QueryPayloadError`]: actix_web::error::QueryPayloadError
//! [`UrlencodedError`]: actix_web::error::UrlencodedError
//! [`HttpStatus`]: crate::HttpStatus
//!
//! ```
//! use actix_web::error::JsonPayloadError;
//! use actix_web::{test, web, App};
//! use errstatus::actix::ProblemMiddleware;
//! use errstatus::HttpStatus;
//!
//! #[derive(Debug, thiserror::Error, HttpStatus)]
//! enum ApiError {
//!     #[error(transparent)]
//!     #[status(transparent)]
//!     Body(#[from] JsonPayloadError),
//!     #[error("name must not be empty")]
//!     #[status(422)]
//!     EmptyName,
//! }
//!
//! async fn rename(name: web::Json<String>) -> Result<String, ApiError> {
//!     if name.is_empty() {
//!         return Err(ApiError::EmptyName);
//!     }
//!     Ok(name.into_inner())
//! }
//!
//! # actix_web::rt::System::new().block_on(async {
//! let app = test::init_service(
//!     App::new()
//!         .wrap(ProblemMiddleware::new())
//!         // The extractor's error goes through ApiError: its status, its text as the detail.
//!         .app_data(web::JsonConfig::default().error_handler(|err, _| ApiError::from(err).into()))
//!         .route("/name", web::post().to(rename)),
//! )
//! .await;
//!
//! let request = test::TestRequest::post().uri("/name").insert_header(("content-type", "application/json"));
//! let response = test::call_service(&app, request.set_payload("[1]").to_request()).await;
//! assert_eq!(response.status(), 400);
//! assert_eq!(response.headers().get("content-type").unwrap(), "application/problem+json");
//! let body = test::read_body(response).await;
//! assert_eq!(
//!     body,
//!     r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Json deserialize error: invalid type: sequence, expected a string at line 1 column 0"}"#,
//! );
//!
//! // An unknown route: actix-web's own 404, made problem+json by the middleware.
//! let response = test::call_service(&app, test::TestRequest::get().uri("/nowhere").to_request()).await;
//! assert_eq!(response.status(), 404);
//! let body = test::read_body(response).await;
//! assert_eq!(body, r#"{"type":"about:blank","title":"Not Found","status":404}"#);
//!
//! // Every status the wrapped error can have, and the enum's own.
//! assert_eq!(ApiError::statuses(), [400, 413, 422, 500]);
//! # });
//! ```

mod middleware;
mod rejection;
pub(crate) mod response;

pub use middleware::{ProblemMiddleware, ProblemMiddlewareFuture, ProblemMiddlewareService};
