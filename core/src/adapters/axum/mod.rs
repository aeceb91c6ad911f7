//! axum (feature `axum`): every error response of a service as problem+json.
//!
//! - A derived error implements `axum::response::IntoResponse`: handlers return
//!   `Result<_, YourError>`.
//! - axum's extractor rejections, [`JsonRejection`], [`PathRejection`], [`QueryRejection`] and
//!   [`FormRejection`], implement [`HttpStatus`] so a derived error wraps them
//!   with `#[status(transparent)]`: the status is the one axum chooses (415 for a missing JSON
//!   content type, 400 for a syntax error, 422 for JSON of the wrong shape, 413 for a body over
//!   the limit), the text of axum's own response for the rejection (`body_text()`) is the
//!   `detail` of a 4xx, the same as when the layer rewrites axum's response, and `statuses()` and the
//!   OpenAPI document (feature `utoipa`) list every status the rejection can have.
//! - [`ProblemLayer`] turns the error responses errstatus did not build (axum's 404 and 405, a
//!   bare rejection, a handler's `(StatusCode, &str)`, a 5xx text of any size) into
//!   problem+json as well.
//! - [`catalog_routes`] serves the catalogue of an error type as HTML, so that its type URIs
//!   resolve to their documentation.
//!
//! [`JsonRejection`]: ::axum::extract::rejection::JsonRejection
//! [`PathRejection`]: ::axum::extract::rejection::PathRejection
//! [`QueryRejection`]: ::axum::extract::rejection::QueryRejection
//! [`FormRejection`]: ::axum::extract::rejection::FormRejection
//! [`HttpStatus`]: crate::HttpStatus
//!
//! ```
//! use axum::body::{to_bytes, Body};
//! use axum::extract::rejection::JsonRejection;
//! use axum::http::{header, Request, StatusCode};
//! use axum::routing::post;
//! use axum::{Json, Router};
//! use errstatus::axum::ProblemLayer;
//! use errstatus::HttpStatus;
//! use tower::ServiceExt; // oneshot
//!
//! #[derive(Debug, thiserror::Error, HttpStatus)]
//! enum ApiError {
//!     #[error(transparent)]
//!     #[status(transparent)]
//!     Body(#[from] JsonRejection),
//!     #[error("name must not be empty")]
//!     #[status(422)]
//!     EmptyName,
//! }
//!
//! async fn rename(body: Result<Json<String>, JsonRejection>) -> Result<String, ApiError> {
//!     let Json(name) = body?;
//!     if name.is_empty() {
//!         return Err(ApiError::EmptyName);
//!     }
//!     Ok(name)
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! let app = Router::new().route("/name", post(rename)).layer(ProblemLayer::new());
//!
//! // No content type: axum's 415, with axum's text as the detail.
//! let request = Request::post("/name").body(Body::from(r#""x""#)).unwrap();
//! let response = app.clone().oneshot(request).await.unwrap();
//! assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
//! assert_eq!(response.headers()["content-type"], "application/problem+json");
//! let body = to_bytes(response.into_body(), 1024).await.unwrap();
//! assert_eq!(
//!     body,
//!     r#"{"type":"about:blank","title":"Unsupported Media Type","status":415,"detail":"Expected request with `Content-Type: application/json`"}"#,
//! );
//!
//! // An unknown route: axum's own 404, made problem+json by the layer.
//! let request = Request::get("/nowhere").body(Body::empty()).unwrap();
//! let response = app.oneshot(request).await.unwrap();
//! assert_eq!(response.status(), StatusCode::NOT_FOUND);
//! let body = to_bytes(response.into_body(), 1024).await.unwrap();
//! assert_eq!(body, r#"{"type":"about:blank","title":"Not Found","status":404}"#);
//!
//! // Every status the wrapped rejection can have, and the enum's own.
//! assert_eq!(ApiError::statuses(), [400, 413, 415, 422]);
//! # }
//! ```

mod catalog;
mod layer;
mod rejection;
pub(crate) mod response;

pub use catalog::catalog_routes;
pub use layer::{ProblemFuture, ProblemLayer, ProblemService};
