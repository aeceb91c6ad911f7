//! Property: for any `ApiError` value (arbitrary strings in its fields), axum's
//! `IntoResponse`, actix-web's `ResponseError` and `From<E> for http::Response<String>` send
//! the same status, header fields and body, and the body is problem+json.

mod common;

use actix_web::ResponseError;
use axum::response::IntoResponse;
use common::parse;
use errstatus::HttpStatus;
use errstatus_examples::error::{ApiError, AuthError, DbError};
use http_body_util::BodyExt;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
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
enum Spec {
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
    fn build(&self) -> ApiError {
        match self.clone() {
            Spec::NotFound(id) => ApiError::UserNotFound(id),
            Spec::Duplicate(email) => ApiError::DuplicateEmail { email },
            Spec::Invalid(reason) => ApiError::Invalid(reason),
            Spec::NotJson => ApiError::NotJson,
            Spec::RateLimited(retry_after) => ApiError::RateLimited { retry_after },
            Spec::MissingToken => AuthError::missing_token().into(),
            Spec::InvalidToken => AuthError::invalid_token().into(),
            Spec::Forbidden(user) => AuthError::Forbidden { user, action: "create users" }.into(),
            Spec::Database(request_id) => {
                ApiError::Database { source: DbError::ConnectionRefused { addr: "10.0.0.7:5432" }, request_id }
            }
            Spec::Maintenance(service, retry_after) => ApiError::Maintenance { service, retry_after },
        }
    }
}

fn spec() -> impl Strategy<Value = Spec> {
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

type Parts = (u16, Vec<(String, String)>, Vec<u8>);

fn lossless(name: &str, value: &[u8]) -> (String, String) {
    // Header values may be opaque bytes (obs-text): compare them hex-encoded.
    let hex: String = value.iter().map(|b| format!("{b:02x}")).collect();
    (name.to_owned(), hex)
}

fn via_http(e: ApiError) -> Parts {
    let r: http::Response<String> = e.into();
    let mut headers: Vec<_> = r.headers().iter().map(|(n, v)| lossless(n.as_str(), v.as_bytes())).collect();
    headers.sort();
    (r.status().as_u16(), headers, r.into_body().into_bytes())
}

fn via_axum(rt: &tokio::runtime::Runtime, e: ApiError) -> Parts {
    let r = e.into_response();
    let mut headers: Vec<_> = r.headers().iter().map(|(n, v)| lossless(n.as_str(), v.as_bytes())).collect();
    headers.sort();
    let status = r.status().as_u16();
    let body = rt.block_on(r.into_body().collect()).expect("body").to_bytes().to_vec();
    (status, headers, body)
}

fn via_actix(rt: &tokio::runtime::Runtime, e: &ApiError) -> Parts {
    let r = e.error_response();
    assert_eq!(r.status(), e.status_code());
    let mut headers: Vec<_> = r.headers().iter().map(|(n, v)| lossless(n.as_str(), v.as_bytes())).collect();
    headers.sort();
    let status = r.status().as_u16();
    let body = rt.block_on(actix_web::body::to_bytes(r.into_body())).expect("body").to_vec();
    (status, headers, body)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn frameworks_send_the_same_response(spec in spec()) {
        let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let e = spec.build();
        let (status, display) = (e.status().as_u16(), e.to_string());

        let http = via_http(spec.build());
        prop_assert_eq!(&via_axum(&rt, spec.build()), &http);
        prop_assert_eq!(&via_actix(&rt, &e), &http);

        prop_assert_eq!(http.0, status);
        let content_type = lossless("content-type", b"application/problem+json");
        prop_assert!(http.1.contains(&content_type));
        let json = parse(&http.2);
        prop_assert_eq!(&json["status"], status);
        prop_assert_eq!(&json["type"], "about:blank");
        // 4xx and the exposed 503 show the Display text, exactly; the 500 hides it.
        match json.get("detail") {
            Some(detail) => prop_assert_eq!(detail.as_str(), Some(display.as_str())),
            None => prop_assert_eq!(status, 500),
        }
    }
}
