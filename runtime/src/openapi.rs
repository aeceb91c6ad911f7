//! `utoipa::IntoResponses` for derived types (feature `utoipa`): the same attributes that drive
//! the response drive the OpenAPI document. The derive lists each variant's facts in
//! `HttpStatus::__openapi`; everything else is built here.

use std::collections::BTreeMap;
use std::marker::PhantomData;

use http::StatusCode;
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaType, Type};
use utoipa::openapi::{ContentBuilder, HeaderBuilder, RefOr, ResponseBuilder};

use crate::response::PROBLEM_JSON;

/// The schema of an extension member's type: `<T as utoipa::PartialSchema>::schema`.
#[doc(hidden)]
pub type SchemaFn = fn() -> RefOr<Schema>;

/// Autoref specialization for the schema of an extension member of type `T`, which needs to be
/// `serde::Serialize` but not `utoipa::ToSchema`. The derive writes
///
/// ```text
/// {
///     #[allow(unused_imports)] // one of the two is not used
///     use ::errstatus::__private::openapi::{HasSchema as _, NoSchema as _};
///     (&::errstatus::__private::openapi::Probe::<FieldTy>::new()).schema_fn()
/// }
/// ```
///
/// which is `<FieldTy as utoipa::PartialSchema>::schema` when `FieldTy` has a schema
/// ([`HasSchema`], found without autoref) and [`no_schema`] otherwise ([`NoSchema`], on
/// `&Probe`). A generic `T` takes the second unless its impl bounds `T: PartialSchema`.
#[doc(hidden)]
pub struct Probe<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized> Probe<T> {
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        Probe(PhantomData)
    }
}

/// Picked when the member's type implements `utoipa::PartialSchema` (every `ToSchema` does).
#[doc(hidden)]
pub trait HasSchema {
    fn schema_fn(&self) -> SchemaFn;
}

impl<T: utoipa::PartialSchema + ?Sized> HasSchema for Probe<T> {
    fn schema_fn(&self) -> SchemaFn {
        T::schema
    }
}

/// Picked otherwise: [`no_schema`].
#[doc(hidden)]
pub trait NoSchema {
    fn schema_fn(&self) -> SchemaFn;
}

impl<T: ?Sized> NoSchema for &Probe<T> {
    fn schema_fn(&self) -> SchemaFn {
        no_schema
    }
}

/// The schema of a member whose type has none: any JSON value, saying why.
#[doc(hidden)]
pub fn no_schema() -> RefOr<Schema> {
    RefOr::T(Schema::Object(
        ObjectBuilder::new()
            .schema_type(SchemaType::AnyValue)
            .description(Some("Any JSON value: the type of this member does not implement `utoipa::ToSchema`."))
            .build(),
    ))
}

/// One variant's documentation, as the derive sees it.
#[doc(hidden)]
pub struct Variant {
    pub status: StatusCode,
    /// The status is decided at run time (`#[status]` on a field, `#[status(with = ...)]`):
    /// the variant is listed under the `default` response, and `status` is not used.
    pub runtime: bool,
    /// The content-type of a custom body format (`#[errstatus(format = ...)]`); `None`:
    /// problem+json.
    pub content_type: Option<&'static str>,
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
    /// `type_name` of every type whose variants are listed (see [`Docs::transparent`]).
    listed: Vec<&'static str>,
}

impl Docs {
    pub fn variant(&mut self, v: Variant) {
        self.variants.push(v);
    }

    /// Lists the variants of a transparent field's type `T` (and, through it, of everything
    /// `T` wraps), unless `T` has been listed into this document already: a recursive type
    /// (`Tree { Nested(Box<Tree>) }`), mutual recursion (A -> B -> A) or the same type reached
    /// twice, whose variants are in the document already. The generated `__openapi` calls it
    /// once per transparent field:
    ///
    /// ```text
    /// fn __openapi(__d: &mut ::errstatus::__private::openapi::Docs) {
    ///     __d.variant(::errstatus::__private::openapi::Variant { .. });  // per variant with a code
    ///     __d.transparent::<FieldTy>();                                 // per transparent field
    /// }
    /// ```
    ///
    /// [`responses`] enters the documented type itself this way, and `&T`, `Box<T>` and `Arc<T>`
    /// forward to `T` through it, so `Box<Tree>` inside `Tree` stops at `Tree`. Types are told
    /// apart by `core::any::type_name` (which ignores lifetimes: `Foo<'a>` and `Foo<'static>`
    /// have the same variants). The state is this document's, so a panic leaves nothing behind.
    pub fn transparent<T: crate::HttpStatus>(&mut self) {
        let name = core::any::type_name::<T>();
        if !self.listed.contains(&name) {
            self.listed.push(name);
            T::__openapi(self);
        }
    }
}

/// The responses of `E`: one per distinct status, with the problem+json schema (extension
/// members included), the doc comments as description, and one named example per variant.
#[doc(hidden)]
pub fn responses<E: crate::HttpStatus>() -> BTreeMap<String, RefOr<utoipa::openapi::Response>> {
    let mut docs = Docs::default();
    docs.transparent::<E>();
    // `None`: the variants whose status is decided at run time, the `default` response.
    let mut by_status: BTreeMap<Option<u16>, Vec<Variant>> = BTreeMap::new();
    for v in docs.variants {
        by_status.entry((!v.runtime).then(|| v.status.as_u16())).or_default().push(v);
    }
    by_status
        .into_iter()
        .map(|(code, variants)| {
            let key = code.map_or_else(|| "default".to_owned(), |code| code.to_string());
            (key, RefOr::T(response(code, &variants)))
        })
        .collect()
}

/// The response of one status (`None`: the `default` response, statuses decided at run time,
/// without examples since their status is not known).
fn response(code: Option<u16>, variants: &[Variant]) -> utoipa::openapi::Response {
    let entry = code.and_then(errstatus_registry::lookup);
    let reason = match code {
        Some(_) => entry.map_or("", |e| e.reason),
        None => "A status decided at run time",
    };
    let docs: Vec<String> = variants
        .iter()
        .map(|v| match v.doc.trim() {
            "" => format!("`{}`", v.name),
            doc => format!("`{}`: {doc}", v.name),
        })
        .collect();
    let description = format!("{reason}\n\n{}", docs.join("\n\n"));
    let mut builder = ResponseBuilder::new().description(description);
    if entry.is_none_or(|e| e.content) {
        // Bodies in a custom format: their content-type, any JSON value (the format decides).
        let mut custom: Vec<&str> = variants.iter().filter_map(|v| v.content_type).collect();
        custom.sort_unstable();
        custom.dedup();
        for content_type in custom {
            let any = ObjectBuilder::new()
                .schema_type(SchemaType::AnyValue)
                .description(Some("The body in this API's own error format"))
                .build();
            builder = builder.content(content_type, ContentBuilder::new().schema(Some(Schema::Object(any))).build());
        }
    }
    let problem: Vec<&Variant> = variants.iter().filter(|v| v.content_type.is_none()).collect();
    if entry.is_none_or(|e| e.content) && !problem.is_empty() {
        let examples = example_names(&problem).into_iter().zip(&problem).filter_map(|(name, v)| {
            let code = code?;
            let example = ExampleBuilder::new()
                .summary(v.doc.lines().next().unwrap_or("").trim())
                .value(Some(example(code, v)))
                .build();
            Some((name, example))
        });
        let content = ContentBuilder::new().schema(Some(schema(&problem))).examples_from_iter(examples).build();
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

fn string() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String)
}

/// RFC 9457 §3.1 members, plus the extension members of these variants.
fn schema(variants: &[&Variant]) -> Schema {
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
