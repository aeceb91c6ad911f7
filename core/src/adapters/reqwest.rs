//! The client side with reqwest (feature `reqwest`): [`ResponseExt::error_for_problem`] reads
//! an error response into the service's error type ([`FromProblem`]), and [`ClientError`] says
//! what came back instead of the response.
//!
//! ```no_run
//! use errstatus::reqwest::ResponseExt;
//! use errstatus::{ClientError, HttpStatus};
//!
//! #[derive(Debug, thiserror::Error, HttpStatus)]
//! #[errstatus(decode)]
//! enum ApiError {
//!     #[error("user {id} not found")]
//!     #[status(404)]
//!     UserNotFound { #[problem(extension)] id: u64 },
//! }
//!
//! # async fn run() -> Result<(), ClientError<ApiError>> {
//! let client = reqwest::Client::new();
//! let response = client.get("http://127.0.0.1:3000/users/42").send().await?;
//! match response.error_for_problem::<ApiError>().await {
//!     Ok(user) => println!("{}", user.text().await?),
//!     Err(ClientError::Problem(ApiError::UserNotFound { id })) => println!("no user {id}"),
//!     Err(other) => return Err(other),
//! }
//! # Ok(())
//! # }
//! ```

use core::fmt;
use core::future::Future;

use crate::decode::{from_problem, FromProblem, Undecoded};

/// The most of an error response's body [`ResponseExt::error_for_problem`] reads: 1 MiB. A
/// problem is a few hundred bytes; a longer body is not decoded (its first 1 MiB is kept in
/// [`Undecoded::body`]).
const BODY_LIMIT: usize = 1 << 20;

/// What [`ResponseExt::error_for_problem`] gives instead of the response: the service's error,
/// an error response that is not one of its, or a failure of the request itself.
///
/// `?` converts a `reqwest::Error` into [`ClientError::Transport`], so one `Result` carries a
/// request from `send()` to the decoded error:
///
/// ```
/// use errstatus::{ClientError, Undecoded};
///
/// #[derive(Debug, thiserror::Error, errstatus::HttpStatus)]
/// #[errstatus(decode)]
/// #[error("gone")]
/// #[status(410)]
/// struct Gone;
///
/// let e: ClientError<Gone> = ClientError::Undecoded(Undecoded::new(http::StatusCode::BAD_GATEWAY, Vec::new()));
/// assert_eq!(e.to_string(), "502 Bad Gateway");
/// assert_eq!(ClientError::Problem(Gone).to_string(), "gone");
/// ```
#[derive(Debug)]
pub enum ClientError<E> {
    /// The service's error, decoded.
    Problem(E),
    /// An error response (400 and above) that is not one of `E`'s: another service's, a
    /// proxy's, a body that did not decode.
    Undecoded(Undecoded),
    /// The request failed, or the body could not be read.
    Transport(reqwest::Error),
}

impl<E: fmt::Display> fmt::Display for ClientError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::Problem(e) => e.fmt(f),
            ClientError::Undecoded(e) => e.fmt(f),
            ClientError::Transport(e) => e.fmt(f),
        }
    }
}

impl<E: std::error::Error + 'static> std::error::Error for ClientError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ClientError::Problem(e) => Some(e),
            ClientError::Undecoded(e) => Some(e),
            ClientError::Transport(e) => Some(e),
        }
    }
}

impl<E> From<reqwest::Error> for ClientError<E> {
    fn from(e: reqwest::Error) -> Self {
        ClientError::Transport(e)
    }
}

/// Reads an error response into the service's error type: `error_for_problem`, next to
/// reqwest's own `error_for_status`.
pub trait ResponseExt: Sized {
    /// The response itself when its status is below 400; else its body read (at most 1 MiB)
    /// and decoded into `E` ([`ClientError::Problem`]), or [`ClientError::Undecoded`] when it
    /// is not one of `E`'s, or [`ClientError::Transport`] when the body cannot be read.
    ///
    /// ```no_run
    /// use errstatus::reqwest::ResponseExt;
    /// use errstatus::ClientError;
    ///
    /// #[derive(Debug, thiserror::Error, errstatus::HttpStatus)]
    /// #[errstatus(decode)]
    /// #[error("slow down")]
    /// #[status(429)]
    /// struct RateLimited { #[header(RETRY_AFTER)] retry_after: u64 }
    ///
    /// # async fn run() -> Result<(), reqwest::Error> {
    /// let response = reqwest::get("http://127.0.0.1:3000/reset").await?;
    /// if let Err(ClientError::Problem(RateLimited { retry_after })) = response.error_for_problem::<RateLimited>().await {
    ///     println!("retry in {retry_after} s");
    /// }
    /// # Ok(())
    /// # }
    /// ```
    fn error_for_problem<E: FromProblem>(self) -> impl Future<Output = Result<Self, ClientError<E>>> + Send;
}

impl ResponseExt for reqwest::Response {
    fn error_for_problem<E: FromProblem>(self) -> impl Future<Output = Result<Self, ClientError<E>>> + Send {
        let mut response = self;
        async move {
            let status = response.status();
            if status.as_u16() < 400 {
                return Ok(response);
            }
            let headers = core::mem::take(response.headers_mut());
            // Chunk by chunk, up to the limit: never more than it, whatever the length the
            // response announces.
            let mut body = Vec::new();
            let mut complete = true;
            while let Some(chunk) = response.chunk().await? {
                let room = BODY_LIMIT - body.len();
                if chunk.len() > room {
                    body.extend_from_slice(&chunk[..room]);
                    complete = false;
                    break;
                }
                body.extend_from_slice(&chunk);
            }
            if !complete {
                return Err(ClientError::Undecoded(Undecoded::new(status, body)));
            }
            from_problem::<E>(status, &headers, &body)
                .map_err(ClientError::Undecoded)
                .and_then(|e| Err(ClientError::Problem(e)))
        }
    }
}
