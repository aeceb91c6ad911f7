//! The service logic both frameworks share: an in-memory user store with bearer-token auth,
//! a rate-limited password reset, an orders database of which one shard is down, and exports
//! that are paused for maintenance. Every failure is an [`ApiError`].
//!
//! The two outages are simulated, and on by default ([`Store::new`]); a store made with
//! [`Store::without_outages`] has neither: its orders database is up and its exports run.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access_log::AccessLog;
use crate::error::{ApiError, AuthError, DbError};

/// A user as the API shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct User {
    pub id: u64,
    pub name: String,
    pub email: String,
}

/// The longest name [`NewUser`] may have, in characters (Unicode scalar values).
pub const NAME_MAX: usize = 100;
/// The longest email address [`NewUser`] may have, in characters (RFC 5321 §4.5.3.1.3).
pub const EMAIL_MAX: usize = 254;

/// The body of `POST /users`.
//
// Its schema says exactly what `Store::create_user` checks, so that a client (or an API tool)
// can tell from the schema alone whether a body will be accepted: one that matches it is
// never refused as invalid, one that does not always is. The patterns use no construct
// whose meaning differs between regular expression dialects (`\s`, `.`, `$`): ECMA-262 for
// JSON Schema, Python's in schemathesis, plain Rust here.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUser {
    /// The user's name: 1 to 100 characters, not only spaces, tabs and line breaks.
    #[schema(min_length = 1, max_length = 100, pattern = "[^ \\t\\n\\r]", example = "carol")]
    pub name: String,
    /// An email address: up to 254 characters, with an `@` that has something other than an
    /// `@` on both sides. The mail sent to it is the real check.
    #[schema(min_length = 3, max_length = 254, pattern = "[^@]@[^@]", example = "carol@example.com")]
    pub email: String,
}

/// An order. Alice's one order ([`ALICE_ORDER`]) is on the database shard that is down, unless
/// the store runs [without outages](Store::without_outages).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct Order {
    pub id: u64,
    pub total_cents: u64,
}

/// Who made a request, from its bearer token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Caller {
    pub user: u64,
    pub admin: bool,
}

/// The tokens the demo accepts: alice (user 1) is an admin, bob (user 2) is not.
pub const ALICE_TOKEN: &str = "token-alice";
/// Bob's token: authenticated, but not allowed to create users.
pub const BOB_TOKEN: &str = "token-bob";

/// How long a user has to wait between two password-reset mails.
pub const RESET_COOLDOWN: Duration = Duration::from_secs(60);
/// The `Retry-After` (seconds) of the maintenance 503.
pub const MAINTENANCE_RETRY_AFTER: u64 = 600;

/// The address of the orders database shard of the users with an odd id, which is down: it is
/// in the server's log, never in a response.
pub const ORDERS_DB: &str = "10.0.0.7:5432";

/// The only order in the demo: alice's (user 1), on the shard of the odd ids.
pub const ALICE_ORDER: Order = Order { id: 1, total_cents: 4_250 };

/// The shared state of one service instance.
#[derive(Debug)]
pub struct Store {
    inner: Mutex<Inner>,
    request_ids: AtomicU64,
    /// Whether the simulated outages happen: the orders shard of the odd ids is down, the
    /// exports are paused.
    outages: bool,
    access_log: AccessLog,
}

#[derive(Debug)]
struct Inner {
    users: BTreeMap<u64, User>,
    next_id: u64,
    last_reset: HashMap<u64, Instant>,
}

impl Default for Store {
    fn default() -> Self {
        Self::new()
    }
}

impl Store {
    /// A store with alice (1) and bob (2), and the simulated outages: `GET /users/{id}/orders`
    /// answers 500 for the odd ids, `GET /exports` 503.
    pub fn new() -> Self {
        Self::with_outages(true)
    }

    /// A store with alice (1) and bob (2), without the simulated outages: every existing user's
    /// orders and the export are answered with 200. For API testers that fail on any 5xx
    /// (`.ci/api-testers.sh` runs the example services so, with `EXAMPLE_OUTAGES=off`).
    pub fn without_outages() -> Self {
        Self::with_outages(false)
    }

    /// [`Store::new`] if `outages`, else [`Store::without_outages`]: for a setting read at
    /// start-up, such as [`crate::outages_from_env`].
    pub fn with_outages(outages: bool) -> Self {
        let mut users = BTreeMap::new();
        for (id, name) in [(1, "alice"), (2, "bob")] {
            let email = format!("{name}@example.com");
            users.insert(id, User { id, name: name.to_owned(), email });
        }
        Store {
            inner: Mutex::new(Inner { users, next_id: 3, last_reset: HashMap::new() }),
            request_ids: AtomicU64::new(1),
            outages,
            access_log: AccessLog::default(),
        }
    }

    /// The service's access log.
    pub fn access_log(&self) -> &AccessLog {
        &self.access_log
    }

    /// Whether this store simulates the outages (see [`Store::new`]).
    pub fn outages(&self) -> bool {
        self.outages
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // The data stays consistent even if a holder panicked: every update is one insert.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Checks an `Authorization` header field value (`None` when the request has none).
    pub fn authenticate(&self, authorization: Option<&[u8]>) -> Result<Caller, AuthError> {
        let value = authorization.ok_or_else(AuthError::missing_token)?;
        let token = value
            .strip_prefix(b"Bearer ")
            .or_else(|| value.strip_prefix(b"bearer "))
            .ok_or_else(AuthError::missing_token)?;
        match token {
            t if t == ALICE_TOKEN.as_bytes() => Ok(Caller { user: 1, admin: true }),
            t if t == BOB_TOKEN.as_bytes() => Ok(Caller { user: 2, admin: false }),
            _ => Err(AuthError::invalid_token()),
        }
    }

    /// The request id to log and send back: the client's `x-request-id` if it is a short
    /// token, else a fresh one.
    pub fn request_id(&self, incoming: Option<&[u8]>) -> String {
        let valid = |id: &&[u8]| {
            (1..=64).contains(&id.len())
                && id.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        };
        match incoming.filter(valid) {
            // All ASCII, checked above.
            Some(id) => String::from_utf8_lossy(id).into_owned(),
            None => format!("req-{:06}", self.request_ids.fetch_add(1, Ordering::Relaxed)),
        }
    }

    /// `GET /users/{id}`.
    pub fn user(&self, id: u64) -> Result<User, ApiError> {
        self.lock().users.get(&id).cloned().ok_or(ApiError::UserNotFound(id))
    }

    /// `POST /users`: admins only, valid fields (as [`NewUser`]'s schema says), a new email
    /// address.
    pub fn create_user(&self, caller: Caller, new: NewUser) -> Result<User, ApiError> {
        if !caller.admin {
            return Err(AuthError::Forbidden { user: caller.user, action: "create users".to_owned() }.into());
        }
        let blank = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r');
        let name_len = new.name.chars().count();
        if name_len == 0 || name_len > NAME_MAX || new.name.chars().all(blank) {
            return Err(ApiError::Invalid(format!(
                "name must be 1 to {NAME_MAX} characters, not only spaces, tabs and line breaks"
            )));
        }
        let email = new.email.as_str();
        let chars: Vec<char> = email.chars().collect();
        let at_inside = chars.windows(3).any(|w| w[0] != '@' && w[1] == '@' && w[2] != '@');
        if chars.len() < 3 || chars.len() > EMAIL_MAX || !at_inside {
            return Err(ApiError::Invalid(format!("{email:?} is not an email address")));
        }
        let name = new.name.trim_matches(blank);
        let mut inner = self.lock();
        if inner.users.values().any(|u| u.email.eq_ignore_ascii_case(email)) {
            return Err(ApiError::DuplicateEmail { email: email.to_owned() });
        }
        let id = inner.next_id;
        inner.next_id += 1;
        let user = User { id, name: name.to_owned(), email: email.to_owned() };
        inner.users.insert(id, user.clone());
        Ok(user)
    }

    /// `POST /users/{id}/password-reset`: one mail per user per [`RESET_COOLDOWN`].
    pub fn request_password_reset(&self, id: u64) -> Result<(), ApiError> {
        let mut inner = self.lock();
        if !inner.users.contains_key(&id) {
            return Err(ApiError::UserNotFound(id));
        }
        let now = Instant::now();
        if let Some(last) = inner.last_reset.get(&id) {
            let elapsed = now.saturating_duration_since(*last);
            if elapsed < RESET_COOLDOWN {
                let left = RESET_COOLDOWN - elapsed;
                // Whole seconds, rounded up: retrying after `retry_after` always succeeds.
                let retry_after = left.as_secs() + u64::from(left.subsec_nanos() > 0);
                return Err(ApiError::RateLimited { retry_after });
            }
        }
        inner.last_reset.insert(id, now);
        Ok(())
    }

    /// `GET /users/{id}/orders`: the orders are sharded by user id. The shard of the odd ids
    /// ([`ORDERS_DB`]) holds alice's [`ALICE_ORDER`]; with the outages (the default) it is
    /// down. The other shard (bob's) has no orders yet.
    pub fn orders(&self, user: u64, request_id: String) -> Result<Vec<Order>, ApiError> {
        self.user(user)?;
        if user.is_multiple_of(2) {
            return Ok(Vec::new());
        }
        let result: Result<Vec<Order>, DbError> = if self.outages {
            Err(DbError::ConnectionRefused { addr: ORDERS_DB })
        } else {
            Ok(if user == 1 { vec![ALICE_ORDER] } else { Vec::new() })
        };
        result.map_err(|source| {
            // The client only sees "Internal Server Error" and the request id: log the rest.
            eprintln!("[{request_id}] orders of user {user}: {source}");
            ApiError::Database { source, request_id }
        })
    }

    /// `GET /exports`: every user, ordered by id. With the outages (the default) the exports
    /// are paused for maintenance.
    pub fn exports(&self) -> Result<Vec<User>, ApiError> {
        if self.outages {
            return Err(ApiError::Maintenance { service: "exports".to_owned(), retry_after: MAINTENANCE_RETRY_AFTER });
        }
        Ok(self.lock().users.values().cloned().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authenticate_reads_bearer_tokens() {
        let store = Store::new();
        assert_eq!(store.authenticate(Some(b"Bearer token-alice")).unwrap(), Caller { user: 1, admin: true });
        assert_eq!(store.authenticate(Some(b"bearer token-bob")).unwrap(), Caller { user: 2, admin: false });
        assert!(matches!(store.authenticate(None), Err(AuthError::MissingToken { .. })));
        assert!(matches!(store.authenticate(Some(b"Basic YWxpY2U6")), Err(AuthError::MissingToken { .. })));
        assert!(matches!(store.authenticate(Some(b"Bearer token-alice ")), Err(AuthError::InvalidToken { .. })));
    }

    #[test]
    fn request_id_keeps_short_tokens_only() {
        let store = Store::new();
        assert_eq!(store.request_id(Some(b"a-B_9.z")), "a-B_9.z");
        assert_eq!(store.request_id(None), "req-000001");
        assert_eq!(store.request_id(Some(b"")), "req-000002");
        assert_eq!(store.request_id(Some(b"two words")), "req-000003");
        assert_eq!(store.request_id(Some("\u{e9}".as_bytes())), "req-000004");
        assert_eq!(store.request_id(Some(&[b'a'; 65])), "req-000005");
        assert_eq!(store.request_id(Some(&[b'a'; 64])), "a".repeat(64));
    }

    #[test]
    fn create_user_validates_fields() {
        let store = Store::new();
        let admin = Caller { user: 1, admin: true };
        let new = |name: &str, email: &str| NewUser { name: name.into(), email: email.into() };
        let long = format!("{}@example.com", "x".repeat(EMAIL_MAX));
        for email in ["", "x", "x@", "@example.com", "x@@y", "@@@", long.as_str()] {
            assert!(matches!(store.create_user(admin, new("x", email)), Err(ApiError::Invalid(_))), "{email}");
        }
        for name in ["", " \t\r\n", &"é".repeat(NAME_MAX + 1)] {
            assert!(matches!(store.create_user(admin, new(name, "x@example.com")), Err(ApiError::Invalid(_))));
        }
        // Any `@` with something else on both sides: the mail server judges the rest.
        for (i, email) in ["x@y", "a@b@c", " @ "].into_iter().enumerate() {
            let user = store.create_user(admin, new(&"é".repeat(NAME_MAX), email)).unwrap();
            assert_eq!((user.id, user.email.as_str()), (3 + i as u64, email));
        }
        let store = Store::new();
        let user = store.create_user(admin, new(" dave\t", "dave@example.com")).unwrap();
        assert_eq!(user, User { id: 3, name: "dave".into(), email: "dave@example.com".into() });
        assert!(matches!(
            store.create_user(admin, new("d", "DAVE@example.com")),
            Err(ApiError::DuplicateEmail { email }) if email == "DAVE@example.com"
        ));
    }

    #[test]
    fn outages_are_on_by_default_and_can_be_turned_off() {
        let store = Store::new();
        assert!(store.outages());
        assert!(
            matches!(store.orders(1, "r1".into()), Err(ApiError::Database { request_id, .. }) if request_id == "r1")
        );
        assert_eq!(store.orders(2, "r2".into()).unwrap(), []);
        assert!(
            matches!(store.exports(), Err(ApiError::Maintenance { ref service, retry_after: 600 }) if service == "exports")
        );

        let store = Store::without_outages();
        assert!(!store.outages());
        assert_eq!(store.orders(1, "r1".into()).unwrap(), [ALICE_ORDER]);
        assert_eq!(store.orders(2, "r2".into()).unwrap(), []);
        assert!(matches!(store.orders(9, "r9".into()), Err(ApiError::UserNotFound(9))));
        let admin = Caller { user: 1, admin: true };
        let carol = store.create_user(admin, NewUser { name: "carol".into(), email: "c@example.com".into() }).unwrap();
        assert_eq!(store.orders(carol.id, "r3".into()).unwrap(), []);
        let ids: Vec<u64> = store.exports().unwrap().iter().map(|u| u.id).collect();
        assert_eq!(ids, [1, 2, 3]);
    }

    #[test]
    fn password_reset_is_limited_per_user() {
        let store = Store::new();
        store.request_password_reset(1).unwrap();
        store.request_password_reset(2).unwrap();
        match store.request_password_reset(1) {
            Err(ApiError::RateLimited { retry_after }) => assert!((1..=60).contains(&retry_after)),
            other => panic!("{other:?}"),
        }
        assert!(matches!(store.request_password_reset(9), Err(ApiError::UserNotFound(9))));
    }
}
