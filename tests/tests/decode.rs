//! `#[errstatus(decode)]`: `E::from_problem` of the response errstatus builds for `e` is `e`
//! again, for every variant whose fields the response carries (members of any serde type,
//! `display` members, the instance, header fields, `#[status]` fields, transparent variants at
//! the variant and the field), also for arbitrary values (proptest); a field marked
//! `skip_decode` comes back as its `Default`, a variant marked `skip_decode` (or one that shares
//! its status and `about:blank` with another) as `Undecoded`. And bad input: any bytes,
//! truncated bodies, members of the wrong type, huge numbers, deep nesting, invalid UTF-8, a
//! problem of another service, all give `Undecoded`, never a panic.

use std::panic::{catch_unwind, AssertUnwindSafe};

use errstatus::http::{HeaderMap, HeaderValue, Response, StatusCode};
use errstatus::{FromProblem, HttpStatus, Undecoded};
use proptest::prelude::*;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
struct Range {
    min: i64,
    max: i64,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
#[problem(type = "https://errors.example.com/auth/")]
enum AuthError {
    #[error("missing token")]
    #[status(401)]
    MissingToken {
        #[header(WWW_AUTHENTICATE)]
        challenge: String,
    },
    #[error("invalid token")]
    #[status(401)]
    InvalidToken {
        #[header(WWW_AUTHENTICATE)]
        challenge: String,
    },
    #[error("user {user} may not {action}")]
    #[status(403)]
    Forbidden {
        #[problem(extension)]
        user: u64,
        #[problem(extension)]
        action: String,
    },
}

#[derive(Debug, Clone, PartialEq, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
#[status(500)]
#[problem(type = "https://errors.example.com/api/")]
enum ApiError {
    #[error("user {0} not found")]
    #[status(404)]
    UserNotFound(#[problem(extension = "id")] u64),

    #[error("email {email} taken")]
    #[status(CONFLICT)]
    #[problem(type = "https://errors.example.com/duplicate", title = "Already there")]
    Duplicate {
        #[problem(extension)]
        email: String,
        #[problem(instance)]
        account: String,
    },

    #[error("invalid")]
    #[status(422)]
    Invalid {
        #[problem(extension)]
        range: Range,
        #[problem(extension)]
        fields: Vec<String>,
        #[problem(extension)]
        hint: Option<String>,
        #[problem(extension, display)]
        addr: std::net::Ipv4Addr,
    },

    #[error("slow down")]
    #[status(429)]
    RateLimited {
        #[header(RETRY_AFTER)]
        retry_after: u64,
        #[header("x-quota")]
        quota: Option<u32>,
    },

    #[error("unit")]
    #[status(410)]
    Gone,

    #[error(transparent)]
    #[status(transparent)]
    Auth(AuthError),

    #[error("{message}")]
    Wrapped {
        #[status(transparent)]
        inner: Plain,
        #[header("x-request-id")]
        request_id: String,
        #[problem(skip_decode)]
        message: String,
    },

    #[error("database error: {reason}")]
    Database {
        #[problem(extension, skip_decode)]
        reason: String,
        #[header("x-request-id")]
        request_id: String,
    },

    #[error("quota of {quota}")]
    #[status(507)]
    Storage {
        #[problem(extension)]
        #[problem(skip_decode)]
        quota: u64,
    },

    #[error("maintenance of {service}")]
    #[status(503, expose)]
    Maintenance {
        #[problem(extension)]
        service: String,
    },

    #[error("upstream")]
    #[problem(type = "https://errors.example.com/upstream")]
    Upstream {
        #[status]
        status: StatusCode,
    },

    #[error("never decoded")]
    #[status(402, acknowledge)]
    #[problem(skip_decode)]
    Teapot(String),
}

/// A decoded struct, the inner error of a field-level transparent.
#[derive(Debug, Clone, PartialEq, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
#[error("plain")]
#[status(451)]
#[problem(type = "https://errors.example.com/plain")]
struct Plain;

/// Two variants of one status and `about:blank`: neither can be told apart.
#[derive(Debug, PartialEq, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
enum Blank {
    #[error("a")]
    #[status(400)]
    A,
    #[error("b")]
    #[status(400)]
    B,
    #[error("c")]
    #[status(404)]
    C,
    #[error("any")]
    Any(#[status] StatusCode),
}

/// Raw identifiers for a variant and its fields, header names as paths.
#[derive(Debug, PartialEq, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
#[allow(non_camel_case_types)]
enum Raw {
    #[error("match")]
    #[status(409)]
    r#match {
        #[problem(extension = "kind")]
        r#type: String,
        #[header(http::header::RETRY_AFTER)]
        r#in: u32,
        #[problem(extension)]
        r#loop: bool,
    },
}

#[test]
fn raw_identifiers_decode() {
    let e = Raw::r#match { r#type: "t".into(), r#in: 5, r#loop: true };
    assert_eq!(decode(&e), Ok(Raw::r#match { r#type: "t".into(), r#in: 5, r#loop: true }));
}

/// A 304 has no body: its header fields come back, its members are `skip_decode`.
#[derive(Debug, PartialEq, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
#[problem(type = "https://errors.example.com/cache/")]
enum Cached {
    #[error("not modified")]
    #[status(304)]
    NotModified {
        #[header(ETAG)]
        etag: String,
        #[problem(extension, skip_decode)]
        version: u64,
    },
}

#[test]
fn a_response_without_a_body_decodes_from_its_status_and_header_fields() {
    let e = Cached::NotModified { etag: "\"v7\"".into(), version: 7 };
    assert_eq!(decode(&e), Ok(Cached::NotModified { etag: "\"v7\"".into(), version: 0 }));
}

/// A type URI written as `about:blank` is none.
#[derive(Debug, PartialEq, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
#[error("blank")]
#[status(400)]
#[problem(type = "about:blank", title = "Bad input")]
struct WrittenBlank;

#[test]
fn a_written_about_blank_is_no_type() {
    assert_eq!(decode(&WrittenBlank), Ok(WrittenBlank));
}

/// A status decided at run time, with a fallback: `None` comes back for the fallback's code.
#[derive(Debug, PartialEq, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
enum Maybe {
    #[error("maybe")]
    #[status(409)]
    Maybe(#[status] Option<StatusCode>),
}

fn decode<E: HttpStatus + FromProblem>(e: &E) -> Result<E, Undecoded> {
    let response: Response<String> = errstatus::response(e);
    let (parts, body) = response.into_parts();
    E::from_problem(parts.status, &parts.headers, body.as_bytes())
}

fn samples() -> Vec<ApiError> {
    vec![
        ApiError::UserNotFound(42),
        ApiError::Duplicate { email: "a@example.com".into(), account: "/accounts/7".into() },
        ApiError::Invalid {
            range: Range { min: -1, max: 1 },
            fields: vec!["name".into(), "e\"mail\n".into()],
            hint: None,
            addr: std::net::Ipv4Addr::new(10, 0, 0, 1),
        },
        ApiError::Invalid {
            range: Range { min: 0, max: 0 },
            fields: vec![],
            hint: Some("ü".into()),
            addr: [1, 2, 3, 4].into(),
        },
        ApiError::RateLimited { retry_after: 30, quota: Some(5) },
        ApiError::RateLimited { retry_after: 0, quota: None },
        ApiError::Gone,
        ApiError::Auth(AuthError::MissingToken { challenge: "Bearer".into() }),
        ApiError::Auth(AuthError::InvalidToken { challenge: r#"Bearer error="invalid_token""#.into() }),
        ApiError::Auth(AuthError::Forbidden { user: 7, action: "delete".into() }),
        ApiError::Wrapped { inner: Plain, request_id: "r-1".into(), message: String::new() },
        ApiError::Database { reason: String::new(), request_id: "r-2".into() },
        ApiError::Maintenance { service: "exports".into() },
        ApiError::Upstream { status: StatusCode::BAD_GATEWAY },
        ApiError::Upstream { status: StatusCode::from_u16(599).unwrap() },
    ]
}

#[test]
fn every_variant_comes_back() {
    for e in samples() {
        assert_eq!(decode(&e), Ok(e.clone()), "{e:?}");
    }
    assert_eq!(decode(&Plain), Ok(Plain));
}

#[test]
fn skipped_fields_come_back_as_their_default() {
    let e = ApiError::Database { reason: "10.0.0.7 refused".into(), request_id: "r-3".into() };
    assert_eq!(decode(&e), Ok(ApiError::Database { reason: String::new(), request_id: "r-3".into() }));
    let e = ApiError::Wrapped { inner: Plain, request_id: "r-4".into(), message: "lost".into() };
    assert_eq!(decode(&e), Ok(ApiError::Wrapped { inner: Plain, request_id: "r-4".into(), message: String::new() }));
}

#[test]
fn skip_decode_beside_extension_in_an_attribute_of_its_own() {
    assert_eq!(decode(&ApiError::Storage { quota: 7 }), Ok(ApiError::Storage { quota: 0 }));
}

#[test]
fn a_skipped_variant_is_undecoded() {
    let e = decode(&ApiError::Teapot("tea".into())).unwrap_err();
    assert_eq!(e.status(), 402);
    assert_eq!(e.type_uri(), Some("https://errors.example.com/api/teapot"));
    assert_eq!(e.detail(), Some("never decoded"));
    assert_eq!(e.title(), Some("Payment Required"));
}

#[test]
fn by_status_only_when_one_variant_has_it() {
    assert!(decode(&Blank::A).is_err());
    assert!(decode(&Blank::B).is_err());
    assert_eq!(decode(&Blank::C), Ok(Blank::C));
    // A status decided at run time takes the statuses no other variant has.
    assert_eq!(decode(&Blank::Any(StatusCode::BAD_GATEWAY)), Ok(Blank::Any(StatusCode::BAD_GATEWAY)));
    assert!(decode(&Blank::Any(StatusCode::BAD_REQUEST)).is_err(), "400 is A's and B's");
    assert_eq!(decode(&Maybe::Maybe(None)), Ok(Maybe::Maybe(None)));
    assert_eq!(decode(&Maybe::Maybe(Some(StatusCode::GONE))), Ok(Maybe::Maybe(Some(StatusCode::GONE))));
    assert_eq!(decode(&Maybe::Maybe(Some(StatusCode::CONFLICT))), Ok(Maybe::Maybe(None)), "the fallback's code: None");
}

#[test]
fn the_response_must_match_the_variant() {
    let ok = |status: u16, headers: &HeaderMap, body: &str| {
        ApiError::from_problem(StatusCode::from_u16(status).unwrap(), headers, body.as_bytes())
    };
    let none = HeaderMap::new();
    let uri = "https://errors.example.com/api/user-not-found";
    assert_eq!(ok(404, &none, &format!(r#"{{"type":"{uri}","id":1}}"#)), Ok(ApiError::UserNotFound(1)));
    // Another status for the type, a member missing or of another type, another service's type.
    assert!(ok(400, &none, &format!(r#"{{"type":"{uri}","id":1}}"#)).is_err());
    assert!(ok(404, &none, &format!(r#"{{"type":"{uri}"}}"#)).is_err());
    assert!(ok(404, &none, &format!(r#"{{"type":"{uri}","id":"1"}}"#)).is_err());
    assert!(ok(404, &none, &format!(r#"{{"type":"{uri}","id":-1}}"#)).is_err());
    assert!(ok(404, &none, r#"{"type":"https://other.example/user-not-found","id":1}"#).is_err());
    assert!(ok(404, &none, r#"{"type":"about:blank","title":"Not Found","status":404}"#).is_err());
    // A header field that does not parse.
    let mut headers = HeaderMap::new();
    headers.insert("retry-after", HeaderValue::from_static("Wed, 21 Oct 2026 07:28:00 GMT"));
    let body = r#"{"type":"https://errors.example.com/api/rate-limited"}"#;
    assert!(ok(429, &headers, body).is_err());
    headers.insert("retry-after", HeaderValue::from_static("5"));
    assert_eq!(ok(429, &headers, body), Ok(ApiError::RateLimited { retry_after: 5, quota: None }));
    headers.insert("x-quota", HeaderValue::from_static("many"));
    assert!(ok(429, &headers, body).is_err());
}

/// Text for members and header fields: any unicode, and the pieces that break JSON strings.
fn text() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec!["\"", "\\", "\n", "\u{0}", "é", "\u{10FFFF}"]).prop_map(str::to_owned);
    let piece = prop_oneof![fixed, "\\PC{0,4}"];
    prop::collection::vec(piece, 0..6).prop_map(|pieces| pieces.concat())
}

/// Header values that `HeaderValue` takes and `FromStr` for `String` gives back: visible ASCII
/// and spaces inside.
fn header_text() -> impl Strategy<Value = String> {
    "[!-~]([ -~]{0,20}[!-~])?"
}

fn api_error() -> impl Strategy<Value = ApiError> {
    let auth = prop_oneof![
        header_text().prop_map(|challenge| AuthError::MissingToken { challenge }),
        header_text().prop_map(|challenge| AuthError::InvalidToken { challenge }),
        (any::<u64>(), text()).prop_map(|(user, action)| AuthError::Forbidden { user, action }),
    ];
    prop_oneof![
        any::<u64>().prop_map(ApiError::UserNotFound),
        (text(), text()).prop_map(|(email, account)| ApiError::Duplicate { email, account }),
        (any::<i64>(), any::<i64>(), prop::collection::vec(text(), 0..4), prop::option::of(text()), any::<[u8; 4]>())
            .prop_map(|(min, max, fields, hint, addr)| ApiError::Invalid {
                range: Range { min, max },
                fields,
                hint,
                addr: addr.into(),
            }),
        (any::<u64>(), prop::option::of(any::<u32>()))
            .prop_map(|(retry_after, quota)| ApiError::RateLimited { retry_after, quota }),
        Just(ApiError::Gone),
        auth.prop_map(ApiError::Auth),
        header_text().prop_map(|request_id| ApiError::Wrapped { inner: Plain, request_id, message: String::new() }),
        header_text().prop_map(|request_id| ApiError::Database { reason: String::new(), request_id }),
        text().prop_map(|service| ApiError::Maintenance { service }),
        (100u16..1000).prop_map(|code| ApiError::Upstream { status: StatusCode::from_u16(code).unwrap() }),
    ]
}

/// A body errstatus wrote for one of the samples, to mutate.
fn written() -> impl Strategy<Value = (StatusCode, HeaderMap, Vec<u8>)> {
    prop::sample::select(samples()).prop_map(|e| {
        let response: Response<String> = errstatus::response(&e);
        let (parts, body) = response.into_parts();
        (parts.status, parts.headers, body.into_bytes())
    })
}

/// Bodies that are not a problem of `ApiError`: bytes, truncated and mutated bodies, members of
/// other types, numbers past every integer type, nesting past serde_json's limit, invalid
/// UTF-8, another service's problem.
fn bad_body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..256),
        (written(), any::<prop::sample::Index>()).prop_map(|((_, _, body), cut)| {
            let len = cut.index(body.len().max(1));
            body[..len].to_vec()
        }),
        (written(), any::<prop::sample::Index>(), any::<u8>()).prop_map(|((_, _, mut body), at, byte)| {
            if !body.is_empty() {
                let i = at.index(body.len());
                body[i] = byte;
            }
            body
        }),
        (prop::sample::select(vec!["id", "email", "account", "range", "fields", "hint", "addr", "service", "user", "action", "type", "instance"]),
         prop::sample::select(vec!["null", "true", "-1", "1e400", "123456789012345678901234567890", "\"x\"", "[]", "{}", "[[[[[[[[1]]]]]]]]", "\"\\ud800\""]))
            .prop_map(|(name, value)| format!(r#"{{"type":"https://errors.example.com/api/user-not-found","{name}":{value}}}"#).into_bytes()),
        (1usize..5000).prop_map(|depth| format!(r#"{{"type":"https://errors.example.com/api/invalid","range":{}1{}}}"#, "[".repeat(depth), "]".repeat(depth)).into_bytes()),
        text().prop_map(|t| {
            let mut body = format!(r#"{{"type":"https://other.example/problems/out-of-credit","title":"{}","status":403}}"#, t.escape_debug()).into_bytes();
            body.extend_from_slice(b"\xff");
            body
        }),
        Just(br#"{"type":"https://other.example/problems/out-of-credit","title":"You do not have enough credit","status":403,"balance":30}"#.to_vec()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_values_come_back(e in api_error()) {
        prop_assert_eq!(decode(&e), Ok(e.clone()));
    }

    #[test]
    fn bad_input_is_undecoded(body in bad_body(), status in 100u16..1000, headers in written().prop_map(|(_, h, _)| h)) {
        let status = StatusCode::from_u16(status).unwrap();
        let result = catch_unwind(AssertUnwindSafe(|| ApiError::from_problem(status, &headers, &body)));
        let Ok(result) = result else { panic!("from_problem panicked on {:?}", String::from_utf8_lossy(&body)) };
        match result {
            Err(undecoded) => {
                prop_assert_eq!(undecoded.status(), status);
                prop_assert_eq!(undecoded.body(), &body[..]);
            }
            // A mutation may leave a body that is still one of ours: then it decodes as what it
            // says, and says it again when sent.
            Ok(e) => prop_assert_eq!(decode(&e), Ok(e.clone())),
        }
    }
}
