//! An example API served by both axum and actix-web, with one error type whose
//! `#[derive(HttpStatus)]` decides every error response.
//!
//! | route | errors |
//! | --- | --- |
//! | `GET /users/{id}` | 404 unknown user, 422 bad id |
//! | `POST /users` (bearer token) | 401 + `WWW-Authenticate`, 403 not an admin, 409 email taken, 415 not JSON, 422 invalid |
//! | `POST /users/{id}/password-reset` | 404, 429 + `Retry-After` on the second request within a minute |
//! | `GET /users/{id}/orders` | 500 with the detail masked and an `x-request-id` header field |
//! | `GET /exports` | 503 + `Retry-After`, the detail exposed |
//! | `GET /openapi.json` | the OpenAPI document: every error response comes from `ApiError`'s attributes |
//!
//! Run `cargo run --example axum` or `cargo run --example actix`; `cargo run --example plain`
//! shows the responses without a framework.

pub mod actix_app;
pub mod axum_app;
pub mod error;
pub mod openapi;
pub mod store;

/// The port the example servers listen on: `PORT` from the environment, or `default`.
pub fn port_from_env(default: u16) -> u16 {
    match std::env::var("PORT") {
        Ok(port) => port.parse().unwrap_or_else(|_| {
            eprintln!("PORT must be a port number, not {port:?}");
            std::process::exit(2)
        }),
        Err(_) => default,
    }
}
