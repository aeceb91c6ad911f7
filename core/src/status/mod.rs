//! The trait and the records a derived impl fills in: [`HttpStatus`](http_status::HttpStatus)
//! (with its impls for references and smart pointers), the [`Problem`](problem::Problem) that
//! `__problem` fills for the response, the [`ErrorRecord`](record::ErrorRecord) every response
//! carries, the [`Code`](code::Code) that `__status_code` gives beside the status, the
//! [`Facts`](facts::Facts) that `__catalog` fills for the catalogue, and the
//! [`Docs`](docs::Docs) that `__openapi` fills for
//! the OpenAPI generators.

pub(crate) mod code;
#[cfg(any(feature = "utoipa", feature = "aide", feature = "poem-openapi"))]
pub(crate) mod docs;
pub(crate) mod facts;
pub(crate) mod http_status;
pub(crate) mod problem;
pub(crate) mod record;
