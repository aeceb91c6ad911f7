//! The OpenAPI model the generators read (features `utoipa`, `aide` and `poem-openapi`): the
//! derive lists each variant's facts into a `Docs` (status/docs.rs), and [`groups`] makes one
//! response of them per status. utoipa.rs, aide.rs and poem_openapi.rs each build their own
//! types from the same groups, so the documents list the same responses.

use std::collections::BTreeMap;

use crate::body::format::Details;
use crate::status::docs::{Docs, FormatDoc, SchemaFn, Variant};
use crate::status::http_status::HttpStatus;

/// The description of the problem+json schema.
pub(crate) const PROBLEM_DESCRIPTION: &str = "RFC 9457 problem details";
/// The description of the schema of a body in a custom format without a schema of its own
/// (`Format::schema` is `None`).
pub(crate) const CUSTOM_DESCRIPTION: &str = "The body in this API's own error format";

/// One response of the document: the variants with one status, or (`code: None`) those whose
/// status is decided at run time, the `default` response.
pub(crate) struct Group {
    pub code: Option<u16>,
    pub variants: Vec<Variant>,
}

/// The bodies of one response in one custom format's content-type.
pub(crate) struct Custom {
    pub content_type: &'static str,
    /// The format's own JSON Schema (`Format::schema`); `None`: any JSON value, described by
    /// [`CUSTOM_DESCRIPTION`].
    pub schema: Option<serde_json::Value>,
    /// One per variant (none for the `default` response): the format's own body for it.
    pub examples: Vec<Example>,
}

/// A named example of a response body.
pub(crate) struct Example {
    #[cfg_attr(not(any(feature = "utoipa", feature = "aide")), allow(dead_code))] // poem-openapi: unnamed
    pub name: String,
    /// The first line of the variant's doc comment.
    #[cfg_attr(not(any(feature = "utoipa", feature = "aide")), allow(dead_code))]
    pub summary: &'static str,
    pub value: serde_json::Value,
}

/// The members of the problem+json schema beyond `type`, `title` and `status`.
pub(crate) struct Members<'a> {
    pub detail: bool,
    pub instance: bool,
    /// The extension members of the variants that show them, each name once.
    pub extensions: Vec<(&'static str, &'a SchemaFn)>,
}

/// The responses of `E`, by status ascending, the `default` response (if any) first.
pub(crate) fn groups<E: HttpStatus>() -> Vec<Group> {
    let mut docs = Docs::default();
    docs.transparent::<E>();
    let mut by_status: BTreeMap<Option<u16>, Vec<Variant>> = BTreeMap::new();
    for v in docs.variants {
        by_status.entry((!v.runtime).then(|| v.status.as_u16())).or_default().push(v);
    }
    by_status.into_iter().map(|(code, variants)| Group { code, variants }).collect()
}

impl Group {
    fn entry(&self) -> Option<&'static errstatus_registry::Entry> {
        self.code.and_then(errstatus_registry::lookup)
    }

    /// The IANA reason phrase, then each variant's name and doc comment.
    pub fn description(&self) -> String {
        let reason = match self.code {
            Some(_) => self.entry().map_or("", |e| e.reason),
            None => "A status decided at run time",
        };
        let docs: Vec<String> = self
            .variants
            .iter()
            .map(|v| match v.doc.trim() {
                "" => format!("`{}`", v.name),
                doc => format!("`{}`: {doc}", v.name),
            })
            .collect();
        format!("{reason}\n\n{}", docs.join("\n\n"))
    }

    /// Whether responses of this status carry content (not 304, ...).
    pub fn has_content(&self) -> bool {
        self.entry().is_none_or(|e| e.content)
    }

    /// The custom body formats of these variants, one per content-type, sorted by it; empty
    /// when responses of this status carry no content. Two formats with one content-type (an
    /// inner type's through a transparent variant) share the first one's schema.
    pub fn customs(&self) -> Vec<Custom> {
        if !self.has_content() {
            return Vec::new();
        }
        let mut formats: Vec<FormatDoc> = Vec::new();
        for f in self.variants.iter().filter_map(|v| v.format) {
            if !formats.iter().any(|seen| seen.content_type == f.content_type) {
                formats.push(f);
            }
        }
        formats.sort_by_key(|f| f.content_type);
        formats
            .into_iter()
            .map(|f| {
                let examples = self.code.map_or_else(Vec::new, |code| {
                    let variants =
                        self.variants.iter().filter(|v| v.format.is_some_and(|g| g.content_type == f.content_type));
                    named(variants.filter_map(|v| Some((v, custom_example(code, v, v.format?)?))).collect())
                });
                Custom { content_type: f.content_type, schema: (f.schema)(), examples }
            })
            .collect()
    }

    /// The variants with a problem+json body; empty when responses of this status carry no
    /// content.
    pub fn problem_variants(&self) -> Vec<&Variant> {
        if !self.has_content() {
            return Vec::new();
        }
        self.variants.iter().filter(|v| v.format.is_none()).collect()
    }

    /// RFC 9457 §3.1 members and the extension members of these variants.
    pub fn members(&self) -> Members<'_> {
        let problem = self.problem_variants();
        let mut extensions: Vec<(&'static str, &SchemaFn)> = Vec::new();
        for v in problem.iter().filter(|v| v.expose) {
            for (name, schema) in &v.extensions {
                if !extensions.iter().any(|(seen, _)| seen == name) {
                    extensions.push((name, schema));
                }
            }
        }
        Members {
            detail: problem.iter().any(|v| v.expose),
            instance: problem.iter().any(|v| v.expose && v.instance),
            extensions,
        }
    }

    /// One named example per problem+json variant; none for the `default` response, whose
    /// status is not known.
    pub fn examples(&self) -> Vec<Example> {
        let Some(code) = self.code else { return Vec::new() };
        named(self.problem_variants().into_iter().map(|v| (v, example(code, v))).collect())
    }

    /// The `#[header]` fields of these variants, each name once, sorted.
    pub fn headers(&self) -> Vec<&'static str> {
        let mut headers: Vec<&str> = self.variants.iter().flat_map(|v| v.headers.iter().copied()).collect();
        headers.sort_unstable();
        headers.dedup();
        headers
    }
}

/// The examples of `variants`, each named by [`example_names`], its summary the first line of
/// the variant's doc comment.
fn named(variants: Vec<(&Variant, serde_json::Value)>) -> Vec<Example> {
    let names = example_names(&variants.iter().map(|(v, _)| *v).collect::<Vec<_>>());
    names
        .into_iter()
        .zip(variants)
        .map(|(name, (v, value))| Example { name, summary: v.doc.lines().next().unwrap_or("").trim(), value })
        .collect()
}

/// One distinct example name per variant: the variant's name, and on a collision (two types of
/// the same name in different modules) the name with ` (2)`, ` (3)`, ... appended.
fn example_names(variants: &[&Variant]) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(variants.len());
    for v in variants {
        let mut name = v.name.to_owned();
        let mut n = 1;
        while names.contains(&name) {
            n += 1;
            name = format!("{} ({n})", v.name);
        }
        names.push(name);
    }
    names
}

/// The title of a variant's responses: its own, else the IANA reason phrase.
fn title(code: u16, v: &Variant) -> &'static str {
    v.title.or(errstatus_registry::lookup(code).map(|e| e.reason)).unwrap_or("")
}

/// The body a custom format writes for the variant: its status, title and type, the
/// `#[error]` text as the detail when it is shown, no instance and no extension members (their
/// values are not known). Parsed for a JSON content-type, else a string; `None` when the format
/// writes nothing (a response without a body).
fn custom_example(code: u16, v: &Variant, format: FormatDoc) -> Option<serde_json::Value> {
    let status = http::StatusCode::from_u16(code).ok()?;
    let detail = v.detail.filter(|_| v.expose);
    let details = Details {
        status,
        title: title(code, v),
        type_: v.type_,
        detail: detail.as_ref().map(|d| d as &dyn core::fmt::Display),
        instance: None,
        extensions: &[],
        variant: v.name.rsplit("::").next().unwrap_or(v.name),
        code: v.code,
        whole: None,
    };
    let mut body = String::new();
    (format.write)(&details, &mut body);
    if body.is_empty() {
        return None;
    }
    let essence = format.content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    let json = essence == "application/json" || essence.ends_with("+json");
    Some(match serde_json::from_str(&body) {
        Ok(value) if json => value,
        _ => body.into(),
    })
}

fn example(code: u16, v: &Variant) -> serde_json::Value {
    let title = title(code, v);
    let mut map = serde_json::Map::new();
    map.insert("type".into(), v.type_.unwrap_or("about:blank").into());
    map.insert("title".into(), title.into());
    map.insert("status".into(), code.into());
    if v.expose {
        if let Some(detail) = v.detail {
            map.insert("detail".into(), detail.into());
        }
    }
    serde_json::Value::Object(map)
}
