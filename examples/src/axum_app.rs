//! The API as an axum [`Router`]. Handlers return `Result<_, ServiceError>`: the derived
//! `IntoResponse` turns every error into its problem+json response, and [`ProblemLayer`] does
//! the same for the responses axum builds itself (404 for an unknown route, 405 with `Allow`
//! for a wrong method) and for a handler's plain-text error. axum answers a `HEAD` with the
//! `GET` handler, without the body.

use std::sync::Arc;

use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{DefaultBodyLimit, Path, Request, State};
use axum::http::header::{AUTHORIZATION, CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_NONE_MATCH, LOCATION};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use errstatus::axum::ProblemLayer;
use errstatus::{ErrorRecord, HttpStatus};

use crate::error::{ApiError, AuthError};
use crate::store::{NewUser, Order, Store, User};
use crate::{conditional, openapi, AXUM_PORT, BODY_LIMIT, CATALOG_PATH};

/// Every error the axum service answers with: the API's own, and axum's extractor rejections
/// with the status and text axum gives them (400 for a path parameter that does not parse;
/// 400, 413, 415 or 422 for a body that is not JSON of the expected shape).
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ServiceError {
    #[error(transparent)]
    #[status(transparent)]
    Api(#[from] ApiError),

    #[error(transparent)]
    #[status(transparent)]
    Body(#[from] JsonRejection),

    #[error(transparent)]
    #[status(transparent)]
    Path(#[from] PathRejection),
}

impl From<AuthError> for ServiceError {
    fn from(e: AuthError) -> Self {
        ServiceError::Api(e.into())
    }
}

/// The service with a fresh [`Store`], its document naming port 3000.
pub fn router() -> Router {
    router_with(Arc::new(Store::new()), AXUM_PORT)
}

/// The service on a given store (to share it, or to look into it from a test), its OpenAPI
/// document naming `port` as the server's.
/// Outermost, the access log (`access_log`).
pub fn router_with(store: Arc<Store>, port: u16) -> Router {
    layers(routes(Arc::clone(&store), port)).layer(middleware::from_fn_with_state(store, access_log))
}

/// A line in the store's access log for each request, with the error the response came from
/// (its `ErrorRecord`: a `ServiceError`'s, or axum's own error that `ProblemLayer` rewrote).
async fn access_log(State(store): State<Arc<Store>>, request: Request, next: Next) -> Response {
    let (method, path) = (request.method().clone(), request.uri().path().to_owned());
    let response = next.run(request).await;
    let error = response.extensions().get::<ErrorRecord>();
    store.access_log().record(method.as_str(), &path, response.status().as_u16(), error);
    response
}

/// The routes of the API, without the layers of [`layers`].
pub fn routes(store: Arc<Store>, port: u16) -> Router {
    let document = openapi::axum_json(port);
    Router::new()
        .route("/users", post(create_user))
        .route("/users/{id}", get(get_user))
        .route("/users/{id}/password-reset", post(password_reset))
        .route("/users/{id}/orders", get(orders))
        .route("/exports", get(exports))
        .route("/openapi.json", get(move || async move { ([(CONTENT_TYPE, "application/json")], document) }))
        .with_state(store)
        // The catalogue of the errors, which the OpenAPI document links to.
        .merge(errstatus::axum::catalog_routes::<ServiceError>(CATALOG_PATH))
}

/// What the service puts around its routes: the body limit, then [`ProblemLayer`] around
/// everything (routes, fallback and the other layers), so that every error is problem+json.
pub fn layers(routes: Router) -> Router {
    routes.layer(DefaultBodyLimit::max(BODY_LIMIT)).layer(ProblemLayer::new())
}

async fn get_user(
    State(store): State<Arc<Store>>,
    headers: HeaderMap,
    id: Result<Path<u64>, PathRejection>,
) -> Result<Response, ServiceError> {
    let Path(id) = id?;
    let user = store.user(id)?;
    let body = serde_json::to_vec(&user).expect("a User serializes");
    let etag = conditional::etag(&body);
    if conditional::none_match(headers.get_all(IF_NONE_MATCH).iter().map(HeaderValue::as_bytes), &etag) {
        let fields = [(ETAG, etag), (CACHE_CONTROL, conditional::USER_CACHE_CONTROL.to_owned())];
        return Ok((StatusCode::NOT_MODIFIED, fields).into_response());
    }
    let fields = [
        (ETAG, etag),
        (CACHE_CONTROL, conditional::USER_CACHE_CONTROL.to_owned()),
        (CONTENT_TYPE, "application/json".to_owned()),
    ];
    Ok((fields, body).into_response())
}

async fn create_user(
    State(store): State<Arc<Store>>,
    headers: HeaderMap,
    body: Result<Json<NewUser>, JsonRejection>,
) -> Result<impl IntoResponse, ServiceError> {
    // Who is asking comes first: an anonymous client learns nothing about the body rules.
    let caller = store.authenticate(headers.get(AUTHORIZATION).map(|v| v.as_bytes()))?;
    let Json(new) = body?;
    let user: User = store.create_user(caller, new)?;
    let location = format!("/users/{}", user.id);
    Ok((StatusCode::CREATED, [(LOCATION, location)], Json(user)))
}

async fn password_reset(
    State(store): State<Arc<Store>>,
    id: Result<Path<u64>, PathRejection>,
) -> Result<StatusCode, ServiceError> {
    let Path(id) = id?;
    store.request_password_reset(id)?;
    Ok(StatusCode::ACCEPTED)
}

async fn orders(
    State(store): State<Arc<Store>>,
    headers: HeaderMap,
    id: Result<Path<u64>, PathRejection>,
) -> Result<Json<Vec<Order>>, ServiceError> {
    let Path(id) = id?;
    let request_id = store.request_id(headers.get("x-request-id").map(|v| v.as_bytes()));
    Ok(Json(store.orders(id, request_id)?))
}

async fn exports(State(store): State<Arc<Store>>) -> Result<Json<Vec<User>>, ServiceError> {
    Ok(Json(store.exports()?))
}
