//! Feature `aide`: the schema probe for extension members (with `utoipa` on too: each
//! generator gets its own schema or the generic one) and `aide::OperationOutput` on its own.
//! The features step of CI builds this with `aide` alone; the document of an axum router is
//! tested in `tests/frameworks/tests/aide.rs`.
#![cfg(feature = "aide")]

use std::borrow::Cow;

use aide::openapi::Operation;
use aide::OperationOutput;
use errstatus::__private::openapi::SchemaFn;
use errstatus::HttpStatus;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_core::{Serialize, Serializer};
use serde_json::{json, Value};

/// Has a schemars schema (and, with `utoipa`, no utoipa one).
struct Cents(u64);

impl Serialize for Cents {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(self.0)
    }
}

impl JsonSchema for Cents {
    fn schema_name() -> Cow<'static, str> {
        "Cents".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        Schema::try_from(json!({"type": "integer", "description": "An amount in cents"})).unwrap()
    }
}

/// Has no schema for any generator: `Serialize` is all an extension member needs.
struct Opaque;

impl Serialize for Opaque {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_unit()
    }
}

const NO_SCHEMARS: &str = "Any JSON value: the type of this member does not implement `schemars::JsonSchema`.";

fn aide_json(f: SchemaFn) -> Value {
    (f.aide)(&mut SchemaGenerator::default()).to_value()
}

macro_rules! probe {
    ($ty:ty) => {{
        // Exactly the expression the derive writes for a member of type `$ty`.
        #[allow(unused_imports)]
        use ::errstatus::__private::openapi::{HasSchema as _, NoSchema as _};
        (&::errstatus::__private::openapi::Probe::<$ty>::new()).schema_fn()
    }};
}

#[test]
#[allow(clippy::needless_borrow)] // the `&` starts the lookup that picks the impl
fn probe_gives_schemars_schema_of_a_type_that_has_one_and_a_generic_one_otherwise() {
    assert_eq!(aide_json(probe!(Cents)), json!({"type": "integer", "description": "An amount in cents"}));
    assert_eq!(aide_json(probe!(u32))["format"], "uint32");
    assert_eq!(aide_json(probe!(Opaque)), json!({ "description": NO_SCHEMARS }));
}

/// With both generators on, each gets the schema the type has for it: both, one, or neither.
#[cfg(feature = "utoipa")]
#[test]
#[allow(clippy::needless_borrow)]
fn with_utoipa_too_each_generator_gets_its_own_schema() {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    use utoipa::openapi::{RefOr, Schema as UtoipaSchema};

    /// Has a utoipa schema and no schemars one.
    struct Label;
    impl Serialize for Label {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str("label")
        }
    }
    impl utoipa::PartialSchema for Label {
        fn schema() -> RefOr<UtoipaSchema> {
            RefOr::T(UtoipaSchema::Object(ObjectBuilder::new().schema_type(Type::String).build()))
        }
    }
    impl utoipa::ToSchema for Label {}

    fn utoipa_json(f: SchemaFn) -> Value {
        serde_json::to_value((f.utoipa)()).unwrap()
    }
    const NO_UTOIPA: &str = "Any JSON value: the type of this member does not implement `utoipa::ToSchema`.";

    // Both.
    assert_eq!(utoipa_json(probe!(u32))["type"], "integer");
    assert_eq!(aide_json(probe!(u32))["format"], "uint32");
    // utoipa's only.
    assert_eq!(utoipa_json(probe!(Label)), json!({"type": "string"}));
    assert_eq!(aide_json(probe!(Label)), json!({ "description": NO_SCHEMARS }));
    // schemars' only.
    assert_eq!(utoipa_json(probe!(Cents)), json!({ "description": NO_UTOIPA }));
    assert_eq!(aide_json(probe!(Cents))["description"], "An amount in cents");
    // Neither.
    assert_eq!(utoipa_json(probe!(Opaque)), json!({ "description": NO_UTOIPA }));
    assert_eq!(aide_json(probe!(Opaque)), json!({ "description": NO_SCHEMARS }));
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[allow(dead_code)] // documented, never sent
enum PaymentError {
    /// The card was declined.
    #[error("card declined")]
    #[status(402, acknowledge)]
    Declined {
        #[problem(extension)]
        amount: Cents,
        #[problem(extension)]
        receipt: Opaque,
    },
    /// Too many attempts.
    #[error("slow down")]
    #[status(429)]
    Limited {
        #[header(RETRY_AFTER)]
        retry_after: u64,
    },
    #[error("gateway status")]
    Gateway {
        #[status]
        status: errstatus::http::StatusCode,
    },
}

impl std::fmt::Debug for Cents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::fmt::Debug for Opaque {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Opaque")
    }
}

/// Opted out: no `OperationOutput` (the test would not compile if it had two).
#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(skip(aide))]
#[error("gone")]
#[status(410)]
struct Gone;

impl OperationOutput for Gone {
    type Inner = Self;
}

#[test]
fn inferred_responses_are_one_per_status_and_the_default() {
    let responses = aide::generate::in_context(|ctx| PaymentError::inferred_responses(ctx, &mut Operation::default()));
    let codes: Vec<Option<u16>> = responses.iter().map(|(code, _)| *code).collect();
    assert_eq!(codes, [None, Some(402), Some(429)]);
    let json: Vec<Value> = responses.iter().map(|(_, r)| serde_json::to_value(r).unwrap()).collect();
    let media = &json[1]["content"]["application/problem+json"];
    let properties = &media["schema"]["properties"];
    assert_eq!(properties["amount"]["description"], "An amount in cents");
    assert_eq!(properties["receipt"], json!({ "description": NO_SCHEMARS }));
    let example = &media["examples"]["PaymentError::Declined"];
    assert_eq!(example["value"]["title"], "Payment Required");
    // The doc comment and the `#[error]` text: the derive reads them only with `utoipa` on so
    // far (macros/src/ast.rs), so with `aide` alone the description is the variant's name and
    // the example has no `detail`.
    if cfg!(feature = "utoipa") {
        assert_eq!(json[1]["description"], "Payment Required\n\n`PaymentError::Declined`: The card was declined.");
        assert_eq!(
            *example,
            json!({
                "summary": "The card was declined.",
                "value": {"type": "about:blank", "title": "Payment Required", "status": 402, "detail": "card declined"},
            })
        );
    }
    assert_eq!(json[2]["headers"]["retry-after"]["schema"], json!({"type": "string"}));
    assert_eq!(json[0]["description"], "A status decided at run time\n\n`PaymentError::Gateway`");
    let gone = aide::generate::in_context(|ctx| Gone::inferred_responses(ctx, &mut Operation::default()));
    assert!(gone.is_empty());
}

/// An `Option<StatusCode>` field's fallback has its own response; the variant is also under
/// `default`, with the variants of the type's `with`.
#[allow(dead_code)] // documented, never built
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(with = relayed_status)]
enum Relay {
    #[error("upstream: {msg}")]
    #[status(400)]
    Upstream {
        msg: String,
        #[status]
        code: Option<errstatus::http::StatusCode>,
    },
    #[error("relayed")]
    Relayed { code: u16 },
}

fn relayed_status(_: &Relay) -> errstatus::http::StatusCode {
    errstatus::http::StatusCode::BAD_GATEWAY
}

#[test]
fn an_option_fallback_has_its_own_response_and_stays_under_default() {
    let responses = aide::generate::in_context(|ctx| Relay::inferred_responses(ctx, &mut Operation::default()));
    let codes: Vec<Option<u16>> = responses.iter().map(|(code, _)| *code).collect();
    assert_eq!(codes, [None, Some(400)]);
    let json: Vec<Value> = responses.iter().map(|(_, r)| serde_json::to_value(r).unwrap()).collect();
    assert_eq!(json[0]["description"], "A status decided at run time\n\n`Relay::Upstream`\n\n`Relay::Relayed`");
    let example = &json[1]["content"]["application/problem+json"]["examples"]["Relay::Upstream"];
    assert_eq!(example["value"]["status"], 400);
    assert_eq!(json[1]["description"].as_str().unwrap().lines().next(), Some("Bad Request"));
}

// ---- the document shows what is sent: transparent variants and skip(aide) ----

#[path = "common/transparent_types.rs"]
mod transparent_types;
use transparent_types::Outer;

#[test]
fn transparent_variants_list_the_outer_fields_and_members_they_send() {
    let responses = aide::generate::in_context(|ctx| Outer::inferred_responses(ctx, &mut Operation::default()));
    let codes: Vec<Option<u16>> = responses.iter().map(|(code, _)| *code).collect();
    assert_eq!(codes, [Some(404), Some(429)]);
    for (code, response) in &responses {
        let json = serde_json::to_value(response).unwrap();
        let headers = json["headers"].as_object().expect("header fields");
        assert!(headers.contains_key("cache-control"), "{code:?}: {json}");
        assert!(headers.contains_key("x-request-id"), "{code:?}: {json}");
        let properties = &json["content"]["application/problem+json"]["schema"]["properties"];
        assert!(properties.get("tenant").is_some(), "{code:?}: {json}");
    }
}

// ---- custom formats: their schema and their own bodies as examples ----

#[path = "common/custom_formats.rs"]
mod custom_formats;
use custom_formats::{legacy_schema, LegacyError};

#[test]
fn a_custom_format_is_documented_with_its_schema_and_its_own_bodies() {
    let responses = aide::generate::in_context(|ctx| LegacyError::inferred_responses(ctx, &mut Operation::default()));
    let codes: Vec<Option<u16>> = responses.iter().map(|(code, _)| *code).collect();
    assert_eq!(codes, [Some(404), Some(503)]);
    let json: Vec<Value> = responses.iter().map(|(_, r)| serde_json::to_value(r).unwrap()).collect();
    let legacy = &json[0]["content"]["application/json"];
    assert_eq!(legacy["schema"], legacy_schema(), "{}", json[0]);
    assert_eq!(
        legacy["examples"],
        json!({"LegacyError::NoUser": {
            "summary": "No such user.",
            "value": {"error": "no user <u64>", "code": 404, "kind": "NoUser"},
        }})
    );
    let hidden = &json[1]["content"]["application/json"]["examples"]["LegacyError::Db"]["value"];
    assert_eq!(*hidden, json!({"error": "Service Unavailable", "code": 503, "kind": "Db"}));
    let plain = &json[0]["content"]["text/plain; charset=utf-8"];
    assert_eq!(plain["schema"], json!({"description": "The body in this API's own error format"}));
    assert_eq!(plain["examples"]["PlainError::NoOrder"]["value"], "no such order <id>");
    assert!(json[0]["content"].get("application/problem+json").is_none());
}
