//! [`ProblemMiddleware`]: actix-web's own error responses (unknown route, an extractor error, a
//! handler's `HttpResponse::BadRequest().body("...")`) as problem+json.

use core::future::Future;
use core::pin::Pin;
use core::task::{ready, Context, Poll};

use actix_web::body::{self, BodySize, EitherBody, MessageBody};
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::http::header::{
    HeaderMap, HeaderName, HeaderValue, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, TRANSFER_ENCODING,
};
use actix_web::http::StatusCode;
use actix_web::web::Bytes;
use actix_web::{Error, HttpRequest, HttpResponse, ResponseError};
use pin_project_lite::pin_project;

use crate::adapters::actix::response::http_status;
use crate::adapters::foreign::{self, LIMIT};
use crate::response::{is_error, is_text};
use crate::status::record::ErrorRecord;

/// An actix-web middleware ([`App::wrap`](actix_web::App::wrap)) that turns the error responses
/// errstatus did not build into RFC 9457 `application/problem+json` responses, so that every
/// error a service sends has the same shape: actix-web's 404 for an unknown route, the
/// responses of its extractor errors (`JsonPayloadError`, `PathError`, ...), a handler's
/// `HttpResponse::BadRequest().body("...")`.
///
/// A 4xx or 5xx response whose body is empty (whatever its `content-type`), or `text/plain` or
/// without a `content-type` (as `HttpResponse::BadRequest().body("...")` sends it), and not
/// compressed, becomes a problem+json response of the same status. Its header fields are kept
/// (an `Allow`, a `Retry-After`, ...), except `content-type`, `content-length` and
/// `transfer-encoding`, which describe the new body. Its text, trimmed, is the `detail` of a
/// 4xx; a 5xx's text is dropped (with the `tracing` feature, a text of at most 4 KiB is
/// logged), exactly as for a derived variant with nothing but its code. A 5xx text larger than
/// 4 KiB or streamed is dropped unread: its body is never polled. The body is built by the same
/// code as a derived error's response: titles and escaping are identical. The error a response
/// carries ([`HttpResponse::error`](actix_web::HttpResponse::error), for the logger) stays with
/// it.
///
/// An `Err` from the inner service (an inner middleware's `Err(ErrorUnauthorized("token
/// missing"))`) is decided by the response actix-web would send for it, its
/// `error_response()`, by the same rules: when that response is rewritten, the middleware
/// returns an `Err` whose `error_response()` is the problem+json response and whose Display
/// and Debug are the original error's; otherwise the same `Err`. (An `Err`, not a response:
/// the request went into the inner service, and the server answers an `Err` with its
/// `error_response()`.)
///
/// Passed on untouched:
///
/// - 1xx, 2xx and 3xx responses, streaming bodies included. The middleware adds no allocation
///   to them: no boxed future, and the body is passed on as it is (the left side of an
///   [`EitherBody`]);
/// - every response errstatus built, in any format and through any conversion (a derived
///   error's `ResponseError`, also as an `Err`): a problem+json one by its content-type, one in
///   a custom text format, or without a body, by a mark the builder puts in its extensions;
///   never by its body;
/// - non-empty bodies of another type (JSON, HTML, ...), compressed bodies, and 4xx text bodies
///   that are streamed or larger than 4 KiB: those are never read.
///
/// A response to a `HEAD` request gets the whole problem+json body, as actix-web's own
/// responses do: the server sends its `content-length` and leaves the body out.
///
/// ```
/// use actix_web::{test, web, App, HttpResponse};
/// use errstatus::actix::ProblemMiddleware;
///
/// # actix_web::rt::System::new().block_on(async {
/// let app = test::init_service(
///     App::new()
///         .wrap(ProblemMiddleware::new())
///         .route("/users", web::get().to(|| async { HttpResponse::Ok().json(["alice"]) }))
///         .route("/broken", web::get().to(|| async { HttpResponse::BadGateway().body("upstream 10.0.0.7 is down") })),
/// )
/// .await;
///
/// // actix-web's 404 for an unknown route.
/// let response = test::call_service(&app, test::TestRequest::get().uri("/nowhere").to_request()).await;
/// assert_eq!(response.status(), 404);
/// assert_eq!(response.headers().get("content-type").unwrap(), "application/problem+json");
/// let body = test::read_body(response).await;
/// assert_eq!(body, r#"{"type":"about:blank","title":"Not Found","status":404}"#);
///
/// // A handler's plain-text 502: the text stays on the server.
/// let response = test::call_service(&app, test::TestRequest::get().uri("/broken").to_request()).await;
/// let body = test::read_body(response).await;
/// assert_eq!(body, r#"{"type":"about:blank","title":"Bad Gateway","status":502}"#);
///
/// // A 200 is not touched.
/// let response = test::call_service(&app, test::TestRequest::get().uri("/users").to_request()).await;
/// assert_eq!(response.headers().get("content-type").unwrap(), "application/json");
/// assert_eq!(test::read_body(response).await, r#"["alice"]"#);
/// # });
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct ProblemMiddleware {
    _private: (),
}

impl ProblemMiddleware {
    /// The middleware. It has no settings.
    ///
    /// ```
    /// use actix_web::App;
    /// use errstatus::actix::ProblemMiddleware;
    ///
    /// let app = App::new().wrap(ProblemMiddleware::new());
    /// ```
    pub const fn new() -> Self {
        ProblemMiddleware { _private: () }
    }
}

impl<S, B> Transform<S, ServiceRequest> for ProblemMiddleware
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Transform = ProblemMiddlewareService<S>;
    type InitError = ();
    type Future = core::future::Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        core::future::ready(Ok(ProblemMiddlewareService { service }))
    }
}

/// The service [`ProblemMiddleware`] wraps around the app's service. Made by
/// [`App::wrap`](actix_web::App::wrap); see [`ProblemMiddleware`].
///
/// ```
/// use actix_web::dev::{Service, ServiceResponse};
/// use actix_web::{test, web, App, HttpResponse};
/// use errstatus::actix::ProblemMiddleware;
///
/// # actix_web::rt::System::new().block_on(async {
/// let app = test::init_service(
///     App::new().wrap(ProblemMiddleware::new()).route("/", web::get().to(HttpResponse::Ok)),
/// )
/// .await;
/// let response: ServiceResponse<_> = app.call(test::TestRequest::get().uri("/").to_request()).await.unwrap();
/// assert_eq!(response.status(), 200);
/// # });
/// ```
#[derive(Debug)]
pub struct ProblemMiddlewareService<S> {
    service: S,
}

impl<S, B> Service<ServiceRequest> for ProblemMiddlewareService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Future = ProblemMiddlewareFuture<S::Future, B>;

    actix_web::dev::forward_ready!(service);

    #[inline]
    fn call(&self, request: ServiceRequest) -> Self::Future {
        ProblemMiddlewareFuture { state: State::Waiting { future: self.service.call(request) } }
    }
}

/// The rewriting of an error response whose body must be read first: the response, or the
/// rewritten `Err` of the inner service.
type Reading<B> = Pin<Box<dyn Future<Output = Result<ServiceResponse<EitherBody<B>>, Error>>>>;

pin_project! {
    /// The response future of [`ProblemMiddlewareService`]: the inner service's future, then,
    /// for an error response whose body cannot be taken at once, the reading of that body. Not
    /// boxed on the way of a 2xx.
    ///
    /// ```
    /// use actix_web::dev::Service;
    /// use actix_web::{test, web, App, HttpResponse};
    /// use errstatus::actix::ProblemMiddleware;
    ///
    /// # actix_web::rt::System::new().block_on(async {
    /// let app = test::init_service(App::new().wrap(ProblemMiddleware::new()).route("/", web::get().to(HttpResponse::Ok))).await;
    /// let future = app.call(test::TestRequest::get().uri("/").to_request()); // a ProblemMiddlewareFuture
    /// assert_eq!(future.await.unwrap().status(), 200);
    /// # });
    /// ```
    pub struct ProblemMiddlewareFuture<F, B> {
        #[pin]
        state: State<F, B>,
    }
}

impl<F, B> core::fmt::Debug for ProblemMiddlewareFuture<F, B> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let state = match self.state {
            State::Waiting { .. } => "waiting",
            State::Reading { .. } => "reading",
            State::Done => "done",
        };
        f.debug_struct("ProblemMiddlewareFuture").field("state", &state).finish()
    }
}

pin_project! {
    #[project = StateProj]
    enum State<F, B> {
        Waiting { #[pin] future: F },
        Reading { reading: Reading<B> },
        Done,
    }
}

impl<F, B> Future for ProblemMiddlewareFuture<F, B>
where
    F: Future<Output = Result<ServiceResponse<B>, Error>>,
    B: MessageBody + 'static,
{
    type Output = Result<ServiceResponse<EitherBody<B>>, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        loop {
            match this.state.as_mut().project() {
                StateProj::Waiting { future } => {
                    let next = match ready!(future.poll(cx)) {
                        Ok(response) if !is_error(response.status().as_u16()) => {
                            Next::Done(Ok(response.map_into_left_body()))
                        }
                        Ok(response) => look(response),
                        Err(error) => look_err(error),
                    };
                    match next {
                        Next::Done(result) => {
                            this.state.set(State::Done);
                            return Poll::Ready(result);
                        }
                        Next::Read(reading) => this.state.set(State::Reading { reading }),
                    }
                }
                StateProj::Reading { reading } => {
                    let result = ready!(reading.as_mut().poll(cx));
                    this.state.set(State::Done);
                    return Poll::Ready(result);
                }
                StateProj::Done => panic!("ProblemMiddlewareFuture polled after completion"),
            }
        }
    }
}

/// What to do with an error response or an `Err`.
enum Next<B> {
    Done(Result<ServiceResponse<EitherBody<B>>, Error>),
    Read(Reading<B>),
}

/// What to do with a 4xx or 5xx response, decided without reading its body.
enum Decision<X> {
    /// Pass it on untouched.
    Pass(HttpResponse<X>),
    /// Rewrite it, with this text (or none): an empty body whatever its content-type, a text
    /// taken at once, a 5xx text too large or streamed, dropped unread.
    Convert(HttpResponse<()>, Option<Bytes>),
    /// Read its text (at most [`LIMIT`] bytes, announced) first.
    Read(HttpResponse<()>, X),
}

fn decide<X: MessageBody>(response: HttpResponse<X>) -> Decision<X> {
    if response.extensions().get::<ErrorRecord>().is_some() {
        return Decision::Pass(response);
    }
    let headers = response.headers();
    if headers.get_all(CONTENT_ENCODING).any(|v| !foreign::is_identity(v.as_bytes())) {
        return Decision::Pass(response);
    }
    let text = is_text(headers.get_all(CONTENT_TYPE).map(HeaderValue::as_bytes));
    match response.body().size() {
        // Nothing to read, whatever the content-type says.
        BodySize::None | BodySize::Sized(0) => Decision::Convert(response.drop_body(), None),
        _ if !text => Decision::Pass(response),
        BodySize::Sized(n) if n <= LIMIT as u64 => {
            let (response, body) = response.into_parts();
            match body.try_into_bytes() {
                Ok(text) => Decision::Convert(response, Some(text)),
                Err(body) => Decision::Read(response, body),
            }
        }
        // A 5xx's text would be dropped: the body is dropped unread, never polled.
        _ if response.status().is_server_error() => Decision::Convert(response.drop_body(), None),
        _ => Decision::Pass(response),
    }
}

/// Reads a body of at most [`LIMIT`] bytes. A body that fails, or sends more than it
/// announced, has no text.
async fn read<X: MessageBody>(body: X) -> Option<Bytes> {
    match body::to_bytes_limited(body, LIMIT).await {
        Ok(Ok(text)) => Some(text),
        _ => None,
    }
}

/// Decides on a 4xx or 5xx response: pass it on, or convert it, reading its body first if it
/// cannot be taken at once.
fn look<B: MessageBody + 'static>(response: ServiceResponse<B>) -> Next<B> {
    let (request, response) = response.into_parts();
    match decide(response) {
        Decision::Pass(response) => Next::Done(Ok(ServiceResponse::new(request, response).map_into_left_body())),
        Decision::Convert(response, text) => Next::Done(Ok(respond(request, convert(response, text.as_deref())))),
        Decision::Read(response, body) => Next::Read(Box::pin(async move {
            let text = read(body).await;
            Ok(respond(request, convert(response, text.as_deref())))
        })),
    }
}

/// Decides on an `Err` of the inner service (an inner middleware's `ErrorUnauthorized(...)`),
/// by the response actix-web would send for it (`error_response()`): pass it on, the same
/// `Err`, or rewrite it, an `Err` whose response is the problem+json one. (An `Err`, not a
/// response: the request it would need went into the inner service, and actix-web's routing
/// panics on a request that is shared.) A derived error's response is marked: it passes.
fn look_err<B: 'static>(error: Error) -> Next<B> {
    let response = error.error_response();
    if !is_error(response.status().as_u16()) {
        return Next::Done(Err(error));
    }
    match decide(response) {
        Decision::Pass(_) => Next::Done(Err(error)),
        Decision::Convert(response, text) => {
            Next::Done(Err(Rewritten::error(error, convert(response, text.as_deref()))))
        }
        Decision::Read(response, body) => Next::Read(Box::pin(async move {
            let text = read(body).await;
            Err(Rewritten::error(error, convert(response, text.as_deref())))
        })),
    }
}

/// The problem+json response in place of `response` and its body `text`: the same status,
/// header fields, extensions and error, but the problem's `content-type` and its body
/// (actix-web writes the `content-length`), and its [`ErrorRecord`] (code: the status's constant
/// name, type name `actix-web`), which tells a second middleware to pass it on.
fn convert(mut response: HttpResponse<()>, text: Option<&[u8]>) -> HttpResponse<String> {
    let (problem, body) = foreign::problem(http_status(response.status()), text, "actix-web").into_parts();
    if let Some(record) = problem.extensions.get::<ErrorRecord>() {
        response.extensions_mut().insert(*record);
    }
    let headers = response.headers_mut();
    headers.remove(CONTENT_TYPE);
    headers.remove(CONTENT_LENGTH);
    headers.remove(TRANSFER_ENCODING);
    for (name, value) in &problem.headers {
        if let (Ok(name), Ok(value)) =
            (HeaderName::from_bytes(name.as_str().as_bytes()), HeaderValue::from_bytes(value.as_bytes()))
        {
            headers.append(name, value);
        }
    }
    response.set_body(body)
}

fn respond<B>(request: HttpRequest, response: HttpResponse<String>) -> ServiceResponse<EitherBody<B>> {
    ServiceResponse::new(request, response.map_into_boxed_body()).map_into_right_body()
}

/// An `Err` of the inner service whose response was rewritten: its Display and Debug are the
/// original error's (for the logger), its response the problem+json one.
struct Rewritten {
    error: Error,
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    record: Option<ErrorRecord>,
}

impl Rewritten {
    fn error(error: Error, response: HttpResponse<String>) -> Error {
        let status = response.status();
        let headers = response.headers().clone();
        let record = response.extensions().get::<ErrorRecord>().copied();
        let body = Bytes::from(response.into_body());
        Error::from(Rewritten { error, status, headers, body, record })
    }
}

impl ResponseError for Rewritten {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::with_body(self.status, self.body.clone()).map_into_boxed_body();
        *response.headers_mut() = self.headers.clone();
        if let Some(record) = self.record {
            response.extensions_mut().insert(record);
        }
        response
    }
}

impl core::fmt::Display for Rewritten {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Display::fmt(&self.error, f)
    }
}

impl core::fmt::Debug for Rewritten {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Debug::fmt(&self.error, f)
    }
}
