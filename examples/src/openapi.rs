//! The OpenAPI documents of the two services (feature `utoipa` of errstatus). The error
//! responses of every operation come from the service's error type: `responses(..., Error)`
//! lists one response per status it can produce (the API's `ApiError` and the framework's
//! extractor rejections, through `#[status(transparent)]`), with the problem+json schema, the
//! variants' doc comments and one named example per variant. Nothing about the errors is
//! written twice.
//!
//! Each document also has what API tools check: the server it is served by, the bearer
//! security scheme on the operation that needs it (and an explicit "none" on the others), the
//! request body's schema, and the header fields every response of a status carries marked
//! `required` ([`REQUIRED_HEADERS`]).

use errstatus::catalog::Catalog;
use serde_json::Value;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::server::{ServerBuilder, ServerVariableBuilder};
use utoipa::openapi::OpenApi as Document;
use utoipa::OpenApi;

/// The name of the security scheme of `POST /users`.
pub const BEARER: &str = "bearerAuth";

/// The header fields that every response of a status sends, as `(status, header field)`: they
/// are marked `required` wherever an operation's response of that status documents them.
///
/// Marked here because utoipa 6 has no way to say it: its `Header` object has no `required`
/// member, and its `extensions` take only `x-` names, so neither errstatus (which builds the
/// error responses' header objects, `core/src/openapi/utoipa.rs`) nor `#[utoipa::path]` can set
/// it. Which error statuses belong here follows from `ApiError` and `AuthError`: both 401
/// variants have a `WWW-Authenticate` field, the 429 and the 503 variant a `Retry-After` (an
/// integer, always a valid field value). `x-request-id` is not required: the 500 response also
/// stands for the frameworks' own 500s, which carry none.
pub const REQUIRED_HEADERS: &[(&str, &str)] = &[
    ("200", "cache-control"),
    ("200", "etag"),
    ("201", "location"),
    ("304", "cache-control"),
    ("304", "etag"),
    ("401", "www-authenticate"),
    ("429", "retry-after"),
    ("503", "retry-after"),
];

/// The document of the axum service listening on `port`, as served at `/openapi.json`.
pub fn axum_json(port: u16) -> String {
    let catalog = errstatus::catalog::<crate::axum_app::ServiceError>();
    finish(axum::Doc::openapi(), &catalog, port, "cargo run --example axum", crate::AXUM_PORT)
}

/// The document of the actix-web service listening on `port`, as served at `/openapi.json`.
pub fn actix_json(port: u16) -> String {
    let catalog = errstatus::catalog::<crate::actix_app::ServiceError>();
    finish(actix::Doc::openapi(), &catalog, port, "cargo run --example actix", crate::ACTIX_PORT)
}

/// Adds the server and the bearer scheme, marks the [`REQUIRED_HEADERS`], links each error
/// response to the catalogue, and writes the JSON.
fn finish(mut doc: Document, catalog: &Catalog, port: u16, command: &str, default_port: u16) -> String {
    let variable = ServerVariableBuilder::new()
        .default_value(port.to_string())
        .description(Some(format!("`PORT` in the environment of `{command}` ({default_port} when unset)")));
    let server = ServerBuilder::new()
        .url("http://127.0.0.1:{port}")
        .description(Some("This service, on the loopback interface"))
        .parameter("port", variable)
        .build();
    doc.servers = Some(vec![server]);
    let bearer = HttpBuilder::new()
        .scheme(HttpAuthScheme::Bearer)
        .description(Some("`Authorization: Bearer <token>`: `token-alice` (an admin) or `token-bob`"))
        .build();
    doc.components.get_or_insert_with(Default::default).add_security_scheme(BEARER, SecurityScheme::Http(bearer));

    let mut value = serde_json::to_value(&doc).expect("the document serializes");
    mark_required_headers(&mut value);
    link_catalog(&mut value, catalog);
    serde_json::to_string_pretty(&value).expect("a JSON value serializes")
}

/// Appends to the description of each error response the catalogue entries of its status,
/// each a link to where the catalogue served at [`crate::CATALOG_PATH`] documents it: the page of
/// its type URI, or its row on the index.
fn link_catalog(doc: &mut Value, catalog: &Catalog) {
    let pages = catalog.pages(crate::CATALOG_PATH);
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else { return };
    for item in paths.values_mut().filter_map(Value::as_object_mut) {
        for operation in item.values_mut() {
            let Some(responses) = operation.get_mut("responses").and_then(Value::as_object_mut) else { continue };
            for (status, response) in responses.iter_mut() {
                let Ok(status) = status.parse::<u16>() else { continue };
                let links: Vec<String> = catalog
                    .entries()
                    .iter()
                    .filter(|e| e.statuses().iter().any(|s| s.as_u16() == status))
                    .map(|e| format!("[`{}`]({})", e.code(), pages.href(e)))
                    .collect();
                if links.is_empty() {
                    continue;
                }
                let Some(Value::String(description)) = response.get_mut("description") else { continue };
                description.push_str(&format!("\n\nIn the error catalogue: {}", links.join(", ")));
            }
        }
    }
}

fn mark_required_headers(doc: &mut Value) {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else { return };
    for item in paths.values_mut().filter_map(Value::as_object_mut) {
        for operation in item.values_mut() {
            let Some(responses) = operation.get_mut("responses").and_then(Value::as_object_mut) else { continue };
            for (status, name) in REQUIRED_HEADERS {
                if let Some(header) =
                    responses.get_mut(*status).and_then(|r| r.pointer_mut(&format!("/headers/{name}")))
                {
                    header["required"] = Value::Bool(true);
                }
            }
        }
    }
}

/// The operations of the API, once per service: `Error` is the service's error type.
macro_rules! document {
    ($(#[$attr:meta])* mod $module:ident for $error:ty) => {
        $(#[$attr])*
        pub mod $module {
            use utoipa::OpenApi;

            use crate::store::{NewUser, Order, User};

            type Error = $error;

            /// The document without its server, security scheme and required header fields, which
            /// [`super::axum_json`] and [`super::actix_json`] add.
            #[derive(OpenApi)]
            #[openapi(
                info(
                    title = "errstatus example API",
                    description = "Users, a rate limit and auth; every error is problem+json (RFC 9457).",
                    license(name = "MIT OR Apache-2.0", identifier = "MIT OR Apache-2.0"),
                ),
                paths(get_user, create_user, password_reset, orders, exports),
                components(schemas(User, NewUser, Order)),
            )]
            pub struct Doc;

            /// Look a user up.
            ///
            /// The response has an `ETag`; a `GET` (or `HEAD`) whose `If-None-Match` matches it
            /// is answered with 304 Not Modified. Caches may store it but must revalidate it
            /// before each use (`Cache-Control: no-cache`).
            #[utoipa::path(get, path = "/users/{id}", security(()),
                params(
                    ("id" = u64, Path, description = "The user's id", example = 1),
                    ("if-none-match" = Option<String>, Header,
                        description = "Entity tags of representations the client has (RFC 9110 §13.1.2)"),
                ),
                responses(
                    (status = 200, description = "The user", body = User,
                        headers(("etag" = String, description = "The entity tag of the user"),
                            ("cache-control" = String, description = "`no-cache`: a cache revalidates it before each use"))),
                    (status = 304, description = "Not Modified: the client's copy is current",
                        headers(("etag" = String, description = "The entity tag of the user"),
                            ("cache-control" = String, description = "`no-cache`: a cache revalidates it before each use"))),
                    Error,
                ))]
            #[allow(dead_code)]
            fn get_user() {}

            /// Create a user (admins only).
            #[utoipa::path(post, path = "/users", security(("bearerAuth" = [])),
                request_body(content = NewUser, content_type = "application/json", description = "The new user"),
                responses(
                    (status = 201, description = "Created", body = User,
                        headers(("location" = String, description = "The path of the new user")),
                        links(
                            ("GetUser" = (operation_id = "get_user", parameters(("id" = "$response.body#/id")),
                                description = "The new user")),
                            ("PasswordReset" = (operation_id = "password_reset", parameters(("id" = "$response.body#/id")),
                                description = "A password-reset mail for the new user")),
                            ("Orders" = (operation_id = "orders", parameters(("id" = "$response.body#/id")),
                                description = "The new user's orders")),
                        )),
                    Error,
                ))]
            #[allow(dead_code)]
            fn create_user() {}

            /// Send a password-reset mail, at most once a minute per user.
            #[utoipa::path(post, path = "/users/{id}/password-reset", security(()),
                params(("id" = u64, Path, description = "The user's id", example = 1)),
                responses((status = 202, description = "Mail sent"), Error))]
            #[allow(dead_code)]
            fn password_reset() {}

            /// The orders of a user.
            ///
            /// The example service simulates a database shard that is down: unless it was started
            /// with `EXAMPLE_OUTAGES=off`, the orders of an odd id are a 500.
            #[utoipa::path(get, path = "/users/{id}/orders", security(()),
                params(
                    ("id" = u64, Path, description = "The user's id", example = 1),
                    ("x-request-id" = Option<String>, Header,
                        description = "An id for the logs, sent back on a 500; 1 to 64 letters, digits, `-`, `_` or `.` (another value is replaced)"),
                ),
                responses((status = 200, description = "The orders", body = Vec<Order>), Error))]
            #[allow(dead_code)]
            fn orders() {}

            /// Export every user.
            ///
            /// The example service simulates a maintenance window: unless it was started with
            /// `EXAMPLE_OUTAGES=off`, this is a 503 with `Retry-After`.
            #[utoipa::path(get, path = "/exports", security(()),
                responses(
                    (status = 200, description = "Every user, ordered by id", body = Vec<User>,
                        content_type = "application/json"),
                    Error,
                ))]
            #[allow(dead_code)]
            fn exports() {}
        }
    };
}

document!(
    /// The operations of the axum service, whose errors are [`crate::axum_app::ServiceError`].
    mod axum for crate::axum_app::ServiceError
);

document!(
    /// The operations of the actix-web service, whose errors are
    /// [`crate::actix_app::ServiceError`].
    mod actix for crate::actix_app::ServiceError
);
