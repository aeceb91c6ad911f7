//! What goes in a response body: the [`Format`](format::Format) trait and the
//! [`Details`](format::Details) a format writes from, the default format
//! ([`ProblemJson`](problem_json::ProblemJson)), the error's serde form
//! ([`SerdeJson`](serde_json::SerdeJson)), and the JSON writing they share. Below
//! everything else: a format knows nothing of the trait or the builder.

pub(crate) mod format;
pub(crate) mod json;
pub(crate) mod problem_json;
pub(crate) mod serde_json;
