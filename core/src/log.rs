//! Feature `tracing`: a 5xx whose detail is hidden from the client is logged once, in full.

use core::fmt::{self, Display};

use http::StatusCode;

/// Written in place of the text of an error whose Display returns an error.
const DISPLAY_FAILED: &str = "<Display failed>";

/// Logs a response whose detail is hidden: its status, the error's Display text and its
/// `source()` chain. Takes plain values, so the response builder and the log do not depend on
/// each other's types.
pub(crate) fn masked(status: StatusCode, detail: &dyn Display, error: Option<&(dyn std::error::Error + '_)>) {
    // Nothing is formatted here: the fields are values whose Display runs only when a
    // subscriber (or, with tracing's `log` feature, a logger) records the event, so a disabled
    // event costs no formatting at all, and a failing Display is never a panic. (No
    // `tracing::enabled!` in front: it would also drop the events tracing forwards to `log`
    // when no subscriber is set.)
    tracing::error!(
        status = status.as_u16(),
        error = %Text(detail),
        sources = %Sources(error),
        "{} response: the error detail is hidden from the client",
        status
    );
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
