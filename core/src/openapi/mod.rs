//! The OpenAPI documents of derived types: the model both generators read (model.rs, from the
//! `Docs` a derived `__openapi` fills in), the schema probe for extension members (probe.rs),
//! and one file per generator, each behind its feature: utoipa.rs (`utoipa::IntoResponses`),
//! aide.rs (`aide::OperationOutput`).

#[cfg(feature = "aide")]
pub(crate) mod aide;
pub(crate) mod model;
pub(crate) mod probe;
#[cfg(feature = "utoipa")]
pub(crate) mod utoipa;
