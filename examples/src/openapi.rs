//! The OpenAPI document of the API (feature `utoipa` of errstatus). The error responses of every
//! operation come from `ApiError`: `responses(..., ApiError)` lists one response per status the
//! enum can produce, with the problem+json schema, the variants' doc comments and one named
//! example per variant. Nothing about the errors is written twice.

use utoipa::OpenApi;

use crate::error::ApiError;

/// The document served at `/openapi.json`.
#[derive(OpenApi)]
#[openapi(
    info(title = "errstatus example API", description = "Users, a rate limit and auth; every error is problem+json."),
    paths(get_user, create_user, password_reset, orders, exports)
)]
pub struct ApiDoc;

/// The document as JSON.
pub fn json() -> String {
    ApiDoc::openapi().to_pretty_json().unwrap_or_default()
}

/// Look a user up.
#[utoipa::path(get, path = "/users/{id}", params(("id" = u64, Path, description = "user id")),
    responses((status = 200, description = "The user"), ApiError))]
#[allow(dead_code)]
fn get_user() {}

/// Create a user (admins only).
#[utoipa::path(post, path = "/users", responses((status = 201, description = "Created"), ApiError))]
#[allow(dead_code)]
fn create_user() {}

/// Send a password-reset mail, at most once a minute per user.
#[utoipa::path(post, path = "/users/{id}/password-reset", params(("id" = u64, Path, description = "user id")),
    responses((status = 202, description = "Mail sent"), ApiError))]
#[allow(dead_code)]
fn password_reset() {}

/// The orders of a user.
#[utoipa::path(get, path = "/users/{id}/orders", params(("id" = u64, Path, description = "user id")),
    responses((status = 200, description = "The orders"), ApiError))]
#[allow(dead_code)]
fn orders() {}

/// Download the export.
#[utoipa::path(get, path = "/exports", responses((status = 200, description = "The export"), ApiError))]
#[allow(dead_code)]
fn exports() {}
