//! The errors of the API, the same for both services (each service's error type wraps
//! [`ApiError`] and its framework's extractor rejections, all with `#[status(transparent)]`).
//! Each variant says, next to its message, which status it maps to and which of its fields go
//! out as header fields or extension members. Both types have `#[errstatus(decode)]`: a client
//! gets the error back as a value of the same type (`ApiError::from_problem`, or
//! `errstatus::reqwest::ResponseExt::error_for_problem`), so every field a client needs is in
//! the response, and the two 401s have different types.

use errstatus::HttpStatus;

/// Every error the API can answer with.
#[derive(Debug, PartialEq, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
#[status(500)] // the default for variants without their own #[status]
pub enum ApiError {
    /// `GET /users/{id}` for an id nobody has.
    #[error("user {0} not found")]
    #[status(404)]
    UserNotFound(#[problem(extension = "id")] u64),

    /// `POST /users` with an email that is already taken.
    #[error("email {email} is already registered")]
    #[status(CONFLICT)]
    DuplicateEmail {
        #[problem(extension)]
        email: String,
    },

    /// A field that does not validate. (A body or path that does not parse is the framework's
    /// rejection, which each service's error type wraps next to this enum.)
    #[error("invalid request: {0}")]
    #[status(UNPROCESSABLE_CONTENT)]
    Invalid(#[problem(extension = "reason")] String),

    /// A request body that is not declared as JSON, for code that checks the content type
    /// itself. (The example services leave that to their framework's JSON extractor, whose
    /// rejection they pass on with the framework's own status.)
    #[error("expected a JSON body (content-type: application/json)")]
    #[status(UNSUPPORTED_MEDIA_TYPE)]
    NotJson,

    /// Too many password-reset mails for one user: the client is told when to retry.
    #[error("too many password reset requests, retry in {retry_after} seconds")]
    #[status(StatusCode::TOO_MANY_REQUESTS)]
    RateLimited {
        #[header(RETRY_AFTER)]
        retry_after: u64,
    },

    /// Missing or bad credentials: status, `WWW-Authenticate` and body come from [`AuthError`].
    #[error(transparent)]
    #[status(transparent)]
    Auth(#[from] AuthError),

    /// A database failure. The client gets a bare 500 (the message names an internal host and
    /// stays on the server) and the request id to quote to support. It does not decode (its
    /// source stays on the server): a client gets it as `errstatus::Undecoded`.
    #[error("database error: {source}")]
    #[problem(skip_decode)]
    Database {
        source: DbError,
        #[header("x-request-id")]
        request_id: String,
    },

    /// Planned downtime. The message is meant for the client, so the 503 exposes it.
    #[error("{service} are paused for maintenance")]
    #[status(503, expose)]
    Maintenance {
        #[problem(extension)]
        service: String,
        #[header(RETRY_AFTER)]
        retry_after: u64,
    },
}

/// Authentication and authorization failures, an error type of its own (as it would be in a
/// separate auth crate) that [`ApiError::Auth`] wraps transparently.
#[derive(Debug, PartialEq, thiserror::Error, HttpStatus)]
#[errstatus(decode)]
pub enum AuthError {
    /// No `Authorization: Bearer ...` header field.
    #[error("missing bearer token")]
    #[status(UNAUTHORIZED)]
    MissingToken {
        #[header(WWW_AUTHENTICATE)]
        challenge: String,
    },

    /// A token that is not (or no longer) valid. Its type URI tells it apart from the other
    /// 401, for clients.
    #[error("invalid or expired bearer token")]
    #[status(401)]
    #[problem(type = "https://errstatus.example/problems/invalid-token")]
    InvalidToken {
        #[header(WWW_AUTHENTICATE)]
        challenge: String,
    },

    /// A valid token of a user who may not do this.
    #[error("user {user} may not {action}")]
    #[status(403)]
    Forbidden {
        #[problem(extension)]
        user: u64,
        #[problem(extension)]
        action: String,
    },
}

/// The `WWW-Authenticate` challenge for a request without a token (RFC 6750 §3).
pub const BEARER_CHALLENGE: &str = r#"Bearer realm="errstatus-example""#;
/// The challenge for a request with a bad token (RFC 6750 §3.1).
pub const INVALID_TOKEN_CHALLENGE: &str = r#"Bearer realm="errstatus-example", error="invalid_token""#;

impl AuthError {
    /// No credentials.
    pub fn missing_token() -> Self {
        AuthError::MissingToken { challenge: BEARER_CHALLENGE.to_owned() }
    }

    /// Credentials that do not check out.
    pub fn invalid_token() -> Self {
        AuthError::InvalidToken { challenge: INVALID_TOKEN_CHALLENGE.to_owned() }
    }
}

/// What the (simulated) database driver reports.
#[derive(Debug, PartialEq, thiserror::Error)]
pub enum DbError {
    /// The server did not accept the connection.
    #[error("connection to {addr} refused")]
    ConnectionRefused { addr: &'static str },
}
