//! The API as an axum [`Router`]. Handlers return `Result<_, ApiError>`: the derived
//! `IntoResponse` turns every error into its problem+json response.

use std::sync::Arc;

use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::header::{AUTHORIZATION, LOCATION};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{Json, Router};

use crate::error::ApiError;
use crate::store::{NewUser, Order, Store, User};

/// The API with a fresh [`Store`].
pub fn router() -> Router {
    router_with(Arc::new(Store::new()))
}

/// The API on a given store (to share it, or to look into it from a test).
pub fn router_with(store: Arc<Store>) -> Router {
    Router::new()
        .route("/users", post(create_user))
        .route("/users/{id}", get(get_user))
        .route("/users/{id}/password-reset", post(password_reset))
        .route("/users/{id}/orders", get(orders))
        .route("/exports", get(exports))
        .route("/openapi.json", get(openapi))
        .with_state(store)
}

/// Extractor rejections become problem+json too, so every error the API sends looks the same.
fn user_id(path: Result<Path<u64>, PathRejection>) -> Result<u64, ApiError> {
    path.map(|Path(id)| id).map_err(|rejection| ApiError::Invalid(rejection.body_text()))
}

fn json_body<T>(body: Result<Json<T>, JsonRejection>) -> Result<T, ApiError> {
    match body {
        Ok(Json(value)) => Ok(value),
        Err(JsonRejection::MissingJsonContentType(_)) => Err(ApiError::NotJson),
        Err(rejection) => Err(ApiError::Invalid(rejection.body_text())),
    }
}

async fn get_user(
    State(store): State<Arc<Store>>,
    id: Result<Path<u64>, PathRejection>,
) -> Result<Json<User>, ApiError> {
    Ok(Json(store.user(user_id(id)?)?))
}

async fn create_user(
    State(store): State<Arc<Store>>,
    headers: HeaderMap,
    body: Result<Json<NewUser>, JsonRejection>,
) -> Result<impl IntoResponse, ApiError> {
    // Who is asking comes first: an anonymous client learns nothing about the body rules.
    let caller = store.authenticate(headers.get(AUTHORIZATION).map(|v| v.as_bytes()))?;
    let user = store.create_user(caller, json_body(body)?)?;
    let location = format!("/users/{}", user.id);
    Ok((StatusCode::CREATED, [(LOCATION, location)], Json(user)))
}

async fn password_reset(
    State(store): State<Arc<Store>>,
    id: Result<Path<u64>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    store.request_password_reset(user_id(id)?)?;
    Ok(StatusCode::ACCEPTED)
}

async fn orders(
    State(store): State<Arc<Store>>,
    headers: HeaderMap,
    id: Result<Path<u64>, PathRejection>,
) -> Result<Json<Vec<Order>>, ApiError> {
    let request_id = store.request_id(headers.get("x-request-id").map(|v| v.as_bytes()));
    Ok(Json(store.orders(user_id(id)?, request_id)?))
}

async fn exports(State(store): State<Arc<Store>>) -> Result<Vec<u8>, ApiError> {
    store.exports()
}

async fn openapi() -> impl IntoResponse {
    ([(axum::http::header::CONTENT_TYPE, "application/json")], crate::openapi::json())
}
