//! Walks the whole registry table against the IANA facts in ../shared/registry.

use errstatus::registry::{entries, lookup, lookup_name, Class, State};

/// The 64 values IANA has registered (last change 2025-09-15), with their descriptions.
const IANA: &[(u16, &str)] = &[
    (100, "Continue"),
    (101, "Switching Protocols"),
    (102, "Processing"),
    (103, "Early Hints"),
    (104, "Upload Resumption Supported"),
    (200, "OK"),
    (201, "Created"),
    (202, "Accepted"),
    (203, "Non-Authoritative Information"),
    (204, "No Content"),
    (205, "Reset Content"),
    (206, "Partial Content"),
    (207, "Multi-Status"),
    (208, "Already Reported"),
    (226, "IM Used"),
    (300, "Multiple Choices"),
    (301, "Moved Permanently"),
    (302, "Found"),
    (303, "See Other"),
    (304, "Not Modified"),
    (305, "Use Proxy"),
    (306, "(Unused)"),
    (307, "Temporary Redirect"),
    (308, "Permanent Redirect"),
    (400, "Bad Request"),
    (401, "Unauthorized"),
    (402, "Payment Required"),
    (403, "Forbidden"),
    (404, "Not Found"),
    (405, "Method Not Allowed"),
    (406, "Not Acceptable"),
    (407, "Proxy Authentication Required"),
    (408, "Request Timeout"),
    (409, "Conflict"),
    (410, "Gone"),
    (411, "Length Required"),
    (412, "Precondition Failed"),
    (413, "Content Too Large"),
    (414, "URI Too Long"),
    (415, "Unsupported Media Type"),
    (416, "Range Not Satisfiable"),
    (417, "Expectation Failed"),
    (418, "(Unused)"),
    (421, "Misdirected Request"),
    (422, "Unprocessable Content"),
    (423, "Locked"),
    (424, "Failed Dependency"),
    (425, "Too Early"),
    (426, "Upgrade Required"),
    (428, "Precondition Required"),
    (429, "Too Many Requests"),
    (431, "Request Header Fields Too Large"),
    (451, "Unavailable For Legal Reasons"),
    (500, "Internal Server Error"),
    (501, "Not Implemented"),
    (502, "Bad Gateway"),
    (503, "Service Unavailable"),
    (504, "Gateway Timeout"),
    (505, "HTTP Version Not Supported"),
    (506, "Variant Also Negotiates"),
    (507, "Insufficient Storage"),
    (508, "Loop Detected"),
    (510, "Not Extended"),
    (511, "Network Authentication Required"),
];

/// IANA's unassigned ranges.
const UNASSIGNED: &[(u16, u16)] = &[
    (105, 199),
    (209, 225),
    (227, 299),
    (309, 399),
    (419, 420),
    (427, 427),
    (430, 430),
    (432, 450),
    (452, 499),
    (509, 509),
    (512, 599),
];

#[test]
fn every_registered_code_resolves_with_its_iana_phrase() {
    assert_eq!(IANA.len(), 64);
    assert_eq!(entries().len(), IANA.len());
    for &(code, reason) in IANA {
        let entry = lookup(code).unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(entry.code, code);
        assert_eq!(entry.reason, reason, "reason of {code}");
        assert_eq!(Class::of(code), Some(entry.class));
        assert!(!entry.reference.is_empty());
    }
}

#[test]
fn table_is_sorted_and_unique() {
    assert!(entries().windows(2).all(|w| w[0].code < w[1].code));
}

#[test]
fn unregistered_codes_resolve_to_nothing() {
    for &(lo, hi) in UNASSIGNED {
        for code in lo..=hi {
            assert!(lookup(code).is_none(), "{code} is unassigned");
        }
    }
    for code in [0, 1, 99, 420, 444, 499, 599, 600, 999, 1000, u16::MAX] {
        assert!(lookup(code).is_none(), "{code}");
    }
    let registered = (100..=599).filter(|c| lookup(*c).is_some()).count();
    assert_eq!(registered, 64);
}

#[test]
fn every_accepted_name_maps_back_to_its_code() {
    let mut seen = std::collections::HashSet::new();
    for entry in entries() {
        for name in entry.names {
            assert!(seen.insert(*name), "{name} is used twice");
            assert_eq!(lookup_name(name).map(|e| e.code), Some(entry.code), "{name}");
        }
        // The first name is the `http` crate's constant for the same code.
        if let Some(name) = entry.http_const() {
            assert_eq!(http_const(name), Some(entry.code), "{name}");
        }
    }
    assert_eq!(lookup_name("PAYLOAD_TOO_LARGE").unwrap().code, 413);
    assert_eq!(lookup_name("CONTENT_TOO_LARGE").unwrap().code, 413);
    assert_eq!(lookup_name("UNPROCESSABLE_ENTITY").unwrap().code, 422);
    assert_eq!(lookup_name("UNPROCESSABLE_CONTENT").unwrap().code, 422);
    assert_eq!(lookup_name("IM_A_TEAPOT").unwrap().code, 418);
    assert!(lookup_name("NotFound").is_none());
    assert!(lookup_name("not_found").is_none());
}

/// The `http` crate's constants, read through the crate itself.
fn http_const(name: &str) -> Option<u16> {
    use http::StatusCode as S;
    let all = [
        ("CONTINUE", S::CONTINUE),
        ("SWITCHING_PROTOCOLS", S::SWITCHING_PROTOCOLS),
        ("PROCESSING", S::PROCESSING),
        ("EARLY_HINTS", S::EARLY_HINTS),
        ("OK", S::OK),
        ("CREATED", S::CREATED),
        ("ACCEPTED", S::ACCEPTED),
        ("NON_AUTHORITATIVE_INFORMATION", S::NON_AUTHORITATIVE_INFORMATION),
        ("NO_CONTENT", S::NO_CONTENT),
        ("RESET_CONTENT", S::RESET_CONTENT),
        ("PARTIAL_CONTENT", S::PARTIAL_CONTENT),
        ("MULTI_STATUS", S::MULTI_STATUS),
        ("ALREADY_REPORTED", S::ALREADY_REPORTED),
        ("IM_USED", S::IM_USED),
        ("MULTIPLE_CHOICES", S::MULTIPLE_CHOICES),
        ("MOVED_PERMANENTLY", S::MOVED_PERMANENTLY),
        ("FOUND", S::FOUND),
        ("SEE_OTHER", S::SEE_OTHER),
        ("NOT_MODIFIED", S::NOT_MODIFIED),
        ("USE_PROXY", S::USE_PROXY),
        ("TEMPORARY_REDIRECT", S::TEMPORARY_REDIRECT),
        ("PERMANENT_REDIRECT", S::PERMANENT_REDIRECT),
        ("BAD_REQUEST", S::BAD_REQUEST),
        ("UNAUTHORIZED", S::UNAUTHORIZED),
        ("PAYMENT_REQUIRED", S::PAYMENT_REQUIRED),
        ("FORBIDDEN", S::FORBIDDEN),
        ("NOT_FOUND", S::NOT_FOUND),
        ("METHOD_NOT_ALLOWED", S::METHOD_NOT_ALLOWED),
        ("NOT_ACCEPTABLE", S::NOT_ACCEPTABLE),
        ("PROXY_AUTHENTICATION_REQUIRED", S::PROXY_AUTHENTICATION_REQUIRED),
        ("REQUEST_TIMEOUT", S::REQUEST_TIMEOUT),
        ("CONFLICT", S::CONFLICT),
        ("GONE", S::GONE),
        ("LENGTH_REQUIRED", S::LENGTH_REQUIRED),
        ("PRECONDITION_FAILED", S::PRECONDITION_FAILED),
        ("PAYLOAD_TOO_LARGE", S::PAYLOAD_TOO_LARGE),
        ("URI_TOO_LONG", S::URI_TOO_LONG),
        ("UNSUPPORTED_MEDIA_TYPE", S::UNSUPPORTED_MEDIA_TYPE),
        ("RANGE_NOT_SATISFIABLE", S::RANGE_NOT_SATISFIABLE),
        ("EXPECTATION_FAILED", S::EXPECTATION_FAILED),
        ("IM_A_TEAPOT", S::IM_A_TEAPOT),
        ("MISDIRECTED_REQUEST", S::MISDIRECTED_REQUEST),
        ("UNPROCESSABLE_ENTITY", S::UNPROCESSABLE_ENTITY),
        ("LOCKED", S::LOCKED),
        ("FAILED_DEPENDENCY", S::FAILED_DEPENDENCY),
        ("TOO_EARLY", S::TOO_EARLY),
        ("UPGRADE_REQUIRED", S::UPGRADE_REQUIRED),
        ("PRECONDITION_REQUIRED", S::PRECONDITION_REQUIRED),
        ("TOO_MANY_REQUESTS", S::TOO_MANY_REQUESTS),
        ("REQUEST_HEADER_FIELDS_TOO_LARGE", S::REQUEST_HEADER_FIELDS_TOO_LARGE),
        ("UNAVAILABLE_FOR_LEGAL_REASONS", S::UNAVAILABLE_FOR_LEGAL_REASONS),
        ("INTERNAL_SERVER_ERROR", S::INTERNAL_SERVER_ERROR),
        ("NOT_IMPLEMENTED", S::NOT_IMPLEMENTED),
        ("BAD_GATEWAY", S::BAD_GATEWAY),
        ("SERVICE_UNAVAILABLE", S::SERVICE_UNAVAILABLE),
        ("GATEWAY_TIMEOUT", S::GATEWAY_TIMEOUT),
        ("HTTP_VERSION_NOT_SUPPORTED", S::HTTP_VERSION_NOT_SUPPORTED),
        ("VARIANT_ALSO_NEGOTIATES", S::VARIANT_ALSO_NEGOTIATES),
        ("INSUFFICIENT_STORAGE", S::INSUFFICIENT_STORAGE),
        ("LOOP_DETECTED", S::LOOP_DETECTED),
        ("NOT_EXTENDED", S::NOT_EXTENDED),
        ("NETWORK_AUTHENTICATION_REQUIRED", S::NETWORK_AUTHENTICATION_REQUIRED),
    ];
    all.iter().find(|(n, _)| *n == name).map(|(_, s)| s.as_u16())
}

#[test]
fn states_and_references_follow_iana_and_the_rfcs() {
    let state = |c| lookup(c).unwrap().state;
    assert_eq!(state(104), State::Temporary);
    assert_eq!(state(305), State::Deprecated);
    assert_eq!(state(306), State::Unused);
    assert_eq!(state(418), State::Unused);
    assert_eq!(state(510), State::Obsoleted);
    let others = entries().iter().filter(|e| ![104, 305, 306, 418, 510].contains(&e.code));
    assert!(others.clone().all(|e| e.state == State::Standard));
    assert_eq!(others.count(), 59);
    assert_eq!(lookup(404).unwrap().reference, "RFC 9110 §15.5.5");
    assert_eq!(lookup(307).unwrap().reference, "RFC 9110 §15.4.8");
    assert_eq!(lookup(308).unwrap().reference, "RFC 9110 §15.4.9");
    assert_eq!(lookup(429).unwrap().reference, "RFC 6585 §4");
    assert_eq!(lookup(451).unwrap().reference, "RFC 7725 §3");
}

#[test]
fn required_headers_and_content() {
    let required = |c: u16| -> Vec<&str> { lookup(c).unwrap().required_headers.iter().map(|h| h.name).collect() };
    assert_eq!(required(401), ["WWW-Authenticate"]);
    assert_eq!(required(405), ["Allow"]);
    assert_eq!(required(407), ["Proxy-Authenticate"]);
    assert_eq!(required(426), ["Upgrade"]);
    for c in [301, 302, 303, 307, 308] {
        assert_eq!(required(c), ["Location"], "{c}");
    }
    assert!(required(404).is_empty());
    for e in entries() {
        let no_content = e.class == Class::Informational || [204, 205, 304].contains(&e.code);
        assert_eq!(e.content, !no_content, "{}", e.code);
    }
}

#[test]
fn status_macro_gives_http_constants() {
    const GONE: http::StatusCode = errstatus::status!(410);
    assert_eq!(GONE, http::StatusCode::GONE);
    assert_eq!(errstatus::status!(NOT_FOUND), 404);
    assert_eq!(errstatus::status!(StatusCode::CONTENT_TOO_LARGE), 413);
    assert_eq!(errstatus::status!(http::StatusCode::UNPROCESSABLE_CONTENT), 422);
    assert_eq!(errstatus::status!(104), 104);
    assert_eq!(errstatus::status!(100), 100);
    assert_eq!(errstatus::status!(200), 200);
    // Every usable code goes through status! by number; checked here for the whole table.
    macro_rules! all {
        ($($c:literal)*) => {{ $( assert_eq!(errstatus::status!($c).as_u16(), $c); )* }};
    }
    all!(100 101 102 103 104 200 201 202 203 204 205 206 207 208 226 300 301 302 303 304 307 308
         400 401 402 403 404 405 406 407 408 409 410 411 412 413 414 415 416 417 421 422 423 424
         425 426 428 429 431 451 500 501 502 503 504 505 506 507 508 511);
}
