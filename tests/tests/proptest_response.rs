//! Property tests of `From<E> for http::Response<B>` with arbitrary text in the Display output
//! and in `#[header]` fields: any unicode, control characters, quotes, backslashes, CR and LF.
//!
//! - the body is always JSON; `detail` is the exact Display text for a 4xx and an exposed
//!   5xx, and absent for a masked 5xx (whose body then does not depend on the text at all);
//! - a header field is either the exact value or left out, and no header value holds CR or LF;
//! - nothing panics, also not when a Display impl returns `fmt::Error`.

use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};

use errstatus::HttpStatus;
use http::{HeaderMap, StatusCode};
use proptest::prelude::*;
use serde_json::{json, Value};

const CASES: u32 = 256;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum Echo {
    #[error("{0}")]
    #[status(400)]
    Client(String),
    #[error("{0}")]
    #[status(UNPROCESSABLE_CONTENT)]
    Unprocessable(String),
    #[error("{0}")]
    #[status(500)]
    Masked(String),
    #[error("{0}")]
    #[status(503, expose)]
    Exposed(String),
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum Headed {
    #[error("{text}")]
    #[status(429)]
    Limited {
        text: String,
        #[header(RETRY_AFTER)]
        retry_after: String,
        #[header("x-request-id")]
        request_id: String,
    },
    #[error("{text}")]
    #[status(502)]
    Masked {
        text: String,
        #[header("X-Upstream")]
        upstream: String,
    },
}

/// Arbitrary text: any unicode string, or one built from the pieces that break header values
/// and JSON strings.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\r\n"),
        Just("\r"),
        Just("\n"),
        Just("\""),
        Just("\\"),
        Just("\\u0000"),
        Just("\u{0}"),
        Just("\t"),
        Just("\u{7f}"),
        Just("\u{1b}[31m"),
        Just("é"),
        Just("\u{2028}"),
        Just("\u{feff}"),
        Just("😀"),
        Just("</script>"),
        Just("{\"detail\":1}"),
        Just("set-cookie: a=b"),
        Just(" "),
        Just("a"),
    ];
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(piece, 0..12).prop_map(|p| p.concat()),
        proptest::collection::vec(any::<char>(), 0..16).prop_map(|c| c.into_iter().collect()),
    ]
}

/// Converts, turning a panic into a test failure that names the input.
fn convert<E: fmt::Debug>(e: E) -> http::Response<String>
where
    http::Response<String>: From<E>,
{
    let input = format!("{e:?}");
    match catch_unwind(AssertUnwindSafe(|| http::Response::<String>::from(e))) {
        Ok(response) => response,
        Err(panic) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            panic!("the conversion of {input} panicked: {msg}")
        }
    }
}

fn body_json(response: &http::Response<String>) -> Value {
    match serde_json::from_str(response.body()) {
        Ok(value) => value,
        Err(e) => panic!("body is not JSON ({e}): {:?}", response.body()),
    }
}

/// Whether `http` accepts `s` as a header value: visible ASCII, space, tab and obs-text bytes.
fn valid_header_value(s: &str) -> bool {
    s.bytes().all(|b| b == b'\t' || (b >= 0x20 && b != 0x7f))
}

/// No value holds CR or LF; `name` is there exactly once with `expected` iff that is a valid
/// value, else absent.
fn check_header(headers: &HeaderMap, name: &str, expected: &str) -> Result<(), TestCaseError> {
    for (n, v) in headers {
        prop_assert!(!v.as_bytes().iter().any(|b| matches!(b, b'\r' | b'\n')), "{n}: {v:?}");
    }
    let values: Vec<&[u8]> = headers.get_all(name).iter().map(|v| v.as_bytes()).collect();
    if valid_header_value(expected) {
        prop_assert_eq!(values, vec![expected.as_bytes()], "{}", name);
    } else {
        prop_assert!(values.is_empty(), "{name} should be left out, got {values:?}");
    }
    Ok(())
}

fn check_names(headers: &HeaderMap, allowed: &[&str]) -> Result<(), TestCaseError> {
    for name in headers.keys() {
        prop_assert!(allowed.contains(&name.as_str()), "unexpected header {name}");
    }
    prop_assert_eq!(headers.get_all("content-type").iter().collect::<Vec<_>>(), vec!["application/problem+json"]);
    Ok(())
}

fn problem(status: u16, title: &str, detail: Option<&str>) -> Value {
    let mut body = json!({"type": "about:blank", "title": title, "status": status});
    if let Some(detail) = detail {
        body["detail"] = json!(detail);
    }
    body
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn detail_round_trips_for_4xx(s in text()) {
        let response = convert(Echo::Client(s.clone()));
        prop_assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        check_names(response.headers(), &["content-type"])?;
        prop_assert_eq!(body_json(&response), problem(400, "Bad Request", Some(&s)));

        let response = convert(Echo::Unprocessable(s.clone()));
        prop_assert_eq!(body_json(&response), problem(422, "Unprocessable Content", Some(&s)));

        // The borrowed form and other body types give the same bytes.
        let e = Echo::Client(s.clone());
        let borrowed: http::Response<String> = errstatus::response(&e);
        let bytes: http::Response<Vec<u8>> = e.into();
        prop_assert_eq!(borrowed.body().as_bytes(), bytes.body().as_slice());
        let owned = convert(Echo::Client(s));
        prop_assert_eq!(borrowed.body(), owned.body());
    }

    #[test]
    fn detail_is_absent_for_masked_5xx(s in text()) {
        let response = convert(Echo::Masked(s));
        prop_assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        check_names(response.headers(), &["content-type"])?;
        // Not only no `detail` member: the body does not depend on the text at all.
        prop_assert_eq!(response.body(), r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#);
    }

    #[test]
    fn detail_round_trips_for_exposed_5xx(s in text()) {
        let response = convert(Echo::Exposed(s.clone()));
        prop_assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        check_names(response.headers(), &["content-type"])?;
        prop_assert_eq!(body_json(&response), problem(503, "Service Unavailable", Some(&s)));
    }

    #[test]
    fn header_value_is_exact_or_absent(text in text(), retry_after in text(), request_id in text()) {
        let e = Headed::Limited { text: text.clone(), retry_after: retry_after.clone(), request_id: request_id.clone() };
        let response = convert(e);
        prop_assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        check_names(response.headers(), &["content-type", "retry-after", "x-request-id"])?;
        check_header(response.headers(), "retry-after", &retry_after)?;
        check_header(response.headers(), "x-request-id", &request_id)?;
        // A header left out does not cost the response its body.
        prop_assert_eq!(body_json(&response), problem(429, "Too Many Requests", Some(&text)));
    }

    #[test]
    fn masked_5xx_keeps_its_header_and_hides_its_text(text in text(), upstream in text()) {
        let response = convert(Headed::Masked { text, upstream: upstream.clone() });
        prop_assert_eq!(response.status(), StatusCode::BAD_GATEWAY);
        check_names(response.headers(), &["content-type", "x-upstream"])?;
        check_header(response.headers(), "x-upstream", &upstream)?;
        prop_assert_eq!(response.body(), r#"{"type":"about:blank","title":"Bad Gateway","status":502}"#);
    }
}

// ---- Display impls that fail ----

/// A Display impl that writes `self.0` and then fails, as a formatter over a broken writer or
/// a buggy impl would.
#[derive(Debug)]
struct Failing(&'static str);

impl fmt::Display for Failing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)?;
        Err(fmt::Error)
    }
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum Broken {
    #[error("{0}")]
    #[status(400)]
    Client(Failing),
    #[error("{0}")]
    #[status(500)]
    Masked(Failing),
    #[error("{0}")]
    #[status(503, expose)]
    Exposed(Failing),
    #[error("slow down")]
    #[status(429)]
    Header {
        #[header(RETRY_AFTER)]
        retry_after: Failing,
        #[header("x-request-id")]
        request_id: &'static str,
    },
}

/// The response for an error whose Display fails: no panic, a JSON body with the right status
/// and title, and no `detail` (there is no text to show; a half-written one is left out too).
fn check_failing_detail(e: Broken, status: u16, title: &str) {
    let response = convert(e);
    assert_eq!(response.status(), status);
    assert_eq!(body_json(&response), problem(status, title, None), "{}", response.body());
    assert_eq!(response.headers()["content-type"], "application/problem+json");
}

#[test]
fn failing_display_in_a_masked_5xx_does_not_panic() {
    check_failing_detail(Broken::Masked(Failing("")), 500, "Internal Server Error");
    check_failing_detail(Broken::Masked(Failing("half")), 500, "Internal Server Error");
}

#[test]
fn failing_display_in_a_4xx_detail_does_not_panic() {
    check_failing_detail(Broken::Client(Failing("")), 400, "Bad Request");
    check_failing_detail(Broken::Client(Failing("half")), 400, "Bad Request");
}

#[test]
fn failing_display_in_an_exposed_5xx_detail_does_not_panic() {
    check_failing_detail(Broken::Exposed(Failing("half")), 503, "Service Unavailable");
}

#[test]
fn failing_display_in_a_header_field_does_not_panic() {
    let response = convert(Broken::Header { retry_after: Failing("12"), request_id: "r-1" });
    assert_eq!(response.status(), 429);
    // The failed field is left out (not sent half-written), the others stay.
    assert!(response.headers().get("retry-after").is_none(), "{:?}", response.headers());
    assert_eq!(response.headers()["x-request-id"], "r-1");
    assert_eq!(body_json(&response), problem(429, "Too Many Requests", Some("slow down")));
}
