//! One file (or folder) per framework, each behind its feature. Every adapter has the same
//! entry point, `response(e)`, the framework's response for an error (plus `status(e)` where the
//! framework asks for the status apart, as actix-web does), built with `crate::response`;
//! `__private` re-exports it as `<framework>_response` for the impls of derived.rs. A folder
//! adds the framework's own error responses: a layer or middleware that rewrites them, and
//! `HttpStatus` for its extractor rejections (rejection.rs, with foreign.rs).
//!
//! A client is the other way round: reqwest.rs reads a response into a type's `FromProblem`
//! (decode.rs), and a derived type gets no impl of it.

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub mod actix;
#[cfg(feature = "async-graphql")]
pub(crate) mod async_graphql;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;
// The impls a derived type gets for each framework and OpenAPI generator.
mod derived;
// What the axum layer and the actix-web middleware share.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) mod foreign;
#[cfg(feature = "poem")]
pub(crate) mod poem;
#[cfg(feature = "reqwest")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub mod reqwest;
#[cfg(feature = "rocket")]
pub(crate) mod rocket;
#[cfg(feature = "salvo")]
pub(crate) mod salvo;
// gRPC: `From<E> for tonic::Status`, and `errstatus::grpc::code`.
#[cfg(feature = "tonic")]
pub(crate) mod grpc;
