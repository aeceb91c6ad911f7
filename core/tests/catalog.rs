//! `errstatus::catalog`: the entries of derived types with every kind of attribute (run-time
//! statuses, transparent variants through generic, recursive and mutually recursive types,
//! siblings of a field-level transparent, custom formats, hidden 5xx), their JSON and Markdown,
//! and the HTML pages, every text escaped. The types are listed, never built.
#![allow(dead_code)]

use errstatus::catalog::{Catalog, Entry};
use errstatus::http::StatusCode;
use errstatus::{catalog, Details, Format, HttpStatus};
use serde_json::{json, Value};

fn codes(catalog: &Catalog) -> Vec<&str> {
    catalog.entries().iter().map(Entry::code).collect()
}

fn entry<'c>(catalog: &'c Catalog, code: &str) -> &'c Entry {
    catalog.entries().iter().find(|e| e.code() == code).unwrap_or_else(|| panic!("no entry {code}"))
}

fn statuses(e: &Entry) -> Vec<u16> {
    e.statuses().iter().map(StatusCode::as_u16).collect()
}

fn member_types(e: &Entry) -> Vec<(&str, Option<&str>)> {
    e.members().iter().map(|m| (m.name(), m.schema_type())).collect()
}

fn by_status(e: &Inner) -> StatusCode {
    match e {
        Inner::Missing => StatusCode::NOT_FOUND,
        _ => StatusCode::BAD_GATEWAY,
    }
}

fn retry(_: &u64) -> Option<errstatus::http::HeaderValue> {
    None
}

fn as_value(n: &u32) -> Value {
    json!(n)
}

/// Every attribute that shapes an entry of its own.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[problem(type = "https://errors.example.com/")]
#[header(CACHE_CONTROL = "no-store")]
#[status(500)]
enum Own {
    /// Not found.
    ///
    #[doc = "Second paragraph with \"quotes\", a \\ backslash and a tab:\t."]
    #[error("missing {0}")]
    #[status(404)]
    Missing(u64),

    #[error("limited")]
    #[status(429)]
    #[problem(code = "SLOW_DOWN", title = "Slow down", type = "https://errors.example.com/limits")]
    RateLimited {
        #[header(RETRY_AFTER)]
        secs: u64,
        #[header("x-limit", with = retry)]
        limit: u64,
        #[header("x-bucket")]
        bucket: Option<String>,
        #[problem(extension)]
        count: u32,
        #[problem(extension = "ratio")]
        ratio: f64,
        #[problem(extension)]
        tags: Vec<String>,
        #[problem(extension)]
        map: std::collections::BTreeMap<String, u8>,
        #[problem(extension)]
        flag: Option<bool>,
        #[problem(extension)]
        name: &'static str,
        #[problem(extension)]
        cow: std::borrow::Cow<'static, str>,
        #[problem(extension)]
        boxed: Box<i64>,
        #[problem(extension)]
        any: Value,
        #[problem(extension, display)]
        shown: std::net::Ipv4Addr,
        #[problem(extension, with = as_value)]
        with: u32,
        #[problem(instance)]
        at: String,
    },

    /// Hidden: members and detail stay on the server.
    #[error("db down")]
    Database {
        #[problem(extension)]
        host: String,
    },

    #[error("maintenance")]
    #[status(503, expose)]
    Maintenance {
        #[problem(extension)]
        until: String,
    },

    #[error("secret")]
    #[status(403, expose = false)]
    Secret {
        #[problem(extension)]
        who: String,
    },

    #[error("upstream")]
    Upstream {
        #[status]
        status: StatusCode,
    },

    #[error("maybe")]
    Maybe {
        #[status]
        status: Option<StatusCode>,
    },

    #[error("by value")]
    #[status(with = by_status)]
    ByValue(Inner),

    #[error("raw")]
    #[status(409)]
    r#Type,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(with = by_status)]
enum Inner {
    #[error("missing")]
    Missing,
    #[error("other")]
    Other,
    #[error("gone")]
    #[status(410)]
    Gone,
}

#[test]
fn own_variants_give_their_facts() {
    let c = catalog::<Own>();
    assert_eq!(
        codes(&c),
        ["MISSING", "SLOW_DOWN", "DATABASE", "MAINTENANCE", "SECRET", "UPSTREAM", "MAYBE", "BY_VALUE", "TYPE"]
    );

    let missing = entry(&c, "MISSING");
    assert_eq!(missing.type_uri(), Some("https://errors.example.com/missing"));
    assert_eq!(statuses(missing), [404]);
    assert_eq!(missing.title(), Some("Not Found"));
    assert_eq!(missing.description(), "Not found.\n\nSecond paragraph with \"quotes\", a \\ backslash and a tab:\t.");
    assert_eq!(missing.headers(), ["cache-control"]);
    assert!(missing.detail_shown());
    assert_eq!(missing.variant(), "Own::Missing");

    let limited = entry(&c, "SLOW_DOWN");
    assert_eq!(limited.type_uri(), Some("https://errors.example.com/limits"));
    assert_eq!(limited.title(), Some("Slow down"));
    assert_eq!(limited.headers(), ["retry-after", "x-limit", "x-bucket", "cache-control"]);
    assert_eq!(
        member_types(limited),
        [
            ("count", Some("integer")),
            ("ratio", Some("number")),
            ("tags", Some("array")),
            ("map", Some("object")),
            ("flag", Some("boolean")),
            ("name", Some("string")),
            ("cow", Some("string")),
            ("boxed", Some("integer")),
            ("any", None),
            ("shown", Some("string")),
            ("with", None),
        ]
    );
    assert_eq!(limited.description(), "");
}

#[test]
fn hiding_and_run_time_statuses() {
    let c = catalog::<Own>();
    // A hidden 5xx: no detail, no members.
    let db = entry(&c, "DATABASE");
    assert_eq!((statuses(db), db.detail_shown(), db.members().len()), (vec![500], false, 0));
    assert_eq!(db.title(), Some("Internal Server Error"));
    // `expose` on a 5xx, `expose = false` on a 4xx.
    let maintenance = entry(&c, "MAINTENANCE");
    assert_eq!((maintenance.detail_shown(), maintenance.members().len()), (true, 1));
    let secret = entry(&c, "SECRET");
    assert_eq!((statuses(secret), secret.detail_shown(), secret.members().len()), (vec![403], false, 0));
    // A status field: nothing known at compile time.
    let upstream = entry(&c, "UPSTREAM");
    assert_eq!((statuses(upstream), upstream.title()), (vec![], None));
    assert!(upstream.detail_shown());
    // An `Option<StatusCode>` field falls back to the type's 500.
    let maybe = entry(&c, "MAYBE");
    assert_eq!(
        (statuses(maybe), maybe.title(), maybe.detail_shown()),
        (vec![500], Some("Internal Server Error"), false)
    );
    // `with = path` on a variant.
    assert!(entry(&c, "BY_VALUE").statuses().is_empty());
    // A raw identifier, in kebab case for the URI.
    let raw = entry(&c, "TYPE");
    assert_eq!((raw.variant(), raw.type_uri()), ("Own::Type", Some("https://errors.example.com/type")));

    // `with = path` on the type: the variants without their own status are run-time ones.
    let inner = catalog::<Inner>();
    let run_time: Vec<Vec<u16>> = inner.entries().iter().map(statuses).collect();
    assert_eq!(run_time, [vec![], vec![], vec![410]]);
}

#[test]
fn json_has_exactly_the_members_of_the_contract() {
    let value = serde_json::to_value(catalog::<Own>()).unwrap();
    let entries = value.as_array().unwrap();
    for e in entries {
        let keys: Vec<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        assert_eq!(
            sorted,
            ["code", "description", "detail_shown", "headers", "members", "statuses", "title", "type", "variant"]
        );
    }
    assert_eq!(entries[1]["members"][0], json!({ "name": "count", "schema": { "type": "integer" } }));
    assert_eq!(entries[1]["members"][8], json!({ "name": "any", "schema": {} }));
    assert_eq!(entries[5]["title"], Value::Null);
    assert_eq!(entries[5]["statuses"], json!([]));
    // Members in the order of the contract, whatever serde_json's map.
    let text = serde_json::to_string(&catalog::<Inner>().entries()[2]).unwrap();
    assert_eq!(
        text,
        r#"{"type":"about:blank","code":"GONE","statuses":[410],"title":"Gone","description":"","members":[],"headers":[],"detail_shown":true,"variant":"Inner::Gone"}"#
    );
}

/// `Wrap<T> { BadRequest, Inner(T) }`: a generic transparent variant.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum Wrap<T: std::error::Error + HttpStatus> {
    #[error("bad request")]
    #[status(400)]
    BadRequest,
    #[error(transparent)]
    #[status(transparent)]
    Inner(T),
}

/// `Tree { Leaf, Nested(Box<Tree>), Again(Box<Tree>) }`.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum Tree {
    /// A leaf.
    #[error("leaf")]
    #[status(404)]
    Leaf,
    #[error(transparent)]
    #[status(transparent)]
    Nested(Box<Tree>),
    #[error(transparent)]
    #[status(transparent)]
    Again(Box<Tree>),
}

/// `A { Gone, B(Box<B>) }` and `B { Failed, A(Box<A>) }`.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum A {
    #[error("gone")]
    #[status(410)]
    Gone,
    #[error(transparent)]
    #[status(transparent)]
    B(Box<B>),
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum B {
    #[error("failed")]
    #[status(412)]
    Failed,
    #[error(transparent)]
    #[status(transparent)]
    A(Box<A>),
}

#[test]
fn transparent_types_give_their_entries_once() {
    assert_eq!(codes(&catalog::<Wrap<A>>()), ["BAD_REQUEST", "GONE", "FAILED"]);
    // Wrap<Wrap<A>> lists Wrap<A> inside: another type, not a recursion.
    assert_eq!(codes(&catalog::<Wrap<Wrap<A>>>()), ["BAD_REQUEST", "BAD_REQUEST", "GONE", "FAILED"]);
    assert_eq!(codes(&catalog::<Tree>()), ["LEAF"]);
    assert_eq!(codes(&catalog::<Box<Tree>>()), ["LEAF"]);
    assert_eq!(codes(&catalog::<&Tree>()), ["LEAF"]);
    assert_eq!(codes(&catalog::<std::sync::Arc<Tree>>()), ["LEAF"]);
    assert_eq!(codes(&catalog::<A>()), ["GONE", "FAILED"]);
    assert_eq!(codes(&catalog::<B>()), ["FAILED", "GONE"]);
    assert_eq!(entry(&catalog::<Wrap<Tree>>(), "LEAF").variant(), "Tree::Leaf");
}

/// Hand-written: no entries.
struct Manual;

impl HttpStatus for Manual {
    fn status(&self) -> StatusCode {
        StatusCode::BAD_GATEWAY
    }
}

#[test]
fn a_hand_written_impl_has_no_entries() {
    assert!(catalog::<Manual>().entries().is_empty());
    #[derive(Debug, thiserror::Error, HttpStatus)]
    enum Outer {
        #[error("manual")]
        #[status(transparent)]
        Manual(#[from] ManualError),
        #[error("teapot-free")]
        #[status(400)]
        Bad,
    }
    #[derive(Debug, thiserror::Error)]
    #[error("manual")]
    struct ManualError;
    impl HttpStatus for ManualError {
        fn status(&self) -> StatusCode {
            StatusCode::BAD_GATEWAY
        }
    }
    assert_eq!(codes(&catalog::<Outer>()), ["BAD"]);
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[problem(type = "https://errors.example.com/inner/")]
enum Limits {
    #[error("slow down")]
    #[status(429)]
    Limited {
        #[header(RETRY_AFTER)]
        secs: u64,
        #[problem(extension)]
        bucket: String,
    },
    #[error("broken")]
    #[status(502)]
    Broken {
        #[problem(extension)]
        bucket: String,
    },
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[header(CACHE_CONTROL = "no-store")]
enum Outer {
    #[error("{inner}")]
    Field {
        #[status(transparent)]
        inner: Limits,
        #[header("x-request-id")]
        request: String,
        #[header(RETRY_AFTER)]
        retry: u64,
        #[problem(extension)]
        bucket: u32,
        #[problem(extension)]
        tenant: String,
    },
    #[error(transparent)]
    #[status(transparent)]
    Plain(Limits),
}

#[test]
fn siblings_of_a_transparent_field_add_to_the_inner_entries() {
    let c = catalog::<Outer>();
    // `Limits` is listed once, through the first variant; the second adds nothing new.
    assert_eq!(codes(&c), ["LIMITED", "BROKEN"]);
    let limited = entry(&c, "LIMITED");
    assert_eq!(limited.headers(), ["retry-after", "x-request-id", "cache-control"]);
    // A sibling's member replaces the inner one of its name, in its place.
    assert_eq!(member_types(limited), [("bucket", Some("integer")), ("tenant", Some("string"))]);
    assert_eq!(limited.type_uri(), Some("https://errors.example.com/inner/limited"));
    // A hidden inner entry shows no members, the siblings' neither; header fields still go out.
    let broken = entry(&c, "BROKEN");
    assert!(broken.members().is_empty());
    assert_eq!(broken.headers(), ["x-request-id", "retry-after", "cache-control"]);
}

/// `{"error": "..."}`.
struct Legacy;

impl Format for Legacy {
    const CONTENT_TYPE: &'static str = "application/json";

    fn write(d: &Details<'_>, out: &mut String) {
        out.push_str(&json!({ "error": d.title() }).to_string());
    }
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(format = Legacy)]
enum Custom {
    #[error("no")]
    #[status(404)]
    #[problem(code = "NOPE")]
    No,
    #[error(transparent)]
    #[status(transparent)]
    Limits(Limits),
}

#[derive(Debug, thiserror::Error, HttpStatus, serde::Serialize)]
#[errstatus(format = errstatus::SerdeJson)]
#[error("whole")]
#[status(409)]
struct Whole {
    id: u64,
}

#[test]
fn custom_formats_have_entries_like_any_other() {
    assert_eq!(codes(&catalog::<Custom>()), ["NOPE", "LIMITED", "BROKEN"]);
    let whole = catalog::<Whole>();
    assert_eq!((whole.entries()[0].code(), whole.entries()[0].variant()), ("WHOLE", "Whole"));
    assert_eq!(statuses(&whole.entries()[0]), [409]);
}

#[test]
fn markdown_lists_every_entry() {
    let md = catalog::<Own>().to_markdown();
    assert!(md.starts_with("| Code | Status | Type | Title |\n| --- | --- | --- | --- |\n"));
    assert!(md.contains("| `SLOW_DOWN` | 429 | `https://errors.example.com/limits` | Slow down |\n"));
    assert!(md.contains("| `UPSTREAM` | decided at run time | `https://errors.example.com/upstream` |  |\n"));
    assert!(md.contains("### `MISSING`\n\nNot found.\n\nSecond paragraph"));
    assert!(md.contains("- Members: `count` (integer), `ratio` (number),"));
    assert!(md.contains("- Header fields: `retry-after`, `x-limit`, `x-bucket`, `cache-control`\n"));
    assert!(
        md.contains("### `DATABASE`\n\nHidden: members and detail stay on the server.\n\n- Variant: `Own::Database`")
    );
    assert!(md.contains("- Detail: hidden\n"));
}

/// Text that must stay text on a page.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[problem(type = "https://errors.example.com/")]
enum Hostile {
    /// Runs <script>alert("doc")</script> & more.
    #[error("x")]
    #[status(400)]
    #[problem(title = "<b>bold</b>")]
    Scripted {
        #[problem(extension = "<script>alert('member')</script>")]
        member: String,
    },
    /// Blank <img src=x onerror=alert(1)>.
    #[error("y")]
    #[status(404)]
    #[problem(type = "about:blank")]
    Blank,
}

#[test]
fn pages_escape_everything_they_print() {
    let pages = catalog::<Hostile>().pages("/errors");
    let page = pages.page("/errors/scripted").expect("a page");
    for html in [page, pages.index()] {
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("<b>bold"), "{html}");
        assert!(!html.contains("<img"), "{html}");
    }
    assert!(page.contains("Runs &lt;script&gt;alert(&quot;doc&quot;)&lt;/script&gt; &amp; more."));
    assert!(page.contains("<code>&lt;script&gt;alert(&#39;member&#39;)&lt;/script&gt;</code>"));
    assert!(page.contains("<h1>&lt;b&gt;bold&lt;/b&gt;</h1>"));
    // The example body, escaped in its <pre>.
    assert!(page.contains("&quot;&lt;script&gt;alert(&#39;member&#39;)&lt;/script&gt;&quot;: &quot;...&quot;"));
    assert!(pages.index().contains("Blank"));
}
