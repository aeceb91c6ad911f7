//! aide (feature `aide`): `aide::OperationOutput` for derived types, so a handler that returns
//! `Result<T, YourError>` through aide's `ApiRouter` documents every error response of
//! `YourError`. The responses are the ones the `utoipa` feature documents, from the same
//! collection (model.rs): one per status, the problem+json schema with the extension members
//! (schemars' schema of a member type that implements `schemars::JsonSchema`, any JSON value
//! otherwise), the doc comments as description, one named example per variant, the `#[header]`
//! fields, and the statuses decided at run time as the `default` response.

use ::aide::generate::GenContext;
use ::aide::openapi::{
    Example, Header, HeaderStyle, MediaType, ParameterSchemaOrContent, ReferenceOr, Response, SchemaObject,
};
use schemars::Schema;
use serde_json::{json, Map, Value};

use crate::body::problem_json::PROBLEM_JSON;
use crate::openapi::model::{self, Group, Members};
use crate::status::http_status::HttpStatus;

/// `OperationOutput::inferred_responses`: `(Some(status), response)` per status, `(None,
/// response)` for the `default` response.
#[doc(hidden)]
pub fn responses<E: HttpStatus>(ctx: &mut GenContext) -> Vec<(Option<u16>, Response)> {
    model::groups::<E>().iter().map(|g| (g.code, response(ctx, g))).collect()
}

/// The members of a JSON object literal.
fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

fn schema_object(schema: Map<String, Value>) -> SchemaObject {
    SchemaObject { json_schema: Schema::from(schema), external_docs: None, example: None }
}

/// Named examples, as aide writes them.
fn examples<C: FromIterator<(String, ReferenceOr<Example>)>>(examples: Vec<model::Example>) -> C {
    examples
        .into_iter()
        .map(|e| {
            let summary = Some(e.summary.to_owned());
            (e.name, ReferenceOr::Item(Example { summary, value: Some(e.value), ..Example::default() }))
        })
        .collect()
}

/// The response of one status (or the `default` response).
fn response(ctx: &mut GenContext, group: &Group) -> Response {
    let mut response = Response { description: group.description(), ..Response::default() };
    // Bodies in a custom format: their content-type, the format's schema (any JSON value if it
    // has none) and its own body for each variant.
    for custom in group.customs() {
        let schema = custom.schema.map_or_else(|| object(json!({ "description": model::CUSTOM_DESCRIPTION })), object);
        let media = MediaType {
            schema: Some(schema_object(schema)),
            examples: examples(custom.examples),
            ..MediaType::default()
        };
        response.content.insert(custom.content_type.to_owned(), media);
    }
    if !group.problem_variants().is_empty() {
        let schema = schema_object(problem_schema(ctx, &group.members()));
        let media = MediaType { schema: Some(schema), examples: examples(group.examples()), ..MediaType::default() };
        response.content.insert(PROBLEM_JSON.to_owned(), media);
    }
    for name in group.headers() {
        let header = Header {
            description: None,
            style: HeaderStyle::Simple,
            required: false,
            deprecated: None,
            format: ParameterSchemaOrContent::Schema(schema_object(object(json!({ "type": "string" })))),
            example: None,
            examples: Default::default(),
            extensions: Default::default(),
        };
        response.headers.insert(name.to_owned(), ReferenceOr::Item(header));
    }
    response
}

/// RFC 9457 §3.1 members, plus the extension members: the schema the `utoipa` feature writes.
fn problem_schema(ctx: &mut GenContext, members: &Members<'_>) -> Map<String, Value> {
    let string = || json!({ "type": "string" });
    let mut properties = Map::new();
    properties.insert("type".into(), json!({ "type": "string", "format": "uri-reference" }));
    properties.insert("title".into(), string());
    properties.insert("status".into(), json!({ "type": "integer", "minimum": 100, "maximum": 599 }));
    if members.detail {
        properties.insert("detail".into(), string());
    }
    if members.instance {
        properties.insert("instance".into(), string());
    }
    for (name, schema) in &members.extensions {
        properties.insert((*name).into(), (schema.aide)(&mut ctx.schema).to_value());
    }
    object(json!({
        "type": "object",
        "description": model::PROBLEM_DESCRIPTION,
        "required": ["type", "title", "status"],
        "properties": properties,
    }))
}
