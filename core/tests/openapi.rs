//! Feature `utoipa`: transparent fields behind pointers are documented, recursion and repeats
//! end, named examples never collide, and extension members without a schema get a generic one.
#![cfg(feature = "utoipa")]

use std::sync::Arc;

use errstatus::__private::openapi::{responses, Docs, SchemaFn, Variant};
use errstatus::http::StatusCode;
use errstatus::HttpStatus;
use serde_json::{json, Map, Value};
use utoipa::OpenApi;

/// The responses of an operation whose errors are `E`, as JSON.
fn responses_json<E: HttpStatus>() -> Value {
    serde_json::to_value(responses::<E>()).unwrap()
}

fn codes(responses: &Value) -> Vec<&str> {
    responses.as_object().unwrap().keys().map(String::as_str).collect()
}

fn examples(response: &Value) -> &Map<String, Value> {
    response["content"]["application/problem+json"]["examples"].as_object().expect("named examples")
}

// ---- transparent fields behind `Box`, `&'static` and `Arc` ----

#[path = "common/pointer_types.rs"]
mod pointer_types;
use pointer_types::{Borrowed, Boxed, Shared};

#[test]
fn responses_include_the_inner_types_behind_pointers() {
    for doc in [responses_json::<Boxed>(), responses_json::<Borrowed>(), responses_json::<Shared>()] {
        assert_eq!(codes(&doc), ["404", "409", "429"], "{doc}");
        assert!(doc["404"]["description"].as_str().unwrap().contains("The order does not exist."), "{doc}");
        assert_eq!(doc["429"]["headers"]["retry-after"]["schema"]["type"], "string");
        let example = examples(&doc["404"]).values().next().unwrap();
        assert_eq!(
            example["value"],
            json!({"type": "about:blank", "title": "Not Found", "status": 404, "detail": "no such order"})
        );
    }
}

// ---- recursion and repeats, with `__openapi` written as the derive writes it ----

fn variant(status: StatusCode, name: &'static str) -> Variant {
    Variant {
        status,
        runtime: false,
        format: None,
        name,
        code: "",
        doc: "",
        detail: Some(name),
        expose: true,
        type_: None,
        title: None,
        instance: false,
        extensions: Vec::new(),
        headers: Vec::new(),
    }
}

macro_rules! hand_written {
    ($ty:ident, $status:expr, |$d:ident| $body:block) => {
        impl HttpStatus for $ty {
            fn status(&self) -> StatusCode {
                $status
            }
            fn __openapi($d: &mut Docs) $body
        }
    };
}

/// `Tree { Leaf (404), Nested(Box<Tree>), Again(&'static Tree) }`.
struct Tree;
hand_written!(Tree, StatusCode::NOT_FOUND, |d| {
    d.variant(variant(StatusCode::NOT_FOUND, "Tree::Leaf"));
    d.transparent::<Box<Tree>>();
    d.transparent::<&'static Tree>();
});

/// `Ping { Lost (410), Pong(Box<Pong>) }`, `Pong { Late (408), Ping(Arc<Ping>) }`.
struct Ping;
struct Pong;
hand_written!(Ping, StatusCode::GONE, |d| {
    d.variant(variant(StatusCode::GONE, "Ping::Lost"));
    d.transparent::<Box<Pong>>();
});
hand_written!(Pong, StatusCode::REQUEST_TIMEOUT, |d| {
    d.variant(variant(StatusCode::REQUEST_TIMEOUT, "Pong::Late"));
    d.transparent::<Arc<Ping>>();
});

/// `Diamond { Left(Ping), Right(Box<Ping>) }`: `Ping` reached twice.
struct Diamond;
hand_written!(Diamond, StatusCode::GONE, |d| {
    d.transparent::<Ping>();
    d.transparent::<Box<Ping>>();
});

#[test]
fn a_recursive_type_is_listed_once() {
    let doc = responses_json::<Tree>();
    assert_eq!(codes(&doc), ["404"]);
    assert_eq!(examples(&doc["404"]).keys().collect::<Vec<_>>(), ["Tree::Leaf"]);
}

#[test]
fn mutual_recursion_ends_and_lists_both_types_once() {
    for doc in [responses_json::<Ping>(), responses_json::<Pong>(), responses_json::<Box<Pong>>()] {
        assert_eq!(codes(&doc), ["408", "410"], "{doc}");
        assert_eq!(examples(&doc["408"]).keys().collect::<Vec<_>>(), ["Pong::Late"]);
        assert_eq!(examples(&doc["410"]).keys().collect::<Vec<_>>(), ["Ping::Lost"]);
    }
}

#[test]
fn a_type_reached_twice_is_listed_once() {
    let doc = responses_json::<Diamond>();
    assert_eq!(examples(&doc["410"]).keys().collect::<Vec<_>>(), ["Ping::Lost"]);
    assert_eq!(doc["410"]["description"], "Gone\n\n`Ping::Lost`");
}

// ---- named examples: two types of the same name ----

mod orders {
    #[derive(Debug, thiserror::Error, errstatus::HttpStatus)]
    pub enum Error {
        /// No such order.
        #[error("order not found")]
        #[status(404)]
        NotFound,
    }
}

mod users {
    #[derive(Debug, thiserror::Error, errstatus::HttpStatus)]
    pub enum Error {
        /// No such user.
        #[error("user not found")]
        #[status(404)]
        NotFound,
    }
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum Api {
    #[error(transparent)]
    #[status(transparent)]
    Orders(orders::Error),
    #[error(transparent)]
    #[status(transparent)]
    Users(users::Error),
}

/// Look an order up.
#[utoipa::path(get, path = "/orders/{id}", responses((status = 200, description = "The order"), Api))]
#[allow(dead_code)]
fn get_order() {}

#[derive(utoipa::OpenApi)]
#[openapi(paths(get_order))]
struct ApiDoc;

#[test]
fn examples_of_same_named_variants_of_same_named_types_are_both_kept() {
    let doc: Value = serde_json::from_str(&ApiDoc::openapi().to_json().unwrap()).unwrap();
    let r404 = &doc["paths"]["/orders/{id}"]["get"]["responses"]["404"];
    let examples = examples(r404);
    // The derive names the examples (`Error::NotFound` for both); the second gets ` (2)`.
    assert_eq!(examples.len(), 2, "{r404}");
    let first = examples.keys().find(|k| !k.ends_with(" (2)")).unwrap();
    assert!(first.ends_with("NotFound"), "{first}");
    let second = format!("{first} (2)");
    assert_eq!(examples[first]["value"]["detail"], "order not found", "listed first");
    assert_eq!(examples[&second]["value"]["detail"], "user not found");
    let description = r404["description"].as_str().unwrap();
    assert!(description.contains("No such order.") && description.contains("No such user."), "{description}");
}

#[test]
fn example_names_count_up_past_names_already_taken() {
    struct Crowded;
    hand_written!(Crowded, StatusCode::CONFLICT, |d| {
        for name in ["Conflict", "Conflict (2)", "Conflict", "Conflict", "Other"] {
            d.variant(variant(StatusCode::CONFLICT, name));
        }
    });
    let doc = responses_json::<Crowded>();
    let examples = examples(&doc["409"]);
    let mut names: Vec<(&str, &str)> =
        examples.iter().map(|(k, v)| (k.as_str(), v["value"]["detail"].as_str().unwrap())).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            ("Conflict", "Conflict"),
            ("Conflict (2)", "Conflict (2)"),
            ("Conflict (3)", "Conflict"),
            ("Conflict (4)", "Conflict"),
            ("Other", "Other"),
        ]
    );
}

// ---- the schema of an extension member: `Probe` ----

/// A member type with a schema.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
struct Money {
    amount: u64,
    currency: String,
}

/// A member type without one (`serde::Serialize` is all an extension member needs).
#[allow(dead_code)]
struct Opaque(u8);

/// utoipa's schema of a probed type.
fn schema_json(f: SchemaFn) -> Value {
    serde_json::to_value((f.utoipa)()).unwrap()
}

#[test]
#[allow(clippy::needless_borrow)] // the `&` picks `HasSchema` or `NoSchema`, as in the expansion
fn probe_gives_the_schema_of_a_type_that_has_one_and_a_generic_one_otherwise() {
    // Exactly the expression the derive writes for a member of type `FieldTy`.
    let money: SchemaFn = {
        #[allow(unused_imports)]
        use ::errstatus::__private::openapi::{HasSchema as _, NoSchema as _};
        (&::errstatus::__private::openapi::Probe::<Money>::new()).schema_fn()
    };
    let int: SchemaFn = {
        #[allow(unused_imports)]
        use ::errstatus::__private::openapi::{HasSchema as _, NoSchema as _};
        (&::errstatus::__private::openapi::Probe::<u64>::new()).schema_fn()
    };
    let opaque: SchemaFn = {
        #[allow(unused_imports)]
        use ::errstatus::__private::openapi::{HasSchema as _, NoSchema as _};
        (&::errstatus::__private::openapi::Probe::<Opaque>::new()).schema_fn()
    };

    assert_eq!(schema_json(money), serde_json::to_value(<Money as utoipa::PartialSchema>::schema()).unwrap());
    assert_eq!(schema_json(money)["properties"]["currency"]["type"], "string");
    assert_eq!(schema_json(int), serde_json::to_value(<u64 as utoipa::PartialSchema>::schema()).unwrap());
    assert_eq!(schema_json(int)["type"], "integer");
    assert_eq!(
        schema_json(opaque),
        json!({"description": "Any JSON value: the type of this member does not implement `utoipa::ToSchema`."})
    );
}

// ---- statuses decided at run time ----

#[test]
fn variants_with_a_run_time_status_are_the_default_response() {
    struct Upstream;
    hand_written!(Upstream, StatusCode::BAD_GATEWAY, |d| {
        d.variant(variant(StatusCode::NOT_FOUND, "Upstream::Missing"));
        d.variant(Variant {
            runtime: true,
            format: None,
            doc: "The upstream's own status.",
            ..variant(StatusCode::OK, "Upstream::Relayed")
        });
    });
    let doc = responses_json::<Upstream>();
    assert_eq!(codes(&doc), ["404", "default"]);
    assert_eq!(
        doc["default"]["description"],
        "A status decided at run time\n\n`Upstream::Relayed`: The upstream's own status."
    );
    let content = &doc["default"]["content"]["application/problem+json"];
    assert_eq!(content["schema"]["properties"]["detail"]["type"], "string");
    assert!(content.get("examples").is_none(), "no example without a known status: {content}");
    assert_eq!(examples(&doc["404"]).keys().collect::<Vec<_>>(), ["Upstream::Missing"]);
}

/// An `Option<StatusCode>` field's fallback is a status `statuses()` lists: it has its own
/// response, and the variant is also under `default`. A type-level `with` decides at run time
/// only: `default`.
#[allow(dead_code)] // documented, never built
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(with = relayed_status)]
enum Relay {
    /// The upstream's status, or 400.
    #[error("upstream: {msg}")]
    #[status(400)]
    Upstream {
        msg: String,
        #[status]
        code: Option<StatusCode>,
    },
    /// Decided by `relayed_status`.
    #[error("relayed")]
    Relayed { code: u16 },
    #[error("gone")]
    #[status(410)]
    Gone,
}

fn relayed_status(_: &Relay) -> StatusCode {
    StatusCode::BAD_GATEWAY
}

#[test]
fn an_option_fallback_has_its_own_response_and_the_variant_stays_under_default() {
    let doc = responses_json::<Relay>();
    assert_eq!(codes(&doc), ["400", "410", "default"], "{doc}");
    assert_eq!(Relay::statuses(), [StatusCode::BAD_REQUEST, StatusCode::GONE]);
    assert_eq!(doc["400"]["description"], "Bad Request\n\n`Relay::Upstream`: The upstream's status, or 400.");
    assert_eq!(
        examples(&doc["400"])["Relay::Upstream"]["value"],
        json!({"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "upstream: <msg>"})
    );
    assert_eq!(
        doc["default"]["description"],
        "A status decided at run time\n\n`Relay::Upstream`: The upstream's status, or 400.\n\n`Relay::Relayed`: Decided by `relayed_status`."
    );
}

// ---- the document shows what is sent: transparent variants and skip(utoipa) ----

#[path = "common/transparent_types.rs"]
mod transparent_types;
use transparent_types::{Outer, Skipped};

#[test]
fn transparent_variants_list_the_outer_fields_and_members_they_send() {
    assert_eq!(Outer::statuses(), Skipped::statuses());
    let doc = responses_json::<Outer>();
    assert_eq!(codes(&doc), ["404", "429"], "{doc}");
    for code in ["404", "429"] {
        let headers = doc[code]["headers"].as_object().expect("header fields");
        assert!(headers.contains_key("cache-control"), "{code}: {doc}");
        assert!(headers.contains_key("x-request-id"), "{code}: {doc}");
        let properties = &doc[code]["content"]["application/problem+json"]["schema"]["properties"];
        assert_eq!(properties["tenant"]["type"], "string", "{code}: {doc}");
    }
    assert!(doc["429"]["headers"].as_object().unwrap().contains_key("retry-after"));
    // The sibling's member replaces the inner error's of its name, its schema included.
    let properties = &doc["429"]["content"]["application/problem+json"]["schema"]["properties"];
    assert_eq!(properties["bucket"]["type"], "integer", "{doc}");
}

// ---- custom formats: their schema and their own bodies as examples ----

#[path = "common/custom_formats.rs"]
mod custom_formats;
use custom_formats::{legacy_schema, LegacyError};

#[test]
fn a_custom_format_is_documented_with_its_schema_and_its_own_bodies() {
    let doc = responses_json::<LegacyError>();
    assert_eq!(codes(&doc), ["404", "503"], "{doc}");
    let legacy = &doc["404"]["content"]["application/json"];
    assert_eq!(legacy["schema"], legacy_schema(), "{doc}");
    assert_eq!(
        legacy["examples"],
        json!({"LegacyError::NoUser": {
            "summary": "No such user.",
            "value": {"error": "no user <u64>", "code": 404, "kind": "NoUser"},
        }})
    );
    // A hidden detail stays hidden in the example too.
    let hidden = &doc["503"]["content"]["application/json"]["examples"]["LegacyError::Db"]["value"];
    assert_eq!(*hidden, json!({"error": "Service Unavailable", "code": 503, "kind": "Db"}));
    // A format without a schema, through a transparent variant: any value, the text as a string.
    let plain = &doc["404"]["content"]["text/plain; charset=utf-8"];
    assert_eq!(plain["schema"], json!({"description": "The body in this API's own error format"}), "{doc}");
    assert_eq!(plain["examples"]["PlainError::NoOrder"]["value"], "no such order <id>");
    assert!(doc["404"]["content"].get("application/problem+json").is_none(), "{doc}");
}
