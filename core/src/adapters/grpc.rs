//! gRPC (feature `tonic`): `From<E>` and `From<&E>` for `tonic::Status`, for derived types.
//! The same facts as the HTTP response (`crate::response::facts`), the same hiding rules:
//!
//! - code: `#[grpc(CODE)]`, else the status through [`code`];
//! - message: the Display text when shown, else the IANA title;
//! - details (`grpc-status-details-bin`, a google.rpc.Status), always: `ErrorInfo` (reason: the
//!   variant's code; domain: the crate that defines the error type; metadata: the extension
//!   members shown, strings as they are, other JSON as its compact text), and `RetryInfo` from
//!   a `Retry-After` field in seconds;
//! - metadata: the other header fields that are valid ASCII metadata, but for those gRPC or
//!   HTTP/2 reserve.

use std::collections::HashMap;
use std::time::Duration;

use ::tonic::metadata::{AsciiMetadataKey, AsciiMetadataValue, MetadataMap};
use ::tonic::{Code, Status};
use http::header::{HeaderName, HeaderValue, RETRY_AFTER};
use http::StatusCode;
use tonic_types::{ErrorDetails, StatusExt};

use crate::response::{facts, Facts};
use crate::status::http_status::HttpStatus;

/// The gRPC code of an HTTP status: google.rpc.Code's HTTP mapping read backwards.
///
/// | HTTP status | gRPC code |
/// | --- | --- |
/// | 400, 422 | `INVALID_ARGUMENT` |
/// | 401 | `UNAUTHENTICATED` |
/// | 403 | `PERMISSION_DENIED` |
/// | 404, 410 | `NOT_FOUND` |
/// | 408, 504 | `DEADLINE_EXCEEDED` |
/// | 409 | `ABORTED` (a duplicate record: `#[grpc(ALREADY_EXISTS)]` on its variant) |
/// | 412, 428 | `FAILED_PRECONDITION` |
/// | 413, 429 | `RESOURCE_EXHAUSTED` |
/// | 416 | `OUT_OF_RANGE` |
/// | 405, 501 | `UNIMPLEMENTED` |
/// | 502, 503 | `UNAVAILABLE` |
/// | 499 (unregistered; only from a run-time status) | `CANCELLED` |
/// | other 4xx | `FAILED_PRECONDITION` |
/// | other 5xx, and 600-999 (which `http::StatusCode` takes at run time; hidden like a 5xx) | `INTERNAL` |
/// | below 400 | `UNKNOWN` |
///
/// ```
/// use errstatus::grpc;
/// use http::StatusCode;
/// use tonic::Code;
///
/// assert_eq!(grpc::code(StatusCode::NOT_FOUND), Code::NotFound);
/// assert_eq!(grpc::code(StatusCode::CONFLICT), Code::Aborted);
/// assert_eq!(grpc::code(StatusCode::IM_A_TEAPOT), Code::FailedPrecondition);
/// assert_eq!(grpc::code(StatusCode::INSUFFICIENT_STORAGE), Code::Internal);
/// assert_eq!(grpc::code(StatusCode::MOVED_PERMANENTLY), Code::Unknown);
/// ```
pub fn code(status: StatusCode) -> Code {
    match status.as_u16() {
        400 | 422 => Code::InvalidArgument,
        401 => Code::Unauthenticated,
        403 => Code::PermissionDenied,
        404 | 410 => Code::NotFound,
        408 | 504 => Code::DeadlineExceeded,
        409 => Code::Aborted,
        412 | 428 => Code::FailedPrecondition,
        413 | 429 => Code::ResourceExhausted,
        416 => Code::OutOfRange,
        405 | 501 => Code::Unimplemented,
        502 | 503 => Code::Unavailable,
        499 => Code::Cancelled,
        400..=499 => Code::FailedPrecondition,
        500.. => Code::Internal,
        _ => Code::Unknown,
    }
}

/// `From<E> for tonic::Status`: what the derived impls call. Not generic: one copy for all
/// error types.
pub fn response(e: &dyn HttpStatus) -> Status {
    let Facts { status, message, code: reason, grpc, domain, members, headers, .. } = facts(e);
    let grpc_code = match grpc {
        Some(number) => Code::from_i32(i32::from(number)),
        None => code(status),
    };
    let info: HashMap<String, String> = members
        .into_iter()
        .map(|(name, value)| {
            let text = match value {
                serde_json::Value::String(text) => text,
                other => other.to_string(),
            };
            (name.to_owned(), text)
        })
        .collect();
    let mut details = ErrorDetails::new();
    details.set_error_info(reason, domain, info);
    let mut metadata = MetadataMap::new();
    for (name, value) in &headers {
        if *name == RETRY_AFTER {
            if let Some(seconds) = delay_seconds(value) {
                if details.retry_info().is_none() {
                    details.set_retry_info(Some(Duration::from_secs(seconds)));
                }
                continue;
            }
        }
        if let Some((key, value)) = ascii_metadata(name, value) {
            metadata.append(key, value);
        }
    }
    Status::with_error_details_and_metadata(grpc_code, message, details, metadata)
}

/// A `Retry-After` value in seconds (`delay-seconds`, RFC 9110 §10.2.3: one or more digits),
/// saturated at `u64::MAX` (tonic-types caps the delay at about 10,000 years); `None` for an
/// HTTP-date, which goes on as metadata.
fn delay_seconds(value: &HeaderValue) -> Option<u64> {
    let digits = value.as_bytes();
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    // All digits: only an overflow fails.
    Some(core::str::from_utf8(digits).ok()?.parse().unwrap_or(u64::MAX))
}

/// A header field as ASCII metadata, or `None` for one left out: gRPC's own (`grpc-*`), the
/// fields gRPC over HTTP/2 sets or forbids (`te`, `content-type`, `user-agent`, the
/// connection-specific ones), a binary key (`-bin`), and a value that is not printable ASCII.
fn ascii_metadata(name: &HeaderName, value: &HeaderValue) -> Option<(AsciiMetadataKey, AsciiMetadataValue)> {
    let key = name.as_str();
    let reserved = matches!(
        key,
        "te" | "content-type"
            | "user-agent"
            | "connection"
            | "keep-alive"
            | "proxy-connection"
            | "transfer-encoding"
            | "upgrade"
    );
    if reserved || key.starts_with("grpc-") || key.ends_with("-bin") {
        return None;
    }
    if !value.as_bytes().iter().all(|b| (0x20..0x7f).contains(b)) {
        return None;
    }
    let value = AsciiMetadataValue::try_from(value.as_bytes()).ok()?;
    Some((AsciiMetadataKey::from_bytes(key.as_bytes()).ok()?, value))
}

// Its unit tests, out of the published package.
#[cfg(test)]
#[path = "../../tests/unit/grpc.rs"]
mod tests;
