//! The same API as an actix-web service configuration. Handlers return
//! `Result<_, ApiError>`: the derived `ResponseError` turns every error into its problem+json
//! response.
//!
//! ```no_run
//! use actix_web::{web, App, HttpServer};
//! use errstatus_examples::{actix_app, store::Store};
//!
//! # async fn run() -> std::io::Result<()> {
//! // One store for all workers: create it outside the factory closure.
//! let store = web::Data::new(Store::new());
//! HttpServer::new(move || App::new().app_data(store.clone()).configure(actix_app::configure))
//!     .bind(("127.0.0.1", 3001))?
//!     .run()
//!     .await
//! # }
//! ```

use actix_web::error::JsonPayloadError;
use actix_web::http::header::{AUTHORIZATION, LOCATION};
use actix_web::{web, HttpRequest, HttpResponse};

use crate::error::ApiError;
use crate::store::{NewUser, Order, Store, User};

/// Registers the API's routes and makes extractor errors problem+json. The app must hold a
/// `web::Data<Store>` (see the module example).
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.app_data(web::PathConfig::default().error_handler(|err, _| ApiError::Invalid(err.to_string()).into()))
        .app_data(web::JsonConfig::default().error_handler(|err, _| match err {
            JsonPayloadError::ContentType => ApiError::NotJson.into(),
            err => ApiError::Invalid(err.to_string()).into(),
        }))
        .route("/users", web::post().to(create_user))
        .route("/users/{id}", web::get().to(get_user))
        .route("/users/{id}/password-reset", web::post().to(password_reset))
        .route("/users/{id}/orders", web::get().to(orders))
        .route("/exports", web::get().to(exports))
        .route("/openapi.json", web::get().to(openapi));
}

async fn get_user(store: web::Data<Store>, id: web::Path<u64>) -> Result<web::Json<User>, ApiError> {
    Ok(web::Json(store.user(id.into_inner())?))
}

async fn create_user(
    store: web::Data<Store>,
    req: HttpRequest,
    body: Result<web::Json<NewUser>, actix_web::Error>,
) -> Result<HttpResponse, actix_web::Error> {
    // Who is asking comes first: an anonymous client learns nothing about the body rules.
    // `?` turns `AuthError` and `ApiError` into `actix_web::Error` through `ResponseError`.
    let caller = store.authenticate(req.headers().get(AUTHORIZATION).map(|v| v.as_bytes()))?;
    let user = store.create_user(caller, body?.into_inner())?;
    Ok(HttpResponse::Created().insert_header((LOCATION, format!("/users/{}", user.id))).json(user))
}

async fn password_reset(store: web::Data<Store>, id: web::Path<u64>) -> Result<HttpResponse, ApiError> {
    store.request_password_reset(id.into_inner())?;
    Ok(HttpResponse::Accepted().finish())
}

async fn orders(
    store: web::Data<Store>,
    req: HttpRequest,
    id: web::Path<u64>,
) -> Result<web::Json<Vec<Order>>, ApiError> {
    let request_id = store.request_id(req.headers().get("x-request-id").map(|v| v.as_bytes()));
    Ok(web::Json(store.orders(id.into_inner(), request_id)?))
}

async fn exports(store: web::Data<Store>) -> Result<Vec<u8>, ApiError> {
    store.exports()
}

async fn openapi() -> HttpResponse {
    HttpResponse::Ok().content_type("application/json").body(crate::openapi::json())
}
