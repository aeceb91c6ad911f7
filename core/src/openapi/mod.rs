//! The OpenAPI documents of derived types: the model both generators read (model.rs, from the
//! `Docs` a derived `__openapi` fills in), the schema probe for extension members (probe.rs),
//! and one file per generator, each behind its feature: utoipa.rs (`utoipa::IntoResponses`),
//! aide.rs (`aide::OperationOutput`), poem_openapi.rs (`poem_openapi::ApiResponse`).

#[cfg(feature = "aide")]
pub(crate) mod aide;
pub(crate) mod model;
#[cfg(feature = "poem-openapi")]
pub(crate) mod poem_openapi;
pub(crate) mod probe;
#[cfg(feature = "utoipa")]
pub(crate) mod utoipa;
