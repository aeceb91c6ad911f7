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

use serde_json::Value;

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
}

impl Facts {
    /// Lists the type `T`: `own` is the JSON array the derive wrote, `inner` the
    /// `__catalog` of each transparent variant's field type. A type listed before is not
    /// listed again; one that is being listed (a recursive type, A -> B -> A) adds nothing
    /// there: the outer call lists it.
    #[inline]
    pub fn add<T: ?Sized>(&mut self, own: &'static str, inner: &[fn(&mut Facts)]) {
        // Generic only in the name: the work is compiled once, here.
        self.add_named(core::any::type_name::<T>(), own, inner)
    }

    // Not `#[inline]`: every derived type's `__catalog` calls it, and inline its code (JSON
    // values, maps) would be compiled again into every crate with a derive.
    fn add_named(&mut self, name: &'static str, own: &'static str, inner: &[fn(&mut Facts)]) {
        if let Some(&(_, start, end)) = self.listed.iter().find(|(n, ..)| *n == name) {
            self.last = end.map(|end| start..end);
            return;
        }
        let (slot, start) = (self.listed.len(), self.entries.len());
        self.listed.push((name, start, None));
        // The literal is the derive's own JSON: it always parses.
        let own = match crate::body::json::parse(own.as_bytes()) {
            Some(Value::Array(own)) => own,
            _ => Vec::new(),
        };
        let mut prefix = String::new();
        for element in own {
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
            let Some(index) = element.get("inner").and_then(Value::as_u64) else {
                self.entries.push(element);
                continue;
            };
            let Some(f) = usize::try_from(index).ok().and_then(|i| inner.get(i)) else { continue };
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
        let strings = |key: &str| outer.get(key).and_then(Value::as_array).cloned().unwrap_or_default();
        let (headers, members) = (strings("headers"), strings("members"));
        for entry in self.entries.get_mut(range).unwrap_or_default() {
            let shown = entry.get("detail_shown").and_then(Value::as_bool).unwrap_or(true);
            let Some(object) = entry.as_object_mut() else { continue };
            if !headers.is_empty() {
                let list = object.entry("headers").or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(list) = list {
                    for h in &headers {
                        if !list.contains(h) {
                            list.push(h.clone());
                        }
                    }
                }
            }
            if !shown || members.is_empty() {
                continue;
            }
            let list = object.entry("members").or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(list) = list {
                for m in &members {
                    match list.iter_mut().find(|have| have.get("name") == m.get("name")) {
                        Some(slot) => *slot = m.clone(),
                        None => list.push(m.clone()),
                    }
                }
            }
        }
    }
}

/// The entry of a variant written short, `["Name","CODE",404]` (`,false` after the status when
/// the detail is hidden): the object the long form would have been.
fn plain(prefix: &str, short: Vec<Value>) -> Value {
    let mut short = short.into_iter();
    let mut entry = serde_json::Map::new();
    let mut variant = String::from(prefix);
    if let Some(Value::String(name)) = short.next() {
        variant.push_str(&name);
    }
    entry.insert("variant".into(), Value::String(variant));
    entry.insert("code".into(), short.next().unwrap_or_default());
    entry.insert("statuses".into(), Value::Array(short.next().into_iter().collect()));
    if let Some(shown) = short.next() {
        entry.insert("detail_shown".into(), shown);
    }
    Value::Object(entry)
}
