//! The reading of a response that every derived `FromProblem` builds on.

use http::{HeaderMap, HeaderValue, StatusCode};

use super::{from_problem, Candidate, DecodeMember, DecodeText, FromProblem, Received, Undecoded};

const U64_MEMBER: fn(&serde_json::Value) -> Option<u64> = <u64 as DecodeMember>::__decode;

/// A type that decodes nothing: every response gives `Undecoded`.
struct Nothing;

impl FromProblem for Nothing {
    fn from_problem(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Result<Self, Undecoded> {
        from_problem(status, headers, body)
    }

    fn __from_received(_: &Received<'_>) -> Option<Self> {
        None
    }
}

#[test]
fn undecoded_keeps_the_members_and_the_body() {
    let body = br#"{"type":"https://e.example/x","title":"T","status":409,"detail":"D"}"#;
    let Err(e) = Nothing::from_problem(StatusCode::CONFLICT, &HeaderMap::new(), body) else { panic!() };
    assert_eq!(
        (e.status(), e.title(), e.detail(), e.type_uri()),
        (StatusCode::CONFLICT, Some("T"), Some("D"), Some("https://e.example/x"))
    );
    assert_eq!(e.body(), body);
    for bad in [&b""[..], b"[1]", b"{\"type\":1}", b"\xff\xfe", b"{\"title\":"] {
        let Err(e) = Nothing::from_problem(StatusCode::BAD_GATEWAY, &HeaderMap::new(), bad) else { panic!() };
        assert_eq!((e.title(), e.body()), (None, bad));
    }
}

#[test]
fn a_candidate_is_picked_when_it_is_the_only_one() {
    let c = |type_, status| Candidate { type_, status };
    let candidates =
        [c(None, Some(404)), c(None, Some(401)), c(None, Some(401)), c(Some("u"), Some(404)), c(None, None)];
    let headers = HeaderMap::new();
    let pick = |status: u16, body: &str, runtime| {
        let r = Received::parse(StatusCode::from_u16(status).unwrap(), &headers, body.as_bytes()).ok()?;
        r.pick(&candidates, runtime)
    };
    assert_eq!(pick(404, "{}", false), Some(0));
    assert_eq!(pick(404, r#"{"type":"about:blank"}"#, false), Some(0));
    assert_eq!(pick(404, r#"{"type":"u"}"#, false), Some(3));
    assert_eq!(pick(401, "{}", false), None, "two 401 variants: neither");
    assert_eq!(pick(500, "{}", false), None);
    assert_eq!(pick(500, "{}", true), Some(4));
    assert_eq!(pick(500, r#"{"type":"u"}"#, true), None);
}

#[test]
fn fields_come_from_members_headers_and_the_status() {
    let mut headers = HeaderMap::new();
    headers.insert("retry-after", HeaderValue::from_static("30"));
    headers.insert("x-bad", HeaderValue::from_bytes(b"\xff").unwrap());
    let body = br#"{"n":7,"s":"x","big":1e999,"deep":[[[]]],"instance":"/a/1"}"#;
    let r = Received::parse(StatusCode::TOO_MANY_REQUESTS, &headers, body);
    assert!(r.is_err(), "1e999 is out of range: not a problem");
    let body = br#"{"n":7,"s":"x","big":18446744073709551616,"instance":"/a/1"}"#;
    let r = Received::parse(StatusCode::TOO_MANY_REQUESTS, &headers, body).ok().unwrap();
    assert_eq!(r.member::<u64>("n", U64_MEMBER), Some(7));
    assert_eq!(r.member::<u64>("s", U64_MEMBER), None);
    assert_eq!(r.member::<u64>("big", U64_MEMBER), None);
    assert_eq!(r.member::<u64>("absent", U64_MEMBER), None);
    assert_eq!(r.member_str("s", <String as DecodeText>::__parse).as_deref(), Some("x"));
    assert_eq!(r.instance(<String as DecodeText>::__parse).as_deref(), Some("/a/1"));
    assert_eq!(r.header(&http::header::RETRY_AFTER, <u64 as DecodeText>::__parse), Some(30));
    assert_eq!(r.header(&http::HeaderName::from_static("x-bad"), <String as DecodeText>::__parse), None);
    assert_eq!(r.header_opt(&http::header::LOCATION, <u64 as DecodeText>::__parse), Some(None));
    assert_eq!(r.status_or(429), Some(None));
    assert_eq!(r.status_or(500), Some(Some(StatusCode::TOO_MANY_REQUESTS)));
}

#[test]
fn nesting_is_bounded() {
    let deep = "[".repeat(100_000);
    let body = format!(r#"{{"a":{deep}"#);
    let Err(e) = Nothing::from_problem(StatusCode::BAD_REQUEST, &HeaderMap::new(), body.as_bytes()) else { panic!() };
    assert_eq!(e.title(), None);
}
