//! An access log labelled with the error each response came from: both services' outermost
//! middleware (a tower layer for axum, a `wrap_fn` for actix-web) reads the
//! [`ErrorRecord`] errstatus puts in the extensions of every response it builds, the
//! framework's own errors rewritten by `ProblemLayer` / `ProblemMiddleware` included, without
//! parsing a body.

use std::collections::VecDeque;
use std::sync::{Mutex, PoisonError};

use errstatus::ErrorRecord;

/// The lines kept: the latest ones.
const KEPT: usize = 1024;

/// The last 1024 requests of a service, one line each: `GET /users/9 404
/// ApiError USER_NOT_FOUND`, with `(detail hidden)` for a hidden detail, and only the status for a
/// response errstatus did not build (a success).
#[derive(Debug, Default)]
pub struct AccessLog(Mutex<VecDeque<String>>);

impl AccessLog {
    /// Adds the line of one request.
    pub fn record(&self, method: &str, path: &str, status: u16, error: Option<&ErrorRecord>) {
        let line = match error {
            Some(e) => {
                let hidden = if e.detail_hidden() { " (detail hidden)" } else { "" };
                format!("{method} {path} {status} {} {}{hidden}", e.type_name(), e.code())
            }
            None => format!("{method} {path} {status}"),
        };
        let mut lines = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if lines.len() == KEPT {
            lines.pop_front();
        }
        lines.push_back(line);
    }

    /// The lines, oldest first.
    pub fn lines(&self) -> Vec<String> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).iter().cloned().collect()
    }
}
