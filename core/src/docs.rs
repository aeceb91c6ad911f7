//! What the OpenAPI generators share (features `utoipa` and `aide`): the derive lists each
//! variant's facts in `HttpStatus::__openapi` into a [`Docs`], and [`groups`] makes one
//! response of them per status. openapi.rs (utoipa) and aide.rs (aide) each build their own
//! types from the same groups, so both documents list the same responses.

use std::collections::BTreeMap;
use std::marker::PhantomData;

use http::StatusCode;

/// The schema of an extension member's type, for each generator that is on: the type's own
/// when it has one for that generator (`utoipa::ToSchema`, `schemars::JsonSchema`), a generic
/// "any JSON value" otherwise.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct SchemaFn {
    /// `<T as utoipa::PartialSchema>::schema`, or `openapi::no_schema`.
    #[cfg(feature = "utoipa")]
    pub utoipa: fn() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
    /// The schema of `T` from aide's generator (a `$ref` for a named type, whose definition
    /// aide adds to the components), or `aide::no_schema`.
    #[cfg(feature = "aide")]
    pub aide: fn(&mut schemars::SchemaGenerator) -> schemars::Schema,
}

impl SchemaFn {
    /// A type with no schema for any generator.
    const NONE: SchemaFn = SchemaFn {
        #[cfg(feature = "utoipa")]
        utoipa: crate::openapi::no_schema,
        #[cfg(feature = "aide")]
        aide: crate::aide::no_schema,
    };
}

/// Autoref specialization for the schema of an extension member of type `T`, which needs to be
/// `serde::Serialize` but neither `utoipa::ToSchema` nor `schemars::JsonSchema`. The derive
/// writes
///
/// ```text
/// {
///     #[allow(unused_imports)] // one of the two is not used
///     use ::errstatus::__private::openapi::{HasSchema as _, NoSchema as _};
///     (&::errstatus::__private::openapi::Probe::<FieldTy>::new()).schema_fn()
/// }
/// ```
///
/// Method lookup tries the receiver `&Probe<T>` (the inherent `schema_fn`, then [`HasSchema`]
/// on `Probe<T>`), then `&&Probe<T>` ([`HasSchema`] on `&Probe<T>`), then `&mut &Probe<T>`
/// ([`NoSchema`]), and takes the first whose bounds `FieldTy` meets. With one generator on,
/// [`HasSchema`] on `Probe<T>` is "has that generator's schema"; with both on, the four levels
/// are: both schemas, utoipa's only, schemars' only, neither. A generic `T` takes [`NoSchema`]
/// unless its impl bounds `T` by the traits.
#[doc(hidden)]
pub struct Probe<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized> Probe<T> {
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        Probe(PhantomData)
    }
}

/// Picked when the member's type has a schema (see [`Probe`]).
#[doc(hidden)]
pub trait HasSchema {
    fn schema_fn(&self) -> SchemaFn;
}

/// Picked otherwise: a generic schema for every generator.
#[doc(hidden)]
pub trait NoSchema {
    fn schema_fn(&mut self) -> SchemaFn;
}

impl<T: ?Sized> NoSchema for &Probe<T> {
    fn schema_fn(&mut self) -> SchemaFn {
        SchemaFn::NONE
    }
}

#[cfg(all(feature = "utoipa", not(feature = "aide")))]
impl<T: utoipa::PartialSchema + ?Sized> HasSchema for Probe<T> {
    fn schema_fn(&self) -> SchemaFn {
        SchemaFn { utoipa: T::schema }
    }
}

#[cfg(all(feature = "aide", not(feature = "utoipa")))]
impl<T: schemars::JsonSchema + ?Sized> HasSchema for Probe<T> {
    fn schema_fn(&self) -> SchemaFn {
        SchemaFn { aide: crate::aide::schema::<T> }
    }
}

#[cfg(all(feature = "utoipa", feature = "aide"))]
impl<T: utoipa::PartialSchema + schemars::JsonSchema + ?Sized> Probe<T> {
    /// Both schemas: inherent, so it is tried before the trait methods.
    pub fn schema_fn(&self) -> SchemaFn {
        SchemaFn { utoipa: T::schema, aide: crate::aide::schema::<T> }
    }
}

#[cfg(all(feature = "utoipa", feature = "aide"))]
impl<T: utoipa::PartialSchema + ?Sized> HasSchema for Probe<T> {
    fn schema_fn(&self) -> SchemaFn {
        SchemaFn { utoipa: T::schema, ..SchemaFn::NONE }
    }
}

#[cfg(all(feature = "utoipa", feature = "aide"))]
impl<T: schemars::JsonSchema + ?Sized> HasSchema for &Probe<T> {
    fn schema_fn(&self) -> SchemaFn {
        SchemaFn { aide: crate::aide::schema::<T>, ..SchemaFn::NONE }
    }
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
    /// [`groups`] enters the documented type itself this way, and `&T`, `Box<T>` and `Arc<T>`
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

/// The description of the problem+json schema.
pub(crate) const PROBLEM_DESCRIPTION: &str = "RFC 9457 problem details";
/// The description of the schema of a body in a custom format.
pub(crate) const CUSTOM_DESCRIPTION: &str = "The body in this API's own error format";

/// One response of the document: the variants with one status, or (`code: None`) those whose
/// status is decided at run time, the `default` response.
pub(crate) struct Group {
    pub code: Option<u16>,
    pub variants: Vec<Variant>,
}

/// A named example of a problem+json response.
pub(crate) struct Example {
    pub name: String,
    /// The first line of the variant's doc comment.
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
pub(crate) fn groups<E: crate::HttpStatus>() -> Vec<Group> {
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

    /// The content-types of the custom body formats, each once, sorted.
    pub fn custom_content_types(&self) -> Vec<&'static str> {
        if !self.has_content() {
            return Vec::new();
        }
        let mut custom: Vec<&str> = self.variants.iter().filter_map(|v| v.content_type).collect();
        custom.sort_unstable();
        custom.dedup();
        custom
    }

    /// The variants with a problem+json body; empty when responses of this status carry no
    /// content.
    pub fn problem_variants(&self) -> Vec<&Variant> {
        if !self.has_content() {
            return Vec::new();
        }
        self.variants.iter().filter(|v| v.content_type.is_none()).collect()
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
        let problem = self.problem_variants();
        example_names(&problem)
            .into_iter()
            .zip(&problem)
            .map(|(name, v)| Example {
                name,
                summary: v.doc.lines().next().unwrap_or("").trim(),
                value: example(code, v),
            })
            .collect()
    }

    /// The `#[header]` fields of these variants, each name once, sorted.
    pub fn headers(&self) -> Vec<&'static str> {
        let mut headers: Vec<&str> = self.variants.iter().flat_map(|v| v.headers.iter().copied()).collect();
        headers.sort_unstable();
        headers.dedup();
        headers
    }
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
