//! Property: for any `ApiError` value (arbitrary strings in its fields), Rocket's `Responder`,
//! the response of the `poem::Error` it becomes, the response of a poem-openapi operation that
//! returns it, salvo's `Scribe` and
//! `From<E> for http::Response<String>` send the same status, header fields and body, and the
//! body is problem+json. The same property for axum and actix-web is
//! `examples/tests/parity.rs`; both use its generator, `examples/tests/parity/spec.rs`.

#[path = "../../../examples/tests/parity/spec.rs"]
mod spec;

use std::sync::Mutex;

use errstatus_examples::error::ApiError;
use poem::{Endpoint, IntoEndpoint};
use poem_openapi::payload::Json;
use poem_openapi::{OpenApi, OpenApiService};
use proptest::prelude::*;
use rocket::local::blocking::Client;
use rocket::response::Responder;
use salvo::Scribe;
use spec::{expected, header_parts, spec, Parts};

fn via_rocket(rt: &tokio::runtime::Runtime, client: &Client, e: ApiError) -> Parts {
    let request = client.get("/");
    let mut r = e.respond_to(request.inner()).expect("a response, never a catcher's status");
    let headers: Vec<(String, String)> =
        r.headers().iter().map(|h| (h.name().as_str().to_ascii_lowercase(), h.value().to_owned())).collect();
    let headers = header_parts(headers.iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
    let body = rt.block_on(r.body_mut().to_bytes()).expect("body");
    (r.status().code, headers, body)
}

fn via_poem(rt: &tokio::runtime::Runtime, e: ApiError) -> Parts {
    // What a handler's `Err(e)` becomes.
    let r = poem::Error::from(e).into_response();
    let headers = header_parts(r.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
    let status = r.status().as_u16();
    let body = rt.block_on(r.into_body().into_vec()).expect("body");
    (status, headers, body)
}

/// A poem-openapi service whose one operation fails with the error put in it.
struct Relay(Mutex<Option<ApiError>>);

#[OpenApi]
impl Relay {
    #[oai(path = "/", method = "get")]
    async fn fail(&self) -> Result<Json<String>, ApiError> {
        Err(self.0.lock().unwrap().take().expect("an error to send"))
    }
}

fn via_poem_openapi(rt: &tokio::runtime::Runtime, e: ApiError) -> Parts {
    let service = OpenApiService::new(Relay(Mutex::new(Some(e))), "parity", "1").into_endpoint();
    let r = rt.block_on(service.get_response(poem::Request::builder().uri_str("/").finish()));
    let headers = header_parts(r.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
    let status = r.status().as_u16();
    let body = rt.block_on(r.into_body().into_vec()).expect("body");
    (status, headers, body)
}

fn via_salvo(e: ApiError) -> Parts {
    let mut r = salvo::Response::new();
    e.render(&mut r);
    let headers = header_parts(r.headers().iter().map(|(n, v)| (n.as_str(), v.as_bytes())));
    let body = match r.take_body() {
        salvo::http::ResBody::Once(bytes) => bytes.to_vec(),
        salvo::http::ResBody::None => Vec::new(),
        other => panic!("a body in one piece, not {other:?}"),
    };
    (r.status_code.expect("a status").as_u16(), headers, body)
}

#[test]
fn frameworks_send_the_same_response() {
    let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
    let client = Client::untracked(rocket::build()).expect("valid rocket");
    proptest!(ProptestConfig::with_cases(256), |(spec in spec())| {
        let http = expected(&spec)?;
        prop_assert_eq!(&via_rocket(&rt, &client, spec.build()), &http);
        prop_assert_eq!(&via_poem(&rt, spec.build()), &http);
        prop_assert_eq!(&via_poem_openapi(&rt, spec.build()), &http);
        prop_assert_eq!(&via_salvo(spec.build()), &http);
    });
}
