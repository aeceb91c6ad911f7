//! `utoipa::IntoResponses` for derived types (feature `utoipa`): the same attributes that drive
//! the response drive the OpenAPI document. The derive lists each variant's facts in
//! `HttpStatus::__openapi`; everything else is built here.

use std::collections::BTreeMap;

use http::StatusCode;
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::{ContentBuilder, HeaderBuilder, RefOr, ResponseBuilder};

use crate::response::PROBLEM_JSON;

/// The schema of an extension member's type: `<T as utoipa::PartialSchema>::schema`.
#[doc(hidden)]
pub type SchemaFn = fn() -> RefOr<Schema>;

/// One variant's documentation, as the derive sees it.
#[doc(hidden)]
pub struct Variant {
    pub status: StatusCode,
    /// The variant's name, used as the example's name.
    pub name: &'static str,
    /// The variant's doc comment.
    pub doc: &'static str,
    /// The `#[error("...")]` text, shown as the example's `detail`.
    pub detail: Option<&'static str>,
    pub expose: bool,
    pub type_: Option<&'static str>,
    pub title: Option<&'static str>,
    pub instance: bool,
    pub extensions: Vec<(&'static str, SchemaFn)>,
    pub headers: &'static [&'static str],
}

/// What `HttpStatus::__openapi` fills in.
#[doc(hidden)]
#[derive(Default)]
pub struct Docs {
    variants: Vec<Variant>,
}

impl Docs {
    pub fn variant(&mut self, v: Variant) {
        self.variants.push(v);
    }
}

/// The responses of `E`: one per distinct status, with the problem+json schema (extension
/// members included), the doc comments as description, and one named example per variant.
#[doc(hidden)]
pub fn responses<E: crate::HttpStatus>() -> BTreeMap<String, RefOr<utoipa::openapi::Response>> {
    let mut docs = Docs::default();
    E::__openapi(&mut docs);
    let mut by_status: BTreeMap<u16, Vec<Variant>> = BTreeMap::new();
    for v in docs.variants {
        by_status.entry(v.status.as_u16()).or_default().push(v);
    }
    by_status.into_iter().map(|(code, variants)| (code.to_string(), RefOr::T(response(code, &variants)))).collect()
}

fn response(code: u16, variants: &[Variant]) -> utoipa::openapi::Response {
    let reason = errstatus_registry::lookup(code).map_or("", |e| e.reason);
    let docs: Vec<String> = variants
        .iter()
        .map(|v| match v.doc.trim() {
            "" => format!("`{}`", v.name),
            doc => format!("`{}`: {doc}", v.name),
        })
        .collect();
    let description = format!("{reason}\n\n{}", docs.join("\n\n"));
    let mut builder = ResponseBuilder::new().description(description);
    if errstatus_registry::lookup(code).map_or(true, |e| e.content) {
        let examples = variants.iter().map(|v| {
            (
                v.name,
                ExampleBuilder::new()
                    .summary(v.doc.lines().next().unwrap_or("").trim())
                    .value(Some(example(code, v)))
                    .build(),
            )
        });
        let content = ContentBuilder::new().schema(Some(schema(variants))).examples_from_iter(examples).build();
        builder = builder.content(PROBLEM_JSON, content);
    }
    let mut headers: Vec<&str> = variants.iter().flat_map(|v| v.headers.iter().copied()).collect();
    headers.sort_unstable();
    headers.dedup();
    for name in headers {
        let header = HeaderBuilder::new().schema(Some(ObjectBuilder::new().schema_type(Type::String))).build();
        builder = builder.header(name, header);
    }
    builder.build()
}

fn string() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String)
}

/// RFC 9457 §3.1 members, plus the extension members of these variants.
fn schema(variants: &[Variant]) -> Schema {
    let mut object = ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some("RFC 9457 problem details"))
        .property("type", string().format(Some(utoipa::openapi::SchemaFormat::Custom("uri-reference".into()))))
        .property("title", string())
        .property("status", ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(100)).maximum(Some(599)))
        .required("type")
        .required("title")
        .required("status");
    if variants.iter().any(|v| v.expose) {
        object = object.property("detail", string());
    }
    if variants.iter().any(|v| v.expose && v.instance) {
        object = object.property("instance", string());
    }
    let mut seen = Vec::new();
    for v in variants.iter().filter(|v| v.expose) {
        for (name, schema) in &v.extensions {
            if !seen.contains(name) {
                seen.push(name);
                object = object.property(*name, schema());
            }
        }
    }
    Schema::Object(object.build())
}

fn example(code: u16, v: &Variant) -> serde_json::Value {
    let title = v.title.or(errstatus_registry::lookup(code).map(|e| e.reason)).unwrap_or("");
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
