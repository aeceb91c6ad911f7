//! What a derived `HttpStatus::__openapi` fills in (features `utoipa` and `aide`): a
//! [`Variant`] per variant with a code, collected into [`Docs`]. The OpenAPI generators
//! (openapi/) read it; this file knows none of their output types, only the two schema types a
//! member's [`SchemaFn`] returns.

use http::StatusCode;

use crate::body::format::{Details, Format};

/// The schema of an extension member's type, for each generator that is on: the type's own
/// when it has one for that generator (`utoipa::ToSchema`, `schemars::JsonSchema`), a generic
/// "any JSON value" otherwise.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct SchemaFn {
    /// `<T as utoipa::PartialSchema>::schema`, or [`no_utoipa_schema`].
    #[cfg(feature = "utoipa")]
    pub utoipa: fn() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
    /// The schema of `T` from aide's generator (a `$ref` for a named type, whose definition
    /// aide adds to the components), or [`no_aide_schema`].
    #[cfg(feature = "aide")]
    pub aide: fn(&mut schemars::SchemaGenerator) -> schemars::Schema,
}

impl SchemaFn {
    /// A type with no schema for any generator.
    pub const NONE: SchemaFn = SchemaFn {
        #[cfg(feature = "utoipa")]
        utoipa: no_utoipa_schema,
        #[cfg(feature = "aide")]
        aide: no_aide_schema,
    };
}

/// utoipa's schema of a member whose type has none: any JSON value, saying why.
#[cfg(feature = "utoipa")]
fn no_utoipa_schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaType};
    utoipa::openapi::RefOr::T(Schema::Object(
        ObjectBuilder::new()
            .schema_type(SchemaType::AnyValue)
            .description(Some("Any JSON value: the type of this member does not implement `utoipa::ToSchema`."))
            .build(),
    ))
}

/// schemars' schema of a member whose type has none: any JSON value, saying why.
#[cfg(feature = "aide")]
fn no_aide_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let mut schema = serde_json::Map::new();
    schema.insert(
        "description".into(),
        "Any JSON value: the type of this member does not implement `schemars::JsonSchema`.".into(),
    );
    schemars::Schema::from(schema)
}

/// A custom body format, as the documents need it: its content-type, its own JSON Schema and
/// its `write`, for the examples. The derive writes `FormatDoc::of::<F>()`.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct FormatDoc {
    /// [`Format::CONTENT_TYPE`].
    pub content_type: &'static str,
    /// [`Format::write`].
    pub write: fn(&Details<'_>, &mut String),
    /// [`Format::schema`].
    pub schema: fn() -> Option<serde_json::Value>,
}

impl FormatDoc {
    /// The documentation of the format `F`.
    pub fn of<F: Format + ?Sized>() -> Self {
        FormatDoc { content_type: F::CONTENT_TYPE, write: F::write, schema: F::schema }
    }
}

/// One variant's documentation, as the derive sees it.
#[doc(hidden)]
#[derive(Clone)]
pub struct Variant {
    pub status: StatusCode,
    /// The status is decided at run time (`#[status]` on a field, `#[status(with = ...)]`):
    /// the variant is listed under the `default` response, and `status` is not used.
    pub runtime: bool,
    /// A custom body format (`#[errstatus(format = ...)]`); `None`: problem+json.
    pub format: Option<FormatDoc>,
    /// The variant's name, used as the example's name.
    pub name: &'static str,
    /// The variant's code (`#[problem(code)]`, else its name in SCREAMING_SNAKE_CASE), for a
    /// custom format's example.
    pub code: &'static str,
    /// The variant's doc comment.
    pub doc: &'static str,
    /// The `#[error("...")]` text, shown as the example's `detail`.
    pub detail: Option<&'static str>,
    pub expose: bool,
    pub type_: Option<&'static str>,
    pub title: Option<&'static str>,
    pub instance: bool,
    pub extensions: Vec<(&'static str, SchemaFn)>,
    pub headers: Vec<&'static str>,
}

/// What `HttpStatus::__openapi` fills in.
#[doc(hidden)]
#[derive(Default)]
pub struct Docs {
    pub(crate) variants: Vec<Variant>,
    /// Every type whose variants are listed (see [`Docs::transparent`], next to the trait in
    /// http_status.rs: it calls `HttpStatus::__openapi`): its `type_name`, and the range of
    /// `variants` it filled in (`None` while it is being listed).
    pub(crate) listed: Vec<(&'static str, usize, Option<usize>)>,
}

impl Docs {
    pub fn variant(&mut self, v: Variant) {
        self.variants.push(v);
    }

    /// A variant whose status is decided at run time with a code known at compile time (an
    /// `Option<StatusCode>` field's fallback, `v.status`): listed under that code, as
    /// `statuses()` lists it, and under the `default` response.
    pub fn variant_with_fallback(&mut self, v: Variant) {
        self.variants.push(Variant { runtime: false, ..v.clone() });
        self.variants.push(Variant { runtime: true, ..v });
    }
}
