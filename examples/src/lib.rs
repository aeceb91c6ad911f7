//! An example API served by both axum and actix-web, with one error type, [`error::ApiError`],
//! whose `#[derive(HttpStatus)]` decides every error response. Each service wraps it, with its
//! framework's extractor rejections, in a `ServiceError` of its own
//! ([`axum_app::ServiceError`], [`actix_app::ServiceError`]), all through `#[status(transparent)]`.
//!
//! | route | errors |
//! | --- | --- |
//! | `GET /users/{id}` (`ETag`, `If-None-Match`: 304) | 404 unknown user, 400 bad id |
//! | `POST /users` (bearer token) | 401 + `WWW-Authenticate`, 403 not an admin, 409 email taken, 422 invalid field; for a body the framework cannot read, its own status (axum: 400, 413, 415, 422; actix-web: 400, 413) |
//! | `POST /users/{id}/password-reset` | 404, 429 + `Retry-After` on the second request within a minute |
//! | `GET /users/{id}/orders` | 500 for the users whose database shard is down (odd ids), the detail masked, with an `x-request-id` header field (simulated outage) |
//! | `GET /exports` (all users, JSON) | 503 + `Retry-After`, the detail exposed (simulated outage) |
//! | `GET /openapi.json` | the OpenAPI document: every error response comes from the service's error type |
//! | `GET /errors` | the catalogue of the service's errors (`errstatus::catalog`), as HTML: every entry, each error response of the OpenAPI document links to its own |
//!
//! The two simulated outages are on by default. `EXAMPLE_OUTAGES=off` in the environment of
//! `cargo run --example axum` or `cargo run --example actix` (read once at start-up,
//! [`outages_from_env`]) turns them off: then every existing user's orders are a 200 (alice's
//! one order, an empty list for the others) and `GET /exports` is a 200 with every user, as
//! `application/json`. In code, [`store::Store::without_outages`] is the same. The OpenAPI
//! document is the same either way: it lists the 200 and the 500 / 503 of both operations.
//!
//! Both services are model services: every error they send is problem+json, the framework's own
//! included (unknown route 404, wrong method 405 with `Allow`, extractor rejections, a handler's
//! plain-text error), a `HEAD` is answered like a `GET` (RFC 9110 §9.3.2), and the OpenAPI document
//! says exactly what they accept and send: `.ci/api-testers.sh` runs schemathesis and Redocly CLI
//! against both, and REDbot on their error responses.
//!
//! Both label an access log ([`access_log::AccessLog`], in the [`store::Store`]) with the
//! error each response came from, read from the `errstatus::ErrorRecord` in its extensions.
//! The example binaries also print errstatus's `tracing` events and its `errstatus_errors_total`
//! counter ([`observe`]).
//!
//! Run `cargo run --example axum` or `cargo run --example actix`; `cargo run --example plain`
//! shows the responses without a framework, `cargo run --example catalog` the catalogue of the
//! errors as Markdown.

pub mod access_log;
pub mod actix_app;
pub mod axum_app;
pub mod conditional;
pub mod error;
pub mod observe;
pub mod openapi;
pub mod store;

/// Where both services serve the catalogue of their errors (`errstatus::catalog`) as HTML: an
/// index of every entry, and a page per type URI under it. `cargo run --example catalog` writes
/// the same catalogue as Markdown.
pub const CATALOG_PATH: &str = "/errors";

/// The port of `cargo run --example axum` when `PORT` is not set.
pub const AXUM_PORT: u16 = 3000;
/// The port of `cargo run --example actix` when `PORT` is not set.
pub const ACTIX_PORT: u16 = 3001;

/// The largest request body either service reads: 16 KiB. A larger one is answered with the
/// framework's 413. The schema of `POST /users` keeps every valid body well below it.
pub const BODY_LIMIT: usize = 16 * 1024;

/// The environment variable that turns the simulated outages off: `EXAMPLE_OUTAGES=off`.
pub const OUTAGES_VAR: &str = "EXAMPLE_OUTAGES";

/// Whether the example servers simulate their outages: `EXAMPLE_OUTAGES` from the environment,
/// `on` (the default when unset) or `off`. Another value stops the program, as a bad `PORT`
/// does. Pass it to [`store::Store::with_outages`].
pub fn outages_from_env() -> bool {
    let value = std::env::var(OUTAGES_VAR).ok();
    parse_outages(value.as_deref()).unwrap_or_else(|message| {
        eprintln!("{message}");
        std::process::exit(2)
    })
}

/// The value of `EXAMPLE_OUTAGES` (`None` when unset) as the argument of
/// [`store::Store::with_outages`].
pub fn parse_outages(value: Option<&str>) -> Result<bool, String> {
    match value {
        None | Some("on") => Ok(true),
        Some("off") => Ok(false),
        Some(other) => Err(format!("{OUTAGES_VAR} must be on or off, not {other:?}")),
    }
}

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

#[cfg(test)]
mod tests {
    #[test]
    fn outages_are_on_unless_turned_off() {
        assert_eq!(super::parse_outages(None), Ok(true));
        assert_eq!(super::parse_outages(Some("on")), Ok(true));
        assert_eq!(super::parse_outages(Some("off")), Ok(false));
        for other in ["", "OFF", "0", "false", " off"] {
            let message = super::parse_outages(Some(other)).unwrap_err();
            assert_eq!(message, format!("EXAMPLE_OUTAGES must be on or off, not {other:?}"));
        }
    }
}
