//! The generator of the parity property and what every adapter is compared with: arbitrary
//! `ApiError` values, and `From<E> for http::Response<String>` as (status, header fields, body).
//! Shared by `examples/tests/parity.rs` (axum, actix-web) and
//! `tests/frameworks/tests/parity.rs` (Rocket, poem, salvo), each with `#[path]`.

use errstatus::HttpStatus;
use errstatus_examples::error::{ApiError, AuthError, DbError};
use proptest::prelude::*;

pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        // Biased towards what breaks header values and JSON strings.
        proptest::collection::vec(
            prop_oneof![
                Just("\r\n".to_owned()),
                Just("\"".to_owned()),
                Just("\\".to_owned()),
                Just("\u{0}".to_owned()),
                Just("\u{7f}".to_owned()),
                Just("é".to_owned()),
                Just("\u{2028}".to_owned()),
                "[a-z ]{0,4}",
            ],
            0..8
        )
        .prop_map(|parts| parts.concat()),
    ]
}

/// An `ApiError` to build as often as needed (it is not `Clone`, and two conversions consume it).
#[derive(Clone, Debug)]
pub enum Spec {
    NotFound(u64),
    Duplicate(String),
    Invalid(String),
    NotJson,
    RateLimited(u64),
    MissingToken,
    InvalidToken,
    Forbidden(u64),
    Database(String),
    Maintenance(&'static str, u64),
}

impl Spec {
    pub fn build(&self) -> ApiError {
        match self.clone() {
            Spec::NotFound(id) => ApiError::UserNotFound(id),
            Spec::Duplicate(email) => ApiError::DuplicateEmail { email },
            Spec::Invalid(reason) => ApiError::Invalid(reason),
            Spec::NotJson => ApiError::NotJson,
            Spec::RateLimited(retry_after) => ApiError::RateLimited { retry_after },
            Spec::MissingToken => AuthError::missing_token().into(),
            Spec::InvalidToken => AuthError::invalid_token().into(),
            Spec::Forbidden(user) => AuthError::Forbidden { user, action: "create users".to_owned() }.into(),
            Spec::Database(request_id) => {
                ApiError::Database { source: DbError::ConnectionRefused { addr: "10.0.0.7:5432" }, request_id }
            }
            Spec::Maintenance(service, retry_after) => {
                ApiError::Maintenance { service: service.to_owned(), retry_after }
            }
        }
    }
}

pub fn spec() -> impl Strategy<Value = Spec> {
    prop_oneof![
        any::<u64>().prop_map(Spec::NotFound),
        text().prop_map(Spec::Duplicate),
        text().prop_map(Spec::Invalid),
        Just(Spec::NotJson),
        any::<u64>().prop_map(Spec::RateLimited),
        Just(Spec::MissingToken),
        Just(Spec::InvalidToken),
        any::<u64>().prop_map(Spec::Forbidden),
        text().prop_map(Spec::Database),
        (prop_oneof![Just("exports"), Just("imports")], any::<u64>()).prop_map(|(s, r)| Spec::Maintenance(s, r)),
    ]
}

/// Status, header fields (sorted, values hex-encoded) and body bytes.
pub type Parts = (u16, Vec<(String, String)>, Vec<u8>);

pub fn lossless(name: &str, value: &[u8]) -> (String, String) {
    // Header values may be opaque bytes (obs-text): compare them hex-encoded.
    let hex: String = value.iter().map(|b| format!("{b:02x}")).collect();
    (name.to_owned(), hex)
}

/// The header fields of any framework's map, as `lossless` pairs, sorted.
pub fn header_parts<'a>(fields: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Vec<(String, String)> {
    let mut headers: Vec<_> = fields.into_iter().map(|(n, v)| lossless(n, v)).collect();
    headers.sort();
    headers
}

pub fn via_http(e: ApiError) -> Parts {
    let r: http::Response<String> = e.into();
    let headers = header_parts(r.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
    (r.status().as_u16(), headers, r.into_body().into_bytes())
}

/// The response every adapter must send for `spec`: `From<E> for http::Response<String>`,
/// checked to be problem+json with the status, and the Display text as `detail` unless hidden.
pub fn expected(spec: &Spec) -> Result<Parts, TestCaseError> {
    let e = spec.build();
    let (status, display) = (e.status().as_u16(), e.to_string());
    let http = via_http(e);
    prop_assert_eq!(http.0, status);
    let content_type = lossless("content-type", b"application/problem+json");
    prop_assert!(http.1.contains(&content_type));
    let json: serde_json::Value = serde_json::from_slice(&http.2).expect("the body is JSON");
    prop_assert_eq!(&json["status"], status);
    let type_ = if matches!(spec, Spec::InvalidToken) {
        "https://errstatus.example/problems/invalid-token"
    } else {
        "about:blank"
    };
    prop_assert_eq!(&json["type"], type_);
    // 4xx and the exposed 503 show the Display text, exactly; the 500 hides it.
    match json.get("detail") {
        Some(detail) => prop_assert_eq!(detail.as_str(), Some(display.as_str())),
        None => prop_assert_eq!(status, 500),
    }
    Ok(http)
}
