//! Feature `async-graphql`: `ErrorExtensions` for derived types, through a `Schema` that
//! executes queries whose resolvers fail with `Err(e.extend())` or `ResultExt::extend`, and the
//! `errors` of the response as async-graphql serializes it. Property: nothing of a hidden
//! error (its Display text, its members) reaches the GraphQL error.

use async_graphql::{Context, EmptyMutation, EmptySubscription, ErrorExtensions, Object, ResultExt, Schema};
use errstatus::HttpStatus;
use errstatus_examples::error::{ApiError, AuthError};
use errstatus_frameworks::failure;
use proptest::prelude::*;
use serde_json::{json, Value};

#[derive(Debug, thiserror::Error, HttpStatus)]
#[problem(type = "https://errors.example.com/")]
enum BillingError {
    #[error("your balance is {balance}, the item costs {cost}")]
    #[status(403)]
    #[problem(type = "https://errors.example.com/out-of-credit", title = "You do not have enough credit")]
    OutOfCredit {
        #[problem(extension)]
        balance: u64,
        #[problem(extension = "price")]
        cost: u64,
        #[problem(instance)]
        account: String,
    },
    #[error("ledger {ledger_id} is corrupt")]
    #[status(500)]
    Ledger {
        #[problem(extension)]
        ledger_id: u32,
    },
    #[error("coupon {coupon} was already used")]
    #[status(409, expose = false)]
    #[problem(code = "COUPON_USED")]
    CouponUsed {
        #[problem(extension)]
        coupon: String,
    },
    #[error("cart has {} items", items.len())]
    #[status(422)]
    Cart {
        #[problem(extension)]
        items: Vec<Item>,
        /// A member named like one of the GraphQL extensions: the variant's code wins.
        #[problem(extension = "code")]
        shadow: &'static str,
    },
}

#[derive(Debug, serde::Serialize)]
struct Item {
    sku: &'static str,
    count: u8,
}

/// Opted out: the crate writes its own `ErrorExtensions`, which a derived one would conflict
/// with.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(skip(async_graphql))]
#[error("moved")]
#[status(410)]
struct Moved;

impl ErrorExtensions for Moved {
    fn extend(&self) -> async_graphql::Error {
        async_graphql::Error::new("gone for good").extend_with(|_, e| e.set("legacy", true))
    }
}

fn billing(name: &str) -> BillingError {
    match name {
        "credit" => BillingError::OutOfCredit { balance: 30, cost: 50, account: "/account/12345".into() },
        "ledger" => BillingError::Ledger { ledger_id: 7 },
        "coupon" => BillingError::CouponUsed { coupon: "SPRING-24".into() },
        _ => BillingError::Cart { items: vec![Item { sku: "A-1", count: 2 }], shadow: "not the code" },
    }
}

struct Query;

#[Object]
impl Query {
    /// `Err(e.extend())`: the example services' errors.
    async fn fail(&self, name: String) -> async_graphql::Result<i32> {
        Err(failure(&name).extend())
    }

    /// `ResultExt::extend` on a `Result<_, BillingError>`.
    async fn bill(&self, name: String) -> async_graphql::Result<i32> {
        let charged: Result<i32, BillingError> = Err(billing(&name));
        charged.extend()
    }

    async fn moved(&self) -> async_graphql::Result<i32> {
        Err(Moved.extend())
    }

    /// The error the property test generates, from the schema's data.
    async fn secret(&self, ctx: &Context<'_>) -> async_graphql::Result<i32> {
        Err(ctx.data_unchecked::<Secret>().extend())
    }
}

fn schema() -> Schema<Query, EmptyMutation, EmptySubscription> {
    Schema::new(Query, EmptyMutation, EmptySubscription)
}

/// The one error of the response to `query`, as async-graphql serializes it (locations and
/// path left out).
async fn error_of(schema: &Schema<Query, EmptyMutation, EmptySubscription>, query: &str) -> Value {
    let response = schema.execute(query).await;
    let mut response = serde_json::to_value(&response).expect("a response serializes");
    assert_eq!(response["data"], Value::Null, "{query}: the field fails");
    let errors = response["errors"].as_array_mut().expect("errors");
    assert_eq!(errors.len(), 1, "{query}: one error");
    let mut error = errors.remove(0);
    let error = error.as_object_mut().expect("an error object");
    error.remove("locations");
    error.remove("path");
    Value::Object(error.clone())
}

async fn fail(name: &str) -> Value {
    error_of(&schema(), &format!(r#"{{ fail(name: "{name}") }}"#)).await
}

async fn bill(name: &str) -> Value {
    error_of(&schema(), &format!(r#"{{ bill(name: "{name}") }}"#)).await
}

#[tokio::test]
async fn a_shown_4xx_has_its_display_text_code_and_status() {
    assert_eq!(
        fail("missing").await,
        json!({"message": "user 42 not found", "extensions": {"code": "USER_NOT_FOUND", "status": 404, "id": 42}}),
    );
    // The header field of the HTTP response (`Retry-After`) has no place in a GraphQL error.
    assert_eq!(
        fail("limited").await,
        json!({
            "message": "too many password reset requests, retry in 30 seconds",
            "extensions": {"code": "RATE_LIMITED", "status": 429},
        }),
    );
}

#[tokio::test]
async fn a_hidden_5xx_has_the_iana_title_and_nothing_of_the_error() {
    let error = fail("database").await;
    assert_eq!(error, json!({"message": "Internal Server Error", "extensions": {"code": "DATABASE", "status": 500}}));
    let text = error.to_string();
    for secret in ["10.0.0.7", "refused", "req-7"] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
    // With a type URI and a member: the type stays, the member goes.
    assert_eq!(
        bill("ledger").await,
        json!({
            "message": "Internal Server Error",
            "extensions": {"code": "LEDGER", "status": 500, "type": "https://errors.example.com/ledger"},
        }),
    );
}

#[tokio::test]
async fn an_exposed_5xx_shows_its_display_text() {
    let e = ApiError::Maintenance { service: "payments".into(), retry_after: 60 };
    let error = e.extend();
    assert_eq!(error.message, "payments are paused for maintenance");
    let extensions = json!({"code": "MAINTENANCE", "status": 503, "service": "payments"});
    assert_eq!(serde_json::to_value(&error.extensions).unwrap(), extensions);
}

#[tokio::test]
async fn expose_false_on_a_4xx_hides_like_a_5xx_and_keeps_the_code() {
    assert_eq!(
        bill("coupon").await,
        json!({
            "message": "Conflict",
            "extensions": {"code": "COUPON_USED", "status": 409, "type": "https://errors.example.com/coupon-used"},
        }),
    );
}

#[tokio::test]
async fn a_type_uri_and_members_as_their_json_values() {
    // `instance` and `title` are HTTP's: neither is an extension.
    assert_eq!(
        bill("credit").await,
        json!({
            "message": "your balance is 30, the item costs 50",
            "extensions": {
                "code": "OUT_OF_CREDIT",
                "status": 403,
                "type": "https://errors.example.com/out-of-credit",
                "balance": 30,
                "price": 50,
            },
        }),
    );
    assert_eq!(
        bill("cart").await,
        json!({
            "message": "cart has 1 items",
            "extensions": {
                "code": "CART",
                "status": 422,
                "type": "https://errors.example.com/cart",
                "items": [{"sku": "A-1", "count": 2}],
            },
        }),
    );
}

#[tokio::test]
async fn a_transparent_variant_is_the_inner_error() {
    assert_eq!(
        fail("login").await,
        json!({"message": "missing bearer token", "extensions": {"code": "MISSING_TOKEN", "status": 401}}),
    );
    let e = ApiError::Auth(AuthError::Forbidden { user: 7, action: "delete".into() });
    assert_eq!(e.extend(), AuthError::Forbidden { user: 7, action: "delete".into() }.extend());
}

#[test]
fn a_reference_gets_the_derived_impl_not_async_graphqls_fallback() {
    // async-graphql's `impl<E: Display> ErrorExtensions for &E` would give the Display text
    // alone; method lookup finds the derived impl for `E` first.
    let e = failure("database");
    let r: &ApiError = &e;
    let by_ref = r.extend();
    assert_eq!(by_ref.message, "Internal Server Error");
    assert_eq!(by_ref, e.extend());
    fn generic<E: ErrorExtensions>(e: &E) -> async_graphql::Error {
        e.extend()
    }
    assert_eq!(generic(&e), e.extend());
}

#[tokio::test]
async fn skip_async_graphql_leaves_the_impl_to_the_crate() {
    assert_eq!(
        error_of(&schema(), "{ moved }").await,
        json!({"message": "gone for good", "extensions": {"legacy": true}}),
    );
}

/// Errors whose Display text and members carry the generated secret.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum Secret {
    #[error("{text}")]
    #[status(500)]
    Internal {
        text: String,
        #[problem(extension)]
        member: String,
        #[problem(extension)]
        number: u64,
        #[header("x-secret")]
        header: String,
    },
    #[error("{text}")]
    #[status(SERVICE_UNAVAILABLE)]
    Unavailable {
        text: String,
        #[problem(extension)]
        list: Vec<String>,
    },
    #[error("{text}")]
    #[status(403, expose = false)]
    Hidden {
        text: String,
        #[problem(extension = "detail_of_it")]
        member: String,
    },
    #[error(transparent)]
    #[status(transparent)]
    Inner(Box<Secret>),
}

impl Secret {
    fn texts(&self) -> Vec<String> {
        match self {
            Secret::Internal { text, member, number, header } => {
                vec![text.clone(), member.clone(), number.to_string(), header.clone()]
            }
            Secret::Unavailable { text, list } => list.iter().cloned().chain([text.clone()]).collect(),
            Secret::Hidden { text, member } => vec![text.clone(), member.clone()],
            Secret::Inner(inner) => inner.texts(),
        }
    }
}

/// Text from characters that nothing errstatus or async-graphql writes can contain (CJK
/// ideographs), around a marker.
fn secret_text() -> impl Strategy<Value = String> {
    "[\u{4e00}-\u{9fff}]{0,12}".prop_map(|s| format!("{s}\u{2603}{s}"))
}

fn secret() -> impl Strategy<Value = Secret> {
    let leaf = prop_oneof![
        (secret_text(), secret_text(), 1_000_000_000_000u64..u64::MAX, secret_text())
            .prop_map(|(text, member, number, header)| Secret::Internal { text, member, number, header }),
        (secret_text(), prop::collection::vec(secret_text(), 0..3))
            .prop_map(|(text, list)| Secret::Unavailable { text, list }),
        (secret_text(), secret_text()).prop_map(|(text, member)| Secret::Hidden { text, member }),
    ];
    leaf.prop_recursive(2, 4, 1, |inner| inner.prop_map(|e| Secret::Inner(Box::new(e))))
}

#[test]
fn no_byte_of_a_hidden_error_leaves() {
    let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
    proptest!(ProptestConfig::with_cases(256), |(e in secret())| {
        let texts = e.texts();
        let status = e.status().as_u16();
        let schema = Schema::build(Query, EmptyMutation, EmptySubscription).data(e).finish();
        let error = rt.block_on(error_of(&schema, "{ secret }"));
        // Message and extensions as async-graphql sends them.
        let sent = serde_json::to_string(&error).unwrap();
        for text in &texts {
            for c in text.chars().filter(|c| !c.is_ascii()) {
                prop_assert!(!sent.contains(c), "{:?} of {:?} in {}", c, text, sent);
            }
            if text.bytes().all(|b| b.is_ascii_digit()) && !text.is_empty() {
                prop_assert!(!sent.contains(text.as_str()), "{} in {}", text, sent);
            }
        }
        prop_assert_eq!(&error["extensions"]["status"], &json!(status));
        let title = errstatus::registry::lookup(status).unwrap().reason;
        prop_assert_eq!(&error["message"], &json!(title));
    });
}
