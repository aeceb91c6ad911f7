//! Names users type: `http::header` constants, and "did you mean" for status names.

// `match` rather than `Option::map` and friends, `let ... else` rather than `?` on an `Option`:
// each closure passed to a generic adapter, each `Option` type under `?`, is one more function
// built into this crate (and a call in the unoptimized derive).
#![allow(clippy::manual_map, clippy::question_mark)]

use errstatus_registry::{entries, lookup_name};

/// The `http::header` constants (http 1.x), each the upper-case form of its field name.
pub(crate) const HEADER_CONSTS: &[&str] = &[
    "ACCEPT",
    "ACCEPT_CHARSET",
    "ACCEPT_ENCODING",
    "ACCEPT_LANGUAGE",
    "ACCEPT_RANGES",
    "ACCESS_CONTROL_ALLOW_CREDENTIALS",
    "ACCESS_CONTROL_ALLOW_HEADERS",
    "ACCESS_CONTROL_ALLOW_METHODS",
    "ACCESS_CONTROL_ALLOW_ORIGIN",
    "ACCESS_CONTROL_EXPOSE_HEADERS",
    "ACCESS_CONTROL_MAX_AGE",
    "ACCESS_CONTROL_REQUEST_HEADERS",
    "ACCESS_CONTROL_REQUEST_METHOD",
    "AGE",
    "ALLOW",
    "ALT_SVC",
    "AUTHORIZATION",
    "CACHE_CONTROL",
    "CACHE_STATUS",
    "CDN_CACHE_CONTROL",
    "CONNECTION",
    "CONTENT_DISPOSITION",
    "CONTENT_ENCODING",
    "CONTENT_LANGUAGE",
    "CONTENT_LENGTH",
    "CONTENT_LOCATION",
    "CONTENT_RANGE",
    "CONTENT_SECURITY_POLICY",
    "CONTENT_SECURITY_POLICY_REPORT_ONLY",
    "CONTENT_TYPE",
    "COOKIE",
    "DNT",
    "DATE",
    "ETAG",
    "EXPECT",
    "EXPIRES",
    "FORWARDED",
    "FROM",
    "HOST",
    "IF_MATCH",
    "IF_MODIFIED_SINCE",
    "IF_NONE_MATCH",
    "IF_RANGE",
    "IF_UNMODIFIED_SINCE",
    "LAST_MODIFIED",
    "LINK",
    "LOCATION",
    "MAX_FORWARDS",
    "ORIGIN",
    "PRAGMA",
    "PROXY_AUTHENTICATE",
    "PROXY_AUTHORIZATION",
    "PUBLIC_KEY_PINS",
    "PUBLIC_KEY_PINS_REPORT_ONLY",
    "RANGE",
    "REFERER",
    "REFERRER_POLICY",
    "REFRESH",
    "RETRY_AFTER",
    "SEC_WEBSOCKET_ACCEPT",
    "SEC_WEBSOCKET_EXTENSIONS",
    "SEC_WEBSOCKET_KEY",
    "SEC_WEBSOCKET_PROTOCOL",
    "SEC_WEBSOCKET_VERSION",
    "SERVER",
    "SET_COOKIE",
    "STRICT_TRANSPORT_SECURITY",
    "TE",
    "TRAILER",
    "TRANSFER_ENCODING",
    "USER_AGENT",
    "UPGRADE",
    "UPGRADE_INSECURE_REQUESTS",
    "VARY",
    "VIA",
    "WARNING",
    "WWW_AUTHENTICATE",
    "X_CONTENT_TYPE_OPTIONS",
    "X_DNS_PREFETCH_CONTROL",
    "X_FRAME_OPTIONS",
    "X_XSS_PROTECTION",
];

/// Header fields that carry one value (RFC 9110 and the specifications that define them):
/// a response must not have two. Others (WWW-Authenticate, Allow, Vary, Link, Cache-Control,
/// ...) are lists and may repeat.
pub(crate) const SINGLE_VALUED: &[&str] = &[
    "access-control-allow-credentials",
    "access-control-allow-origin",
    "access-control-max-age",
    "age",
    "content-disposition",
    "content-length",
    "content-location",
    "content-range",
    "content-type",
    "date",
    "etag",
    "expires",
    "last-modified",
    "location",
    "max-forwards",
    "referrer-policy",
    "retry-after",
    "server",
    "strict-transport-security",
    "x-content-type-options",
    "x-frame-options",
];

/// Header fields errstatus sets itself; a `#[header]` field may not set them.
pub(crate) const RESERVED_HEADERS: &[&str] = &["content-type", "content-length", "transfer-encoding"];

/// The field name of an `http::header` constant: `WWW_AUTHENTICATE` -> `www-authenticate`.
pub(crate) fn header_const_to_name(constant: &str) -> String {
    let mut out = String::with_capacity(constant.len());
    for c in constant.chars() {
        out.push(if c == '_' { '-' } else { c.to_ascii_lowercase() });
    }
    out
}

/// `text` without its spaces: a path or type as written (`http :: StatusCode` printed by
/// `to_string` -> `http::StatusCode`).
pub(crate) fn without_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c != ' ' {
            out.push(c);
        }
    }
    out
}

/// Whether `name` is a valid field name (RFC 9110 §5.1: one or more `tchar`).
pub(crate) fn is_token(name: &str) -> bool {
    if name.is_empty() {
        return false;
    }
    for b in name.bytes() {
        if !(b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)) {
            return false;
        }
    }
    true
}

/// Whether `a` and `b` are equal but for ASCII case (header field names): `str::eq_ignore_ascii_case`,
/// whose chunked comparison would be built into this crate (a few names are compared here).
pub(crate) fn eq_ascii_case(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    for i in 0..a.len() {
        if !a[i].eq_ignore_ascii_case(&b[i]) {
            return false;
        }
    }
    true
}

/// A decimal integer, `-` first if `signed` allows it, as `str::parse` reads it into an
/// `i128` (`None` where it fails): one loop for every number this crate reads, rather than the
/// standard library's parser for each integer type.
pub(crate) fn decimal(text: &str, signed: bool) -> Option<i128> {
    let bytes = text.as_bytes();
    let (negative, digits) = match bytes.first() {
        Some(b'-') if signed => (true, &bytes[1..]),
        _ => (false, bytes),
    };
    if digits.is_empty() {
        return None;
    }
    // The magnitude, then the sign: `i128::MIN` has no positive counterpart.
    let mut magnitude: u128 = 0;
    for &b in digits {
        if !b.is_ascii_digit() {
            return None;
        }
        let Some(shifted) = magnitude.checked_mul(10) else { return None };
        let Some(sum) = shifted.checked_add(u128::from(b - b'0')) else { return None };
        magnitude = sum;
    }
    if negative {
        if magnitude > 1 << 127 {
            return None;
        }
        Some((magnitude as i128).wrapping_neg())
    } else if magnitude > i128::MAX as u128 {
        None
    } else {
        Some(magnitude as i128)
    }
}

/// Names that older tables, RFC 2616 or vendor APIs use, with the name users should write.
const ALIASES: &[(&str, &str)] = &[
    ("REQUEST_ENTITY_TOO_LARGE", "CONTENT_TOO_LARGE"),
    ("ENTITY_TOO_LARGE", "CONTENT_TOO_LARGE"),
    ("REQUEST_TIME_OUT", "REQUEST_TIMEOUT"),
    ("REQUEST_URI_TOO_LARGE", "URI_TOO_LONG"),
    ("REQUEST_URI_TOO_LONG", "URI_TOO_LONG"),
    ("REQUESTED_RANGE_NOT_SATISFIABLE", "RANGE_NOT_SATISFIABLE"),
    ("SERVER_TIMEOUT", "GATEWAY_TIMEOUT"),
    ("INTERNAL_ERROR", "INTERNAL_SERVER_ERROR"),
    ("SERVER_ERROR", "INTERNAL_SERVER_ERROR"),
    ("MOVED", "MOVED_PERMANENTLY"),
    ("NO_RESPONSE", "NO_CONTENT"),
    ("PARTIAL_INFORMATION", "NON_AUTHORITATIVE_INFORMATION"),
    ("MULTIPLE_CHOICE", "MULTIPLE_CHOICES"),
    ("SWITCHING_PROTOCOL", "SWITCHING_PROTOCOLS"),
    ("UNAUTHENTICATED", "UNAUTHORIZED"),
    ("RATE_LIMITED", "TOO_MANY_REQUESTS"),
    ("TOO_MANY_REQUEST", "TOO_MANY_REQUESTS"),
    ("UNAVAILABLE", "SERVICE_UNAVAILABLE"),
    ("TEAPOT", "IM_A_TEAPOT"),
];

/// `NotFound` -> `NOT_FOUND`, `not_found` -> `NOT_FOUND`, `Request-URI` -> `REQUEST_URI`.
fn screaming_snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let mut prev_lower = false;
    for c in name.chars() {
        if c == '-' || c == ' ' || c == '_' {
            if !matches!(out.as_bytes().last(), Some(b'_')) {
                out.push('_');
            }
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower {
            out.push('_');
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        out.push(c.to_ascii_uppercase());
    }
    out
}

/// Levenshtein's distance in characters, row by row. Counted loops, not `enumerate`: each
/// iterator adapter is one more generic function built into this crate.
#[allow(clippy::explicit_counter_loop)]
fn edit_distance(a: &str, b: &str) -> usize {
    let n = b.chars().count();
    let mut prev: Vec<usize> = Vec::with_capacity(n + 1);
    for j in 0..n + 1 {
        prev.push(j);
    }
    let mut cur: Vec<usize> = Vec::with_capacity(n + 1);
    let mut i = 0;
    for ca in a.chars() {
        i += 1;
        cur.clear();
        cur.push(i);
        let mut j = 0;
        for cb in b.chars() {
            let sub = prev[j] + usize::from(ca != cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
            j += 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[n]
}

/// The accepted status name closest to `name`, if one is close enough to suggest.
pub(crate) fn suggest_status(name: &str) -> Option<&'static str> {
    let norm = screaming_snake(name);
    if let Some(e) = lookup_name(&norm) {
        return match index_of(e.names, &norm) {
            Some(i) => Some(e.names[i]),
            None => None,
        };
    }
    if let Some(to) = alias(ALIASES, &norm) {
        return Some(to);
    }
    // The closest name of each entry, then the closest of those (the first of equals).
    let mut best: Option<(&'static str, usize)> = None;
    for e in entries() {
        if let Some((n, d)) = closest(&norm, e.names) {
            if closer(best, d) {
                best = Some((n, d));
            }
        }
    }
    let Some((best, dist)) = best else { return None };
    if norm.len() >= 4 && dist <= (norm.len() / 3).max(2) {
        return Some(best);
    }
    if norm.len() < 4 {
        return None;
    }
    for e in entries() {
        for &n in e.names {
            if has_substr(n, &norm) || has_substr(&norm, n) {
                return Some(n);
            }
        }
    }
    None
}

/// An identifier's text without its `r#`.
pub(crate) fn unraw(name: &str) -> &str {
    match name.strip_prefix("r#") {
        Some(rest) => rest,
        None => name,
    }
}

/// Where `name` is in `list`: one function for every lookup in a table of names, rather than a
/// generic search with its own closure each.
pub(crate) fn index_of(list: &[&str], name: &str) -> Option<usize> {
    for (i, n) in list.iter().enumerate() {
        if *n == name {
            return Some(i);
        }
    }
    None
}

/// What `name` stands for in a table of aliases.
fn alias(list: &[(&str, &'static str)], name: &str) -> Option<&'static str> {
    for &(from, to) in list {
        if from == name {
            return Some(to);
        }
    }
    None
}

/// The name of `names` at the smallest edit distance from `norm` (the first of equals), with
/// that distance.
fn closest(norm: &str, names: &[&'static str]) -> Option<(&'static str, usize)> {
    let mut best: Option<(&'static str, usize)> = None;
    for &n in names {
        let d = edit_distance(norm, n);
        if closer(best, d) {
            best = Some((n, d));
        }
    }
    best
}

/// Whether distance `d` beats the best so far (the first of equals stays).
fn closer(best: Option<(&str, usize)>, d: usize) -> bool {
    match best {
        Some((_, b)) => d < b,
        None => true,
    }
}

/// The accepted `http::header` constant closest to `name`, if one is close enough.
pub(crate) fn suggest_header(name: &str) -> Option<&'static str> {
    let norm = screaming_snake(name);
    let Some((best, dist)) = closest(&norm, HEADER_CONSTS) else { return None };
    if dist <= (norm.len() / 3).max(2) {
        Some(best)
    } else {
        None
    }
}

/// What an unregistered code that users meet in the wild really is.
pub(crate) fn unregistered_hint(code: u16) -> Option<&'static str> {
    Some(match code {
        420 => "420 \"Enhance Your Calm\" was Twitter's; use 429 Too Many Requests",
        444 => "444 is nginx-internal: nginx closes the connection without a response",
        499 => "499 is nginx's log code for a client that closed the request; it is never sent",
        599 => "599 is an unofficial proxy convention; use 504 Gateway Timeout",
        _ => return None,
    })
}

/// A name in SCREAMING_SNAKE_CASE as the heck crate's `ToShoutySnakeCase` writes it (its word
/// boundaries: any character that is not alphanumeric; a lower-case letter followed by an
/// upper-case one; an upper-case letter between an upper-case one and a lower-case one;
/// digits take the case of what precedes them): `HTTPError` -> `HTTP_ERROR`, `Error404` ->
/// `ERROR404`, `r#match` -> `MATCH`.
pub(crate) fn shouty_snake(name: &str) -> String {
    let name = unraw(name);
    let mut out = String::with_capacity(name.len() + 4);
    // The runs of alphanumeric characters, each split into words.
    let mut start = 0;
    for (i, c) in name.char_indices() {
        if !c.is_alphanumeric() {
            shouty_words(&name[start..i], &mut out);
            start = i + c.len_utf8();
        }
    }
    shouty_words(&name[start..], &mut out);
    out
}

/// The words of a run of alphanumeric characters, upper-cased onto `out`, each after a `_`
/// but the first (a word is never empty).
fn shouty_words(run: &str, out: &mut String) {
    #[derive(Clone, Copy)]
    enum Mode {
        Boundary,
        Lower,
        Upper,
    }
    let (mut init, mut mode) = (0, Mode::Boundary);
    // Each character with the next one: the last character ends the last word.
    let mut prev: Option<(usize, char)> = None;
    for (next_i, next) in run.char_indices() {
        if let Some((i, c)) = prev {
            let next_mode = if c.is_lowercase() {
                Mode::Lower
            } else if c.is_uppercase() {
                Mode::Upper
            } else {
                mode
            };
            if matches!(next_mode, Mode::Lower) && next.is_uppercase() {
                push_upper(out, &run[init..next_i]);
                (init, mode) = (next_i, Mode::Boundary);
            } else if matches!(mode, Mode::Upper) && c.is_uppercase() && next.is_lowercase() {
                push_upper(out, &run[init..i]);
                (init, mode) = (i, Mode::Boundary);
            } else {
                mode = next_mode;
            }
        }
        prev = Some((next_i, next));
    }
    if prev.is_some() {
        push_upper(out, &run[init..]);
    }
}

fn push_upper(out: &mut String, word: &str) {
    if !out.is_empty() {
        out.push('_');
    }
    out.push_str(&word.to_uppercase());
}

/// `parts` with `sep` between them: one function for every list in a message, rather than a
/// generic `join` per element type built into this crate.
pub(crate) fn join(parts: &[&str], sep: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part);
    }
    out
}

/// The gRPC status code names (google.rpc.Code), at their numbers: `OK` (0) is no error code.
pub(crate) const GRPC_CODES: [&str; 17] = [
    "OK",
    "CANCELLED",
    "UNKNOWN",
    "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED",
    "NOT_FOUND",
    "ALREADY_EXISTS",
    "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED",
    "FAILED_PRECONDITION",
    "ABORTED",
    "OUT_OF_RANGE",
    "UNIMPLEMENTED",
    "INTERNAL",
    "UNAVAILABLE",
    "DATA_LOSS",
    "UNAUTHENTICATED",
];

/// Names users may reach for, with the gRPC code to write.
const GRPC_ALIASES: &[(&str, &str)] = &[
    ("CANCELED", "CANCELLED"),
    ("UNAUTHORIZED", "UNAUTHENTICATED"),
    ("FORBIDDEN", "PERMISSION_DENIED"),
    ("TIMEOUT", "DEADLINE_EXCEEDED"),
    ("CONFLICT", "ALREADY_EXISTS"),
    ("BAD_REQUEST", "INVALID_ARGUMENT"),
    ("NOT_IMPLEMENTED", "UNIMPLEMENTED"),
    ("INTERNAL_SERVER_ERROR", "INTERNAL"),
    ("SERVICE_UNAVAILABLE", "UNAVAILABLE"),
    ("TOO_MANY_REQUESTS", "RESOURCE_EXHAUSTED"),
];

/// The number of a gRPC code name (`NOT_FOUND` -> 5), `OK` included.
pub(crate) fn grpc_number(name: &str) -> Option<u8> {
    match index_of(&GRPC_CODES, name) {
        Some(i) => Some(i as u8),
        None => None,
    }
}

/// The non-OK gRPC code name closest to `name` (`NotFound`, `not_found`, `NOT_FOUN`,
/// `CANCELED`), if one is close enough to suggest.
pub(crate) fn suggest_grpc(name: &str) -> Option<&'static str> {
    let norm = screaming_snake(name);
    let codes = &GRPC_CODES[1..];
    if let Some(i) = index_of(codes, &norm) {
        return Some(codes[i]);
    }
    if let Some(to) = alias(GRPC_ALIASES, &norm) {
        return Some(to);
    }
    let Some((best, dist)) = closest(&norm, codes) else { return None };
    if norm.len() >= 3 && dist <= (norm.len() / 3).max(2) {
        Some(best)
    } else {
        None
    }
}

/// Whether `needle` occurs in `hay`: `str::contains(&str)` without the two-way searcher's code
/// built into this crate (the texts here are a few dozen bytes).
pub(crate) fn has_substr(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let mut at = 0;
    while at + needle.len() <= hay.len() {
        if &hay[at..at + needle.len()] == needle {
            return true;
        }
        at += 1;
    }
    false
}
