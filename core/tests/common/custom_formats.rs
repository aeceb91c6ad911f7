//! Custom body formats as the OpenAPI documents show them: `Legacy` (JSON, with a schema of its
//! own) and `Plain` (text, without one), each on an error type.

use errstatus::{Details, Format, HttpStatus};
use serde_json::json;

/// `{"error": "...", "code": 404}`.
pub struct Legacy;

impl Format for Legacy {
    const CONTENT_TYPE: &'static str = "application/json";

    fn write(d: &Details<'_>, out: &mut String) {
        let error = d.detail().map_or_else(|| d.title().to_owned(), |t| t.to_string());
        out.push_str(&json!({ "error": error, "code": d.status().as_u16(), "kind": d.variant() }).to_string());
    }

    fn schema() -> Option<serde_json::Value> {
        Some(json!({
            "type": "object",
            "description": "A legacy error",
            "required": ["error", "code"],
            "properties": {
                "error": { "type": "string" },
                "code": { "type": "integer" },
                "kind": { "type": "string" },
            },
        }))
    }
}

/// The detail (or title) as text.
pub struct Plain;

impl Format for Plain {
    const CONTENT_TYPE: &'static str = "text/plain; charset=utf-8";

    fn write(d: &Details<'_>, out: &mut String) {
        out.push_str(&d.detail().map_or_else(|| d.title().to_owned(), |t| t.to_string()));
    }
}

#[allow(dead_code)] // documented, never built
#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(format = Legacy)]
pub enum LegacyError {
    /// No such user.
    #[error("no user {0}")]
    #[status(404)]
    NoUser(u64),
    #[error("database down: {0}")]
    #[status(503)]
    Db(String),
    #[error(transparent)]
    #[status(transparent)]
    Text(PlainError),
}

#[allow(dead_code)] // documented, never built
#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(format = Plain)]
pub enum PlainError {
    #[error("no such order {id}")]
    #[status(404)]
    NoOrder { id: u64 },
}

/// The schema `Legacy::schema` gives.
pub fn legacy_schema() -> serde_json::Value {
    Legacy::schema().unwrap()
}
