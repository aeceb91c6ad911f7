//! Property: for any `ApiError` value (arbitrary strings in its fields), axum's
//! `IntoResponse`, actix-web's `ResponseError` and `From<E> for http::Response<String>` send
//! the same status, header fields and body, and the body is problem+json.
//!
//! The generator and the expected response are in `parity/spec.rs`; the same property for
//! Rocket, poem and salvo is `tests/frameworks/tests/parity.rs`, a package of its own so that
//! their dependencies stay out of this one (whose examples build every dev-dependency).

#[path = "parity/spec.rs"]
mod spec;

use actix_web::ResponseError;
use axum::response::IntoResponse;
use errstatus_examples::error::ApiError;
use http_body_util::BodyExt;
use proptest::prelude::*;
use spec::{expected, header_parts, spec, Parts};

fn via_axum(rt: &tokio::runtime::Runtime, e: ApiError) -> Parts {
    let r = e.into_response();
    let headers = header_parts(r.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
    let status = r.status().as_u16();
    let body = rt.block_on(r.into_body().collect()).expect("body").to_bytes().to_vec();
    (status, headers, body)
}

fn via_actix(rt: &tokio::runtime::Runtime, e: &ApiError) -> Parts {
    let r = e.error_response();
    assert_eq!(r.status(), e.status_code());
    let headers = header_parts(r.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
    let status = r.status().as_u16();
    let body = rt.block_on(actix_web::body::to_bytes(r.into_body())).expect("body").to_vec();
    (status, headers, body)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn frameworks_send_the_same_response(spec in spec()) {
        let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let http = expected(&spec)?;
        prop_assert_eq!(&via_axum(&rt, spec.build()), &http);
        prop_assert_eq!(&via_actix(&rt, &spec.build()), &http);
    }
}
