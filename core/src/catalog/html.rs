//! [`Pages`]: the catalogue as HTML, one page per type URI and an index, every text escaped.

use crate::body::json::push_json;
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
        // Each page's path and its entries, in the order of their first entry.
        let mut grouped: Vec<(String, Vec<&Entry>)> = Vec::new();
        for e in self.entries() {
            let Some(uri) = e.type_uri() else { continue };
            let Some(path) = page_path(&base, uri) else { continue };
            match position(&grouped, &path) {
                Some(i) => grouped[i].1.push(e),
                None => grouped.push((path, vec![e])),
            }
        }
        let index = index(&base, self, &grouped);
        let mut pages = Vec::with_capacity(grouped.len());
        for (path, entries) in grouped {
            let mut uris: Vec<String> = Vec::new();
            for e in &entries {
                let Some(uri) = e.type_uri() else { continue };
                if !contains(&uris, uri) {
                    uris.push(uri.to_owned());
                }
            }
            let html = page(&base, &entries);
            pages.push((path, uris, html));
        }
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
        for (p, _, html) in &self.pages {
            if p == path {
                return Some(html);
            }
        }
        None
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
        for (p, uris, _) in &self.pages {
            if contains(uris, type_uri) {
                return Some(p);
            }
        }
        None
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
        if let Some(path) = entry.type_uri().and_then(|uri| self.path_of(uri)) {
            return path.to_owned();
        }
        let mut href = String::from(if self.base.is_empty() { "/" } else { &self.base });
        href.push('#');
        href.push_str(entry.code());
        href
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

/// The index of the page at `path` in `pages`.
#[inline]
fn position(pages: &[(String, Vec<&Entry>)], path: &str) -> Option<usize> {
    let mut i = 0;
    while i < pages.len() {
        if pages[i].0 == path {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Whether `list` holds `s`.
#[inline]
fn contains(list: &[String], s: &str) -> bool {
    let mut i = 0;
    while i < list.len() {
        if list[i] == s {
            return true;
        }
        i += 1;
    }
    false
}

/// `a` + `/` + `b`.
#[inline]
fn join(a: &str, b: &str) -> String {
    let mut s = String::with_capacity(a.len() + 1 + b.len());
    s.push_str(a);
    s.push('/');
    s.push_str(b);
    s
}

/// `errors`, `/errors/` -> `/errors`; `/` -> ``.
#[inline]
fn normalize(base: &str) -> String {
    let trimmed = base.trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        join("", trimmed)
    }
}

/// The path of a type URI's page under `base` (see [`Pages`]).
#[inline]
fn page_path(base: &str, uri: &str) -> Option<String> {
    // Up to the query or fragment (ASCII: the end is a char boundary).
    let bytes = uri.as_bytes();
    let mut end = 0;
    while end < bytes.len() && bytes[end] != b'?' && bytes[end] != b'#' {
        end += 1;
    }
    let uri = &uri[..end];
    let path = if let Some((_, rest)) = uri.split_once("://") {
        from_slash(rest)
    } else if let Some(rest) = uri.strip_prefix("//") {
        from_slash(rest)
    } else if uri.starts_with('/') {
        uri
    } else if uri.contains(':') {
        // Another scheme (`urn:...`, `tag:...`): no path to serve.
        ""
    } else {
        let path = join(base, uri);
        return if routable(base, &path) { Some(path) } else { None };
    };
    let path = path.trim_end_matches('/');
    let path = match path.strip_prefix(base) {
        Some(rest) if rest.starts_with('/') => path.to_owned(),
        // The last segment (no trailing `/` is left): none in an empty path.
        _ => {
            let last = match path.rfind('/') {
                Some(i) => &path[i + 1..],
                None => path,
            };
            if last.is_empty() {
                return None;
            }
            join(base, last)
        }
    };
    if routable(base, &path) {
        Some(path)
    } else {
        None
    }
}

/// `rest` from its first `/` on, `""` without one: the path after the authority.
#[inline]
fn from_slash(rest: &str) -> &str {
    match rest.find('/') {
        Some(i) => &rest[i..],
        None => "",
    }
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

// The pages are written piece by piece, not with `write!`: a formatting call per line is
// several times the code for rustc to check, in every build of this crate, and these
// functions run only where a catalogue is served. `put` takes a line's pieces at once, the
// markup as it is and the texts from the error types escaped.

/// Appends `parts`: the even ones (markup) as they are, the odd ones (texts) escaped.
#[inline]
fn put(out: &mut String, parts: &[&str]) {
    let mut i = 0;
    while i < parts.len() {
        if i % 2 == 0 {
            out.push_str(parts[i]);
        } else {
            escape(out, parts[i]);
        }
        i += 1;
    }
}

#[inline]
fn head(out: &mut String, title: &str) {
    put(
        out,
        &[
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
            title,
            "</title>\n<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}pre{background:#f4f4f4;padding:1rem;overflow:auto}</style>\n</head>\n<body>\n",
        ],
    );
}

#[inline]
fn index(base: &str, catalog: &Catalog, pages: &[(String, Vec<&Entry>)]) -> String {
    let mut out = String::new();
    head(&mut out, "Errors");
    out.push_str("<h1>Errors</h1>\n<table>\n<thead><tr><th>Code</th><th>Status</th><th>Title</th><th>Type</th><th>Variant</th></tr></thead>\n<tbody>\n");
    for e in catalog.entries() {
        let uri = e.type_uri().unwrap_or("about:blank");
        let mut path = match e.type_uri() {
            Some(uri) => page_path(base, uri),
            None => None,
        };
        if let Some(p) = &path {
            if position(pages, p).is_none() {
                path = None;
            }
        }
        put(&mut out, &["<tr id=\"", e.code(), "\"><td><code>", e.code(), "</code></td><td>"]);
        super::push_statuses(&mut out, e, Some(escape));
        put(&mut out, &["</td><td>", e.title().unwrap_or(""), "</td><td>"]);
        match &path {
            Some(path) => put(&mut out, &["<a href=\"", path, "\">", uri, "</a>"]),
            None => escape(&mut out, uri),
        }
        put(&mut out, &["</td><td><code>", e.variant(), "</code></td></tr>\n"]);
    }
    out.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    out
}

#[inline]
fn page(base: &str, entries: &[&Entry]) -> String {
    let first = entries[0];
    let title = first.title().unwrap_or(first.code());
    let mut out = String::new();
    head(&mut out, title);
    put(
        &mut out,
        &["<h1>", title, "</h1>\n<p>Type: <code>", first.type_uri().unwrap_or("about:blank"), "</code></p>\n"],
    );
    for e in entries {
        section(&mut out, e, first);
    }
    put(
        &mut out,
        &["<p><a href=\"", if base.is_empty() { "/" } else { base }, "\">All errors</a></p>\n</body>\n</html>\n"],
    );
    out
}

/// An entry's section on its page (`first`: the page's first entry).
#[inline]
fn section(out: &mut String, e: &Entry, first: &Entry) {
    put(out, &["<h2 id=\"", e.code(), "\"><code>", e.code(), "</code></h2>\n"]);
    for paragraph in e.description().split("\n\n") {
        let paragraph = paragraph.trim();
        if !paragraph.is_empty() {
            put(out, &["<p>", paragraph, "</p>\n"]);
        }
    }
    out.push_str("<table>\n");
    if e.type_uri() != first.type_uri() {
        // Another URI with the same path (another host's).
        put(out, &["<tr><th>Type</th><td><code>", e.type_uri().unwrap_or(""), "</code></td></tr>\n"]);
    }
    out.push_str("<tr><th>Status</th><td>");
    super::push_statuses(out, e, Some(escape));
    let detail = if e.detail_shown() { "shown" } else { "hidden" };
    put(
        out,
        &[
            "</td></tr>\n<tr><th>Variant</th><td><code>",
            e.variant(),
            "</code></td></tr>\n<tr><th>Detail</th><td>",
            detail,
            "</td></tr>\n",
        ],
    );
    if !e.headers().is_empty() {
        let mut sep = "<tr><th>Header fields</th><td><code>";
        for h in e.headers() {
            put(out, &[sep, h, "</code>"]);
            sep = ", <code>";
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</table>\n");
    if !e.members().is_empty() {
        out.push_str("<h3>Members</h3>\n<table>\n<thead><tr><th>Name</th><th>Type</th></tr></thead>\n<tbody>\n");
        for m in e.members() {
            let ty = m.schema_type().unwrap_or("any JSON value");
            put(out, &["<tr><td><code>", m.name(), "</code></td><td>", ty, "</td></tr>\n"]);
        }
        out.push_str("</tbody>\n</table>\n");
    }
    put(out, &["<h3>Example body</h3>\n<pre><code>", &example(e), "</code></pre>\n"]);
}

/// A problem+json body of the entry, its values placeholders: `type`, `title`, `status` (the
/// first status), `detail` when shown, and each member with a value of its type.
#[inline]
fn example(e: &Entry) -> String {
    let mut out = String::from("{\n  \"type\": ");
    push_json(&mut out, e.type_uri().unwrap_or("about:blank"));
    if let Some(title) = e.title() {
        out.push_str(",\n  \"title\": ");
        push_json(&mut out, title);
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
        push_json(&mut out, m.name());
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
