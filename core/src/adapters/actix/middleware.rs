//! [`ProblemMiddleware`]: actix-web's own error responses (unknown route, an extractor error, a
//! handler's `HttpResponse::BadRequest().body("...")`) as problem+json.

use core::future::Future;
use core::pin::Pin;
use core::task::{ready, Context, Poll};

use actix_web::body::{self, BodySize, EitherBody, MessageBody};
use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::http::header::{
    HeaderName, HeaderValue, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, TRANSFER_ENCODING,
};
use actix_web::{Error, HttpRequest, HttpResponse};
use pin_project_lite::pin_project;

use crate::adapters::actix::response::http_status;
use crate::adapters::foreign::{self, Built, LIMIT};

/// An actix-web middleware ([`App::wrap`](actix_web::App::wrap)) that turns the error responses
/// errstatus did not build into RFC 9457 `application/problem+json` responses, so that every
/// error a service sends has the same shape: actix-web's 404 for an unknown route, the
/// responses of its extractor errors (`JsonPayloadError`, `PathError`, ...), a handler's
/// `HttpResponse::BadRequest().body("...")`.
///
/// A 4xx or 5xx response whose body is empty, `text/plain` or without a `content-type` (as
/// `HttpResponse::BadRequest().body("...")` sends it), and not compressed, becomes a
/// problem+json response of the same status. Its header fields are kept (an `Allow`, a
/// `Retry-After`, ...), except `content-type`, `content-length` and `transfer-encoding`,
/// which describe the new body. Its text, trimmed, is the `detail` of a 4xx; a 5xx's text is
/// dropped (with the `tracing` feature, logged), exactly as for a derived variant with nothing
/// but its code. The body is built by the same code as a derived error's response: titles and
/// escaping are identical. The error a response carries
/// ([`HttpResponse::error`](actix_web::HttpResponse::error), for the logger) stays with it.
///
/// Passed on untouched:
///
/// - 1xx, 2xx and 3xx responses, streaming bodies included. The middleware adds no allocation
///   to them: no boxed future, and the body is passed on as it is (the left side of an
///   [`EitherBody`]);
/// - every response errstatus built, in any format (a derived error's `ResponseError`): a
///   problem+json one by its content-type, one in a custom text format, or without a body, by
///   a mark in its extensions; never by its body;
/// - bodies of another type (JSON, HTML, ...), compressed bodies, streaming bodies, and bodies
///   larger than 4 KiB: those are never read;
/// - an `Err` from the inner service (actix-web makes it a response further out).
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

/// The rewriting of an error response whose body must be read first.
type Reading<B> = Pin<Box<dyn Future<Output = ServiceResponse<EitherBody<B>>>>>;

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
                    let response = match ready!(future.poll(cx)) {
                        Ok(response) => response,
                        Err(e) => {
                            this.state.set(State::Done);
                            return Poll::Ready(Err(e));
                        }
                    };
                    if !foreign::is_error(response.status().as_u16()) {
                        this.state.set(State::Done);
                        return Poll::Ready(Ok(response.map_into_left_body()));
                    }
                    match look(response) {
                        Next::Done(response) => {
                            this.state.set(State::Done);
                            return Poll::Ready(Ok(response));
                        }
                        Next::Read(reading) => this.state.set(State::Reading { reading }),
                    }
                }
                StateProj::Reading { reading } => {
                    let response = ready!(reading.as_mut().poll(cx));
                    this.state.set(State::Done);
                    return Poll::Ready(Ok(response));
                }
                StateProj::Done => panic!("ProblemMiddlewareFuture polled after completion"),
            }
        }
    }
}

/// What to do with an error response.
enum Next<B> {
    Done(ServiceResponse<EitherBody<B>>),
    Read(Reading<B>),
}

/// Decides on a 4xx or 5xx response: pass it on, or convert it, reading its body first if it
/// cannot be taken at once.
fn look<B: MessageBody + 'static>(response: ServiceResponse<B>) -> Next<B> {
    if response.response().extensions().get::<Built>().is_some() {
        return Next::Done(response.map_into_left_body());
    }
    let headers = response.headers();
    if headers.get_all(CONTENT_ENCODING).any(|v| !foreign::is_identity(v.as_bytes())) {
        return Next::Done(response.map_into_left_body());
    }
    if !foreign::is_text(headers.get_all(CONTENT_TYPE).map(HeaderValue::as_bytes)) {
        return Next::Done(response.map_into_left_body());
    }
    match response.response().body().size() {
        BodySize::None | BodySize::Sized(0) => {
            let (request, response) = response.into_parts();
            Next::Done(convert(request, response.drop_body(), None))
        }
        BodySize::Sized(n) if n <= LIMIT as u64 => {
            let (request, response) = response.into_parts();
            let (response, body) = response.into_parts();
            match body.try_into_bytes() {
                Ok(text) => Next::Done(convert(request, response, Some(&text))),
                Err(body) => Next::Read(Box::pin(async move {
                    // A body that fails, or sends more than it announced, has no text.
                    let text = match body::to_bytes_limited(body, LIMIT).await {
                        Ok(Ok(text)) => Some(text),
                        _ => None,
                    };
                    convert(request, response, text.as_deref())
                })),
            }
        }
        _ => Next::Done(response.map_into_left_body()),
    }
}

/// The problem+json response in place of `response` and its body `text`: the same status,
/// header fields, extensions and error, but the problem's `content-type` and its body
/// (actix-web writes the `content-length`). Its content-type tells a second middleware to pass
/// it on: no mark needed.
fn convert<B>(
    request: HttpRequest,
    mut response: HttpResponse<()>,
    text: Option<&[u8]>,
) -> ServiceResponse<EitherBody<B>> {
    let (problem, body) = foreign::problem(http_status(response.status()), text).into_parts();
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
    ServiceResponse::new(request, response.set_body(body).map_into_boxed_body()).map_into_right_body()
}
