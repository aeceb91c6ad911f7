//! What generated code calls, as `::errstatus::__private::...`: a list of re-exports, nothing
//! defined here. Not public API: it may change in any release. Code inside this crate names
//! these items by the modules that define them, never through this list.

mod autoref;
mod code;
pub(crate) mod listing;
mod whole;

// The records a derived impl fills in, and the traits that word compile errors on its fields.
pub use crate::body::json::{DisplayMember, ExtensionMember as Member};
pub use crate::status::code::Code;
pub use crate::status::facts::Facts;
pub use crate::status::problem::{DetailText, HeaderValueSource, Problem};

// Tricks of the derived code, one file each.
pub use autoref::{AsDynError, ErrorRef, NotDynError};
pub use code::{code, row};
pub use listing::statuses_of;
pub use whole::{NotWhole, Whole};

// `From<E> for http::Response<B>`.
pub use crate::response::into_response;

// `#[errstatus(decode)]`: `FromProblem` of a derived type (the traits that word compile errors
// on its fields are at the crate root, where rustc names them).
pub use crate::decode::{from_problem, Candidate, Received};

// The crates generated code names, at paths of this crate.
pub use http;
pub use serde_core as serde;
pub use serde_json;

// The per-framework impls (each empty without its feature; adapters/derived.rs), and the entry
// points they call: each adapter's `response` (adapters/), each generator's `responses`
// (openapi/).
pub use crate::__errstatus_tonic;
pub use crate::{
    __errstatus_actix_web, __errstatus_aide, __errstatus_axum, __errstatus_poem, __errstatus_poem_openapi,
    __errstatus_rocket, __errstatus_salvo, __errstatus_utoipa,
};
pub use crate::{__errstatus_async_graphql, __errstatus_dioxus};

#[cfg(feature = "actix-web")]
pub use crate::adapters::actix::response::{response as actix_response, status as actix_status};
#[cfg(feature = "actix-web")]
pub use actix_web;

#[cfg(feature = "axum")]
pub use crate::adapters::axum::response::response as axum_response;
#[cfg(feature = "axum")]
pub use axum_core as axum;

#[cfg(feature = "poem")]
pub use crate::adapters::poem::response as poem_response;
#[cfg(feature = "poem")]
pub use poem;

#[cfg(feature = "rocket")]
pub use crate::adapters::rocket::response as rocket_response;
#[cfg(feature = "rocket")]
pub use rocket;

#[cfg(feature = "salvo")]
pub use crate::adapters::salvo::response as salvo_response;
#[cfg(feature = "salvo")]
pub use salvo;

#[cfg(feature = "aide")]
pub use crate::openapi::aide::responses as aide_responses;
#[cfg(feature = "aide")]
pub use aide;

#[cfg(feature = "poem-openapi")]
pub use crate::openapi::poem_openapi::meta as poem_openapi_meta;
#[cfg(feature = "poem-openapi")]
pub use poem_openapi;

#[cfg(feature = "utoipa")]
pub use utoipa;

#[cfg(feature = "async-graphql")]
pub use crate::adapters::async_graphql::response as async_graphql_response;
#[cfg(feature = "tonic")]
pub use crate::adapters::grpc::response as tonic_response;
#[cfg(feature = "async-graphql")]
pub use async_graphql;
#[cfg(feature = "tonic")]
pub use tonic;

// `AsStatusCode` gives the status alone: the derived impl calls `HttpStatus::status`.
#[cfg(feature = "dioxus")]
pub use dioxus_fullstack;

/// What the derive's `__openapi` names (features `utoipa` and `aide`).
#[cfg(any(feature = "utoipa", feature = "aide", feature = "poem-openapi"))]
pub mod openapi {
    pub use crate::openapi::probe::{HasSchema, NoSchema, Probe};
    #[cfg(feature = "utoipa")]
    pub use crate::openapi::utoipa::responses;
    pub use crate::status::docs::{Docs, FormatDoc, SchemaFn, Variant};
}
