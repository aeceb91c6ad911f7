//! `errstatus::axum::catalog_routes` through axum's `Router`: an index listing every entry, a
//! page per type URI at the path of its URI, `about:blank` entries without one, a problem+json
//! 404 for anything else under the base path, every text escaped.
#![cfg(feature = "axum")]
#![allow(dead_code)] // the types are listed, never built

use axum::body::{to_bytes, Body};
use axum::http::{Method, Request, StatusCode};
use axum::Router;
use errstatus::axum::catalog_routes;
use errstatus::HttpStatus;
use tower::ServiceExt; // oneshot

#[derive(Debug, thiserror::Error, HttpStatus)]
#[problem(type = "https://api.example.com/errors/")]
enum ApiError {
    /// No user has this id.
    #[error("user {0} not found")]
    #[status(404)]
    UserNotFound(u64),

    /// Another host: served at the base path and the URI's last segment.
    #[error("out of credit")]
    #[status(403)]
    #[problem(type = "https://billing.example.com/problems/out-of-credit")]
    OutOfCredit {
        #[problem(extension)]
        balance: u64,
    },

    /// A relative URI under the base path.
    #[error("locked")]
    #[status(423)]
    #[problem(type = "/errors/locks/locked")]
    Locked,

    /// No type: listed on the index only.
    #[error("bad")]
    #[status(400)]
    #[problem(type = "about:blank")]
    Bad,

    #[error(transparent)]
    #[status(transparent)]
    Hostile(Hostile),
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[problem(type = "https://api.example.com/errors/")]
enum Hostile {
    /// Runs <script>alert("doc")</script>.
    #[error("x")]
    #[status(409)]
    #[problem(title = "<script>alert('title')</script>")]
    Scripted {
        #[problem(extension = "<script>member</script>")]
        member: String,
    },
}

async fn get(app: &Router, method: Method, path: &str) -> (StatusCode, String, String) {
    let request = Request::builder().method(method).uri(path).body(Body::empty()).unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let content_type =
        response.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    let body = to_bytes(response.into_body(), 1 << 20).await.unwrap();
    (status, content_type, String::from_utf8(body.to_vec()).unwrap())
}

const HTML: &str = "text/html; charset=utf-8";

#[tokio::test]
async fn the_index_lists_every_entry_and_links_the_pages() {
    let app = Router::new().merge(catalog_routes::<ApiError>("/errors"));
    let (status, content_type, index) = get(&app, Method::GET, "/errors").await;
    assert_eq!((status, content_type.as_str()), (StatusCode::OK, HTML));
    for code in ["USER_NOT_FOUND", "OUT_OF_CREDIT", "LOCKED", "BAD", "SCRIPTED"] {
        assert!(index.contains(&format!("<code>{code}</code>")), "{code} in {index}");
    }
    assert!(index.contains(r#"<a href="/errors/user-not-found">https://api.example.com/errors/user-not-found</a>"#));
    assert!(index.contains(r#"<a href="/errors/out-of-credit">"#));
    assert!(index.contains(r#"<a href="/errors/locks/locked">/errors/locks/locked</a>"#));
    assert!(index.contains("<td>about:blank</td>"));
}

#[tokio::test]
async fn each_type_uri_has_its_page() {
    let app = Router::new().merge(catalog_routes::<ApiError>("/errors/"));
    let (status, content_type, page) = get(&app, Method::GET, "/errors/user-not-found").await;
    assert_eq!((status, content_type.as_str()), (StatusCode::OK, HTML));
    assert!(page.contains("<h1>Not Found</h1>"));
    assert!(page.contains("<p>No user has this id.</p>"));
    assert!(page.contains("404 Not Found"));
    assert!(page.contains("&quot;type&quot;: &quot;https://api.example.com/errors/user-not-found&quot;"));

    let (status, _, page) = get(&app, Method::GET, "/errors/out-of-credit").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<tr><td><code>balance</code></td><td>integer</td></tr>"));
    assert!(page.contains("&quot;balance&quot;: 0"));

    let (status, _, page) = get(&app, Method::GET, "/errors/locks/locked").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("423 Locked"));

    // HEAD like GET, without the body.
    let (status, content_type, body) = get(&app, Method::HEAD, "/errors/locks/locked").await;
    assert_eq!((status, content_type.as_str(), body.as_str()), (StatusCode::OK, HTML, ""));
}

#[tokio::test]
async fn unknown_paths_are_a_problem_json_404() {
    let app = Router::new().merge(catalog_routes::<ApiError>("/errors"));
    for path in ["/errors/nothing", "/errors/bad", "/errors/locks", "/errors/user-not-found/more"] {
        let (status, content_type, body) = get(&app, Method::GET, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(content_type, "application/problem+json");
        assert_eq!(body, r#"{"type":"about:blank","title":"Not Found","status":404}"#);
    }
}

#[tokio::test]
async fn pages_escape_what_they_print() {
    let app = Router::new().merge(catalog_routes::<ApiError>("/errors"));
    let (status, _, page) = get(&app, Method::GET, "/errors/scripted").await;
    assert_eq!(status, StatusCode::OK);
    let (_, _, index) = get(&app, Method::GET, "/errors").await;
    for html in [&page, &index] {
        assert!(!html.contains("<script>"), "{html}");
    }
    assert!(page.contains("<title>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;</title>"));
    assert!(page.contains("Runs &lt;script&gt;alert(&quot;doc&quot;)&lt;/script&gt;."));
    assert!(page.contains("<code>&lt;script&gt;member&lt;/script&gt;</code>"));
}

#[tokio::test]
async fn at_the_root() {
    let app = catalog_routes::<ApiError>("/");
    let (status, _, index) = get(&app, Method::GET, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(index.contains(r#"<a href="/errors/user-not-found">"#));
    assert_eq!(get(&app, Method::GET, "/errors/user-not-found").await.0, StatusCode::OK);
    // At the root every URI's path is under the base path, another host's too.
    assert_eq!(get(&app, Method::GET, "/problems/out-of-credit").await.0, StatusCode::OK);
    assert_eq!(get(&app, Method::GET, "/elsewhere").await.0, StatusCode::NOT_FOUND);
}
