//! Helpers shared by the test files: header lists and problem+json bodies.
#![allow(dead_code)] // each test file uses a different part

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

/// The `Authorization` value for a token.
pub fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}
