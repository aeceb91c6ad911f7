//! [`ProblemLayer`]: axum's own error responses (unknown route, wrong method, a rejection, a bare
//! `StatusCode`) as problem+json.

use core::future::Future;
use core::pin::Pin;
use core::task::{ready, Context, Poll};

use ::axum::body::{Body, Bytes, HttpBody};
use axum_core::response::Response;
use http::header::{CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, TRANSFER_ENCODING};
use http::response::Parts;
use http::{HeaderMap, HeaderValue, Method, Request};
use http_body::{Frame, SizeHint};
use pin_project_lite::pin_project;
use tower_layer::Layer;
use tower_service::Service;

use crate::adapters::foreign::{self, LIMIT};
use crate::response::{is_error, is_text};
use crate::status::record::ErrorRecord;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A tower [`Layer`] that turns the error responses errstatus did not build into RFC 9457
/// `application/problem+json` responses, so that every error a service sends has the same
/// shape: axum's 404 for an unknown route and 405 for a wrong method, the extractor
/// rejections, a handler's bare `StatusCode` or `(StatusCode, &str)`.
///
/// A 4xx or 5xx response whose body is empty (whatever its `content-type`), or `text/plain` or
/// without a `content-type` (and not compressed), becomes a problem+json response of the same
/// status. Its header fields are kept (the `Allow` of a 405, a `Retry-After`, ...), except
/// `content-type`, `content-length` and `transfer-encoding`, which describe the new body. Its
/// text, trimmed, is the `detail` of a 4xx; a 5xx's text is dropped (with the `tracing`
/// feature, a text of at most 4 KiB is logged), exactly as for a derived variant with nothing
/// but its code. A 5xx text larger than 4 KiB or of unknown size (a stream) is dropped unread:
/// its body is never polled. The body is built by the same code as a derived error's response:
/// titles and escaping are identical.
///
/// Passed on untouched:
///
/// - 1xx, 2xx and 3xx responses, streaming bodies included. The layer adds no allocation to
///   them: no boxed future, and an axum [`Body`] is passed on as it is;
/// - every response errstatus built, in any format and through any conversion (a derived
///   error's `IntoResponse`, `From<E> for http::Response<B>`, `errstatus::response`): a
///   problem+json one by its content-type, one in a custom text format, or without a body, by
///   a mark the builder puts in its extensions; never by its body;
/// - non-empty bodies of another type (JSON, HTML, ...), compressed bodies, and 4xx text bodies
///   that may be larger than 4 KiB by their size hint and `content-length`: those are never
///   read.
///
/// A response to a `HEAD` request stays bodiless: it gets the problem's header fields and,
/// where it can be known, the `content-length` of the body a `GET` would have had (always for a
/// 5xx, whose problem body has no detail).
///
/// Add it last, after the routes and the fallback, so that it wraps them all (axum applies a
/// layer to the routes that exist when [`Router::layer`](::axum::Router::layer) is called):
///
/// ```
/// use axum::body::{to_bytes, Body};
/// use axum::http::{Request, StatusCode};
/// use axum::routing::get;
/// use axum::Router;
/// use errstatus::axum::ProblemLayer;
/// use tower::ServiceExt; // oneshot
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// let app = Router::new()
///     .route("/users", get(|| async { "[]" }))
///     .route("/broken", get(|| async { (StatusCode::BAD_GATEWAY, "upstream 10.0.0.7 is down") }))
///     .layer(ProblemLayer::new());
///
/// // axum's 405, with its `Allow`.
/// let request = Request::post("/users").body(Body::empty()).unwrap();
/// let response = app.clone().oneshot(request).await.unwrap();
/// assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
/// assert_eq!(response.headers()["allow"], "GET,HEAD");
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// let body = to_bytes(response.into_body(), 1024).await.unwrap();
/// assert_eq!(body, r#"{"type":"about:blank","title":"Method Not Allowed","status":405}"#);
///
/// // A handler's plain-text 502: the text stays on the server.
/// let request = Request::get("/broken").body(Body::empty()).unwrap();
/// let response = app.clone().oneshot(request).await.unwrap();
/// let body = to_bytes(response.into_body(), 1024).await.unwrap();
/// assert_eq!(body, r#"{"type":"about:blank","title":"Bad Gateway","status":502}"#);
///
/// // A 200 is not touched.
/// let request = Request::get("/users").body(Body::empty()).unwrap();
/// let response = app.oneshot(request).await.unwrap();
/// assert_eq!(response.headers()["content-type"], "text/plain; charset=utf-8");
/// assert_eq!(to_bytes(response.into_body(), 1024).await.unwrap(), "[]");
/// # }
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct ProblemLayer {
    _private: (),
}

impl ProblemLayer {
    /// The layer. It has no settings.
    ///
    /// ```
    /// use axum::Router;
    /// use errstatus::axum::ProblemLayer;
    ///
    /// let app: Router = Router::new().layer(ProblemLayer::new());
    /// ```
    pub const fn new() -> Self {
        ProblemLayer { _private: () }
    }
}

impl<S> Layer<S> for ProblemLayer {
    type Service = ProblemService<S>;

    fn layer(&self, inner: S) -> ProblemService<S> {
        ProblemService { inner }
    }
}

/// The service [`ProblemLayer`] wraps around an inner service: its responses, with the error
/// responses errstatus did not build as problem+json. Usually made by the layer; any
/// [`Service`] whose responses are `http::Response<B>` (with an `http_body::Body` `B`) can be
/// wrapped directly too, for example a whole [`Router`](::axum::Router):
///
/// ```
/// use axum::body::{to_bytes, Body};
/// use axum::http::Request;
/// use axum::Router;
/// use errstatus::axum::ProblemService;
/// use tower::ServiceExt; // oneshot
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// let app = ProblemService::new(Router::new());
/// let response = app.oneshot(Request::get("/nowhere").body(Body::empty()).unwrap()).await.unwrap();
/// assert_eq!(response.status(), 404);
/// let body = to_bytes(response.into_body(), 1024).await.unwrap();
/// assert_eq!(body, r#"{"type":"about:blank","title":"Not Found","status":404}"#);
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct ProblemService<S> {
    inner: S,
}

impl<S> ProblemService<S> {
    /// Wraps `inner`: the same as `ProblemLayer::new().layer(inner)`.
    ///
    /// ```
    /// use axum::Router;
    /// use errstatus::axum::ProblemService;
    ///
    /// let app = ProblemService::new(Router::<()>::new());
    /// let router: &Router = app.get_ref();
    /// ```
    pub const fn new(inner: S) -> Self {
        ProblemService { inner }
    }

    /// The inner service.
    ///
    /// ```
    /// use axum::Router;
    /// use errstatus::axum::ProblemService;
    ///
    /// let app = ProblemService::new(Router::<()>::new());
    /// assert!(!app.get_ref().has_routes());
    /// ```
    pub fn get_ref(&self) -> &S {
        &self.inner
    }

    /// The inner service, mutably.
    ///
    /// ```
    /// use axum::Router;
    /// use errstatus::axum::ProblemService;
    ///
    /// let mut app = ProblemService::new(Router::<()>::new());
    /// let _router: &mut Router = app.get_mut();
    /// ```
    pub fn get_mut(&mut self) -> &mut S {
        &mut self.inner
    }

    /// The inner service, unwrapped.
    ///
    /// ```
    /// use axum::Router;
    /// use errstatus::axum::ProblemService;
    ///
    /// let router: Router = ProblemService::new(Router::new()).into_inner();
    /// ```
    pub fn into_inner(self) -> S {
        self.inner
    }
}

impl<S, ReqBody, ResBody> Service<Request<ReqBody>> for ProblemService<S>
where
    S: Service<Request<ReqBody>, Response = http::Response<ResBody>>,
    ResBody: HttpBody<Data = Bytes> + Send + 'static,
    ResBody::Error: Into<BoxError>,
{
    type Response = Response;
    type Error = S::Error;
    type Future = ProblemFuture<S::Future>;

    #[inline]
    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    #[inline]
    fn call(&mut self, request: Request<ReqBody>) -> Self::Future {
        let head = request.method() == Method::HEAD;
        ProblemFuture { state: State::Waiting { future: self.inner.call(request) }, head }
    }
}

pin_project! {
    /// The response future of [`ProblemService`]: the inner service's future, then, for an error
    /// response with a short text body, the reading of that body. Not boxed.
    ///
    /// ```
    /// use axum::body::Body;
    /// use axum::http::Request;
    /// use axum::Router;
    /// use errstatus::axum::{ProblemFuture, ProblemService};
    /// use tower::Service;
    ///
    /// let mut app = ProblemService::new(Router::new());
    /// let future: ProblemFuture<_> = app.call(Request::new(Body::empty()));
    /// # drop(future);
    /// ```
    pub struct ProblemFuture<F> {
        #[pin]
        state: State<F>,
        head: bool,
    }
}

impl<F> core::fmt::Debug for ProblemFuture<F> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let state = match self.state {
            State::Waiting { .. } => "waiting",
            State::Reading { .. } => "reading",
            State::Done => "done",
        };
        f.debug_struct("ProblemFuture").field("state", &state).field("head", &self.head).finish()
    }
}

pin_project! {
    #[project = StateProj]
    enum State<F> {
        Waiting { #[pin] future: F },
        // Boxed: the reading state is big (the response head), and only error responses with a
        // short text body get there. A 2xx never does.
        Reading { reading: Option<Box<Reading>> },
        Done,
    }
}

impl<F, B, E> Future for ProblemFuture<F>
where
    F: Future<Output = Result<http::Response<B>, E>>,
    B: HttpBody<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
{
    type Output = Result<Response, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        loop {
            match this.state.as_mut().project() {
                StateProj::Waiting { future } => {
                    let response = match ready!(future.poll(cx)) {
                        Ok(response) => response,
                        Err(e) => {
                            this.state.set(State::Done);
                            return Poll::Ready(Err(e));
                        }
                    };
                    if !is_error(response.status().as_u16()) {
                        this.state.set(State::Done);
                        // `Body::new` of a `Body` is the body itself: no allocation.
                        return Poll::Ready(Ok(response.map(Body::new)));
                    }
                    match look(response, *this.head) {
                        Next::Done(response) => {
                            this.state.set(State::Done);
                            return Poll::Ready(Ok(response));
                        }
                        Next::Read(reading) => this.state.set(State::Reading { reading: Some(reading) }),
                    }
                }
                StateProj::Reading { reading } => {
                    let current = reading.as_mut().expect("ProblemFuture polled after completion");
                    let outcome = ready!(current.poll_text(cx));
                    let done = reading.take().expect("the reading just polled");
                    this.state.set(State::Done);
                    return Poll::Ready(Ok(done.finish(outcome, *this.head)));
                }
                StateProj::Done => panic!("ProblemFuture polled after completion"),
            }
        }
    }
}

/// What to do with an error response.
enum Next {
    Done(Response),
    Read(Box<Reading>),
}

/// The `content-length` of a response, if it has one valid value.
fn content_length(headers: &HeaderMap) -> Option<u64> {
    let mut values = headers.get_all(CONTENT_LENGTH).iter();
    let value = values.next()?;
    if values.next().is_some() {
        return None;
    }
    value.to_str().ok()?.trim().parse().ok()
}

/// Decides on a 4xx or 5xx response without reading its body: pass it on, convert it (an empty
/// body whatever its content-type, a 5xx text too large or of unknown size, unread), or read its
/// text first (a text known to be at most [`LIMIT`]).
fn look<B>(response: http::Response<B>, head: bool) -> Next
where
    B: HttpBody<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
{
    let pass = |response: http::Response<B>| Next::Done(response.map(Body::new));
    if response.extensions().get::<ErrorRecord>().is_some() {
        return pass(response);
    }
    let headers = response.headers();
    if headers.get_all(CONTENT_ENCODING).iter().any(|v| !foreign::is_identity(v.as_bytes())) {
        return pass(response);
    }
    let text = is_text(headers.get_all(CONTENT_TYPE).iter().map(HeaderValue::as_bytes));
    let server = response.status().is_server_error();
    let declared = content_length(headers);
    let hint = response.body().size_hint();
    let limit = LIMIT as u64;
    if hint.exact() == Some(0) {
        if head && declared != Some(0) {
            // A HEAD response outside the router: axum took away the body a GET would have had
            // (its `content-length`, or its absence for a stream, says so). Decided as for the
            // GET, without its text: a 5xx's problem body is known (it has no detail), a 4xx's
            // length is not.
            let stripped = declared.is_some_and(|n| n > 0);
            if !text || (stripped && !server && declared.is_some_and(|n| n > limit)) {
                return pass(response);
            }
            let (parts, _) = response.into_parts();
            return Next::Done(convert(parts, None, head, stripped && !server));
        }
        // Nothing to read, whatever the content-type says.
        let (parts, _) = response.into_parts();
        return Next::Done(convert(parts, None, head, false));
    }
    if !text {
        return pass(response);
    }
    let small = hint.upper().is_some_and(|n| n <= limit) || declared.is_some_and(|n| n <= limit);
    if hint.lower() <= limit && small {
        let (parts, body) = response.into_parts();
        return Next::Read(Box::new(Reading { parts, body: Body::new(body), text: Vec::new(), trailers: None }));
    }
    if server {
        // Its text would be dropped: the body is dropped unread, never polled.
        let (parts, _) = response.into_parts();
        return Next::Done(convert(parts, None, head, false));
    }
    pass(response)
}

/// An error response whose body is being read.
struct Reading {
    parts: Parts,
    body: Body,
    text: Vec<u8>,
    trailers: Option<HeaderMap>,
}

/// How the reading of a body ended.
enum Outcome {
    /// The whole body is in `text`.
    Complete,
    /// The body failed: its text is not known.
    Failed,
    /// More than the limit after all: pass it on (a 4xx), or drop the rest unread (a 5xx).
    PassOn,
}

impl Reading {
    fn poll_text(&mut self, cx: &mut Context<'_>) -> Poll<Outcome> {
        loop {
            match ready!(Pin::new(&mut self.body).poll_frame(cx)) {
                Some(Ok(frame)) => match frame.into_data() {
                    Ok(data) => {
                        self.text.extend_from_slice(&data);
                        if self.text.len() > LIMIT {
                            return Poll::Ready(Outcome::PassOn);
                        }
                    }
                    Err(frame) => {
                        if let Ok(trailers) = frame.into_trailers() {
                            self.trailers = Some(trailers);
                        }
                    }
                },
                Some(Err(_)) => return Poll::Ready(Outcome::Failed),
                None => return Poll::Ready(Outcome::Complete),
            }
        }
    }

    fn finish(self: Box<Self>, outcome: Outcome, head: bool) -> Response {
        let Reading { parts, body, text, trailers } = *self;
        match outcome {
            Outcome::Complete => convert(parts, Some(&text), head, false),
            Outcome::Failed => convert(parts, None, head, false),
            Outcome::PassOn if parts.status.is_server_error() => convert(parts, None, head, false),
            Outcome::PassOn => {
                let replay = Replay { data: Some(Bytes::from(text)), rest: Some(body), trailers };
                Response::from_parts(parts, Body::new(replay))
            }
        }
    }
}

/// The problem+json response in place of `parts` and the body `text`: the same status, header
/// fields and extensions, but the problem's `content-type`, its `content-length` and its body
/// (none for a HEAD request; no `content-length` either when `length_unknown`). Its
/// content-type tells a second layer to pass it on: no mark needed.
fn convert(mut parts: Parts, text: Option<&[u8]>, head: bool, length_unknown: bool) -> Response {
    let (problem, body) = foreign::problem(parts.status, text, "axum").into_parts();
    if let Some(record) = problem.extensions.get::<ErrorRecord>() {
        parts.extensions.insert(*record);
    }
    let headers = &mut parts.headers;
    headers.remove(CONTENT_TYPE);
    headers.remove(CONTENT_LENGTH);
    headers.remove(TRANSFER_ENCODING);
    let mut last = None;
    for (name, value) in problem.headers {
        if let Some(name) = name {
            last = Some(name);
        }
        if let Some(name) = &last {
            headers.append(name.clone(), value);
        }
    }
    if !(head && length_unknown) {
        headers.insert(CONTENT_LENGTH, HeaderValue::from(body.len()));
    }
    let body = if head { Body::empty() } else { Body::from(body) };
    Response::from_parts(parts, body)
}

/// A body of which the first part has been read already: that part, then the rest.
struct Replay {
    data: Option<Bytes>,
    rest: Option<Body>,
    trailers: Option<HeaderMap>,
}

impl HttpBody for Replay {
    type Data = Bytes;
    type Error = axum_core::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = &mut *self;
        if let Some(data) = this.data.take().filter(|d| !d.is_empty()) {
            return Poll::Ready(Some(Ok(Frame::data(data))));
        }
        if let Some(rest) = &mut this.rest {
            match ready!(Pin::new(rest).poll_frame(cx)) {
                Some(frame) => return Poll::Ready(Some(frame)),
                None => this.rest = None,
            }
        }
        Poll::Ready(this.trailers.take().map(|t| Ok(Frame::trailers(t))))
    }

    fn is_end_stream(&self) -> bool {
        self.data.as_ref().is_none_or(Bytes::is_empty)
            && self.rest.as_ref().is_none_or(Body::is_end_stream)
            && self.trailers.is_none()
    }

    fn size_hint(&self) -> SizeHint {
        let read = self.data.as_ref().map_or(0, |d| d.len() as u64);
        let rest = self.rest.as_ref().map_or_else(|| SizeHint::with_exact(0), Body::size_hint);
        let mut hint = SizeHint::new();
        hint.set_lower(rest.lower().saturating_add(read));
        if let Some(upper) = rest.upper() {
            hint.set_upper(upper.saturating_add(read));
        }
        hint
    }
}

// Its unit tests, out of the published package.
#[cfg(test)]
#[path = "../../../tests/unit/axum_layer.rs"]
mod tests;
