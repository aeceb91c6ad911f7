//! [`catalog_routes`]: the catalogue's HTML pages as an axum [`Router`], so that type URIs
//! resolve.

use axum::body::{Body, Bytes};
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::Router;
use http::StatusCode;

use crate::adapters::foreign;
use crate::catalog::entry::catalog;
use crate::catalog::html::Pages;
use crate::status::http_status::HttpStatus;

/// A router that serves the catalogue of `E` as HTML (see [`Pages`](crate::catalog::Pages)):
/// an index at `base_path` listing every entry, one page per type URI at the path of its URI,
/// and for any other path under `base_path` a problem+json 404. Merge it into the service's
/// router; `HEAD` is answered like `GET`, another method with axum's 405.
///
/// # Panics
///
/// Like [`Router::route`], when `base_path` is not a path axum can route (it holds `{` or
/// `}`).
///
/// ```
/// use axum::body::{to_bytes, Body};
/// use axum::http::{Request, StatusCode};
/// use errstatus::HttpStatus;
/// use tower::ServiceExt; // oneshot
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// #[problem(type = "https://api.example.com/errors/")]
/// enum ApiError {
///     /// No user has this id.
///     #[error("user {0} not found")]
///     #[status(404)]
///     UserNotFound(u64),
/// }
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// let app = axum::Router::new().merge(errstatus::axum::catalog_routes::<ApiError>("/errors"));
///
/// let request = Request::get("/errors/user-not-found").body(Body::empty()).unwrap();
/// let response = app.clone().oneshot(request).await.unwrap();
/// assert_eq!(response.status(), StatusCode::OK);
/// assert_eq!(response.headers()["content-type"], "text/html; charset=utf-8");
/// let page = to_bytes(response.into_body(), 1 << 20).await.unwrap();
/// assert!(String::from_utf8_lossy(&page).contains("No user has this id."));
///
/// let request = Request::get("/errors/nothing-here").body(Body::empty()).unwrap();
/// let response = app.oneshot(request).await.unwrap();
/// assert_eq!(response.status(), StatusCode::NOT_FOUND);
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// # }
/// ```
pub fn catalog_routes<E: HttpStatus>(base_path: &str) -> Router {
    routes(&catalog::<E>().pages(base_path))
}

fn routes(pages: &Pages) -> Router {
    let base = pages.base_path();
    let index = if base.is_empty() { "/" } else { base };
    let mut router = Router::new().route(index, get(html(pages.index())));
    for (path, page) in pages.iter() {
        router = router.route(path, get(html(page)));
    }
    router.route(&format!("{base}/{{*rest}}"), any(not_found))
}

/// A handler that answers with `page`, shared by every request.
fn html(page: &str) -> impl Fn() -> core::future::Ready<Response> + Clone + Send + Sync + 'static {
    let page = Bytes::copy_from_slice(page.as_bytes());
    move || core::future::ready(([(CONTENT_TYPE, "text/html; charset=utf-8")], page.clone()).into_response())
}

/// A path under the base path that has no page: `{"type":"about:blank","title":"Not
/// Found","status":404}`, axum's own 404 as `ProblemLayer` would send it (its `ErrorRecord`
/// included).
async fn not_found() -> Response {
    foreign::problem(StatusCode::NOT_FOUND, None, "axum").map(Body::from)
}
