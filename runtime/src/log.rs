//! Feature `tracing`: a 5xx whose detail is hidden from the client is logged once, in full.

use crate::response::Problem;

pub(crate) fn masked(problem: &Problem<'_>) {
    let Some((status, detail, error)) = problem.masked() else { return };
    let mut sources = String::new();
    let mut next = error.and_then(std::error::Error::source);
    while let Some(source) = next {
        if !sources.is_empty() {
            sources.push_str(": ");
        }
        sources.push_str(&source.to_string());
        next = source.source();
    }
    tracing::error!(
        status = status.as_u16(),
        error = %detail,
        sources = %sources,
        "{} response: the error detail is hidden from the client",
        status
    );
}
