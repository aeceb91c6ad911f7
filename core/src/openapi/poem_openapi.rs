//! poem-openapi (feature `poem-openapi`): `poem_openapi::ApiResponse` for derived types, so an
//! operation of a `#[OpenApi]` service returns `Result<Json<T>, YourError>` and documents every
//! error response of `YourError`. The responses are the ones the `utoipa` and `aide` features
//! document, from the same collection (model.rs): one per status, the problem+json schema (or
//! the custom format's content-type and schema), the doc comments as description, the
//! `#[header]` fields, and the statuses decided at run time as the `default` response. The
//! response itself is the `poem` feature's (`poem::error::ResponseError`).
//!
//! What poem-openapi's model cannot hold is left out: its media types have no named examples,
//! so the schema of each body has the first variant's example as its `example`; and the
//! schemas of extension member types (its `Type` trait is not probed: a member is any JSON
//! value). Its model takes `&'static str` where the document's text is built at
//! run time (descriptions, the names in a format's schema): those strings are interned, each
//! distinct text leaked once.

use std::collections::BTreeSet;
use std::sync::{Mutex, PoisonError};

use poem_openapi::registry::{MetaHeader, MetaMediaType, MetaResponse, MetaResponses, MetaSchema, MetaSchemaRef};
use serde_json::{Map, Value};

use crate::body::problem_json::PROBLEM_JSON;
use crate::openapi::model::{self, Group, Members};
use crate::status::http_status::HttpStatus;

/// The description of an extension member's schema.
const MEMBER_DESCRIPTION: &str = "An extension member: any JSON value";

/// `ApiResponse::meta`: one response per status, the `default` response first (if any).
#[doc(hidden)]
pub fn meta<E: HttpStatus>() -> MetaResponses {
    MetaResponses { responses: model::groups::<E>().iter().map(response).collect() }
}

/// The response of one status (or the `default` response).
fn response(group: &Group) -> MetaResponse {
    let mut content = Vec::new();
    for custom in group.customs() {
        let schema = match &custom.schema {
            Some(schema) => meta_schema(schema),
            None => MetaSchema { description: Some(model::CUSTOM_DESCRIPTION), ..MetaSchema::ANY },
        };
        let schema = MetaSchema { example: first(custom.examples), ..schema };
        content.push(MetaMediaType { content_type: custom.content_type, schema: inline(schema) });
    }
    if !group.problem_variants().is_empty() {
        let schema = MetaSchema { example: first(group.examples()), ..problem_schema(&group.members()) };
        content.push(MetaMediaType { content_type: PROBLEM_JSON, schema: inline(schema) });
    }
    let headers = group
        .headers()
        .into_iter()
        .map(|name| MetaHeader {
            name: name.to_owned(),
            description: None,
            required: false,
            deprecated: false,
            schema: inline(MetaSchema::new("string")),
        })
        .collect();
    MetaResponse { description: intern(&group.description()), status: group.code, status_range: None, content, headers }
}

/// The value of the first example, for a schema's `example`.
fn first(examples: Vec<model::Example>) -> Option<Value> {
    examples.into_iter().next().map(|e| e.value)
}

fn inline(schema: MetaSchema) -> MetaSchemaRef {
    MetaSchemaRef::Inline(Box::new(schema))
}

/// RFC 9457 §3.1 members, plus the extension members: the schema the `utoipa` and `aide`
/// features write, the members' types aside.
fn problem_schema(members: &Members<'_>) -> MetaSchema {
    let string = || inline(MetaSchema::new("string"));
    let mut properties = vec![
        ("type", inline(MetaSchema::new_with_format("string", "uri-reference"))),
        ("title", string()),
        ("status", inline(MetaSchema { minimum: Some(100.0), maximum: Some(599.0), ..MetaSchema::new("integer") })),
    ];
    if members.detail {
        properties.push(("detail", string()));
    }
    if members.instance {
        properties.push(("instance", string()));
    }
    for (name, _) in &members.extensions {
        properties.push((name, inline(MetaSchema { description: Some(MEMBER_DESCRIPTION), ..MetaSchema::ANY })));
    }
    MetaSchema {
        description: Some(model::PROBLEM_DESCRIPTION),
        required: vec!["type", "title", "status"],
        properties,
        ..MetaSchema::new("object")
    }
}

/// A format's JSON Schema (`Format::schema`) in poem-openapi's model: the keywords it has
/// (OpenAPI 3.0's subset of JSON Schema), the others left out. `type: [T, "null"]` is `type: T`,
/// `nullable`; `const` is a one-value `enum`.
fn schema_ref(schema: &Value) -> MetaSchemaRef {
    inline(meta_schema(schema))
}

fn meta_schema(schema: &Value) -> MetaSchema {
    let Value::Object(m) = schema else { return MetaSchema::ANY };
    let text = |key: &str| m.get(key).and_then(Value::as_str);
    let number = |key: &str| m.get(key).and_then(Value::as_f64);
    let count = |key: &str| m.get(key).and_then(Value::as_u64).and_then(|n| usize::try_from(n).ok());
    let flag = |key: &str| m.get(key).and_then(Value::as_bool);
    let list = |key: &str| m.get(key).and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    let schemas = |key: &str| list(key).iter().map(schema_ref).collect();
    let (ty, nullable) = match m.get("type") {
        Some(Value::String(ty)) => (intern(ty), false),
        Some(Value::Array(types)) => {
            let ty = types.iter().filter_map(Value::as_str).find(|t| *t != "null");
            (ty.map_or("", intern), types.iter().any(|t| t == "null"))
        }
        _ => ("", false),
    };
    let mut enum_items = list("enum").to_vec();
    enum_items.extend(m.get("const").cloned());
    let properties = m.get("properties").and_then(Value::as_object).map_or_else(Vec::new, |p: &Map<String, Value>| {
        p.iter().map(|(name, schema)| (intern(name), schema_ref(schema))).collect()
    });
    MetaSchema {
        ty,
        format: text("format").map(intern),
        title: text("title").map(str::to_owned),
        description: text("description").map(intern),
        default: m.get("default").cloned(),
        required: list("required").iter().filter_map(Value::as_str).map(intern).collect(),
        properties,
        items: m.get("items").map(|items| Box::new(schema_ref(items))),
        additional_properties: m.get("additionalProperties").filter(|a| a.is_object()).map(|a| Box::new(schema_ref(a))),
        enum_items,
        deprecated: flag("deprecated").unwrap_or(false),
        nullable: nullable || flag("nullable").unwrap_or(false),
        any_of: schemas("anyOf"),
        one_of: schemas("oneOf"),
        all_of: schemas("allOf"),
        read_only: flag("readOnly").unwrap_or(false),
        write_only: flag("writeOnly").unwrap_or(false),
        example: m.get("example").cloned(),
        multiple_of: number("multipleOf"),
        maximum: number("maximum"),
        minimum: number("minimum"),
        max_length: count("maxLength"),
        min_length: count("minLength"),
        pattern: text("pattern").map(str::to_owned),
        max_items: count("maxItems"),
        min_items: count("minItems"),
        unique_items: flag("uniqueItems"),
        max_properties: count("maxProperties"),
        min_properties: count("minProperties"),
        ..MetaSchema::ANY
    }
}

/// `s` as a `&'static str`: each distinct text is leaked once, so building the document again
/// (each operation that returns the type does) takes no more memory.
fn intern(s: &str) -> &'static str {
    static STRINGS: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut strings = STRINGS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(&interned) = strings.get(s) {
        return interned;
    }
    let leaked: &'static str = Box::leak(s.to_owned().into_boxed_str());
    strings.insert(leaked);
    leaked
}
