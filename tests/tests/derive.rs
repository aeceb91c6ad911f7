//! Behaviour of the derive through plain `http`: statuses, conversions, headers, bodies,
//! problem members, generics, structs and transparent variants.

use errstatus::HttpStatus;
use http::{Response, StatusCode};
use serde_json::{json, Value};

fn parts<E>(e: E) -> (StatusCode, http::HeaderMap, Value)
where
    Response<String>: From<E>,
{
    let r: Response<String> = e.into();
    let status = r.status();
    let headers = r.headers().clone();
    let body = serde_json::from_str(r.body()).expect("the body is JSON");
    (status, headers, body)
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("token expired")]
#[status(401)]
pub struct AuthError {
    #[header(WWW_AUTHENTICATE)]
    challenge: &'static str,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500)]
pub enum ApiError {
    #[error("user {0} not found")]
    #[status(404)]
    UserNotFound(u64),
    #[error("email {email} already registered")]
    #[status(CONFLICT)]
    Duplicate { email: String },
    #[error("invalid payload")]
    #[status(StatusCode::UNPROCESSABLE_ENTITY)]
    Invalid,
    #[error("too big")]
    #[status(http::StatusCode::CONTENT_TOO_LARGE)]
    TooBig,
    #[error("slow down")]
    #[status(429)]
    RateLimited {
        #[header(RETRY_AFTER)]
        retry_after: u64,
        #[header("x-request-id")]
        request: String,
    },
    #[error(transparent)]
    #[status(transparent)]
    Auth(AuthError),
    #[error("database unavailable: {0}")]
    Db(String),
    #[error("upstream down: {0}")]
    #[status(503, expose)]
    Upstream(&'static str),
    #[error("moved")]
    #[status(308)]
    Moved {
        #[header(http::header::LOCATION)]
        to: String,
    },
}

#[test]
fn status_for_every_code_form() {
    assert_eq!(ApiError::UserNotFound(1).status(), StatusCode::NOT_FOUND);
    assert_eq!(ApiError::Duplicate { email: "a@b".into() }.status(), StatusCode::CONFLICT);
    assert_eq!(ApiError::Invalid.status(), 422);
    assert_eq!(ApiError::TooBig.status(), 413);
    assert_eq!(ApiError::Db("x".into()).status(), 500, "enum default");
    assert_eq!(ApiError::Upstream("x").status(), 503);
    assert_eq!(ApiError::Auth(AuthError { challenge: "Bearer" }).status(), 401, "transparent");
    assert_eq!(StatusCode::from(&ApiError::Invalid), 422);
    assert_eq!(StatusCode::from(ApiError::Invalid), 422);
    let s: StatusCode = ApiError::TooBig.into();
    assert_eq!(s, 413);
}

#[test]
fn client_error_body_has_detail_and_iana_title() {
    let (status, headers, body) = parts(ApiError::UserNotFound(42));
    assert_eq!(status, 404);
    assert_eq!(headers["content-type"], "application/problem+json");
    assert_eq!(
        body,
        json!({"type": "about:blank", "title": "Not Found", "status": 404, "detail": "user 42 not found"})
    );
    // The IANA phrase, not the http crate's older one.
    assert_eq!(parts(ApiError::Invalid).2["title"], "Unprocessable Content");
    assert_eq!(parts(ApiError::TooBig).2["title"], "Content Too Large");
}

#[test]
fn server_error_hides_detail_unless_exposed() {
    let (status, _, body) = parts(ApiError::Db("password=hunter2".into()));
    assert_eq!(status, 500);
    assert_eq!(body, json!({"type": "about:blank", "title": "Internal Server Error", "status": 500}));
    let (status, _, body) = parts(ApiError::Upstream("payments"));
    assert_eq!(status, 503);
    assert_eq!(body["detail"], "upstream down: payments");
}

#[test]
fn header_fields_are_sent() {
    let (status, headers, body) = parts(ApiError::RateLimited { retry_after: 30, request: "r-1".into() });
    assert_eq!(status, 429);
    assert_eq!(headers["retry-after"], "30");
    assert_eq!(headers["x-request-id"], "r-1");
    assert_eq!(body["detail"], "slow down");
    let (status, headers, _) = parts(ApiError::Moved { to: "/v2/users".into() });
    assert_eq!(status, 308);
    assert_eq!(headers["location"], "/v2/users");
}

#[test]
fn invalid_header_values_are_left_out() {
    let (status, headers, _) = parts(ApiError::RateLimited { retry_after: 1, request: "a\r\nset-cookie: x=1".into() });
    assert_eq!(status, 429);
    assert!(headers.get("x-request-id").is_none());
    assert!(headers.get("set-cookie").is_none());
    assert_eq!(headers["retry-after"], "1");
}

#[test]
fn transparent_takes_status_headers_and_body_from_inner() {
    let (status, headers, body) = parts(ApiError::Auth(AuthError { challenge: "Bearer realm=\"api\"" }));
    assert_eq!(status, 401);
    assert_eq!(headers["www-authenticate"], "Bearer realm=\"api\"");
    assert_eq!(body, json!({"type": "about:blank", "title": "Unauthorized", "status": 401, "detail": "token expired"}));
}

#[test]
fn display_text_is_json_escaped() {
    let (_, _, body) = parts(ApiError::Duplicate { email: "\"quoted\"\\\n\u{0}<é>".into() });
    assert_eq!(body["detail"], "email \"quoted\"\\\n\u{0}<é> already registered");
}

#[test]
fn statuses_lists_every_distinct_status_ascending() {
    let codes: Vec<u16> = ApiError::statuses().iter().map(StatusCode::as_u16).collect();
    assert_eq!(codes, [308, 401, 404, 409, 413, 422, 429, 500, 503]);
    assert_eq!(AuthError::statuses(), [StatusCode::UNAUTHORIZED]);
}

// Generics: a transparent `T` adds `T: HttpStatus`.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum Wrapper<T: std::error::Error> {
    #[error(transparent)]
    #[status(transparent)]
    Inner(T),
    #[error("timed out after {0} ms")]
    #[status(504)]
    Timeout(u32),
}

#[test]
fn generic_types() {
    let w: Wrapper<AuthError> = Wrapper::Inner(AuthError { challenge: "Basic" });
    assert_eq!(w.status(), 401);
    assert_eq!(Wrapper::<AuthError>::Timeout(5).status(), 504);
    let (status, headers, _) = parts(w);
    assert_eq!(status, 401);
    assert_eq!(headers["www-authenticate"], "Basic");
    assert_eq!(Wrapper::<AuthError>::statuses(), [StatusCode::UNAUTHORIZED, StatusCode::GATEWAY_TIMEOUT]);
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("wrapped")]
#[status(transparent)]
pub struct Transparent(ApiError);

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("nothing here")]
#[status(NOT_FOUND)]
pub struct Unit;

#[test]
fn structs() {
    assert_eq!(Unit.status(), 404);
    assert_eq!(Transparent(ApiError::Invalid).status(), 422);
    assert_eq!(parts(Unit).2["detail"], "nothing here");
}

// RFC 9457 members.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[problem(type = "https://errors.example.com/")]
pub enum BillingError {
    /// The account has too little credit for the purchase.
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
    #[error("card declined")]
    #[status(402, acknowledge)]
    CardDeclined(#[problem(extension = "card")] &'static str),
    #[error("ledger corrupt")]
    #[status(500)]
    Ledger {
        #[problem(extension)]
        ledger_id: u32,
    },
    #[error("ledger locked")]
    #[status(503, expose)]
    Locked {
        #[problem(extension)]
        ledger_id: u32,
        #[problem(extension = "kind")]
        r#type: Vec<&'static str>,
    },
}

#[test]
fn problem_members() {
    let (status, _, body) =
        parts(BillingError::OutOfCredit { balance: 30, cost: 50, account: "/account/12345".into() });
    assert_eq!(status, 403);
    assert_eq!(
        body,
        json!({
            "type": "https://errors.example.com/out-of-credit",
            "title": "You do not have enough credit",
            "status": 403,
            "detail": "your balance is 30, the item costs 50",
            "instance": "/account/12345",
            "balance": 30,
            "price": 50,
        })
    );
    // The type base plus the variant name in kebab case; the IANA title.
    let (status, _, body) = parts(BillingError::CardDeclined("visa"));
    assert_eq!(status, 402);
    assert_eq!(
        body,
        json!({"type": "https://errors.example.com/card-declined", "title": "Payment Required",
               "status": 402, "detail": "card declined", "card": "visa"})
    );
}

#[test]
fn server_error_extensions_hidden_unless_exposed() {
    let (_, _, body) = parts(BillingError::Ledger { ledger_id: 7 });
    assert_eq!(
        body,
        json!({"type": "https://errors.example.com/ledger", "title": "Internal Server Error", "status": 500})
    );
    let (_, _, body) = parts(BillingError::Locked { ledger_id: 7, r#type: vec!["a"] });
    assert_eq!(body["ledger_id"], 7);
    assert_eq!(body["detail"], "ledger locked");
}

// A hand-written impl gets a body without detail.
struct Teapot;
impl HttpStatus for Teapot {
    fn status(&self) -> StatusCode {
        StatusCode::SERVICE_UNAVAILABLE
    }
}

#[test]
fn hand_written_impl_and_borrowed_response() {
    let r: Response<String> = errstatus::response(&Teapot);
    assert_eq!(r.status(), 503);
    let body: Value = serde_json::from_str(r.body()).unwrap();
    assert_eq!(body, json!({"type": "about:blank", "title": "Service Unavailable", "status": 503}));
    let r: Response<Vec<u8>> = errstatus::response(&ApiError::Invalid);
    assert_eq!(r.status(), 422);
    let boxed: Box<dyn Fn() -> StatusCode> = Box::new(|| Box::new(ApiError::Invalid).status());
    assert_eq!(boxed(), 422);
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum Never {}

#[test]
fn empty_enum() {
    assert!(Never::statuses().is_empty());
}

// A transparent field of the type itself: statuses() must not recurse forever.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum Tree {
    #[error("leaf")]
    #[status(404)]
    Leaf,
    #[error(transparent)]
    #[status(transparent)]
    Nested(Box<Tree>),
    #[error(transparent)]
    #[status(transparent)]
    Api(ApiError),
}

#[test]
fn recursive_transparent_types() {
    assert_eq!(Tree::Nested(Box::new(Tree::Leaf)).status(), 404);
    let codes: Vec<u16> = Tree::statuses().iter().map(StatusCode::as_u16).collect();
    assert_eq!(codes, [308, 401, 404, 409, 413, 422, 429, 500, 503]);
    let (status, _, body) = parts(Tree::Nested(Box::new(Tree::Leaf)));
    assert_eq!(status, 404);
    assert_eq!(body["detail"], "leaf");
}

// Variants may share a type URI when they have the same status and members (in any order);
// a transparent variant is not counted.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[problem(type = "https://errors.example.com/")]
pub enum SharedTypeError {
    #[error("no user")]
    #[status(404)]
    #[problem(type = "https://errors.example.com/not-found")]
    NoUser {
        #[problem(extension)]
        id: u64,
        #[problem(extension)]
        kind: &'static str,
    },
    #[error("no order")]
    #[status(404)]
    NotFound {
        #[problem(extension)]
        kind: &'static str,
        #[problem(extension)]
        id: u64,
    },
    #[error(transparent)]
    #[status(transparent)]
    #[problem(type = "https://errors.example.com/not-found")]
    Billing(BillingError),
}

#[test]
fn shared_type_uri() {
    let (status, _, body) = parts(SharedTypeError::NoUser { id: 7, kind: "user" });
    assert_eq!((status, &body["type"]), (StatusCode::NOT_FOUND, &json!("https://errors.example.com/not-found")));
    let (status, _, body) = parts(SharedTypeError::NotFound { id: 8, kind: "order" });
    assert_eq!((status, &body["type"]), (StatusCode::NOT_FOUND, &json!("https://errors.example.com/not-found")));
}
