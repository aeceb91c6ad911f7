//! What a derived `HttpStatus::__catalog` fills in: [`Facts`], the catalogue facts of each
//! variant a type can produce, transparent variants followed into the inner types. The
//! catalogue (catalog/) reads them into its entries.
//!
//! The derive writes the facts of a type's own variants as one JSON string literal (a few
//! tokens per type, whatever the number of variants), and a function pointer per transparent
//! variant:
//!
//! ```text
//! fn __catalog(__d: &mut ::errstatus::__private::Facts) {
//!     __d.add::<Self>("[\"E\",[\"A\",\"A\",404],{\"inner\":0}]",
//!                     &[<Inner as ::errstatus::HttpStatus>::__catalog]);
//! }
//! ```
//!
//! An enum's array starts with its name (a string), and a variant with nothing but its name, code
//! and status is written short, `["A","A",404]` (`,false` after the status when the detail is
//! hidden), a third of the object's length for the derive to write and escape.
//!
//! Each other element of the array is an own variant's entry, with the members of a catalogue entry
//! as JSON (`variant`, `code`, `statuses`, and where they differ from their defaults `type`
//! (none: `about:blank`), `title` (none: the IANA phrase of the status), `description`,
//! `members`, `headers` (none: empty) and `detail_shown` (none: `true`)), or a transparent
//! variant: `inner` (the index of its function pointer), the `headers` and `members` that the
//! outer variant adds to every inner response.

use serde_json::{Map, Value};

use crate::body::json::clone_value;

/// The catalogue facts collected from a type and the types it wraps. Not public API.
#[doc(hidden)]
#[derive(Default)]
pub struct Facts {
    /// One JSON object per variant, in listing order.
    pub(crate) entries: Vec<Value>,
    /// Every type listed: its `type_name`, and the range of `entries` it filled in (`None` at
    /// the end while it is being listed).
    listed: Vec<(&'static str, usize, Option<usize>)>,
    /// What the last [`Facts::add`] filled in (or had filled in before): `None` when nothing
    /// was listed (a hand-written impl) or the type is being listed (recursion).
    last: Option<core::ops::Range<usize>>,
    /// [`Facts::list`], set by `catalog()`: through this pointer, its code (and that of the
    /// JSON values it builds) is compiled only where a catalogue is made, not in every build of
    /// this crate. `None`: nothing is listed.
    pub(crate) lister: Option<Lister>,
}

/// The signature of [`Facts::list`] (and [`Facts::add_named`]): the facts, the type's name,
/// its JSON, the `__catalog` of its transparent fields' types.
pub(crate) type Lister = fn(&mut Facts, &'static str, &'static str, &[fn(&mut Facts)]);

impl Facts {
    /// Lists the type `T`: `own` is the JSON array the derive wrote, `inner` the
    /// `__catalog` of each transparent variant's field type. A type listed before is not
    /// listed again; one that is being listed (a recursive type, A -> B -> A) adds nothing
    /// there: the outer call lists it.
    #[inline]
    pub fn add<T: ?Sized>(&mut self, own: &'static str, inner: &[fn(&mut Facts)]) {
        // Generic only in the name.
        self.add_named(core::any::type_name::<T>(), own, inner)
    }

    // Not `#[inline]`: every derived type's `__catalog` calls it.
    fn add_named(&mut self, name: &'static str, own: &'static str, inner: &[fn(&mut Facts)]) {
        if let Some(list) = self.lister {
            list(self, name, own, inner);
        }
    }

    /// The work of [`Facts::add`]. `#[inline]`, and reached only through the pointer that
    /// `catalog()` (`#[inline]` too) sets: compiled where a catalogue is made.
    #[inline]
    pub(crate) fn list(&mut self, name: &'static str, own: &'static str, inner: &[fn(&mut Facts)]) {
        // Index loops and matches: iterator adapters, `Option` combinators and their closures
        // would be more generic code to compile where it is.
        let mut l = 0;
        while l < self.listed.len() {
            let (listed, start, end) = self.listed[l];
            l += 1;
            if listed == name {
                self.last = None;
                if let Some(end) = end {
                    self.last = Some(start..end);
                }
                return;
            }
        }
        let (slot, start) = (self.listed.len(), self.entries.len());
        self.listed.push((name, start, None));
        // The literal is the derive's own JSON: it always parses.
        let mut own = match crate::body::json::parse(own.as_bytes()) {
            Some(Value::Array(own)) => own,
            _ => Vec::new(),
        };
        let mut prefix = String::new();
        let mut o = 0;
        while o < own.len() {
            let element = take(&mut own, o);
            o += 1;
            let element = match element {
                // An enum's name, before its variants written short.
                Value::String(name) => {
                    prefix = name;
                    prefix.push_str("::");
                    continue;
                }
                Value::Array(short) => plain(&prefix, short),
                element => element,
            };
            let Some(Value::Number(index)) = element.get("inner") else {
                self.entries.push(element);
                continue;
            };
            let Some(index) = index.as_u64() else {
                self.entries.push(element);
                continue;
            };
            let f = match usize::try_from(index) {
                Ok(i) if i < inner.len() => inner[i],
                _ => continue,
            };
            self.last = None;
            f(self);
            if let Some(range) = self.last.take() {
                self.wrap(range, &element);
            }
        }
        let end = self.entries.len();
        self.listed[slot].2 = Some(end);
        self.last = Some(start..end);
    }

    /// Adds a transparent variant's header fields and members (its siblings', its fixed
    /// values) to the inner entries in `range`: a header name once, a member replacing the
    /// inner one of its name, as in the response. Members go only to entries that show them.
    #[inline]
    fn wrap(&mut self, range: core::ops::Range<usize>, outer: &Value) {
        let headers = array(outer, "headers");
        let members = array(outer, "members");
        let Some(entries) = self.entries.get_mut(range) else { return };
        let mut e = 0;
        while e < entries.len() {
            let entry = &mut entries[e];
            e += 1;
            let shown = !matches!(entry.get("detail_shown"), Some(Value::Bool(false)));
            let Value::Object(object) = entry else { continue };
            if !headers.is_empty() {
                if let Some(list) = array_mut(object, "headers") {
                    let mut i = 0;
                    while i < headers.len() {
                        if !contains(list, &headers[i]) {
                            list.push(clone_value(&headers[i]));
                        }
                        i += 1;
                    }
                }
            }
            if !shown || members.is_empty() {
                continue;
            }
            let Some(list) = array_mut(object, "members") else { continue };
            let mut k = 0;
            while k < members.len() {
                let m = &members[k];
                k += 1;
                let name = m.get("name");
                let mut i = 0;
                while i < list.len() {
                    let same_name = match (list[i].get("name"), name) {
                        (Some(a), Some(b)) => same(a, b),
                        (a, b) => a.is_none() && b.is_none(),
                    };
                    if same_name {
                        break;
                    }
                    i += 1;
                }
                if i < list.len() {
                    list[i] = clone_value(m);
                } else {
                    list.push(clone_value(m));
                }
            }
        }
    }
}

/// The entry of a variant written short, `["Name","CODE",404]` (`,false` after the status when
/// the detail is hidden): the object the long form would have been.
#[inline]
fn plain(prefix: &str, mut short: Vec<Value>) -> Value {
    let mut entry = Map::new();
    let mut variant = String::from(prefix);
    if let Value::String(name) = take(&mut short, 0) {
        variant.push_str(&name);
    }
    entry.insert("variant".into(), Value::String(variant));
    entry.insert("code".into(), take(&mut short, 1));
    let mut statuses = Vec::new();
    if short.len() > 2 {
        statuses.push(take(&mut short, 2));
    }
    entry.insert("statuses".into(), Value::Array(statuses));
    if short.len() > 3 {
        entry.insert("detail_shown".into(), take(&mut short, 3));
    }
    Value::Object(entry)
}

/// Element `i` of `list`, left `null` there; `null` if there is none.
#[inline]
fn take(list: &mut [Value], i: usize) -> Value {
    match list.get_mut(i) {
        Some(v) => core::mem::take(v),
        None => Value::Null,
    }
}

// `wrap` and its helpers use index loops and `same` rather than `for` over slices, `Value`'s
// `PartialEq` (maps, vectors, zips), `Vec::contains` and `Map::entry` with closures: `wrap` is
// checked in every build of this crate and compiled wherever a catalogue is made, and each of
// those is generic code to check and instantiate.

/// The array member `key` of `v`, empty if it is none.
#[inline]
fn array<'v>(v: &'v Value, key: &str) -> &'v [Value] {
    match v.get(key) {
        Some(Value::Array(list)) => list,
        _ => &[],
    }
}

/// The array member `key` of `object`, an empty one added if it has none; `None` if it is
/// something else.
#[inline]
fn array_mut<'m>(object: &'m mut Map<String, Value>, key: &str) -> Option<&'m mut Vec<Value>> {
    if !object.contains_key(key) {
        object.insert(key.to_owned(), Value::Array(Vec::new()));
    }
    match object.get_mut(key) {
        Some(Value::Array(list)) => Some(list),
        _ => None,
    }
}

/// Whether `list` holds a value equal to `v`.
#[inline]
fn contains(list: &[Value], v: &Value) -> bool {
    let mut i = 0;
    while i < list.len() {
        if same(&list[i], v) {
            return true;
        }
        i += 1;
    }
    false
}

/// `a == b`, as `Value`'s `PartialEq` says.
#[inline]
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Bool(a), Value::Bool(b)) => a == b,
        (Value::Number(a), Value::Number(b)) => a == b,
        (Value::String(a), Value::String(b)) => a == b,
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                return false;
            }
            let mut i = 0;
            while i < a.len() {
                if !same(&a[i], &b[i]) {
                    return false;
                }
                i += 1;
            }
            true
        }
        // By key: maps are equal whatever their order (with serde_json's `preserve_order`
        // too, as `PartialEq` says).
        (Value::Object(a), Value::Object(b)) => {
            if a.len() != b.len() {
                return false;
            }
            for (k, x) in a {
                match b.get(k) {
                    Some(y) if same(x, y) => {}
                    _ => return false,
                }
            }
            true
        }
        _ => false,
    }
}
