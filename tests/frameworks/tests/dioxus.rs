//! Feature `dioxus`: `dioxus_fullstack::AsStatusCode` for derived types, called as dioxus
//! calls it: through the generic bound of a server function's error, and through the
//! server-function error path (`MakeAxumError`) that answers a `Result<T, E>`'s `Err`.

use dioxus_fullstack::{AsStatusCode, MakeAxumError, ServerFnDecoder, ServerFnError, StatusCode};
use errstatus::HttpStatus;
use errstatus_examples::error::ApiError;
use errstatus_frameworks::{failure, CASES};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A server function's error as dioxus wants it: `From<ServerFnError>`, serde and Display are
/// the crate's own; the status is the derived one.
#[derive(Debug, thiserror::Error, HttpStatus, Serialize, Deserialize)]
#[status(500)]
enum AppError {
    #[error("no user {0}")]
    #[status(404)]
    NoUser(u64),
    #[error("slow down")]
    #[status(429)]
    Limited,
    #[error("database at {0} is down")]
    Database(String),
    #[error("planned maintenance")]
    #[status(503, expose)]
    Maintenance,
    #[error(transparent)]
    #[status(transparent)]
    Denied(#[from] Denied),
    #[error("server function failed: {0}")]
    ServerFn(String),
}

#[derive(Debug, thiserror::Error, HttpStatus, Serialize, Deserialize)]
#[error("{user} may not do this")]
#[status(FORBIDDEN)]
struct Denied {
    user: u64,
}

impl From<ServerFnError> for AppError {
    fn from(e: ServerFnError) -> Self {
        AppError::ServerFn(e.to_string())
    }
}

/// What dioxus's server-function machinery requires of an error type, and calls.
fn status_of<E: AsStatusCode + From<ServerFnError> + Serialize + serde::de::DeserializeOwned + std::fmt::Display>(
    e: &E,
) -> StatusCode {
    e.as_status_code()
}

fn every_app_error() -> Vec<(AppError, u16)> {
    vec![
        (AppError::NoUser(7), 404),
        (AppError::Limited, 429),
        (AppError::Database("10.0.0.7:5432".into()), 500),
        (AppError::Maintenance, 503),
        (AppError::Denied(Denied { user: 7 }), 403),
        (ServerFnError::new("boom").into(), 500),
    ]
}

#[test]
fn the_trait_gives_the_derived_status_of_every_variant() {
    for (e, status) in every_app_error() {
        assert_eq!(status_of(&e), status, "{e:?}");
        assert_eq!(e.as_status_code(), HttpStatus::status(&e), "{e:?}");
    }
    // The example services' errors (not serde, so not a server function's error type, but the
    // trait is there): the status of their HTTP responses.
    for case in &CASES {
        let e: ApiError = failure(case.name);
        assert_eq!(e.as_status_code(), case.status, "{}", case.name);
    }
}

#[tokio::test]
async fn a_server_functions_err_is_answered_with_the_derived_status() {
    for (e, status) in every_app_error() {
        let display = e.to_string();
        // What the `#[server]` macro expands to for a `Result<T, AppError>` that is an `Err`.
        let decoder = ServerFnDecoder::<Result<String, AppError>>::new();
        let response = (&&&decoder).make_axum_error(Err(e));
        assert_eq!(response.status(), status, "{display}");
        let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.expect("body");
        let body: Value = serde_json::from_slice(&body).expect("dioxus's JSON error payload");
        assert_eq!(body["code"], status, "{display}");
        // The body is dioxus's: its message is the Display text whatever the status (the
        // hiding rules of errstatus are not applied there), and `data` the serialized error.
        assert_eq!(body["message"], display.as_str());
    }
}
