//! [`Catalog`], its [`Entry`]s and their [`Member`]s, read from the facts a derived
//! `HttpStatus::__catalog` lists (status/facts.rs), and their JSON form.

use http::StatusCode;
use serde_core::ser::{Serialize, SerializeStruct, Serializer};
use serde_json::Value;

use crate::status::facts::Facts;
use crate::status::http_status::HttpStatus;

/// The catalogue of `E`: every entry the type can produce, in declaration order, a
/// transparent variant giving the entries of the type inside (with the header fields and
/// members the outer variant adds). A type reached twice (two transparent variants of one
/// type, a recursive type) is listed once. A type with a hand-written `HttpStatus` impl has no
/// entries.
///
/// ```
/// use errstatus::HttpStatus;
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// enum AuthError {
///     /// No bearer token.
///     #[error("missing token")]
///     #[status(401)]
///     #[header(WWW_AUTHENTICATE = "Bearer")]
///     MissingToken,
/// }
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// enum ApiError {
///     #[error("user {0} not found")]
///     #[status(404)]
///     UserNotFound(u64),
///     #[error(transparent)]
///     #[status(transparent)]
///     Auth(AuthError),
/// }
///
/// let catalog = errstatus::catalog::<ApiError>();
/// let codes: Vec<&str> = catalog.entries().iter().map(|e| e.code()).collect();
/// assert_eq!(codes, ["USER_NOT_FOUND", "MISSING_TOKEN"]);
/// assert_eq!(catalog.entries()[1].headers(), ["www-authenticate"]);
/// ```
#[inline]
pub fn catalog<E: HttpStatus>() -> Catalog {
    let mut facts = Facts::default();
    facts.lister = Some(Facts::list);
    E::__catalog(&mut facts);
    let mut entries = Vec::with_capacity(facts.entries.len());
    for v in &facts.entries {
        entries.push(Entry::from_json(v));
    }
    Catalog { entries }
}

/// Every entry a type can produce: see [`catalog`]. Serializes as a JSON array of its
/// entries.
///
/// ```
/// use errstatus::HttpStatus;
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// #[error("gone")]
/// #[status(410)]
/// struct Gone;
///
/// let json = serde_json::to_value(errstatus::catalog::<Gone>()).unwrap();
/// assert_eq!(json[0]["code"], "GONE");
/// assert_eq!(json[0]["type"], "about:blank");
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalog {
    entries: Vec<Entry>,
}

// `Eq` by hand: the derive adds a function (its field assertions) to compile.
impl Eq for Catalog {}

impl Catalog {
    /// The entries, in the order of the variants (a transparent variant's in its place).
    ///
    /// ```
    /// use errstatus::HttpStatus;
    ///
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// enum E {
    ///     #[error("a")]
    ///     #[status(404)]
    ///     A,
    ///     #[error("b")]
    ///     #[status(409)]
    ///     B,
    /// }
    ///
    /// assert_eq!(errstatus::catalog::<E>().entries().len(), 2);
    /// ```
    #[inline]
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entries whose type URI is `uri` (several variants may share one, with the same
    /// status and members); none for `about:blank`.
    ///
    /// ```
    /// use errstatus::HttpStatus;
    ///
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// #[problem(type = "https://errors.example.com/")]
    /// enum E {
    ///     #[error("gone")]
    ///     #[status(410)]
    ///     Gone,
    /// }
    ///
    /// let catalog = errstatus::catalog::<E>();
    /// assert_eq!(catalog.by_type("https://errors.example.com/gone").count(), 1);
    /// assert_eq!(catalog.by_type("about:blank").count(), 0);
    /// ```
    #[inline]
    pub fn by_type<'a>(&'a self, uri: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries.iter().filter(move |e| e.type_uri() == Some(uri))
    }
}

/// One kind of error response: what a variant sends. Serializes as a JSON object with exactly
/// the members `type` (`about:blank` when the variant has no type URI), `code`, `statuses`,
/// `title`, `description`, `members` (objects with `name` and `schema`), `headers`,
/// `detail_shown` and `variant`.
///
/// ```
/// use errstatus::HttpStatus;
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// enum E {
///     /// Too many requests.
///     #[error("slow down")]
///     #[status(429)]
///     RateLimited {
///         #[header(RETRY_AFTER)]
///         retry_after: u64,
///     },
/// }
///
/// let catalog = errstatus::catalog::<E>();
/// let json = serde_json::to_string(&catalog.entries()[0]).unwrap();
/// assert_eq!(
///     json,
///     r#"{"type":"about:blank","code":"RATE_LIMITED","statuses":[429],"title":"Too Many Requests","description":"Too many requests.","members":[],"headers":["retry-after"],"detail_shown":true,"variant":"E::RateLimited"}"#,
/// );
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    type_uri: Option<String>,
    code: String,
    statuses: Vec<StatusCode>,
    title: Option<String>,
    description: String,
    members: Vec<Member>,
    headers: Vec<String>,
    detail_shown: bool,
    variant: String,
}

// `Eq` by hand: the derive adds a function (its field assertions) to compile.
impl Eq for Entry {}

/// An extension member of an entry: its name and the JSON Schema type of its value, where the
/// derive knows it from the field's type as written. Serializes as `{"name": ..., "schema":
/// {"type": ...}}`, the schema `{}` (any value) when the type is not known.
///
/// ```
/// use errstatus::HttpStatus;
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// #[error("conflict")]
/// #[status(409)]
/// struct Conflict {
///     #[problem(extension)]
///     ids: Vec<u64>,
///     #[problem(extension = "owner")]
///     owner: Option<String>,
/// }
///
/// let catalog = errstatus::catalog::<Conflict>();
/// let members = catalog.entries()[0].members();
/// assert_eq!((members[0].name(), members[0].schema_type()), ("ids", Some("array")));
/// assert_eq!((members[1].name(), members[1].schema_type()), ("owner", Some("string")));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    name: String,
    schema_type: Option<String>,
}

// `Eq` by hand: the derive adds a function (its field assertions) to compile.
impl Eq for Member {}

impl Entry {
    /// Reads one entry the derive wrote (status/facts.rs): a member left out has its default
    /// (see there).
    #[inline]
    fn from_json(v: &Value) -> Entry {
        let mut statuses = Vec::new();
        for s in list(v, "statuses") {
            let Some(code) = s.as_u64() else { continue };
            let Ok(code) = u16::try_from(code) else { continue };
            if let Ok(status) = StatusCode::from_u16(code) {
                statuses.push(status);
            }
        }
        let mut title = text(v, "title");
        if title.is_none() {
            if let Some(entry) = statuses.first().and_then(|s| errstatus_registry::lookup(s.as_u16())) {
                title = Some(entry.reason.to_owned());
            }
        }
        let mut members = Vec::new();
        for m in list(v, "members") {
            let schema_type = match m.get("schema") {
                Some(schema) => text(schema, "type"),
                None => None,
            };
            members.push(Member { name: text(m, "name").unwrap_or_default(), schema_type });
        }
        let mut headers = Vec::new();
        for h in list(v, "headers") {
            if let Some(h) = h.as_str() {
                headers.push(h.to_owned());
            }
        }
        Entry {
            type_uri: text(v, "type"),
            code: text(v, "code").unwrap_or_default(),
            title,
            statuses,
            description: text(v, "description").unwrap_or_default(),
            members,
            headers,
            detail_shown: v.get("detail_shown").and_then(Value::as_bool).unwrap_or(true),
            variant: text(v, "variant").unwrap_or_default(),
        }
    }

    /// The type URI (`#[problem(type = "...")]`, or the type's base and the variant's name in
    /// kebab case); `None` for `about:blank`.
    ///
    /// ```
    /// # use errstatus::HttpStatus;
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// #[error("gone")]
    /// #[status(410)]
    /// #[problem(type = "https://errors.example.com/gone")]
    /// struct Gone;
    ///
    /// let catalog = errstatus::catalog::<Gone>();
    /// assert_eq!(catalog.entries()[0].type_uri(), Some("https://errors.example.com/gone"));
    /// ```
    #[inline]
    pub fn type_uri(&self) -> Option<&str> {
        self.type_uri.as_deref()
    }

    /// The variant's code: `#[problem(code = "...")]`, else its name in SCREAMING_SNAKE_CASE.
    ///
    /// ```
    /// # use errstatus::HttpStatus;
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// #[error("gone")]
    /// #[status(410)]
    /// struct GoneForGood;
    ///
    /// assert_eq!(errstatus::catalog::<GoneForGood>().entries()[0].code(), "GONE_FOR_GOOD");
    /// ```
    #[inline]
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The statuses known at compile time, ascending: the variant's code, or for a status
    /// decided at run time its `Option` fallback, or none.
    ///
    /// ```
    /// # use errstatus::HttpStatus;
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// #[error("upstream said {status}")]
    /// struct Upstream {
    ///     #[status]
    ///     status: http::StatusCode,
    /// }
    ///
    /// assert!(errstatus::catalog::<Upstream>().entries()[0].statuses().is_empty());
    /// ```
    #[inline]
    pub fn statuses(&self) -> &[StatusCode] {
        &self.statuses
    }

    /// The title: `#[problem(title = "...")]`, else the IANA phrase of the status; `None` for
    /// a status decided at run time (its title is the phrase of the status sent).
    ///
    /// ```
    /// # use errstatus::HttpStatus;
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// #[error("too big")]
    /// #[status(413)]
    /// struct TooBig;
    ///
    /// assert_eq!(errstatus::catalog::<TooBig>().entries()[0].title(), Some("Content Too Large"));
    /// ```
    #[inline]
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The variant's doc comment, trimmed (empty without one).
    ///
    /// ```
    /// # use errstatus::HttpStatus;
    /// /// The item is gone.
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// #[error("gone")]
    /// #[status(410)]
    /// struct Gone;
    ///
    /// assert_eq!(errstatus::catalog::<Gone>().entries()[0].description(), "The item is gone.");
    /// ```
    #[inline]
    pub fn description(&self) -> &str {
        &self.description
    }

    /// The extension members a response carries, in declaration order: none when the detail
    /// is hidden (the members are hidden with it).
    ///
    /// ```
    /// # use errstatus::HttpStatus;
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// #[error("conflict")]
    /// #[status(409)]
    /// struct Conflict {
    ///     #[problem(extension)]
    ///     id: u64,
    /// }
    ///
    /// assert_eq!(errstatus::catalog::<Conflict>().entries()[0].members()[0].name(), "id");
    /// ```
    #[inline]
    pub fn members(&self) -> &[Member] {
        &self.members
    }

    /// The names of the header fields a response may carry (lower case): the `#[header]`
    /// fields and the fixed values of the variant and the type.
    ///
    /// ```
    /// # use errstatus::HttpStatus;
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// #[error("login")]
    /// #[status(401)]
    /// #[header(WWW_AUTHENTICATE = "Bearer")]
    /// struct Login;
    ///
    /// assert_eq!(errstatus::catalog::<Login>().entries()[0].headers(), ["www-authenticate"]);
    /// ```
    #[inline]
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// Whether the body shows the detail (and the extension members): a 4xx unless
    /// `expose = false`, a 5xx only with `expose`. For a status decided at run time without
    /// `expose` either way, as its fallback code's class says, or `true` without one (a 5xx
    /// sent at run time still hides it).
    ///
    /// ```
    /// # use errstatus::HttpStatus;
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// #[error("db down")]
    /// #[status(500)]
    /// struct Db;
    ///
    /// assert!(!errstatus::catalog::<Db>().entries()[0].detail_shown());
    /// ```
    #[inline]
    pub fn detail_shown(&self) -> bool {
        self.detail_shown
    }

    /// The variant, as `Type::Variant` (a struct's name for a struct).
    ///
    /// ```
    /// # use errstatus::HttpStatus;
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// enum E {
    ///     #[error("a")]
    ///     #[status(404)]
    ///     A,
    /// }
    ///
    /// assert_eq!(errstatus::catalog::<E>().entries()[0].variant(), "E::A");
    /// ```
    #[inline]
    pub fn variant(&self) -> &str {
        &self.variant
    }
}

/// The string member `key` of `v`, if it is one.
#[inline]
fn text(v: &Value, key: &str) -> Option<String> {
    match v.get(key) {
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    }
}

/// The array member `key` of `v`, empty if it is none.
#[inline]
fn list<'v>(v: &'v Value, key: &str) -> &'v [Value] {
    match v.get(key) {
        Some(Value::Array(list)) => list,
        _ => &[],
    }
}

impl Member {
    /// The member's name in the body.
    ///
    /// ```
    /// # use errstatus::HttpStatus;
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// #[error("conflict")]
    /// #[status(409)]
    /// struct Conflict {
    ///     #[problem(extension = "price")]
    ///     cost: u64,
    /// }
    ///
    /// assert_eq!(errstatus::catalog::<Conflict>().entries()[0].members()[0].name(), "price");
    /// ```
    #[inline]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The JSON Schema type of the value (`string`, `integer`, `number`, `boolean`, `array`,
    /// `object`), read from the field's type as written: strings (`String`, `&str`,
    /// `Cow<str>`, `char`), integer and float types, `bool`, sequences and sets, maps, and
    /// `Option<T>`, `Box<T>`, `Arc<T>`, `Rc<T>` and `&T` as `T`; a `display` member is a string.
    /// `None` for any other type.
    ///
    /// ```
    /// # use errstatus::HttpStatus;
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// #[error("conflict")]
    /// #[status(409)]
    /// struct Conflict {
    ///     #[problem(extension)]
    ///     ratio: f64,
    ///     #[problem(extension)]
    ///     other: serde_json::Value,
    /// }
    ///
    /// let catalog = errstatus::catalog::<Conflict>();
    /// let members = catalog.entries()[0].members();
    /// assert_eq!(members[0].schema_type(), Some("number"));
    /// assert_eq!(members[1].schema_type(), None);
    /// ```
    #[inline]
    pub fn schema_type(&self) -> Option<&str> {
        self.schema_type.as_deref()
    }
}

impl Serialize for Catalog {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.entries.serialize(serializer)
    }
}

/// `s.serialize_field(key, value)`, returning its error: a plain `if let` is less for rustc
/// to check than `?` (a `Try` call and a `From` conversion per member). Its callers allow
/// `clippy::question_mark`.
macro_rules! field {
    ($s:ident, $key:literal, $value:expr) => {
        if let Err(e) = $s.serialize_field($key, $value) {
            return Err(e);
        }
    };
}

impl Serialize for Entry {
    #[allow(clippy::question_mark)]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut statuses: Vec<u16> = Vec::with_capacity(self.statuses.len());
        for status in &self.statuses {
            statuses.push(status.as_u16());
        }
        let mut s = match serializer.serialize_struct("Entry", 9) {
            Ok(s) => s,
            Err(e) => return Err(e),
        };
        field!(s, "type", self.type_uri().unwrap_or("about:blank"));
        field!(s, "code", &self.code);
        field!(s, "statuses", &statuses);
        field!(s, "title", &self.title);
        field!(s, "description", &self.description);
        field!(s, "members", &self.members);
        field!(s, "headers", &self.headers);
        field!(s, "detail_shown", &self.detail_shown);
        field!(s, "variant", &self.variant);
        s.end()
    }
}

impl Serialize for Member {
    #[allow(clippy::question_mark)]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = match serializer.serialize_struct("Member", 2) {
            Ok(s) => s,
            Err(e) => return Err(e),
        };
        field!(s, "name", &self.name);
        // The JSON Schema of its type, `{"type": ...}`, or `{}` (any value).
        let mut schema = serde_json::Map::new();
        if let Some(ty) = &self.schema_type {
            schema.insert("type".to_owned(), Value::String(ty.clone()));
        }
        field!(s, "schema", &schema);
        s.end()
    }
}
