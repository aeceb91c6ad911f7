//! Feature `tracing`: one event per error response built, with OpenTelemetry's field names
//! (`http.response.status_code`, `error.type`); a 5xx's event at ERROR carries the error's
//! Display text and `source()` chain, so hiding a detail from the client never loses it.

use core::fmt::{self, Display};

use crate::status::problem::{LOG_BY_CLASS, LOG_DEBUG, LOG_ERROR, LOG_INFO, LOG_OFF, LOG_TRACE, LOG_WARN};
use crate::status::record::ErrorRecord;

/// Written in place of the text of an error whose Display returns an error.
const DISPLAY_FAILED: &str = "<Display failed>";

/// The event of one response: at `level` (one of the `LOG_*` numbers; by the status's class
/// unless the type or variant said otherwise: ERROR for a 5xx, DEBUG below), with the status
/// and the code. Only an event at ERROR carries the error's Display text and its `source()`
/// chain (a hidden detail must not reach a log below ERROR). For a 5xx the current span's
/// `otel.status_code` is set to `"error"` (a no-op where the span does not declare it),
/// whatever the level. Takes plain values, so the builder and the log do not depend on each
/// other's types.
pub(crate) fn event(
    record: &ErrorRecord,
    level: u8,
    detail: Option<&dyn Display>,
    error: Option<&(dyn std::error::Error + '_)>,
) {
    let status = record.status.as_u16();
    let server = status >= 500;
    if server {
        tracing::Span::current().record("otel.status_code", "error");
    }
    let code = record.code;
    // Nothing is formatted here: the fields are values whose Display runs only when a
    // subscriber (or, with tracing's `log` feature, a logger) records the event, so a disabled
    // event costs no formatting at all, and a failing Display is never a panic. (No
    // `tracing::enabled!` in front: it would also drop the events tracing forwards to `log`
    // when no subscriber is set.)
    macro_rules! short {
        ($level:expr) => {
            tracing::event!(
                $level,
                "http.response.status_code" = status,
                "error.type" = code,
                "{} error response",
                record.status
            )
        };
    }
    match (level, server) {
        (LOG_BY_CLASS, true) | (LOG_ERROR, _) => match detail {
            Some(detail) => {
                let hidden = if record.detail_hidden { ": the error detail is hidden from the client" } else { "" };
                tracing::error!(
                    "http.response.status_code" = status,
                    "error.type" = code,
                    error = %Text(detail),
                    sources = %Sources(error),
                    "{} error response{}",
                    record.status,
                    hidden
                )
            }
            None => short!(tracing::Level::ERROR),
        },
        (LOG_BY_CLASS, false) | (LOG_DEBUG, _) => short!(tracing::Level::DEBUG),
        (LOG_WARN, _) => short!(tracing::Level::WARN),
        (LOG_INFO, _) => short!(tracing::Level::INFO),
        (LOG_TRACE, _) => short!(tracing::Level::TRACE),
        (LOG_OFF, _) => {}
        // The derive writes only the numbers above.
        _ => short!(tracing::Level::DEBUG),
    }
}

/// The Display text of a value, or [`DISPLAY_FAILED`] when its Display returns an error (which
/// `to_string` and the subscribers' formatting turn into a panic).
struct Text<'a>(&'a dyn Display);

impl Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::new();
        match fmt::write(&mut text, format_args!("{}", self.0)) {
            Ok(()) => f.write_str(&text),
            Err(_) => f.write_str(DISPLAY_FAILED),
        }
    }
}

/// The `source()` chain of an error, each source's text as [`Text`] writes it, joined by `: `.
struct Sources<'a>(Option<&'a (dyn std::error::Error + 'a)>);

impl Display for Sources<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut next = self.0.and_then(std::error::Error::source);
        let mut first = true;
        while let Some(source) = next {
            if !first {
                f.write_str(": ")?;
            }
            first = false;
            Display::fmt(&Text(&source), f)?;
            next = source.source();
        }
        Ok(())
    }
}
