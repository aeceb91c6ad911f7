//! `utoipa::IntoResponses` for derived types (feature `utoipa`): the same attributes that drive
//! the response drive the OpenAPI document. The derive lists each variant's facts in
//! `HttpStatus::__openapi` (status/docs.rs), grouped by model.rs (shared with aide); the utoipa
//! types are built here.

use std::collections::BTreeMap;

use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaType, Type};
use utoipa::openapi::{ContentBuilder, HeaderBuilder, RefOr, ResponseBuilder};

use crate::body::problem_json::PROBLEM_JSON;
use crate::openapi::model::{self, Group, Members};
use crate::status::http_status::HttpStatus;

/// The responses of `E`: one per distinct status, with the problem+json schema (extension
/// members included), the doc comments as description, and one named example per variant.
#[doc(hidden)]
pub fn responses<E: HttpStatus>() -> BTreeMap<String, RefOr<utoipa::openapi::Response>> {
    model::groups::<E>()
        .iter()
        .map(|g| (g.code.map_or_else(|| "default".to_owned(), |code| code.to_string()), RefOr::T(response(g))))
        .collect()
}

/// The response of one status (or the `default` response, statuses decided at run time,
/// without examples since their status is not known).
fn response(group: &Group) -> utoipa::openapi::Response {
    let mut builder = ResponseBuilder::new().description(group.description());
    // Bodies in a custom format: their content-type, the format's schema (any JSON value if it
    // has none, or none that utoipa reads) and its own body for each variant.
    for custom in group.customs() {
        let schema = custom.schema.and_then(|schema| serde_json::from_value::<RefOr<Schema>>(schema).ok());
        let schema = schema.unwrap_or_else(|| {
            let any =
                ObjectBuilder::new().schema_type(SchemaType::AnyValue).description(Some(model::CUSTOM_DESCRIPTION));
            RefOr::T(Schema::Object(any.build()))
        });
        let content = ContentBuilder::new().schema(Some(schema)).examples_from_iter(examples(custom.examples)).build();
        builder = builder.content(custom.content_type, content);
    }
    if !group.problem_variants().is_empty() {
        let content = ContentBuilder::new()
            .schema(Some(schema(&group.members())))
            .examples_from_iter(examples(group.examples()))
            .build();
        builder = builder.content(PROBLEM_JSON, content);
    }
    for name in group.headers() {
        let header = HeaderBuilder::new().schema(Some(ObjectBuilder::new().schema_type(Type::String))).build();
        builder = builder.header(name, header);
    }
    builder.build()
}

fn examples(examples: Vec<model::Example>) -> impl Iterator<Item = (String, utoipa::openapi::example::Example)> {
    examples.into_iter().map(|e| (e.name, ExampleBuilder::new().summary(e.summary).value(Some(e.value)).build()))
}

fn string() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String)
}

/// RFC 9457 §3.1 members, plus the extension members.
fn schema(members: &Members<'_>) -> Schema {
    let mut object = ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some(model::PROBLEM_DESCRIPTION))
        .property("type", string().format(Some(utoipa::openapi::SchemaFormat::Custom("uri-reference".into()))))
        .property("title", string())
        .property("status", ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(100)).maximum(Some(599)))
        .required("type")
        .required("title")
        .required("status");
    if members.detail {
        object = object.property("detail", string());
    }
    if members.instance {
        object = object.property("instance", string());
    }
    for (name, schema) in &members.extensions {
        object = object.property(*name, (schema.utoipa)());
    }
    Schema::Object(object.build())
}
