//! [`Catalog::to_markdown`]: the catalogue as a Markdown page, for API docs and docs sites.

use crate::catalog::entry::Catalog;

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
        // Written piece by piece, not with `write!` (see html.rs).
        let mut out = String::from("| Code | Status | Type | Title |\n| --- | --- | --- | --- |\n");
        for e in self.entries() {
            out.push_str("| ");
            code_span(&mut out, e.code());
            out.push_str(" | ");
            super::push_statuses(&mut out, e, None);
            out.push_str(" | ");
            code_span(&mut out, e.type_uri().unwrap_or("about:blank"));
            out.push_str(" | ");
            cell(&mut out, e.title().unwrap_or(""));
            out.push_str(" |\n");
        }
        for e in self.entries() {
            out.push_str("\n### ");
            code_span(&mut out, e.code());
            out.push_str("\n\n");
            if !e.description().is_empty() {
                out.push_str(e.description());
                out.push_str("\n\n");
            }
            out.push_str("- Variant: ");
            code_span(&mut out, e.variant());
            out.push_str("\n- Type: ");
            code_span(&mut out, e.type_uri().unwrap_or("about:blank"));
            out.push_str("\n- Status: ");
            super::push_statuses(&mut out, e, None);
            out.push('\n');
            if let Some(title) = e.title() {
                out.push_str("- Title: ");
                cell(&mut out, title);
                out.push('\n');
            }
            out.push_str(if e.detail_shown() { "- Detail: shown\n" } else { "- Detail: hidden\n" });
            let mut sep = "- Members: ";
            for m in e.members() {
                out.push_str(sep);
                code_span(&mut out, m.name());
                if let Some(ty) = m.schema_type() {
                    out.push_str(" (");
                    out.push_str(ty);
                    out.push(')');
                }
                sep = ", ";
            }
            if !e.members().is_empty() {
                out.push('\n');
            }
            let mut sep = "- Header fields: ";
            for h in e.headers() {
                out.push_str(sep);
                code_span(&mut out, h);
                sep = ", ";
            }
            if !e.headers().is_empty() {
                out.push('\n');
            }
        }
        out
    }
}

/// A text in a table cell: one line, `|` escaped.
#[inline]
fn cell(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\n' => out.push(' '),
            '|' => out.push_str("\\|"),
            c => out.push(c),
        }
    }
}

/// A code span that holds `text` whatever backticks it has (CommonMark: a longer fence, and a
/// space on each side when the text starts or ends with a backtick); in a table cell, `|`
/// escaped.
#[inline]
fn code_span(out: &mut String, text: &str) {
    // One backtick more than the longest run in the text.
    let mut fence = String::from("`");
    let mut run = 0;
    for b in text.bytes() {
        run = if b == b'`' { run + 1 } else { 0 };
        if run >= fence.len() {
            fence.push('`');
        }
    }
    // Backticks only where the text has them: `cell` changes no backtick.
    let pad = text.starts_with('`') || text.ends_with('`');
    out.push_str(&fence);
    if pad {
        out.push(' ');
    }
    cell(out, text);
    if pad {
        out.push(' ');
    }
    out.push_str(&fence);
}
