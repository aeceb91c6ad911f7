//! Feature `rocket`: a route that returns `Result<_, ApiError>`, through Rocket's
//! `local::blocking::Client`.

use errstatus::HttpStatus;
use errstatus_examples::error::ApiError;
use errstatus_frameworks::{failure, Reply, CASES};
use rocket::http::Status;
use rocket::local::blocking::{Client, LocalResponse};
use rocket::response::Responder;
use rocket::{get, routes};

#[get("/fail/<name>")]
fn fail(name: &str) -> Result<&'static str, ApiError> {
    Err(failure(name))
}

#[get("/users/<id>")]
fn user(id: u64) -> Result<String, ApiError> {
    if id == 1 {
        Ok("alice".to_owned())
    } else {
        Err(ApiError::UserNotFound(id))
    }
}

/// Header fields every Rocket response has: the server's name and those of the `Shield`
/// fairing that `rocket::build()` attaches.
const ROCKET_OWN: [&str; 4] = ["permissions-policy", "server", "x-content-type-options", "x-frame-options"];

/// Opted out: the crate writes its own `Responder`, which a derived one would conflict with.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(skip(rocket))]
#[error("moved")]
#[status(410)]
struct Moved;

impl<'r> Responder<'r, 'static> for Moved {
    fn respond_to(self, request: &'r rocket::Request<'_>) -> rocket::response::Result<'static> {
        (Status::Gone, "moved, in plain text").respond_to(request)
    }
}

#[get("/moved")]
fn moved() -> Result<&'static str, Moved> {
    Err(Moved)
}

fn client() -> Client {
    Client::tracked(rocket::build().mount("/", routes![fail, user, moved])).expect("valid rocket")
}

fn reply(response: LocalResponse<'_>) -> Reply {
    let status = response.status().code;
    let headers: Vec<(String, String)> =
        response.headers().iter().map(|h| (h.name().as_str().to_owned(), h.value().to_owned())).collect();
    let body = response.into_bytes().unwrap_or_default();
    Reply::new(status, headers.iter().map(|(n, v)| (n.as_str(), v.as_bytes())), body)
}

#[test]
fn every_error_is_its_problem_json_response() {
    let client = client();
    for case in &CASES {
        let response = client.get(format!("/fail/{}", case.name)).dispatch();
        reply(response).check(case, &ROCKET_OWN);
    }
}

#[test]
fn the_content_type_is_problem_json_for_rocket_too() {
    let client = client();
    let response = client.get("/users/7").dispatch();
    assert_eq!(response.status(), Status::NotFound);
    let content_type = response.content_type().expect("a content-type");
    assert_eq!((content_type.top().as_str(), content_type.sub().as_str()), ("application", "problem+json"));
    assert_eq!(
        response.into_string().unwrap(),
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"user 7 not found","id":7}"#
    );
    // The success path is untouched.
    let response = client.get("/users/1").dispatch();
    assert_eq!(response.status(), Status::Ok);
    assert_eq!(response.into_string().unwrap(), "alice");
}

#[test]
fn the_error_is_never_handed_to_a_catcher() {
    // A `Responder` that returns `Err(status)` would get Rocket's HTML catcher page instead.
    let client = client();
    let request = client.get("/");
    let response = failure("database").respond_to(request.inner()).expect("Ok, not a catcher");
    assert_eq!(response.status(), Status::InternalServerError);
    assert_eq!(failure("database").status(), 500);
}

#[test]
fn skip_rocket_leaves_the_impl_to_the_crate() {
    let client = client();
    let response = client.get("/moved").dispatch();
    assert_eq!(response.status(), Status::Gone);
    assert_eq!(response.into_string().unwrap(), "moved, in plain text");
    assert_eq!(Moved.status(), 410);
}

/// A fairing reads the `ErrorRecord` from the request's local cache (Rocket's responses have no
/// extensions) and copies it into a header field for the test client.
#[test]
fn a_fairing_reads_the_error_record() {
    use rocket::fairing::AdHoc;
    let fairing = AdHoc::on_response("error records", |request, response| {
        Box::pin(async move {
            if let Some(record) = request.local_cache(|| None::<errstatus::ErrorRecord>) {
                response.set_raw_header(errstatus_frameworks::RECORD_HEADER, errstatus_frameworks::record_line(record));
            }
        })
    });
    let rocket = rocket::build().mount("/", routes![fail, user, moved]).attach(fairing);
    let client = Client::tracked(rocket).expect("valid rocket");
    for case in &CASES {
        let response = client.get(format!("/fail/{}", case.name)).dispatch();
        assert_eq!(response.headers().get_one(errstatus_frameworks::RECORD_HEADER), Some(case.record), "{}", case.name);
    }
    let response = client.get("/users/1").dispatch();
    assert_eq!(response.headers().get_one(errstatus_frameworks::RECORD_HEADER), None);
}
