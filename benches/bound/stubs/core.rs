//! Stand-in for errstatus-core's lib.rs in `benches/bound/run.py`: the least runtime that
//! answers with problem+json (the trait, a `serde_json` body, the content-type). The `floor`
//! variant keeps the real crate's dependencies, `floor-3` drops errstatus-registry. Not part
//! of any build of the workspace.

pub trait HttpStatus {
    fn status(&self) -> http::StatusCode;
}

#[doc(hidden)]
pub mod __private {
    pub use http;

    pub fn into_response<B, T>(e: &T) -> http::Response<B>
    where
        B: From<String>,
        T: super::HttpStatus + std::fmt::Display,
    {
        let status = e.status();
        let title = status.canonical_reason().unwrap_or("");
        let body = serde_json::json!({
            "type": "about:blank",
            "title": title,
            "status": status.as_u16(),
            "detail": e.to_string(),
        });
        let mut response = http::Response::new(B::from(body.to_string()));
        *response.status_mut() = status;
        response
            .headers_mut()
            .insert(http::header::CONTENT_TYPE, http::HeaderValue::from_static("application/problem+json"));
        response
    }
}
