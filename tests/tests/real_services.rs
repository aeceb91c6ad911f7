//! What real services need beyond the core (api.md "Real services"): fixed and optional header
//! fields, `acknowledge`, `expose = false`, statuses decided at run time, transparent through
//! one field of several, header values through `with`. Checked on the `http::Response`.

use std::time::Duration;

use errstatus::HttpStatus;
use http::{HeaderValue, StatusCode};

fn parts(e: &dyn HttpStatus) -> (u16, Vec<(String, String)>, String) {
    let r: http::Response<String> = errstatus::response(e);
    let headers = r
        .headers()
        .iter()
        .filter(|(n, _)| *n != "content-type")
        .map(|(n, v)| (n.as_str().to_owned(), v.to_str().unwrap().to_owned()))
        .collect();
    (r.status().as_u16(), headers, r.into_body())
}

fn h(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect()
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[header(ACCESS_CONTROL_ALLOW_ORIGIN = "*")]
#[header("x-api" = "v1")]
enum Fixed {
    /// A 401 with a fixed challenge satisfies the required-header rule.
    #[error("login required")]
    #[status(401)]
    #[header(WWW_AUTHENTICATE = "Bearer")]
    Unauthenticated,
    /// The variant's value replaces the type's.
    #[error("gone")]
    #[status(410)]
    #[header("x-api" = "v0")]
    Gone,
    /// A field replaces both.
    #[error("teapot-free zone")]
    #[status(400)]
    #[header("x-api" = "v0")]
    Bad {
        #[header("x-api")]
        api: String,
    },
    #[error(transparent)]
    #[status(transparent)]
    Inner(InnerWithOrigin),
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("inner")]
#[status(409)]
#[header(ACCESS_CONTROL_ALLOW_ORIGIN = "https://example.com")]
struct InnerWithOrigin;

#[test]
fn fixed_header_values_and_precedence() {
    let (status, headers, _) = parts(&Fixed::Unauthenticated);
    assert_eq!(status, 401);
    assert_eq!(headers, h(&[("www-authenticate", "Bearer"), ("access-control-allow-origin", "*"), ("x-api", "v1")]));
    assert_eq!(parts(&Fixed::Gone).1, h(&[("x-api", "v0"), ("access-control-allow-origin", "*")]));
    assert_eq!(
        parts(&Fixed::Bad { api: "field".into() }).1,
        h(&[("x-api", "field"), ("access-control-allow-origin", "*")])
    );
    // Through a transparent variant the inner error's value wins; the type's fill in the rest.
    assert_eq!(
        parts(&Fixed::Inner(InnerWithOrigin)).1,
        h(&[("access-control-allow-origin", "https://example.com"), ("x-api", "v1")])
    );
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum Departures {
    /// A cookie login: no challenge to send, on purpose.
    #[error("session expired")]
    #[status(401, acknowledge)]
    SessionExpired,
    /// Retry-After only when known.
    #[error("busy")]
    #[status(503, expose)]
    Busy {
        #[header(RETRY_AFTER)]
        retry_after: Option<u64>,
    },
    /// A 4xx whose text must not reach the client.
    #[error("user 42 has no access to tenant 7")]
    #[status(403, expose = false)]
    Forbidden,
    /// A Duration as whole seconds rounded up, through `with`.
    #[error("slow down")]
    #[status(429)]
    Slow {
        #[header(RETRY_AFTER, with = seconds)]
        wait: Duration,
    },
}

fn seconds(d: &Duration) -> Option<HeaderValue> {
    let secs = d.as_secs() + u64::from(d.subsec_nanos() > 0);
    Some(HeaderValue::from(secs))
}

#[test]
fn acknowledge_option_expose_false_with() {
    assert_eq!(
        parts(&Departures::SessionExpired),
        (
            401,
            vec![],
            r#"{"type":"about:blank","title":"Unauthorized","status":401,"detail":"session expired"}"#.into()
        )
    );
    assert_eq!(parts(&Departures::Busy { retry_after: Some(30) }).1, h(&[("retry-after", "30")]));
    assert_eq!(parts(&Departures::Busy { retry_after: None }).1, vec![]);
    assert_eq!(
        parts(&Departures::Busy { retry_after: None }).2,
        r#"{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"busy"}"#
    );
    assert_eq!(parts(&Departures::Forbidden).2, r#"{"type":"about:blank","title":"Forbidden","status":403}"#);
    assert_eq!(parts(&Departures::Slow { wait: Duration::from_millis(1500) }).1, h(&[("retry-after", "2")]));
}

/// A foreign error whose status depends on its value.
#[derive(Debug)]
enum DbError {
    RowNotFound,
    Closed,
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DbError::RowNotFound => "no rows returned",
            DbError::Closed => "pool closed",
        })
    }
}

fn db_status(e: &DbError) -> StatusCode {
    match e {
        DbError::RowNotFound => StatusCode::NOT_FOUND,
        DbError::Closed => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500)]
enum RunTime {
    #[error("{1}")]
    Custom(#[status] StatusCode, String),
    #[error("upstream failed")]
    Upstream {
        #[status]
        status: Option<StatusCode>,
    },
    #[error("database: {0}")]
    #[status(with = db_status)]
    Db(DbError),
    #[error("{0}")]
    #[status(expose = false)]
    Quiet(#[status] StatusCode),
}

#[test]
fn status_decided_at_run_time() {
    let body = |c: u16, t: &str, d: Option<&str>| match d {
        Some(d) => format!(r#"{{"type":"about:blank","title":"{t}","status":{c},"detail":"{d}"}}"#),
        None => format!(r#"{{"type":"about:blank","title":"{t}","status":{c}}}"#),
    };
    let custom = |c: u16| parts(&RunTime::Custom(StatusCode::from_u16(c).unwrap(), "why".into()));
    assert_eq!(custom(401), (401, vec![], body(401, "Unauthorized", Some("why"))));
    assert_eq!(custom(404), (404, vec![], body(404, "Not Found", Some("why"))));
    assert_eq!(custom(503), (503, vec![], body(503, "Service Unavailable", None)));
    // No content for 304.
    assert_eq!(custom(304), (304, vec![], String::new()));
    // Unregistered: the `http` crate's phrase, or none at all.
    assert_eq!(custom(499).0, 499);
    assert_eq!(custom(999).0, 999);
    assert_eq!(RunTime::Custom(StatusCode::IM_A_TEAPOT, String::new()).status(), 418);

    assert_eq!(parts(&RunTime::Upstream { status: Some(StatusCode::BAD_GATEWAY) }).0, 502);
    assert_eq!(parts(&RunTime::Upstream { status: None }).0, 500);
    assert_eq!(
        parts(&RunTime::Db(DbError::RowNotFound)),
        (404, vec![], body(404, "Not Found", Some("database: no rows returned")))
    );
    assert_eq!(parts(&RunTime::Db(DbError::Closed)), (500, vec![], body(500, "Internal Server Error", None)));
    assert_eq!(parts(&RunTime::Quiet(StatusCode::NOT_FOUND)).2, body(404, "Not Found", None));
    // Only codes known at compile time: the enum default, which is the Option's fallback.
    assert_eq!(RunTime::statuses(), [StatusCode::INTERNAL_SERVER_ERROR]);
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ErrorKind {
    #[error("not found")]
    #[status(404)]
    NotFound,
    #[error("slow down")]
    #[status(429)]
    Slow {
        #[header(RETRY_AFTER)]
        secs: u64,
    },
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("{kind}")]
struct AppError {
    #[status(transparent)]
    kind: ErrorKind,
    cause: Option<String>,
    #[header("x-caller")]
    caller: &'static str,
}

#[test]
fn transparent_through_one_field_of_several() {
    let e = AppError { kind: ErrorKind::Slow { secs: 4 }, cause: None, caller: "billing" };
    assert_eq!(e.status(), 429);
    let (status, headers, body) = parts(&e);
    assert_eq!(status, 429);
    assert_eq!(headers, h(&[("retry-after", "4"), ("x-caller", "billing")]));
    assert_eq!(body, r#"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"slow down"}"#);
    let e = AppError { kind: ErrorKind::NotFound, cause: Some("db".into()), caller: "x" };
    assert_eq!(parts(&e).0, 404);
    assert_eq!(AppError::statuses(), [StatusCode::NOT_FOUND, StatusCode::TOO_MANY_REQUESTS]);
}

/// `expose = false` on the type: the default of the variants that take its code; a variant
/// with a code of its own shows its detail as its class says, unless it says otherwise.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(404, expose = false)]
enum Quiet {
    #[error("user 7 is in tenant 3")]
    Hidden,
    #[error("tenant 3 is being moved")]
    #[status(409, expose = false)]
    AlsoHidden,
    #[error("shown: a code of its own")]
    #[status(410)]
    Shown,
    #[error("shown on purpose")]
    #[status(expose)]
    ShownOnPurpose,
}

#[test]
fn expose_false_on_the_type_is_the_default_of_its_variants() {
    assert_eq!(parts(&Quiet::Hidden).2, r#"{"type":"about:blank","title":"Not Found","status":404}"#);
    assert_eq!(parts(&Quiet::AlsoHidden).2, r#"{"type":"about:blank","title":"Conflict","status":409}"#);
    assert_eq!(
        parts(&Quiet::Shown).2,
        r#"{"type":"about:blank","title":"Gone","status":410,"detail":"shown: a code of its own"}"#
    );
    assert_eq!(
        parts(&Quiet::ShownOnPurpose).2,
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"shown on purpose"}"#
    );
}

// ---- Port: a service whose status comes from a `kind` beside the message ----
//
// The original (an axum handler's error):
//
//     pub struct AppError { kind: ErrorKind, message: String, request_id: String }
//     impl IntoResponse for AppError {
//         fn into_response(self) -> Response {
//             let status = match self.kind {
//                 ErrorKind::NotFound => StatusCode::NOT_FOUND,
//                 ErrorKind::Validation => StatusCode::UNPROCESSABLE_ENTITY,
//                 ErrorKind::Forbidden => StatusCode::FORBIDDEN,
//                 ErrorKind::Database => StatusCode::INTERNAL_SERVER_ERROR,
//             };
//             let message = if status.is_server_error() {
//                 status.canonical_reason().unwrap().to_owned()
//             } else {
//                 self.message
//             };
//             let body = serde_json::json!({ "error": { "message": message } });
//             (status, [("x-service", "orders"), ("x-request-id", &*self.request_id)], Json(body))
//                 .into_response()
//         }
//     }

mod orders {
    use super::*;

    #[derive(Debug, Clone, Copy)]
    pub enum ErrorKind {
        NotFound,
        Validation,
        Forbidden,
        Database,
    }

    /// `{"error":{"message":"..."}}`: the Display text, or the reason phrase when hidden.
    struct Envelope;

    impl errstatus::Format for Envelope {
        const CONTENT_TYPE: &'static str = "application/json";

        fn write(d: &errstatus::Details<'_>, out: &mut String) {
            let message = d.detail().map_or_else(|| d.title().to_owned(), |t| t.to_string());
            let message = serde_json::to_string(&message).unwrap_or_default();
            out.push_str(&format!(r#"{{"error":{{"message":{message}}}}}"#));
        }
    }

    fn app_status(e: &AppError) -> StatusCode {
        match e.kind {
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::Validation => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorKind::Forbidden => StatusCode::FORBIDDEN,
            ErrorKind::Database => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[errstatus(format = Envelope)]
    #[status(with = app_status)]
    #[header("x-service" = "orders")]
    #[error("{message}")]
    pub struct AppError {
        pub kind: ErrorKind,
        pub message: String,
        #[header("x-request-id")]
        pub request_id: &'static str,
    }
}

#[test]
fn port_status_from_a_kind_field() {
    use orders::{AppError, ErrorKind};
    let e = |kind, message: &str| AppError { kind, message: message.to_owned(), request_id: "r-17" };
    let headers = h(&[("x-request-id", "r-17"), ("x-service", "orders")]);
    assert_eq!(
        parts(&e(ErrorKind::NotFound, "order 9 not found")),
        (404, headers.clone(), r#"{"error":{"message":"order 9 not found"}}"#.to_owned())
    );
    assert_eq!(
        parts(&e(ErrorKind::Validation, "quantity must be positive")),
        (422, headers.clone(), r#"{"error":{"message":"quantity must be positive"}}"#.to_owned())
    );
    assert_eq!(
        parts(&e(ErrorKind::Forbidden, "not your order")),
        (403, headers.clone(), r#"{"error":{"message":"not your order"}}"#.to_owned())
    );
    assert_eq!(
        parts(&e(ErrorKind::Database, "connection to 10.0.0.7 refused")),
        (500, headers, r#"{"error":{"message":"Internal Server Error"}}"#.to_owned())
    );
    let r: http::Response<String> = errstatus::response(&e(ErrorKind::NotFound, "x"));
    assert_eq!(r.headers()["content-type"], "application/json");
    assert!(<AppError as HttpStatus>::statuses().is_empty());
}
