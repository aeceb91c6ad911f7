//! The types the run-time benchmarks compare: an error enum with `#[derive(HttpStatus)]`
//! ([`derived`]) and its hand-written twin ([`hand`]). Both take their Display from
//! thiserror; what differs is the status mapping and the response. The hand-written side is
//! careful code: a static title per variant, serde_json for escaping, one `String` for the
//! body, the same header fields. The tests below check that both sides build byte-for-byte
//! the same responses, so the benchmarks compare like with like.

use errstatus::HttpStatus;

/// The `#[derive(HttpStatus)]` side.
pub mod derived {
    use errstatus::HttpStatus;

    /// An inner error, wrapped transparently.
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("invalid credentials")]
    #[status(403)]
    pub struct AuthError;

    /// The error type of a small JSON API, as in the design document.
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[status(500)]
    pub enum ApiError {
        /// 404 with a detail.
        #[error("user {0} not found")]
        #[status(404)]
        UserNotFound(u64),
        /// 409 with a detail that needs JSON escaping.
        #[error("email {email} already registered")]
        #[status(CONFLICT)]
        Duplicate {
            /// The address.
            email: String,
        },
        /// 422, a unit variant.
        #[error("invalid payload")]
        #[status(StatusCode::UNPROCESSABLE_ENTITY)]
        Invalid,
        /// 429 with a `Retry-After` header field.
        #[error("slow down")]
        #[status(429)]
        RateLimited {
            /// Seconds.
            #[header(RETRY_AFTER)]
            retry_after: u64,
        },
        /// 401 with a `WWW-Authenticate` header field.
        #[error("login required")]
        #[status(401)]
        Unauthenticated {
            /// The challenge.
            #[header(WWW_AUTHENTICATE)]
            challenge: String,
        },
        /// Status, headers and body of the inner error.
        #[error(transparent)]
        #[status(transparent)]
        Auth(AuthError),
        /// 500 from the enum default; the detail stays on the server.
        #[error("database unavailable: {0}")]
        Db(String),
    }
}

/// The hand-written side: the same enum, a `match` for the status, and the response built
/// by hand.
pub mod hand {
    use axum_core::body::Body;
    use axum_core::response::IntoResponse;
    use http::header::{CONTENT_TYPE, RETRY_AFTER, WWW_AUTHENTICATE};
    use http::{HeaderValue, Response, StatusCode};

    const PROBLEM_JSON: HeaderValue = HeaderValue::from_static("application/problem+json");

    /// Which error a response came from, in its extensions, as hand-written code puts it there
    /// for a middleware to read (axum's error-handling example): what `errstatus::ErrorRecord`
    /// carries, so both sides pay the same extension insert.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct Record {
        pub status: StatusCode,
        pub code: &'static str,
        pub type_uri: Option<&'static str>,
        pub type_name: &'static str,
        pub detail_hidden: bool,
    }

    /// An inner error, wrapped transparently.
    #[derive(Debug, thiserror::Error)]
    #[error("invalid credentials")]
    pub struct AuthError;

    impl AuthError {
        /// The status.
        #[must_use]
        pub fn status(&self) -> StatusCode {
            StatusCode::FORBIDDEN
        }

        /// The problem+json response.
        pub fn response<B: From<String>>(&self) -> Response<B> {
            let mut response = Response::new(B::from(problem(StatusCode::FORBIDDEN, "Forbidden", Some(self))));
            *response.status_mut() = StatusCode::FORBIDDEN;
            response.headers_mut().insert(CONTENT_TYPE, PROBLEM_JSON);
            let record = Record {
                status: StatusCode::FORBIDDEN,
                code: "AUTH_ERROR",
                type_uri: None,
                type_name: "AuthError",
                detail_hidden: false,
            };
            response.extensions_mut().insert(record);
            response
        }
    }

    /// The same variants as [`crate::derived::ApiError`].
    #[derive(Debug, thiserror::Error)]
    pub enum ApiError {
        #[error("user {0} not found")]
        UserNotFound(u64),
        #[error("email {email} already registered")]
        Duplicate { email: String },
        #[error("invalid payload")]
        Invalid,
        #[error("slow down")]
        RateLimited { retry_after: u64 },
        #[error("login required")]
        Unauthenticated { challenge: String },
        #[error(transparent)]
        Auth(AuthError),
        #[error("database unavailable: {0}")]
        Db(String),
    }

    impl ApiError {
        /// The status: a hand-written match.
        #[must_use]
        pub fn status(&self) -> StatusCode {
            match self {
                Self::UserNotFound(_) => StatusCode::NOT_FOUND,
                Self::Duplicate { .. } => StatusCode::CONFLICT,
                Self::Invalid => StatusCode::UNPROCESSABLE_ENTITY,
                Self::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
                Self::Unauthenticated { .. } => StatusCode::UNAUTHORIZED,
                Self::Auth(inner) => inner.status(),
                Self::Db(_) => StatusCode::INTERNAL_SERVER_ERROR,
            }
        }

        /// The problem+json response, as careful hand-written code builds it.
        pub fn response<B: From<String>>(&self) -> Response<B> {
            let (status, title, code) = match self {
                Self::UserNotFound(_) => (StatusCode::NOT_FOUND, "Not Found", "USER_NOT_FOUND"),
                Self::Duplicate { .. } => (StatusCode::CONFLICT, "Conflict", "DUPLICATE"),
                Self::Invalid => (StatusCode::UNPROCESSABLE_ENTITY, "Unprocessable Content", "INVALID"),
                Self::RateLimited { .. } => (StatusCode::TOO_MANY_REQUESTS, "Too Many Requests", "RATE_LIMITED"),
                Self::Unauthenticated { .. } => (StatusCode::UNAUTHORIZED, "Unauthorized", "UNAUTHENTICATED"),
                Self::Auth(inner) => return inner.response(),
                Self::Db(_) => (StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error", "DB"),
            };
            let detail: Option<&dyn std::fmt::Display> = if status.is_server_error() { None } else { Some(self) };
            let mut response = Response::new(B::from(problem(status, title, detail)));
            *response.status_mut() = status;
            let headers = response.headers_mut();
            match self {
                Self::RateLimited { retry_after } => {
                    headers.insert(RETRY_AFTER, HeaderValue::from(*retry_after));
                }
                Self::Unauthenticated { challenge } => {
                    if let Ok(value) = HeaderValue::try_from(challenge.as_str()) {
                        headers.insert(WWW_AUTHENTICATE, value);
                    }
                }
                _ => {}
            }
            headers.insert(CONTENT_TYPE, PROBLEM_JSON);
            let detail_hidden = status.is_server_error();
            let record = Record { status, code, type_uri: None, type_name: "ApiError", detail_hidden };
            response.extensions_mut().insert(record);
            response
        }
    }

    /// The RFC 9457 body in one buffer, escaped by serde_json as it is written.
    fn problem(status: StatusCode, title: &str, detail: Option<&dyn std::fmt::Display>) -> String {
        let mut body = Vec::with_capacity(128);
        body.extend_from_slice(br#"{"type":"about:blank","title":"#);
        serde_json::to_writer(&mut body, title).expect("writing to a Vec cannot fail");
        body.extend_from_slice(br#","status":"#);
        body.extend_from_slice(status.as_str().as_bytes());
        if let Some(detail) = detail {
            body.extend_from_slice(br#","detail":"#);
            serde_json::to_writer(&mut body, &format_args!("{detail}")).expect("writing to a Vec cannot fail");
        }
        body.push(b'}');
        String::from_utf8(body).expect("serde_json writes UTF-8")
    }

    impl<B: From<String>> From<ApiError> for Response<B> {
        fn from(e: ApiError) -> Self {
            e.response()
        }
    }

    impl IntoResponse for ApiError {
        fn into_response(self) -> axum_core::response::Response {
            self.response::<Body>()
        }
    }
}

/// Short names of the [`samples`], in order, for benchmark ids.
pub const SAMPLE_NAMES: [&str; 7] = [
    "404-detail",
    "409-escaped",
    "422-unit",
    "429-retry-after",
    "401-www-authenticate",
    "403-transparent",
    "500-masked",
];

/// The same errors on both sides, one per variant.
#[must_use]
pub fn samples() -> (Vec<derived::ApiError>, Vec<hand::ApiError>) {
    use derived::ApiError as D;
    use hand::ApiError as H;
    let email = "jo\"e\"@example.com";
    let derived = vec![
        D::UserNotFound(42),
        D::Duplicate { email: email.into() },
        D::Invalid,
        D::RateLimited { retry_after: 30 },
        D::Unauthenticated { challenge: "Bearer realm=\"api\"".into() },
        D::Auth(derived::AuthError),
        D::Db("connection refused".into()),
    ];
    let hand = vec![
        H::UserNotFound(42),
        H::Duplicate { email: email.into() },
        H::Invalid,
        H::RateLimited { retry_after: 30 },
        H::Unauthenticated { challenge: "Bearer realm=\"api\"".into() },
        H::Auth(hand::AuthError),
        H::Db("connection refused".into()),
    ];
    (derived, hand)
}

/// The derived response for a borrowed error (what `From<E>` and `IntoResponse` build).
#[must_use]
pub fn derived_response<B: From<String>>(e: &derived::ApiError) -> http::Response<B> {
    errstatus::response(e)
}

/// The derived status, through the trait. `#[inline]`, as the hand-written side's `status()`
/// is inlined where the benchmark calls it: without it the benchmark measures whether rustc
/// happens to inline this wrapper across crates, not `status()` (one table load either way).
#[must_use]
#[inline]
pub fn derived_status(e: &derived::ApiError) -> http::StatusCode {
    e.status()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_sides_build_the_same_responses() {
        let (derived, hand) = samples();
        for (d, h) in derived.iter().zip(&hand) {
            assert_eq!(derived_status(d), h.status(), "{d:?}");
            let (d, h): (http::Response<String>, http::Response<String>) = (derived_response(d), h.response());
            assert_eq!(d.status(), h.status());
            assert_eq!(d.headers(), h.headers());
            assert_eq!(d.body(), h.body());
            // The same record, in the extensions of both.
            let d = d.extensions().get::<errstatus::ErrorRecord>().unwrap();
            let h = h.extensions().get::<hand::Record>().unwrap();
            assert_eq!(
                (d.status(), d.code(), d.type_uri(), d.type_name(), d.detail_hidden()),
                (h.status, h.code, h.type_uri, h.type_name, h.detail_hidden)
            );
        }
    }

    #[test]
    fn axum_responses_match() {
        use axum_core::response::IntoResponse;
        let (derived, hand) = samples();
        for (d, h) in derived.into_iter().zip(hand) {
            let (d, h) = (d.into_response(), h.into_response());
            assert_eq!(d.status(), h.status());
            assert_eq!(d.headers(), h.headers());
        }
    }
}
