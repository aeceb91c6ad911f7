//! Types for the OpenAPI tests of both generators (openapi.rs, aide.rs): an inner type opted
//! out of the generators' impls, and an outer type whose transparent variants carry a fixed
//! header field of the type and siblings' header fields and members.

use errstatus::HttpStatus;

/// Opted out of its own `IntoResponses` and `OperationOutput`: outer types still document
/// its statuses.
#[allow(dead_code)] // documented, never built
#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(skip(utoipa, aide))]
pub enum Skipped {
    #[error("no such invoice")]
    #[status(404)]
    Missing,
    #[error("slow down")]
    #[status(429)]
    Limited {
        #[header(RETRY_AFTER)]
        secs: u64,
        #[problem(extension)]
        bucket: String,
    },
}

#[allow(dead_code)] // documented, never built
#[derive(Debug, thiserror::Error, HttpStatus)]
#[header(CACHE_CONTROL = "no-store")]
pub enum Outer {
    #[error(transparent)]
    #[status(transparent)]
    Inner(Skipped),
    #[error("{inner}")]
    Field {
        #[status(transparent)]
        inner: Skipped,
        #[header("x-request-id")]
        request: String,
        #[problem(extension)]
        bucket: u32,
        #[problem(extension)]
        tenant: String,
    },
}
