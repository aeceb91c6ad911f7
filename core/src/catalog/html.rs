//! [`Pages`]: the catalogue as HTML, one page per type URI and an index, every text escaped.

use crate::catalog::entry::{Catalog, Entry};

/// The HTML pages of a catalogue under a base path: an index at the base path listing every
/// entry, and a page per type URI (`about:blank` entries have none) with its title, statuses,
/// description, members, header fields and an example body. Made by [`Catalog::pages`];
/// `errstatus::axum::catalog_routes` (feature `axum`) serves them.
///
/// A type URI's page is at the URI's path when that path is under the base path
/// (`https://api.example.com/errors/out-of-credit` under `/errors`: `/errors/out-of-credit`;
/// a relative URI `/errors/out-of-credit` likewise), else at the base path and the last
/// segment of the URI's path (`https://errors.example.com/out-of-credit` under `/errors`:
/// `/errors/out-of-credit`). Entries that share a page's path share the page. A URI whose path
/// has no segment, names the index itself, or holds `{` or `}` has no page.
///
/// Every text from the error types (doc comments, names, URIs, titles) is escaped: a
/// description with `<script>` shows as text.
///
/// ```
/// use errstatus::HttpStatus;
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// #[problem(type = "https://errors.example.com/")]
/// enum BillingError {
///     /// The balance does not cover the <item>.
///     #[error("out of credit")]
///     #[status(403)]
///     OutOfCredit,
/// }
///
/// let pages = errstatus::catalog::<BillingError>().pages("/errors");
/// assert_eq!(pages.path_of("https://errors.example.com/out-of-credit"), Some("/errors/out-of-credit"));
/// let page = pages.page("/errors/out-of-credit").unwrap();
/// assert!(page.contains("The balance does not cover the &lt;item&gt;."));
/// assert!(pages.index().contains(r#"<a href="/errors/out-of-credit">"#));
/// ```
#[derive(Clone, Debug)]
pub struct Pages {
    base: String,
    index: String,
    /// Path, the type URIs served there, the page.
    pages: Vec<(String, Vec<String>, String)>,
}

impl Catalog {
    /// The HTML pages of this catalogue under `base_path` (`/errors`; a missing leading `/` is
    /// added, a trailing one dropped): see [`Pages`].
    ///
    /// ```
    /// use errstatus::HttpStatus;
    ///
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// #[error("gone")]
    /// #[status(410)]
    /// #[problem(type = "/errors/gone")]
    /// struct Gone;
    ///
    /// let pages = errstatus::catalog::<Gone>().pages("/errors/");
    /// assert_eq!(pages.base_path(), "/errors");
    /// assert!(pages.page("/errors/gone").unwrap().contains("<h1>Gone</h1>"));
    /// ```
    #[inline]
    pub fn pages(&self, base_path: &str) -> Pages {
        let base = normalize(base_path);
        let mut pages: Vec<(String, Vec<&Entry>)> = Vec::new();
        for e in self.entries() {
            let Some(path) = e.type_uri().and_then(|uri| page_path(&base, uri)) else { continue };
            match pages.iter_mut().find(|(p, _)| *p == path) {
                Some((_, entries)) => entries.push(e),
                None => pages.push((path, vec![e])),
            }
        }
        let index = index(&base, self, &pages);
        let pages = pages
            .into_iter()
            .map(|(path, entries)| {
                let mut uris: Vec<String> = Vec::new();
                for uri in entries.iter().filter_map(|e| e.type_uri()) {
                    if !uris.iter().any(|u| u == uri) {
                        uris.push(uri.to_owned());
                    }
                }
                let html = page(&base, &entries);
                (path, uris, html)
            })
            .collect();
        Pages { base, index, pages }
    }
}

impl Pages {
    /// The base path, normalized: a leading `/`, no trailing one (`""` for the root).
    ///
    /// ```
    /// # use errstatus::HttpStatus;
    /// # #[derive(Debug, thiserror::Error, HttpStatus)]
    /// # #[error("gone")]
    /// # #[status(410)]
    /// # struct Gone;
    /// assert_eq!(errstatus::catalog::<Gone>().pages("errors").base_path(), "/errors");
    /// ```
    #[inline]
    pub fn base_path(&self) -> &str {
        &self.base
    }

    /// The index page: every entry, with a link to its type URI's page.
    ///
    /// ```
    /// # use errstatus::HttpStatus;
    /// # #[derive(Debug, thiserror::Error, HttpStatus)]
    /// # #[error("gone")]
    /// # #[status(410)]
    /// # struct Gone;
    /// let pages = errstatus::catalog::<Gone>().pages("/errors");
    /// assert!(pages.index().contains("<code>GONE</code>"));
    /// ```
    #[inline]
    pub fn index(&self) -> &str {
        &self.index
    }

    /// The page at `path` (an absolute path, as [`Pages::path_of`] gives it), if there is one.
    ///
    /// ```
    /// # use errstatus::HttpStatus;
    /// # #[derive(Debug, thiserror::Error, HttpStatus)]
    /// # #[error("gone")]
    /// # #[status(410)]
    /// # #[problem(type = "https://errors.example.com/gone")]
    /// # struct Gone;
    /// let pages = errstatus::catalog::<Gone>().pages("/errors");
    /// assert!(pages.page("/errors/gone").is_some());
    /// assert!(pages.page("/errors/other").is_none());
    /// ```
    #[inline]
    pub fn page(&self, path: &str) -> Option<&str> {
        self.pages.iter().find(|(p, ..)| p == path).map(|(.., html)| html.as_str())
    }

    /// The path of the page of a type URI; `None` for `about:blank` and URIs without a page.
    ///
    /// ```
    /// # use errstatus::HttpStatus;
    /// # #[derive(Debug, thiserror::Error, HttpStatus)]
    /// # #[error("gone")]
    /// # #[status(410)]
    /// # #[problem(type = "https://errors.example.com/gone")]
    /// # struct Gone;
    /// let pages = errstatus::catalog::<Gone>().pages("/errors");
    /// assert_eq!(pages.path_of("https://errors.example.com/gone"), Some("/errors/gone"));
    /// assert_eq!(pages.path_of("about:blank"), None);
    /// ```
    #[inline]
    pub fn path_of(&self, type_uri: &str) -> Option<&str> {
        self.pages.iter().find(|(_, uris, _)| uris.iter().any(|u| u == type_uri)).map(|(p, ..)| p.as_str())
    }

    /// Where an entry is documented: its type URI's page, else its row on the index
    /// (`base_path#CODE`), for links from API documents.
    ///
    /// ```
    /// # use errstatus::HttpStatus;
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// enum E {
    ///     #[error("gone")]
    ///     #[status(410)]
    ///     #[problem(type = "https://errors.example.com/gone")]
    ///     Gone,
    ///     #[error("missing")]
    ///     #[status(404)]
    ///     Missing,
    /// }
    ///
    /// let catalog = errstatus::catalog::<E>();
    /// let pages = catalog.pages("/errors");
    /// assert_eq!(pages.href(&catalog.entries()[0]), "/errors/gone");
    /// assert_eq!(pages.href(&catalog.entries()[1]), "/errors#MISSING");
    /// ```
    #[inline]
    pub fn href(&self, entry: &Entry) -> String {
        match entry.type_uri().and_then(|uri| self.path_of(uri)) {
            Some(path) => path.to_owned(),
            None => format!("{}#{}", if self.base.is_empty() { "/" } else { &self.base }, entry.code()),
        }
    }

    /// Every page but the index, as `(path, html)`.
    ///
    /// ```
    /// # use errstatus::HttpStatus;
    /// # #[derive(Debug, thiserror::Error, HttpStatus)]
    /// # #[error("gone")]
    /// # #[status(410)]
    /// # #[problem(type = "https://errors.example.com/gone")]
    /// # struct Gone;
    /// let pages = errstatus::catalog::<Gone>().pages("/errors");
    /// let paths: Vec<&str> = pages.iter().map(|(path, _)| path).collect();
    /// assert_eq!(paths, ["/errors/gone"]);
    /// ```
    #[inline]
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        self.pages.iter().map(|(path, _, html)| (path.as_str(), html.as_str()))
    }
}

/// `errors`, `/errors/` -> `/errors`; `/` -> ``.
#[inline]
fn normalize(base: &str) -> String {
    let trimmed = base.trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    }
}

/// The path of a type URI's page under `base` (see [`Pages`]).
#[inline]
fn page_path(base: &str, uri: &str) -> Option<String> {
    let uri = uri.split(['?', '#']).next().unwrap_or("");
    let path = if let Some((_, rest)) = uri.split_once("://") {
        rest.find('/').map_or("", |i| &rest[i..])
    } else if let Some(rest) = uri.strip_prefix("//") {
        rest.find('/').map_or("", |i| &rest[i..])
    } else if uri.starts_with('/') {
        uri
    } else if uri.contains(':') {
        // Another scheme (`urn:...`, `tag:...`): no path to serve.
        ""
    } else {
        return Some(format!("{base}/{uri}")).filter(|p| routable(base, p));
    };
    let path = path.trim_end_matches('/');
    let under = path.strip_prefix(base).filter(|rest| rest.starts_with('/'));
    let path = match under {
        Some(_) => path.to_owned(),
        None => format!("{base}/{}", path.rsplit('/').find(|s| !s.is_empty())?),
    };
    Some(path).filter(|p| routable(base, p))
}

/// Whether a router can serve `path` as it is: not the index, no empty segment, no `{` / `}`
/// (route parameters).
#[inline]
fn routable(base: &str, path: &str) -> bool {
    path != base
        && path.len() > base.len() + 1
        && !path.contains("//")
        && !path.contains(['{', '}'])
        && path.starts_with('/')
}

/// `&`, `<`, `>`, `"` and `'` as character references: safe in text and in quoted attributes.
#[inline]
pub(crate) fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[inline]
fn head(out: &mut String, title: &str) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    escape(out, title);
    out.push_str("</title>\n<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}pre{background:#f4f4f4;padding:1rem;overflow:auto}</style>\n</head>\n<body>\n");
}

// The pages are written piece by piece with `push_str` and `escape`, not with `write!`: a
// formatting call per line is several times the code for rustc to check, in every build of
// this crate, and these functions run only where a catalogue is served.

#[inline]
fn index(base: &str, catalog: &Catalog, pages: &[(String, Vec<&Entry>)]) -> String {
    let mut out = String::new();
    head(&mut out, "Errors");
    out.push_str("<h1>Errors</h1>\n<table>\n<thead><tr><th>Code</th><th>Status</th><th>Title</th><th>Type</th><th>Variant</th></tr></thead>\n<tbody>\n");
    for e in catalog.entries() {
        let uri = e.type_uri().unwrap_or("about:blank");
        let path = e.type_uri().and_then(|u| page_path(base, u)).filter(|p| pages.iter().any(|(q, _)| q == p));
        out.push_str("<tr id=\"");
        escape(&mut out, e.code());
        out.push_str("\"><td><code>");
        escape(&mut out, e.code());
        out.push_str("</code></td><td>");
        super::push_statuses(&mut out, e, Some(escape));
        out.push_str("</td><td>");
        escape(&mut out, e.title().unwrap_or(""));
        out.push_str("</td><td>");
        match path {
            Some(path) => {
                out.push_str("<a href=\"");
                escape(&mut out, &path);
                out.push_str("\">");
                escape(&mut out, uri);
                out.push_str("</a>");
            }
            None => escape(&mut out, uri),
        }
        out.push_str("</td><td><code>");
        escape(&mut out, e.variant());
        out.push_str("</code></td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    out
}

/// `<tr><th>{name}</th><td>` + `value` escaped + `</td></tr>`, the value in `<code>` if `code`.
#[inline]
fn row(out: &mut String, name: &str, value: &str, code: bool) {
    out.push_str("<tr><th>");
    out.push_str(name);
    out.push_str(if code { "</th><td><code>" } else { "</th><td>" });
    escape(out, value);
    out.push_str(if code { "</code></td></tr>\n" } else { "</td></tr>\n" });
}

#[inline]
fn page(base: &str, entries: &[&Entry]) -> String {
    let first = entries[0];
    let title = first.title().unwrap_or(first.code());
    let mut out = String::new();
    head(&mut out, title);
    out.push_str("<h1>");
    escape(&mut out, title);
    out.push_str("</h1>\n<p>Type: <code>");
    escape(&mut out, first.type_uri().unwrap_or("about:blank"));
    out.push_str("</code></p>\n");
    for e in entries {
        out.push_str("<h2 id=\"");
        escape(&mut out, e.code());
        out.push_str("\"><code>");
        escape(&mut out, e.code());
        out.push_str("</code></h2>\n");
        for paragraph in e.description().split("\n\n").filter(|p| !p.trim().is_empty()) {
            out.push_str("<p>");
            escape(&mut out, paragraph.trim());
            out.push_str("</p>\n");
        }
        out.push_str("<table>\n");
        if e.type_uri() != first.type_uri() {
            // Another URI with the same path (another host's).
            row(&mut out, "Type", e.type_uri().unwrap_or(""), true);
        }
        out.push_str("<tr><th>Status</th><td>");
        super::push_statuses(&mut out, e, Some(escape));
        out.push_str("</td></tr>\n");
        row(&mut out, "Variant", e.variant(), true);
        row(&mut out, "Detail", if e.detail_shown() { "shown" } else { "hidden" }, false);
        if !e.headers().is_empty() {
            out.push_str("<tr><th>Header fields</th><td>");
            for (i, h) in e.headers().iter().enumerate() {
                out.push_str(if i > 0 { ", <code>" } else { "<code>" });
                escape(&mut out, h);
                out.push_str("</code>");
            }
            out.push_str("</td></tr>\n");
        }
        out.push_str("</table>\n");
        if !e.members().is_empty() {
            out.push_str("<h3>Members</h3>\n<table>\n<thead><tr><th>Name</th><th>Type</th></tr></thead>\n<tbody>\n");
            for m in e.members() {
                out.push_str("<tr><td><code>");
                escape(&mut out, m.name());
                out.push_str("</code></td><td>");
                escape(&mut out, m.schema_type().unwrap_or("any JSON value"));
                out.push_str("</td></tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
        out.push_str("<h3>Example body</h3>\n<pre><code>");
        escape(&mut out, &example(e));
        out.push_str("</code></pre>\n");
    }
    out.push_str("<p><a href=\"");
    escape(&mut out, if base.is_empty() { "/" } else { base });
    out.push_str("\">All errors</a></p>\n</body>\n</html>\n");
    out
}

/// A problem+json body of the entry, its values placeholders: `type`, `title`, `status` (the
/// first status), `detail` when shown, and each member with a value of its type.
#[inline]
fn example(e: &Entry) -> String {
    let json = |out: &mut String, s: &str| out.push_str(&serde_json::to_string(s).unwrap_or_default());
    let mut out = String::from("{\n  \"type\": ");
    json(&mut out, e.type_uri().unwrap_or("about:blank"));
    if let Some(title) = e.title() {
        out.push_str(",\n  \"title\": ");
        json(&mut out, title);
    }
    if let Some(status) = e.statuses().first() {
        out.push_str(",\n  \"status\": ");
        super::push_u16(&mut out, status.as_u16());
    }
    if e.detail_shown() {
        out.push_str(",\n  \"detail\": \"...\"");
    }
    for m in e.members() {
        out.push_str(",\n  ");
        json(&mut out, m.name());
        out.push_str(match m.schema_type() {
            Some("string") => ": \"...\"",
            Some("integer") => ": 0",
            Some("number") => ": 0.0",
            Some("boolean") => ": false",
            Some("array") => ": []",
            Some("object") => ": {}",
            _ => ": null",
        });
    }
    out.push_str("\n}");
    out
}
