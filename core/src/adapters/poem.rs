//! poem (feature `poem`): `poem::error::ResponseError` for derived types. poem turns any
//! `ResponseError + std::error::Error + Send + Sync + 'static` into a `poem::Error` (`?` and
//! `Into`), and a handler's `Result<T, YourError>` through it; the `poem::Error` keeps the
//! error and answers with its `as_response`, the response built here. poem 3 is on `http` 1.x,
//! so status and header fields go over as they are.
//!
//! poem gives the response of a `poem::Error` the error's own extensions, not those of the
//! response errstatus built: the [`ErrorRecord`] of a handler's `Err` reaches a middleware only
//! through [`ErrorRecords`], which turns the inner endpoint's `Err` into its response, the record
//! in its extensions.
//!
//! ```
//! use errstatus::poem::ErrorRecords;
//! use errstatus::{ErrorRecord, HttpStatus};
//! use poem::{get, handler, Endpoint, EndpointExt, Request, Route};
//!
//! #[derive(Debug, thiserror::Error, HttpStatus)]
//! enum ApiError {
//!     #[error("no such order")]
//!     #[status(404)]
//!     NoOrder,
//! }
//!
//! #[handler]
//! fn order() -> Result<String, ApiError> {
//!     Err(ApiError::NoOrder)
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! // An access log outside `ErrorRecords` sees which error each response came from.
//! let app = Route::new().at("/order", get(order)).with(ErrorRecords).around(|endpoint, request| async move {
//!     let response = endpoint.call(request).await?;
//!     let code = response.extensions().get::<ErrorRecord>().map(|r| r.code().to_owned());
//!     assert_eq!(code.as_deref(), Some("NO_ORDER"));
//!     Ok(response)
//! });
//! let response = app.get_response(Request::builder().uri_str("/order").finish()).await;
//! assert_eq!(response.status(), 404);
//! # }
//! ```

use core::cell::Cell;

use ::poem::{Body, Endpoint, IntoResponse, Middleware, Request, Response, ResponseParts};

use crate::response::to_response;
use crate::status::http_status::HttpStatus;
use crate::status::record::ErrorRecord;

thread_local! {
    /// The record of the last response [`response`] built on this thread: what [`ErrorRecords`]
    /// puts back into the response of a `poem::Error`, built synchronously inside
    /// `poem::Error::into_response`.
    static LAST: Cell<Option<ErrorRecord>> = const { Cell::new(None) };
}

/// `ResponseError::as_response`: the same status, header fields and body as `From<E>`.
pub fn response<E: HttpStatus>(e: &E) -> Response {
    let (parts, body) = to_response::<String>(e).into_parts();
    LAST.set(parts.extensions.get::<ErrorRecord>().copied());
    let parts = ResponseParts {
        status: parts.status,
        version: parts.version,
        headers: parts.headers,
        extensions: parts.extensions,
    };
    Response::from_parts(parts, Body::from(body))
}

/// A poem middleware (`endpoint.with(ErrorRecords)`) that answers an `Err(poem::Error)` of the
/// inner endpoint with the error's response, the [`ErrorRecord`] of an errstatus error in its
/// extensions (poem's `Error::into_response` would give it the `poem::Error`'s extensions
/// instead). A middleware outside it reads the record of every error response; an `Err` no
/// longer reaches it as an `Err`.
///
/// ```
/// use errstatus::poem::ErrorRecords;
/// use poem::{get, handler, EndpointExt, Route};
///
/// #[handler]
/// fn hello() -> &'static str {
///     "hello"
/// }
///
/// let app = Route::new().at("/", get(hello)).with(ErrorRecords);
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct ErrorRecords;

impl<E: Endpoint> Middleware<E> for ErrorRecords {
    type Output = ErrorRecordsEndpoint<E>;

    fn transform(&self, endpoint: E) -> Self::Output {
        ErrorRecordsEndpoint(endpoint)
    }
}

/// The endpoint of [`ErrorRecords`].
///
/// ```
/// use errstatus::poem::{ErrorRecords, ErrorRecordsEndpoint};
/// use poem::{get, handler, EndpointExt, Route};
///
/// #[handler]
/// fn hello() -> &'static str {
///     "hello"
/// }
///
/// let app: ErrorRecordsEndpoint<Route> = Route::new().at("/", get(hello)).with(ErrorRecords);
/// ```
#[derive(Debug)]
pub struct ErrorRecordsEndpoint<E>(E);

impl<E: Endpoint> Endpoint for ErrorRecordsEndpoint<E> {
    type Output = Response;

    async fn call(&self, request: Request) -> ::poem::Result<Response> {
        match self.0.call(request).await {
            Ok(response) => Ok(response.into_response()),
            Err(error) => {
                // `into_response` runs `as_response`, [`response`] above for an errstatus error,
                // on this thread and before it returns.
                LAST.set(None);
                let mut response = error.into_response();
                if let Some(record) = LAST.take() {
                    response.extensions_mut().insert(record);
                }
                Ok(response)
            }
        }
    }
}
