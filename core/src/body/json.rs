//! JSON writing, compiled once: strings escaped as they are written, Display text written
//! straight into the body, and the extension members through serde_json.

use core::fmt::{self, Display};

use serde_core::Serialize;

/// The type of a `#[problem(extension)]` field: any type that implements `serde::Serialize`.
///
/// Implemented for all of them; there is nothing to implement by hand. The trait exists so
/// that a field type that is not `Serialize` gets a compile error that says so:
///
/// ```text
/// error[E0277]: extension member of type `Money` must implement `serde::Serialize`
/// ```
#[diagnostic::on_unimplemented(
    message = "extension member of type `{Self}` must implement `serde::Serialize`",
    label = "a `#[problem(extension)]` field is serialized with serde",
    note = "derive it with `#[derive(serde::Serialize)]` or implement `serde::Serialize` for `{Self}`"
)]
pub trait ExtensionMember {
    /// Appends the value as JSON; `false` (and the text written so far left in `out`) when it
    /// fails to serialize.
    #[doc(hidden)]
    fn __write_json(&self, out: &mut String) -> bool;

    /// The value as JSON, for [`Details::extensions`](crate::body::format::Details::extensions); `None` when
    /// it fails to serialize.
    #[doc(hidden)]
    fn __to_value(&self) -> Option<serde_json::Value>;
}

impl<T: Serialize + ?Sized> ExtensionMember for T {
    fn __write_json(&self, out: &mut String) -> bool {
        serde_json::to_writer(Utf8Writer(out), self).is_ok()
    }

    fn __to_value(&self) -> Option<serde_json::Value> {
        serde_json::to_value(self).ok()
    }
}

/// The type of a `#[problem(extension, display)]` field: any type that implements
/// `std::fmt::Display`. Its Display text is sent as a JSON string.
///
/// Implemented for all of them; there is nothing to implement by hand. The trait exists so
/// that a field type that is not `Display` gets a compile error that says so.
#[diagnostic::on_unimplemented(
    message = "`#[problem(extension, display)]` field of type `{Self}` must implement `std::fmt::Display`",
    label = "the member is this field's Display text",
    note = "implement `std::fmt::Display` for `{Self}`, or send it through serde with `#[problem(extension)]` or through a function with `#[problem(extension, with = path)]`"
)]
pub trait DisplayMember: Display {}

impl<T: Display + ?Sized> DisplayMember for T {}

/// The value of one extension member, as the derived `__problem` hands it over.
pub(crate) enum Member<'a> {
    /// `#[problem(extension)]`: the field through serde.
    Serialize(&'a dyn ExtensionMember),
    /// `#[problem(extension, display)]`: the field's Display text, as a JSON string. (As
    /// `DisplayMember`: a coercion to `dyn Display` would be trait upcasting, stable only
    /// since Rust 1.86.)
    Display(&'a dyn DisplayMember),
    /// `#[problem(extension, with = path)]`: `path(&field)`, made for this response.
    Value(serde_json::Value),
}

impl Member<'_> {
    /// Appends the member's JSON; `false` (and the text written so far left in `out`) when it
    /// fails.
    pub(crate) fn write_json(&self, out: &mut String) -> bool {
        match self {
            Member::Serialize(value) => value.__write_json(out),
            Member::Display(value) => {
                out.push('"');
                let ok = fmt::write(&mut JsonStr(out), format_args!("{value}")).is_ok();
                out.push('"');
                ok
            }
            // Through `Value`'s Display, which serde_json compiles itself: the same compact
            // JSON as `to_writer`, without a copy of the serializer for `Value` in this crate.
            Member::Value(value) => fmt::write(out, format_args!("{value}")).is_ok(),
        }
    }

    /// The member as a `serde_json::Value`; `None` when it fails.
    #[inline]
    pub(crate) fn to_value(&self) -> Option<serde_json::Value> {
        match self {
            Member::Serialize(value) => value.__to_value(),
            Member::Display(value) => {
                let mut text = String::new();
                match fmt::write(&mut text, format_args!("{value}")) {
                    Ok(()) => Some(serde_json::Value::String(text)),
                    Err(_) => None,
                }
            }
            Member::Value(value) => Some(clone_value(value)),
        }
    }
}

/// `v.clone()`, without `Value`'s derived `Clone` (and `BTreeMap`'s), generic code that would
/// be compiled into this crate: the same value, built with what the crate compiles anyway.
#[inline]
pub(crate) fn clone_value(v: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Null => Value::Null,
        Value::Bool(b) => Value::Bool(*b),
        Value::Number(n) => Value::Number(n.clone()),
        Value::String(s) => Value::String(s.clone()),
        Value::Array(list) => {
            let mut out = Vec::with_capacity(list.len());
            let mut i = 0;
            while i < list.len() {
                out.push(clone_value(&list[i]));
                i += 1;
            }
            Value::Array(out)
        }
        Value::Object(map) => {
            let mut out = serde_json::Map::new();
            for (k, x) in map {
                out.insert(k.clone(), clone_value(x));
            }
            Value::Object(out)
        }
    }
}

/// An `io::Write` into a `String`, for serde_json: it writes whole UTF-8 sequences per call
/// (escapes and numbers are ASCII), so each chunk is checked and appended without a copy.
struct Utf8Writer<'a>(&'a mut String);

impl std::io::Write for Utf8Writer<'_> {
    // `#[inline]`: only `ExtensionMember::__write_json`, compiled in the crates with extension
    // members, writes through it.
    #[inline]
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // Matches rather than `map_err` and `?`: generic code compiled here for each.
        match core::str::from_utf8(buf) {
            Ok(text) => {
                self.0.push_str(text);
                Ok(buf.len())
            }
            Err(e) => Err(std::io::Error::new(std::io::ErrorKind::InvalidData, e)),
        }
    }

    #[inline]
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Writes `s` as a JSON string.
/// `bytes` parsed as JSON, `None` when they are not (invalid UTF-8 included). Through
/// `Value`'s `FromStr`, which serde_json compiles itself: serde_json's parser is generic over
/// its input, and `from_slice::<Value>` here would build a copy of it into this crate, or into
/// every crate with a derive from an `#[inline]` caller.
#[inline]
pub(crate) fn parse(bytes: &[u8]) -> Option<serde_json::Value> {
    let Ok(text) = core::str::from_utf8(bytes) else { return None };
    let Ok(value) = text.parse::<serde_json::Value>() else { return None };
    Some(value)
}

pub(crate) fn push_json(buf: &mut String, s: &str) {
    buf.push('"');
    // Writing into a String cannot fail.
    let _ = fmt::Write::write_str(&mut JsonStr(buf), s);
    buf.push('"');
}

/// Writes `,"name":value`; a value that fails to serialize is left out whole.
pub(crate) fn member(buf: &mut String, name: &str, value: &Member<'_>) {
    let start = buf.len();
    buf.push(',');
    push_json(buf, name);
    buf.push(':');
    if !value.write_json(buf) {
        buf.truncate(start);
    }
}

/// Writes `,"name":"<Display text>"`, escaping the text as it is written (no intermediate
/// String). A Display that returns an error leaves the member out whole.
pub(crate) fn display_member(buf: &mut String, name: &str, value: &dyn Display) {
    let start = buf.len();
    buf.push(',');
    push_json(buf, name);
    buf.push_str(":\"");
    if fmt::write(&mut JsonStr(buf), format_args!("{value}")).is_err() {
        buf.truncate(start);
        return;
    }
    buf.push('"');
}

/// A `fmt::Write` that appends the contents of a JSON string (RFC 8259 §7): quotes,
/// backslashes and control characters escaped, everything else as UTF-8.
struct JsonStr<'a>(&'a mut String);

impl fmt::Write for JsonStr<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        // Index loops: iterator adapters here would be generic code compiled in every build.
        let bytes = s.as_bytes();
        let mut plain = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            i += 1;
            let escape = match b {
                b'"' => '"',
                b'\\' => '\\',
                b'\n' => 'n',
                b'\r' => 'r',
                b'\t' => 't',
                0x08 => 'b',
                0x0c => 'f',
                0..=0x1f => 'u',
                _ => continue,
            };
            // `i - 1` is the index of an ASCII byte, so both ends are char boundaries.
            self.0.push_str(s.get(plain..i - 1).unwrap_or_default());
            self.0.push('\\');
            self.0.push(escape);
            if escape == 'u' {
                self.0.push_str("00");
                self.0.push(char::from(HEX[usize::from(b >> 4)]));
                self.0.push(char::from(HEX[usize::from(b & 0xf)]));
            }
            plain = i;
        }
        self.0.push_str(s.get(plain..).unwrap_or_default());
        Ok(())
    }
}
