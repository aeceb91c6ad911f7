//! [`Catalog::to_markdown`]: the catalogue as a Markdown page, for API docs and docs sites.

use core::fmt::Write as _;

use crate::catalog::entry::{Catalog, Entry};

impl Catalog {
    /// The catalogue as Markdown: a table of every entry (code, statuses, type, title), then a
    /// section per entry with its description, members, header fields and whether the detail
    /// is shown. Text from doc comments is written as it is (it is Markdown already); names
    /// and URIs are in code spans, and table cells have their `|` escaped.
    ///
    /// ```
    /// use errstatus::HttpStatus;
    ///
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// enum ApiError {
    ///     /// No user has this id.
    ///     #[error("user {0} not found")]
    ///     #[status(404)]
    ///     UserNotFound(u64),
    /// }
    ///
    /// let markdown = errstatus::catalog::<ApiError>().to_markdown();
    /// assert!(markdown.contains("| `USER_NOT_FOUND` | 404 | `about:blank` | Not Found |"));
    /// assert!(markdown.contains("### `USER_NOT_FOUND`\n\nNo user has this id."));
    /// ```
    #[inline]
    pub fn to_markdown(&self) -> String {
        let mut out = String::from("| Code | Status | Type | Title |\n| --- | --- | --- | --- |\n");
        for e in self.entries() {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                code_span(e.code()),
                statuses(e),
                code_span(e.type_uri().unwrap_or("about:blank")),
                cell(e.title().unwrap_or("")),
            );
        }
        for e in self.entries() {
            let _ = write!(out, "\n### {}\n\n", code_span(e.code()));
            if !e.description().is_empty() {
                let _ = write!(out, "{}\n\n", e.description());
            }
            let _ = writeln!(out, "- Variant: {}", code_span(e.variant()));
            let _ = writeln!(out, "- Type: {}", code_span(e.type_uri().unwrap_or("about:blank")));
            let _ = writeln!(out, "- Status: {}", statuses(e));
            if let Some(title) = e.title() {
                let _ = writeln!(out, "- Title: {}", cell(title));
            }
            let shown = if e.detail_shown() { "shown" } else { "hidden" };
            let _ = writeln!(out, "- Detail: {shown}");
            if !e.members().is_empty() {
                let members: Vec<String> = e
                    .members()
                    .iter()
                    .map(|m| match m.schema_type() {
                        Some(ty) => format!("{} ({ty})", code_span(m.name())),
                        None => code_span(m.name()),
                    })
                    .collect();
                let _ = writeln!(out, "- Members: {}", members.join(", "));
            }
            if !e.headers().is_empty() {
                let headers: Vec<String> = e.headers().iter().map(|h| code_span(h)).collect();
                let _ = writeln!(out, "- Header fields: {}", headers.join(", "));
            }
        }
        out
    }
}

/// The statuses, comma-separated, or "run time" when none is known at compile time.
#[inline]
fn statuses(e: &Entry) -> String {
    if e.statuses().is_empty() {
        return "decided at run time".to_owned();
    }
    e.statuses().iter().map(|s| s.as_u16().to_string()).collect::<Vec<_>>().join(", ")
}

/// A text in a table cell: one line, `|` escaped.
#[inline]
fn cell(text: &str) -> String {
    text.replace('\n', " ").replace('|', "\\|")
}

/// A code span that holds `text` whatever backticks it has (CommonMark: a longer fence, and a
/// space on each side when the text starts or ends with a backtick); in a table cell, `|`
/// escaped.
#[inline]
fn code_span(text: &str) -> String {
    let text = cell(text);
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    if text.starts_with('`') || text.ends_with('`') {
        format!("{fence} {text} {fence}")
    } else {
        format!("{fence}{text}{fence}")
    }
}
