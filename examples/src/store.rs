//! The service logic both frameworks share: an in-memory user store with bearer-token auth,
//! a rate-limited password reset, an orders database that is down, and exports that are
//! paused for maintenance. Every failure is an [`ApiError`].

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::error::{ApiError, AuthError, DbError};

/// A user as the API shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: u64,
    pub name: String,
    pub email: String,
}

/// The body of `POST /users`.
#[derive(Clone, Debug, Deserialize)]
pub struct NewUser {
    pub name: String,
    pub email: String,
}

/// An order (never returned: its database is down).
#[derive(Clone, Debug, Serialize)]
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

/// The address of the orders database: it is in the server's log, never in a response.
pub const ORDERS_DB: &str = "10.0.0.7:5432";

/// The shared state of one service instance.
#[derive(Debug)]
pub struct Store {
    inner: Mutex<Inner>,
    request_ids: AtomicU64,
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
    /// A store with alice (1) and bob (2).
    pub fn new() -> Self {
        let mut users = BTreeMap::new();
        for (id, name) in [(1, "alice"), (2, "bob")] {
            let email = format!("{name}@example.com");
            users.insert(id, User { id, name: name.to_owned(), email });
        }
        Store {
            inner: Mutex::new(Inner { users, next_id: 3, last_reset: HashMap::new() }),
            request_ids: AtomicU64::new(1),
        }
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

    /// `POST /users`: admins only, valid fields, a new email address.
    pub fn create_user(&self, caller: Caller, new: NewUser) -> Result<User, ApiError> {
        if !caller.admin {
            return Err(AuthError::Forbidden { user: caller.user, action: "create users" }.into());
        }
        let name = new.name.trim();
        if name.is_empty() {
            return Err(ApiError::Invalid("name must not be empty".into()));
        }
        let email = new.email.trim();
        match email.split_once('@') {
            Some((local, domain)) if !local.is_empty() && domain.contains('.') && !domain.contains('@') => {}
            _ => return Err(ApiError::Invalid(format!("{email:?} is not an email address"))),
        }
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

    /// `GET /users/{id}/orders`: the orders database is down in this demo.
    pub fn orders(&self, user: u64, request_id: String) -> Result<Vec<Order>, ApiError> {
        self.user(user)?;
        let result: Result<Vec<Order>, DbError> = Err(DbError::ConnectionRefused { addr: ORDERS_DB });
        result.map_err(|source| {
            // The client only sees "Internal Server Error" and the request id: log the rest.
            eprintln!("[{request_id}] orders of user {user}: {source}");
            ApiError::Database { source, request_id }
        })
    }

    /// `GET /exports`: paused for maintenance.
    pub fn exports(&self) -> Result<Vec<u8>, ApiError> {
        Err(ApiError::Maintenance { service: "exports", retry_after: MAINTENANCE_RETRY_AFTER })
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
        for email in ["", "x", "@example.com", "x@localhost", "x@y@example.com"] {
            assert!(matches!(store.create_user(admin, new("x", email)), Err(ApiError::Invalid(_))), "{email}");
        }
        assert!(matches!(store.create_user(admin, new("  ", "x@example.com")), Err(ApiError::Invalid(_))));
        let user = store.create_user(admin, new(" dave ", " dave@example.com ")).unwrap();
        assert_eq!(user, User { id: 3, name: "dave".into(), email: "dave@example.com".into() });
        assert!(matches!(
            store.create_user(admin, new("d", "DAVE@example.com")),
            Err(ApiError::DuplicateEmail { email }) if email == "DAVE@example.com"
        ));
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
