//! The IANA "HTTP Status Code" registry as a Rust table.
//!
//! One [`Entry`] per registered code (64 values, IANA last changed the registry on
//! 2025-09-15), with the IANA reason phrase, the defining reference, the registration
//! [`State`], the header fields a response with that code must carry, and the constant
//! names a user may write for it.
//!
//! This crate has no dependencies. It is read at compile time by `errstatus-macros` and at
//! run time by `errstatus`, which re-exports it as `errstatus::registry`.
//!
//! ```
//! use errstatus_registry::{lookup, State};
//!
//! let e = lookup(413).unwrap();
//! assert_eq!(e.reason, "Content Too Large");
//! assert_eq!(e.reference, "RFC 9110 §15.5.14");
//! assert_eq!(lookup(418).unwrap().state, State::Unused);
//! assert!(lookup(444).is_none());
//! ```
//!
//! # Updating the table
//!
//! Each code is one line of [`TABLE`](entries). When IANA registers, changes or retires a
//! code, edit or add that one line (keep the lines sorted by code); the tests in
//! `tests/tests/registry.rs` check the table's invariants.
#![no_std]
#![forbid(unsafe_code)]

/// The class of a status code: its first digit (RFC 9110 §15).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    /// 1xx: interim response.
    Informational,
    /// 2xx: the request succeeded.
    Successful,
    /// 3xx: further action is needed.
    Redirection,
    /// 4xx: the client erred.
    ClientError,
    /// 5xx: the server erred.
    ServerError,
}

impl Class {
    /// The class of `code`, or `None` outside 100..=599.
    ///
    /// ```
    /// use errstatus_registry::Class;
    /// assert_eq!(Class::of(404), Some(Class::ClientError));
    /// assert_eq!(Class::of(600), None);
    /// ```
    pub const fn of(code: u16) -> Option<Class> {
        match code {
            100..=199 => Some(Class::Informational),
            200..=299 => Some(Class::Successful),
            300..=399 => Some(Class::Redirection),
            400..=499 => Some(Class::ClientError),
            500..=599 => Some(Class::ServerError),
            _ => None,
        }
    }
}

/// The registration state of a code, as IANA and the defining RFC mark it.
///
/// ```
/// use errstatus_registry::{lookup, State};
/// assert_eq!(lookup(305).unwrap().state, State::Deprecated);
/// assert!(!State::Deprecated.is_usable());
/// assert!(State::Temporary.is_usable());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum State {
    /// A permanent registration in force.
    Standard,
    /// A temporary registration with an expiry date (104).
    Temporary,
    /// Registered, but its RFC deprecates it (305).
    Deprecated,
    /// Registered as "(Unused)": reserved, never to be sent (306, 418).
    Unused,
    /// Marked "(OBSOLETED)" by IANA: its RFC is Historic (510).
    Obsoleted,
}

impl State {
    /// Whether a service may send a code in this state.
    pub const fn is_usable(self) -> bool {
        matches!(self, State::Standard | State::Temporary)
    }

    /// The word used for this state in messages: "standard", "temporary", "deprecated",
    /// "unused" or "obsoleted".
    pub const fn as_str(self) -> &'static str {
        match self {
            State::Standard => "standard",
            State::Temporary => "temporary",
            State::Deprecated => "deprecated",
            State::Unused => "unused",
            State::Obsoleted => "obsoleted",
        }
    }
}

/// A header field that a response with a given code must carry.
///
/// ```
/// let e = errstatus_registry::lookup(401).unwrap();
/// assert_eq!(e.required_headers[0].name, "WWW-Authenticate");
/// assert_eq!(e.required_headers[0].constant, "WWW_AUTHENTICATE");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RequiredHeader {
    /// The field name as the RFC spells it, e.g. `"WWW-Authenticate"`.
    pub name: &'static str,
    /// The `http::header` constant for the field, e.g. `"WWW_AUTHENTICATE"`.
    pub constant: &'static str,
    /// The RFC section that requires it, e.g. `"RFC 9110 §11.6.1"`.
    pub reference: &'static str,
}

/// One registered HTTP status code.
///
/// ```
/// let e = errstatus_registry::lookup(422).unwrap();
/// assert_eq!(e.reason, "Unprocessable Content");
/// assert!(e.names.contains(&"UNPROCESSABLE_ENTITY"));
/// assert!(e.names.contains(&"UNPROCESSABLE_CONTENT"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Entry {
    /// The three-digit code.
    pub code: u16,
    /// The IANA reason phrase, without IANA's state markers: "Content Too Large",
    /// "(Unused)", "Not Extended". The marker is in [`Entry::state`].
    pub reason: &'static str,
    /// The class (first digit).
    pub class: Class,
    /// The defining document and section, e.g. `"RFC 9110 §15.5.5"`.
    pub reference: &'static str,
    /// The registration state.
    pub state: State,
    /// The constant names accepted for this code. The first is the `http` crate's
    /// `StatusCode` constant; further ones are older or newer names (`CONTENT_TOO_LARGE`).
    pub names: &'static [&'static str],
    /// Header fields that a response with this code must carry.
    pub required_headers: &'static [RequiredHeader],
    /// Whether a response with this code may carry content (RFC 9110 §6.4.1, §15.3.6).
    pub content: bool,
    /// Why the code is questionable for an origin server's error, if it is.
    pub caution: Option<&'static str>,
}

impl Entry {
    /// The `http` crate's `StatusCode` constant name, if it has one.
    pub fn http_const(&self) -> Option<&'static str> {
        self.names.first().copied()
    }

    /// Whether a code in this entry's state may be sent.
    pub fn is_usable(&self) -> bool {
        self.state.is_usable()
    }
}

use Class::*;
use State::*;

const fn row(
    code: u16,
    reason: &'static str,
    reference: &'static str,
    state: State,
    names: &'static [&'static str],
    required_headers: &'static [RequiredHeader],
    caution: Option<&'static str>,
) -> Entry {
    let class = match Class::of(code) {
        Some(c) => c,
        None => panic!("status code out of range"),
    };
    // RFC 9110 §6.4.1: 1xx, 204 and 304 carry no content; §15.3.6: nor does 205.
    let content = !matches!(class, Informational) && !matches!(code, 204 | 205 | 304);
    Entry { code, reason, class, reference, state, names, required_headers, content, caution }
}

const fn req(name: &'static str, constant: &'static str, reference: &'static str) -> RequiredHeader {
    RequiredHeader { name, constant, reference }
}

const N: &[RequiredHeader] = &[];
const WWW_AUTH: &[RequiredHeader] = &[req("WWW-Authenticate", "WWW_AUTHENTICATE", "RFC 9110 §15.5.2, §11.6.1")];
const ALLOW: &[RequiredHeader] = &[req("Allow", "ALLOW", "RFC 9110 §15.5.6, §10.2.1")];
const PROXY_AUTH: &[RequiredHeader] = &[req("Proxy-Authenticate", "PROXY_AUTHENTICATE", "RFC 9110 §15.5.8, §11.7.1")];
const UPGRADE_101: &[RequiredHeader] = &[req("Upgrade", "UPGRADE", "RFC 9110 §15.2.2, §7.8")];
const UPGRADE_426: &[RequiredHeader] = &[req("Upgrade", "UPGRADE", "RFC 9110 §15.5.22")];
const LOC_301: &[RequiredHeader] = &[req("Location", "LOCATION", "RFC 9110 §15.4.2")];
const LOC_302: &[RequiredHeader] = &[req("Location", "LOCATION", "RFC 9110 §15.4.3")];
const LOC_303: &[RequiredHeader] = &[req("Location", "LOCATION", "RFC 9110 §15.4.4")];
const LOC_307: &[RequiredHeader] = &[req("Location", "LOCATION", "RFC 9110 §15.4.8")];
const LOC_308: &[RequiredHeader] = &[req("Location", "LOCATION", "RFC 9110 §15.4.9")];

const C402: Option<&str> = Some("402 Payment Required is reserved for future use (RFC 9110 §15.5.3)");
const C407: Option<&str> =
    Some("407 Proxy Authentication Required is generated by proxies, not origin servers (RFC 9110 §15.5.8)");
const C425: Option<&str> = Some("425 Too Early is only for requests received in early data (RFC 8470 §5.2)");
const C511: Option<&str> =
    Some("511 Network Authentication Required SHOULD NOT be generated by origin servers (RFC 6585 §6)");

/// The table. One line per code, sorted by code: an IANA change is a one-line edit here.
#[rustfmt::skip]
const TABLE: &[Entry] = &[
    //  code  IANA reason phrase                     reference                        state       accepted names                                            required headers  caution
    row(100, "Continue",                            "RFC 9110 §15.2.1",               Standard,   &["CONTINUE"],                                            N,           None),
    row(101, "Switching Protocols",                 "RFC 9110 §15.2.2",               Standard,   &["SWITCHING_PROTOCOLS"],                                 UPGRADE_101, None),
    row(102, "Processing",                          "RFC 2518 §10.1",                 Standard,   &["PROCESSING"],                                          N,           None),
    row(103, "Early Hints",                         "RFC 8297 §2",                    Standard,   &["EARLY_HINTS"],                                         N,           None),
    row(104, "Upload Resumption Supported",         "draft-ietf-httpbis-resumable-upload-05", Temporary, &[],                                           N,           None),
    row(200, "OK",                                  "RFC 9110 §15.3.1",               Standard,   &["OK"],                                                  N,           None),
    row(201, "Created",                             "RFC 9110 §15.3.2",               Standard,   &["CREATED"],                                             N,           None),
    row(202, "Accepted",                            "RFC 9110 §15.3.3",               Standard,   &["ACCEPTED"],                                            N,           None),
    row(203, "Non-Authoritative Information",       "RFC 9110 §15.3.4",               Standard,   &["NON_AUTHORITATIVE_INFORMATION"],                       N,           None),
    row(204, "No Content",                          "RFC 9110 §15.3.5",               Standard,   &["NO_CONTENT"],                                          N,           None),
    row(205, "Reset Content",                       "RFC 9110 §15.3.6",               Standard,   &["RESET_CONTENT"],                                       N,           None),
    row(206, "Partial Content",                     "RFC 9110 §15.3.7",               Standard,   &["PARTIAL_CONTENT"],                                     N,           None),
    row(207, "Multi-Status",                        "RFC 4918 §11.1",                 Standard,   &["MULTI_STATUS"],                                        N,           None),
    row(208, "Already Reported",                    "RFC 5842 §7.1",                  Standard,   &["ALREADY_REPORTED"],                                    N,           None),
    row(226, "IM Used",                             "RFC 3229 §10.4.1",               Standard,   &["IM_USED"],                                             N,           None),
    row(300, "Multiple Choices",                    "RFC 9110 §15.4.1",               Standard,   &["MULTIPLE_CHOICES"],                                    N,           None),
    row(301, "Moved Permanently",                   "RFC 9110 §15.4.2",               Standard,   &["MOVED_PERMANENTLY"],                                   LOC_301,     None),
    row(302, "Found",                               "RFC 9110 §15.4.3",               Standard,   &["FOUND"],                                               LOC_302,     None),
    row(303, "See Other",                           "RFC 9110 §15.4.4",               Standard,   &["SEE_OTHER"],                                           LOC_303,     None),
    row(304, "Not Modified",                        "RFC 9110 §15.4.5",               Standard,   &["NOT_MODIFIED"],                                        N,           None),
    row(305, "Use Proxy",                           "RFC 9110 §15.4.6",               Deprecated, &["USE_PROXY"],                                           N,           None),
    row(306, "(Unused)",                            "RFC 9110 §15.4.7",               Unused,     &[],                                                      N,           None),
    row(307, "Temporary Redirect",                  "RFC 9110 §15.4.8",               Standard,   &["TEMPORARY_REDIRECT"],                                  LOC_307,     None),
    row(308, "Permanent Redirect",                  "RFC 9110 §15.4.9",               Standard,   &["PERMANENT_REDIRECT"],                                  LOC_308,     None),
    row(400, "Bad Request",                         "RFC 9110 §15.5.1",               Standard,   &["BAD_REQUEST"],                                         N,           None),
    row(401, "Unauthorized",                        "RFC 9110 §15.5.2",               Standard,   &["UNAUTHORIZED"],                                        WWW_AUTH,    None),
    row(402, "Payment Required",                    "RFC 9110 §15.5.3",               Standard,   &["PAYMENT_REQUIRED"],                                    N,           C402),
    row(403, "Forbidden",                           "RFC 9110 §15.5.4",               Standard,   &["FORBIDDEN"],                                           N,           None),
    row(404, "Not Found",                           "RFC 9110 §15.5.5",               Standard,   &["NOT_FOUND"],                                           N,           None),
    row(405, "Method Not Allowed",                  "RFC 9110 §15.5.6",               Standard,   &["METHOD_NOT_ALLOWED"],                                  ALLOW,       None),
    row(406, "Not Acceptable",                      "RFC 9110 §15.5.7",               Standard,   &["NOT_ACCEPTABLE"],                                      N,           None),
    row(407, "Proxy Authentication Required",       "RFC 9110 §15.5.8",               Standard,   &["PROXY_AUTHENTICATION_REQUIRED"],                       PROXY_AUTH,  C407),
    row(408, "Request Timeout",                     "RFC 9110 §15.5.9",               Standard,   &["REQUEST_TIMEOUT"],                                     N,           None),
    row(409, "Conflict",                            "RFC 9110 §15.5.10",              Standard,   &["CONFLICT"],                                            N,           None),
    row(410, "Gone",                                "RFC 9110 §15.5.11",              Standard,   &["GONE"],                                                N,           None),
    row(411, "Length Required",                     "RFC 9110 §15.5.12",              Standard,   &["LENGTH_REQUIRED"],                                     N,           None),
    row(412, "Precondition Failed",                 "RFC 9110 §15.5.13",              Standard,   &["PRECONDITION_FAILED"],                                 N,           None),
    row(413, "Content Too Large",                   "RFC 9110 §15.5.14",              Standard,   &["PAYLOAD_TOO_LARGE", "CONTENT_TOO_LARGE"],              N,           None),
    row(414, "URI Too Long",                        "RFC 9110 §15.5.15",              Standard,   &["URI_TOO_LONG"],                                        N,           None),
    row(415, "Unsupported Media Type",              "RFC 9110 §15.5.16",              Standard,   &["UNSUPPORTED_MEDIA_TYPE"],                              N,           None),
    row(416, "Range Not Satisfiable",               "RFC 9110 §15.5.17",              Standard,   &["RANGE_NOT_SATISFIABLE"],                               N,           None),
    row(417, "Expectation Failed",                  "RFC 9110 §15.5.18",              Standard,   &["EXPECTATION_FAILED"],                                  N,           None),
    row(418, "(Unused)",                            "RFC 9110 §15.5.19",              Unused,     &["IM_A_TEAPOT"],                                         N,           None),
    row(421, "Misdirected Request",                 "RFC 9110 §15.5.20",              Standard,   &["MISDIRECTED_REQUEST"],                                 N,           None),
    row(422, "Unprocessable Content",               "RFC 9110 §15.5.21",              Standard,   &["UNPROCESSABLE_ENTITY", "UNPROCESSABLE_CONTENT"],       N,           None),
    row(423, "Locked",                              "RFC 4918 §11.3",                 Standard,   &["LOCKED"],                                              N,           None),
    row(424, "Failed Dependency",                   "RFC 4918 §11.4",                 Standard,   &["FAILED_DEPENDENCY"],                                   N,           None),
    row(425, "Too Early",                           "RFC 8470 §5.2",                  Standard,   &["TOO_EARLY"],                                           N,           C425),
    row(426, "Upgrade Required",                    "RFC 9110 §15.5.22",              Standard,   &["UPGRADE_REQUIRED"],                                    UPGRADE_426, None),
    row(428, "Precondition Required",               "RFC 6585 §3",                    Standard,   &["PRECONDITION_REQUIRED"],                               N,           None),
    row(429, "Too Many Requests",                   "RFC 6585 §4",                    Standard,   &["TOO_MANY_REQUESTS"],                                   N,           None),
    row(431, "Request Header Fields Too Large",     "RFC 6585 §5",                    Standard,   &["REQUEST_HEADER_FIELDS_TOO_LARGE"],                     N,           None),
    row(451, "Unavailable For Legal Reasons",       "RFC 7725 §3",                    Standard,   &["UNAVAILABLE_FOR_LEGAL_REASONS"],                       N,           None),
    row(500, "Internal Server Error",               "RFC 9110 §15.6.1",               Standard,   &["INTERNAL_SERVER_ERROR"],                               N,           None),
    row(501, "Not Implemented",                     "RFC 9110 §15.6.2",               Standard,   &["NOT_IMPLEMENTED"],                                     N,           None),
    row(502, "Bad Gateway",                         "RFC 9110 §15.6.3",               Standard,   &["BAD_GATEWAY"],                                         N,           None),
    row(503, "Service Unavailable",                 "RFC 9110 §15.6.4",               Standard,   &["SERVICE_UNAVAILABLE"],                                 N,           None),
    row(504, "Gateway Timeout",                     "RFC 9110 §15.6.5",               Standard,   &["GATEWAY_TIMEOUT"],                                     N,           None),
    row(505, "HTTP Version Not Supported",          "RFC 9110 §15.6.6",               Standard,   &["HTTP_VERSION_NOT_SUPPORTED"],                          N,           None),
    row(506, "Variant Also Negotiates",             "RFC 2295 §8.1",                  Standard,   &["VARIANT_ALSO_NEGOTIATES"],                             N,           None),
    row(507, "Insufficient Storage",                "RFC 4918 §11.5",                 Standard,   &["INSUFFICIENT_STORAGE"],                                N,           None),
    row(508, "Loop Detected",                       "RFC 5842 §7.2",                  Standard,   &["LOOP_DETECTED"],                                       N,           None),
    row(510, "Not Extended",                        "RFC 2774 §7",                    Obsoleted,  &["NOT_EXTENDED"],                                        N,           None),
    row(511, "Network Authentication Required",     "RFC 6585 §6",                    Standard,   &["NETWORK_AUTHENTICATION_REQUIRED"],                     N,           C511),
];

/// The date of the IANA registry change this table follows.
pub const IANA_LAST_CHANGE: &str = "2025-09-15";

/// The entry for `code`, or `None` if IANA has not registered it (444, 499, 599, 600, ...).
///
/// ```
/// assert_eq!(errstatus_registry::lookup(404).unwrap().reason, "Not Found");
/// assert!(errstatus_registry::lookup(499).is_none());
/// ```
pub const fn lookup(code: u16) -> Option<&'static Entry> {
    // Binary search; the table is sorted by code (checked by a test).
    let (mut lo, mut hi) = (0, TABLE.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        let e = &TABLE[mid];
        if e.code == code {
            return Some(e);
        } else if e.code < code {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    None
}

/// The entry whose accepted names include `name` (`"NOT_FOUND"`, `"CONTENT_TOO_LARGE"`).
///
/// ```
/// assert_eq!(errstatus_registry::lookup_name("CONTENT_TOO_LARGE").unwrap().code, 413);
/// assert!(errstatus_registry::lookup_name("NotFound").is_none());
/// ```
pub fn lookup_name(name: &str) -> Option<&'static Entry> {
    TABLE.iter().find(|e| e.names.contains(&name))
}

/// Every registered code, in ascending order.
///
/// ```
/// let all = errstatus_registry::entries();
/// assert_eq!(all.len(), 64);
/// assert!(all.windows(2).all(|w| w[0].code < w[1].code));
/// ```
pub fn entries() -> &'static [Entry] {
    TABLE
}
