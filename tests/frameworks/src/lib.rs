//! What the framework tests share: the errors a route of each framework fails with (the
//! example services' [`ApiError`]), and the response each one must send.
//!
//! The tests are in `tests/`: one file per framework, through its own test client, and
//! `parity.rs`.

use errstatus_examples::error::{ApiError, AuthError, DbError, BEARER_CHALLENGE};

/// One error a route returns, and what the client must get.
pub struct Case {
    /// The route is `/fail/{name}`.
    pub name: &'static str,
    pub status: u16,
    /// The header fields the error sends besides `content-type`.
    pub headers: &'static [(&'static str, &'static str)],
    pub body: &'static str,
    /// Its `ErrorRecord` as [`record_line`] writes it.
    pub record: &'static str,
}

/// An `ErrorRecord` on one line, as the frameworks' test middleware copy it into the response's
/// `x-error-record` header field for the test client to read: status, type name, code, and
/// `hidden` when the detail is hidden.
pub fn record_line(record: &errstatus::ErrorRecord) -> String {
    let hidden = if record.detail_hidden() { " hidden" } else { "" };
    format!("{} {} {}{hidden}", record.status().as_u16(), record.type_name(), record.code())
}

/// The header field the test middleware write [`record_line`] into.
pub const RECORD_HEADER: &str = "x-error-record";

/// A 404, a 429 with `Retry-After` from a field, a transparent 401 with `WWW-Authenticate` from
/// the inner error's field, and a masked 500 with an `x-request-id` from a field.
pub const CASES: [Case; 4] = [
    Case {
        name: "missing",
        status: 404,
        headers: &[],
        body: r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"user 42 not found","id":42}"#,
        record: "404 ApiError USER_NOT_FOUND",
    },
    Case {
        name: "limited",
        status: 429,
        headers: &[("retry-after", "30")],
        body: r#"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"too many password reset requests, retry in 30 seconds"}"#,
        record: "429 ApiError RATE_LIMITED",
    },
    Case {
        name: "login",
        status: 401,
        headers: &[("www-authenticate", BEARER_CHALLENGE)],
        body: r#"{"type":"about:blank","title":"Unauthorized","status":401,"detail":"missing bearer token"}"#,
        record: "401 AuthError MISSING_TOKEN",
    },
    Case {
        name: "database",
        status: 500,
        headers: &[("x-request-id", "req-7")],
        body: r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#,
        record: "500 ApiError DATABASE hidden",
    },
];

/// The error of `/fail/{name}`.
pub fn failure(name: &str) -> ApiError {
    match name {
        "missing" => ApiError::UserNotFound(42),
        "limited" => ApiError::RateLimited { retry_after: 30 },
        "login" => AuthError::missing_token().into(),
        "database" => ApiError::Database {
            source: DbError::ConnectionRefused { addr: "10.0.0.7:5432" },
            request_id: "req-7".to_owned(),
        },
        _ => ApiError::Invalid(format!("no case {name}")),
    }
}

/// A response as a test client got it.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    /// `(name, value)`, names lower-case, sorted.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn new<'a>(status: u16, headers: impl IntoIterator<Item = (&'a str, &'a [u8])>, body: Vec<u8>) -> Self {
        let mut headers: Vec<(String, String)> = headers
            .into_iter()
            .map(|(name, value)| {
                let value = std::str::from_utf8(value).expect("header value is UTF-8");
                (name.to_ascii_lowercase(), value.to_owned())
            })
            .collect();
        headers.sort();
        Reply { status, headers, body }
    }

    /// Checks status, body and every header field against `case`. `own` names the fields the
    /// framework adds to every response (`server`, ...), which are left out of the comparison;
    /// a `content-length` must match the body.
    pub fn check(&self, case: &Case, own: &[&str]) {
        let name = case.name;
        assert_eq!(self.status, case.status, "{name}: status");
        assert_eq!(std::str::from_utf8(&self.body).expect("UTF-8 body"), case.body, "{name}: body");
        let mut expected: Vec<(String, String)> =
            case.headers.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect();
        expected.push(("content-type".to_owned(), "application/problem+json".to_owned()));
        expected.sort();
        let mut got = Vec::new();
        for (n, v) in &self.headers {
            if n == "content-length" {
                assert_eq!(v, &self.body.len().to_string(), "{name}: content-length");
            } else if !own.contains(&n.as_str()) {
                got.push((n.clone(), v.clone()));
            }
        }
        assert_eq!(got, expected, "{name}: header fields");
    }
}
