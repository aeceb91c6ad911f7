//! The default body format, RFC 9457 `application/problem+json`.

use http::HeaderValue;

use crate::body::format::{Details, Format};
use crate::body::json::{display_member, member, push_json};

/// The media type of RFC 9457 problem details.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// [`PROBLEM_JSON`] as a header value, checked at compile time rather than per response.
pub(crate) const PROBLEM_JSON_VALUE: HeaderValue = HeaderValue::from_static(PROBLEM_JSON);

/// The default format: RFC 9457 `application/problem+json`,
/// `{"type":"about:blank","title":"Not Found","status":404,"detail":"..."}`.
///
/// ```
/// use errstatus::{Format, ProblemJson};
/// assert_eq!(ProblemJson::CONTENT_TYPE, "application/problem+json");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct ProblemJson;

impl ProblemJson {
    /// The usual size of the body: the fixed members, the title and type, and a detail of
    /// about 80 bytes.
    pub(crate) fn capacity(d: &Details<'_>) -> usize {
        // A match, not `map_or`: no generic code compiled for it.
        128 + d.title.len()
            + match d.type_ {
                Some(type_) => type_.len(),
                None => 0,
            }
    }
}

impl Format for ProblemJson {
    const CONTENT_TYPE: &'static str = PROBLEM_JSON;

    #[inline]
    fn write(d: &Details<'_>, buf: &mut String) {
        buf.reserve(ProblemJson::capacity(d));
        match d.type_ {
            Some(type_) => {
                buf.push_str("{\"type\":");
                push_json(buf, type_);
                buf.push_str(",\"title\":");
            }
            None => buf.push_str("{\"type\":\"about:blank\",\"title\":"),
        }
        push_json(buf, d.title);
        buf.push_str(",\"status\":");
        buf.push_str(d.status.as_str());
        if let Some(detail) = d.detail {
            display_member(buf, "detail", detail);
        }
        if let Some(instance) = d.instance {
            display_member(buf, "instance", instance);
        }
        for (name, value) in d.extensions {
            member(buf, name, value);
        }
        buf.push('}');
    }
}
