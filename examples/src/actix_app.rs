//! The API as an actix-web [`App`]. Handlers return `Result<_, ServiceError>`: the derived
//! `ResponseError` turns every error into its problem+json response, and
//! [`ProblemMiddleware`] does the same for the responses actix-web builds itself (404 for an
//! unknown route) and for a handler's plain-text error.
//!
//! Two things actix-web does not do by default, and this service does:
//!
//! - a known path with a wrong method is answered with 405 and an `Allow` header field that
//!   lists the path's methods (RFC 9110 §15.5.6), not with actix-web's 404: each path is one
//!   [`web::resource`] whose `default_service` sends that 405;
//! - a `HEAD` is answered like a `GET` (RFC 9110 §9.1, §9.3.2): every `GET` route has a `HEAD`
//!   route with the same handler, and actix-web's HTTP/1 encoder leaves the body out (its
//!   `content-length` stays).
//!
//! ```no_run
//! use actix_web::{web, HttpServer};
//! use errstatus_examples::{actix_app, store::Store};
//!
//! # async fn run() -> std::io::Result<()> {
//! // One store for all workers: create it outside the factory closure.
//! let store = web::Data::new(Store::new());
//! HttpServer::new(move || actix_app::app(store.clone(), 3001))
//!     .bind(("127.0.0.1", 3001))?
//!     .run()
//!     .await
//! # }
//! ```

use std::future::Future;

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::error::{JsonPayloadError, PathError};
use actix_web::http::header::{HeaderValue, ALLOW, AUTHORIZATION, CACHE_CONTROL, ETAG, IF_NONE_MATCH, LOCATION};
use actix_web::http::Method;
use actix_web::{web, App, Handler, HttpRequest, HttpResponse, Resource, Responder, Route};
use errstatus::actix::ProblemMiddleware;
use errstatus::catalog::Pages;
use errstatus::{ErrorRecord, HttpStatus};

use crate::error::{ApiError, AuthError};
use crate::store::{NewUser, Order, Store, User};
use crate::{conditional, openapi, BODY_LIMIT, CATALOG_PATH};

/// Every error the actix-web service answers with: the API's own, and actix-web's extractor
/// errors with the status and text actix-web gives them (400 for a path parameter that does
/// not parse; 400 or 413 for a body that is not JSON of the expected shape).
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum ServiceError {
    #[error(transparent)]
    #[status(transparent)]
    Api(#[from] ApiError),

    #[error(transparent)]
    #[status(transparent)]
    Body(#[from] JsonPayloadError),

    #[error(transparent)]
    #[status(transparent)]
    Path(#[from] PathError),
}

impl From<AuthError> for ServiceError {
    fn from(e: AuthError) -> Self {
        ServiceError::Api(e.into())
    }
}

/// The service on `store`, its OpenAPI document naming `port` as the server's: the routes of
/// [`configure`] inside [`ProblemMiddleware`], which wraps every route and the default service
/// (routes added to the returned `App` included).
pub fn app(
    store: web::Data<Store>,
    port: u16,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new().wrap(ProblemMiddleware::new()).wrap_fn(access_log).app_data(store).configure(|cfg| configure(cfg, port))
}

/// Outermost: a line in the store's access log for each request, with the error the response
/// came from (its `ErrorRecord`: a `ServiceError`'s, or actix-web's own error that
/// `ProblemMiddleware` rewrote; for an `Err`, its `error_response()`'s).
fn access_log<S, B>(
    request: ServiceRequest,
    service: &S,
) -> impl Future<Output = Result<ServiceResponse<B>, actix_web::Error>>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error>,
{
    let (method, path) = (request.method().to_string(), request.path().to_owned());
    let store = request.app_data::<web::Data<Store>>().cloned();
    let call = service.call(request);
    async move {
        let result = call.await;
        if let Some(store) = store {
            let (status, error) = match &result {
                Ok(response) => (response.status(), response.response().extensions().get::<ErrorRecord>().copied()),
                Err(e) => {
                    let response = e.error_response();
                    let error = response.extensions().get::<ErrorRecord>().copied();
                    (response.status(), error)
                }
            };
            store.access_log().record(&method, &path, status.as_u16(), error.as_ref());
        }
        result
    }
}

/// The served OpenAPI document.
struct Document(String);

/// Registers the API's routes and makes extractor errors [`ServiceError`]s. The app must hold
/// a `web::Data<Store>` and be wrapped in [`ProblemMiddleware`] (see [`app`]).
pub fn configure(cfg: &mut web::ServiceConfig, port: u16) {
    cfg.app_data(web::PathConfig::default().error_handler(|err, _| ServiceError::from(err).into()))
        .app_data(web::JsonConfig::default().limit(BODY_LIMIT).error_handler(|err, _| ServiceError::from(err).into()))
        .app_data(web::Data::new(Document(openapi::actix_json(port))))
        .service(resource("/users", vec![(Method::POST, web::post().to(create_user))]))
        .service(get_resource("/users/{id}", get_user))
        .service(resource("/users/{id}/password-reset", vec![(Method::POST, web::post().to(password_reset))]))
        .service(get_resource("/users/{id}/orders", orders))
        .service(get_resource("/exports", exports))
        .service(get_resource("/openapi.json", openapi))
        .app_data(web::Data::new(errstatus::catalog::<ServiceError>().pages(CATALOG_PATH)))
        .service(get_resource(CATALOG_PATH, catalog_index))
        .service(get_resource(&format!("{CATALOG_PATH}/{{page:.*}}"), catalog_page));
}

/// A resource with one route per method, whose other methods get 405 with `Allow`.
fn resource(path: &str, routes: Vec<(Method, Route)>) -> Resource {
    let allow = routes.iter().map(|(method, _)| method.as_str()).collect::<Vec<_>>().join(", ");
    let allow = HeaderValue::try_from(allow).expect("method names are tokens");
    let mut resource = web::resource(path);
    for (_, route) in routes {
        resource = resource.route(route);
    }
    // An empty 405: ProblemMiddleware makes it problem+json and keeps the `Allow`.
    resource.default_service(web::to(move || {
        let allow = allow.clone();
        async move { HttpResponse::MethodNotAllowed().insert_header((ALLOW, allow)).finish() }
    }))
}

/// A resource for `GET` and `HEAD`, both answered by `handler`.
fn get_resource<F, Args>(path: &str, handler: F) -> Resource
where
    F: Handler<Args> + Clone,
    Args: actix_web::FromRequest + 'static,
    F::Output: Responder + 'static,
{
    resource(path, vec![(Method::GET, web::get().to(handler.clone())), (Method::HEAD, web::head().to(handler))])
}

async fn get_user(store: web::Data<Store>, req: HttpRequest, id: web::Path<u64>) -> Result<HttpResponse, ServiceError> {
    let user = store.user(id.into_inner())?;
    let body = serde_json::to_vec(&user).expect("a User serializes");
    let etag = conditional::etag(&body);
    if conditional::none_match(req.headers().get_all(IF_NONE_MATCH).map(HeaderValue::as_bytes), &etag) {
        return Ok(HttpResponse::NotModified()
            .insert_header((ETAG, etag))
            .insert_header((CACHE_CONTROL, conditional::USER_CACHE_CONTROL))
            .finish());
    }
    Ok(HttpResponse::Ok()
        .insert_header((ETAG, etag))
        .insert_header((CACHE_CONTROL, conditional::USER_CACHE_CONTROL))
        .content_type("application/json")
        .body(body))
}

async fn create_user(
    store: web::Data<Store>,
    req: HttpRequest,
    body: Result<web::Json<NewUser>, actix_web::Error>,
) -> Result<HttpResponse, actix_web::Error> {
    // Who is asking comes first: an anonymous client learns nothing about the body rules.
    // `?` turns `ServiceError` into `actix_web::Error` through `ResponseError`; the body's error
    // is one already (a `ServiceError`, made by the `JsonConfig` error handler).
    let caller =
        store.authenticate(req.headers().get(AUTHORIZATION).map(|v| v.as_bytes())).map_err(ServiceError::from)?;
    let user: User = store.create_user(caller, body?.into_inner()).map_err(ServiceError::from)?;
    Ok(HttpResponse::Created().insert_header((LOCATION, format!("/users/{}", user.id))).json(user))
}

async fn password_reset(store: web::Data<Store>, id: web::Path<u64>) -> Result<HttpResponse, ServiceError> {
    store.request_password_reset(id.into_inner())?;
    Ok(HttpResponse::Accepted().finish())
}

async fn orders(
    store: web::Data<Store>,
    req: HttpRequest,
    id: web::Path<u64>,
) -> Result<web::Json<Vec<Order>>, ServiceError> {
    let request_id = store.request_id(req.headers().get("x-request-id").map(|v| v.as_bytes()));
    Ok(web::Json(store.orders(id.into_inner(), request_id)?))
}

async fn exports(store: web::Data<Store>) -> Result<web::Json<Vec<User>>, ServiceError> {
    Ok(web::Json(store.exports()?))
}

/// The catalogue's index (see [`CATALOG_PATH`]).
async fn catalog_index(pages: web::Data<Pages>) -> HttpResponse {
    HttpResponse::Ok().content_type("text/html; charset=utf-8").body(pages.index().to_owned())
}

/// A type URI's page, or an empty 404 that [`ProblemMiddleware`] makes problem+json.
async fn catalog_page(pages: web::Data<Pages>, req: HttpRequest) -> HttpResponse {
    match pages.page(req.path()) {
        Some(page) => HttpResponse::Ok().content_type("text/html; charset=utf-8").body(page.to_owned()),
        None => HttpResponse::NotFound().finish(),
    }
}

async fn openapi(document: web::Data<Document>) -> HttpResponse {
    HttpResponse::Ok().content_type("application/json").body(document.0.clone())
}
