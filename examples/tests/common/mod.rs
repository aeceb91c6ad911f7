//! Helpers shared by the test files: header lists, problem+json bodies, an error type with
//! every RFC 9457 member.
#![allow(dead_code)] // each test file uses a different part

use errstatus::HttpStatus;
use serde_json::{json, Value};

pub const PROBLEM_JSON: &str = "application/problem+json";

/// Header fields as sorted `(name, value)` pairs, so a test can compare the whole set: a
/// missing, extra or duplicated field fails it. Names come lower-cased from both `http`
/// versions; values must be visible ASCII here.
pub fn header_list<'a>(fields: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = fields
        .into_iter()
        .map(|(name, value)| {
            let value = std::str::from_utf8(value).expect("header value is UTF-8");
            (name.to_owned(), value.to_owned())
        })
        .collect();
    out.sort();
    out
}

/// The expected sorted list: content-type plus the given fields.
pub fn problem_headers(extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = extra.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect();
    out.push(("content-type".into(), PROBLEM_JSON.into()));
    out.sort();
    out
}

/// Parses a problem+json body; panics with the raw body if it is not JSON.
pub fn parse(body: &[u8]) -> Value {
    serde_json::from_slice(body)
        .unwrap_or_else(|e| panic!("body is not JSON ({e}): {:?}", String::from_utf8_lossy(body)))
}

/// The RFC 9457 body errstatus sends: `detail` only when given.
pub fn problem(status: u16, title: &str, detail: Option<&str>) -> Value {
    let mut body = json!({"type": "about:blank", "title": title, "status": status});
    if let Some(detail) = detail {
        body["detail"] = json!(detail);
    }
    body
}

/// `body` with more members: the extension members (or a `type`) a variant adds.
pub fn with(mut body: Value, members: Value) -> Value {
    if let (Some(body), Value::Object(members)) = (body.as_object_mut(), members) {
        body.extend(members);
    }
    body
}

/// The `Authorization` value for a token.
pub fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

/// An error with every RFC 9457 member: `type` (a base on the enum, a full one on a variant),
/// `title`, `instance`, extension members, a masked 5xx and an exposed 5xx.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[problem(type = "https://errors.example.com/")]
pub enum BillingError {
    /// Not enough credit for the item.
    #[error("your balance is {balance}, the item costs {cost}")]
    #[status(403)]
    #[problem(type = "https://errors.example.com/out-of-credit", title = "You do not have enough credit")]
    OutOfCredit {
        #[problem(extension)]
        balance: u64,
        #[problem(extension = "price")]
        cost: u64,
        #[problem(instance)]
        account: String,
    },
    /// The ledger is corrupt.
    #[error("ledger {ledger_id} is corrupt")]
    #[status(500)]
    Ledger {
        #[problem(extension)]
        ledger_id: u32,
        #[problem(instance)]
        account: String,
    },
    /// The ledger is being migrated; the client is told so.
    #[error("ledger {ledger_id} is being migrated")]
    #[status(503, expose)]
    #[problem(title = "Ledger migration")]
    Migrating {
        #[problem(extension)]
        ledger_id: u32,
        #[problem(extension = "steps")]
        remaining: Vec<&'static str>,
        #[header(RETRY_AFTER)]
        retry_after: u32,
    },
}

/// A custom text format: the variant's name (a response errstatus builds that the layer and the
/// middleware would rewrite if it were not errstatus's).
pub struct Code;

impl errstatus::Format for Code {
    const CONTENT_TYPE: &'static str = "text/plain; charset=utf-8";

    fn write(details: &errstatus::Details<'_>, out: &mut String) {
        out.push_str(details.variant());
    }
}

/// A custom format that writes nothing: no body, no content-type.
pub struct Silent;

impl errstatus::Format for Silent {
    const CONTENT_TYPE: &'static str = "text/plain";

    fn write(_: &errstatus::Details<'_>, _: &mut String) {}
}

/// An actix-web body of unknown size: one chunk.
pub struct Streamed(pub Option<actix_web::web::Bytes>);

impl actix_web::body::MessageBody for Streamed {
    type Error = std::convert::Infallible;

    fn size(&self) -> actix_web::body::BodySize {
        actix_web::body::BodySize::Stream
    }

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<actix_web::web::Bytes, Self::Error>>> {
        std::task::Poll::Ready(self.0.take().map(Ok))
    }
}
