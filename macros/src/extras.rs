//! The header fields, fixed header values and problem members a variant adds, checked: names
//! and values of header fields, single-valued fields named twice, the precedence of fixed
//! values (field > variant > type), and RFC 9457 member names. Used by valid.rs.

use proc_macro2::{Ident, Span};

use crate::ast::{Field, Variant};
use crate::attr::{FieldProblem, Header, HeaderName, MemberHow};
use crate::ctxt::Ctxt;
use crate::names;

/// Header fields and problem members a variant adds.
#[derive(Default)]
pub(crate) struct Extras<'a> {
    pub headers: Vec<HeaderField<'a>>,
    /// Fixed values of the type and the variant, after precedence (a variant's replaces the
    /// type's of its name; a field that always sends replaces both).
    pub fixed: Vec<FixedValue>,
    pub instance: Option<&'a Field<'a>>,
    /// Name, field, and how it is written.
    pub extensions: Vec<(String, &'a Field<'a>, &'a MemberHow)>,
    /// A header field or fixed value of this variant (or a fixed value of the type) was rejected
    /// and reported: no "must carry" error follows from it.
    pub failed: bool,
}

impl Extras<'_> {
    pub(crate) fn is_empty(&self) -> bool {
        self.headers.is_empty() && self.fixed.is_empty() && self.instance.is_none() && self.extensions.is_empty()
    }

    /// The fields the arm binds.
    pub(crate) fn fields(&self) -> Vec<&Field<'_>> {
        let mut used: Vec<&Field> = Vec::with_capacity(self.headers.len() + 1 + self.extensions.len());
        for h in &self.headers {
            used.push(h.field);
        }
        used.extend(self.instance);
        for (_, f, _) in &self.extensions {
            used.push(*f);
        }
        used
    }
}

/// A fixed value a variant sends.
pub(crate) struct FixedValue {
    pub key: HeaderKey,
    pub value: String,
    /// A header field of this name may send nothing (`Option`, `with`): the value is sent
    /// after the fields, only if none of them sent the field (absent means the next one).
    pub default: bool,
}

pub(crate) struct HeaderField<'a> {
    pub key: HeaderKey,
    pub field: &'a Field<'a>,
    pub how: HeaderHow<'a>,
}

pub(crate) enum HeaderHow<'a> {
    /// The field's value.
    Value,
    /// `Option<T>`: sent when `Some`; the type is `T`.
    Optional(&'a syn::Type),
    /// `with = path`: `path(&field)`, an `Option<HeaderValue>`.
    With(&'a syn::Path),
}

#[derive(Clone)]
pub(crate) enum HeaderKey {
    /// An `http::header` constant.
    Const(Ident),
    /// A lower-case field name for `HeaderName::from_static`.
    Name(String, Span),
}

/// The longest header field name `http::HeaderName` accepts (its `MAX_HEADER_NAME_LEN`).
const MAX_HEADER_NAME_LEN: usize = (1 << 16) - 1;

const RESERVED_MEMBERS: &[&str] = &["type", "title", "status", "detail", "instance"];

/// A fixed `#[header(NAME = "value")]`, checked.
pub(crate) struct FixedHeader {
    pub key: HeaderKey,
    pub name: String,
    pub value: String,
}

/// Checks the fixed header values of one place (the type or a variant): `None` when one of them
/// was rejected (reported), so no "must carry" error follows from the set.
pub(crate) fn fixed_headers(cx: &Ctxt, headers: &[Header], place: &str) -> Option<Vec<FixedHeader>> {
    let mut out: Vec<FixedHeader> = Vec::new();
    let mut failed = false;
    for h in headers {
        let Some(lit) = &h.value else { continue };
        if let Some(with) = &h.with {
            cx.error_spanned(with, "`with = path` belongs on a #[header] field, not next to a fixed value");
        }
        let Some(key) = header_key(cx, &h.name) else {
            failed = true;
            continue;
        };
        let value = lit.value();
        let mut bad = None;
        for b in value.bytes() {
            if !(b == b'\t' || (0x20..0x7f).contains(&b)) {
                bad = Some(b);
                break;
            }
        }
        if let Some(bad) = bad {
            cx.error(
                lit.span(),
                format_args!(
                    "#[header({} = {value:?})]: not a valid header value: byte 0x{bad:02x} is not allowed (RFC 9110 §5.5: visible ASCII, space and tab)",
                    key_name(&key)
                ),
            );
            failed = true;
            continue;
        }
        let name = key_name(&key);
        let mut again = false;
        for f in &out {
            again |= f.name == name;
        }
        if again && names::SINGLE_VALUED.contains(&name.as_str()) {
            cx.error(
                h.name.span(),
                format_args!("`{name}` is a single-valued header field and the {place} already sends a fixed `{name}`"),
            );
            continue;
        }
        out.push(FixedHeader { key, name, value });
    }
    if failed {
        None
    } else {
        Some(out)
    }
}

/// The key of a header name, or an error.
fn header_key(cx: &Ctxt, name: &HeaderName) -> Option<HeaderKey> {
    match name {
        HeaderName::Const(ident) => {
            let name = ident.to_string();
            if names::HEADER_CONSTS.contains(&name.as_str()) {
                let lower = names::header_const_to_name(&name);
                if names::RESERVED_HEADERS.contains(&lower.as_str()) {
                    cx.error(ident.span(), format_args!("#[header({name})]: errstatus sets `{lower}` itself"));
                    return None;
                }
                Some(HeaderKey::Const(ident.clone()))
            } else {
                let hint = match names::suggest_header(&name) {
                    Some(s) => format!(", did you mean `{s}`?"),
                    None => ", expected an http::header constant such as RETRY_AFTER, or a string literal".to_owned(),
                };
                cx.error(ident.span(), format_args!("#[header({name})]: unknown header name `{name}`{hint}"));
                None
            }
        }
        HeaderName::Lit(lit) => {
            let value = lit.value();
            if value.len() > MAX_HEADER_NAME_LEN {
                // The name is not repeated: it is that long.
                cx.error(
                    lit.span(),
                    format_args!(
                        "#[header(\"{}...\")]: a header field name of {} bytes is longer than the {MAX_HEADER_NAME_LEN} bytes `http::HeaderName` takes",
                        value.chars().take(16).collect::<String>(),
                        value.len()
                    ),
                );
                return None;
            }
            if !names::is_token(&value) {
                cx.error(
                    lit.span(),
                    format_args!(
                        "#[header({:?})]: {:?} is not a valid header field name (RFC 9110 §5.1)",
                        value, value
                    ),
                );
                return None;
            }
            let lower = value.to_ascii_lowercase();
            if names::RESERVED_HEADERS.contains(&lower.as_str()) {
                cx.error(lit.span(), format_args!("#[header({value:?})]: errstatus sets `{lower}` itself"));
                return None;
            }
            Some(HeaderKey::Name(lower, lit.span()))
        }
    }
}

/// The header fields, fixed values and problem members of a variant; `skip` is its
/// transparent field. A set of fixed values that failed (`None`) adds none and marks the
/// result `failed`.
pub(crate) fn extras<'a>(
    cx: &Ctxt,
    variant: &'a Variant<'a>,
    skip: Option<&'a Field<'a>>,
    type_fixed: Option<&[FixedHeader]>,
    variant_fixed: Option<&[FixedHeader]>,
) -> Extras<'a> {
    let mut out = Extras { failed: type_fixed.is_none() || variant_fixed.is_none(), ..Extras::default() };
    let (type_fixed, variant_fixed) = (type_fixed.unwrap_or_default(), variant_fixed.unwrap_or_default());
    for field in &variant.fields {
        if let Some(s) = skip {
            if s.index == field.index {
                continue;
            }
        }
        let Some(h) = &field.attrs.header else {
            // A malformed #[header], reported by attr.rs.
            out.failed |= field.attrs.header_seen;
            continue;
        };
        if h.value.is_some() {
            continue;
        }
        let Some(key) = header_key(cx, &h.name) else {
            out.failed = true;
            continue;
        };
        let lower = key_name(&key);
        if names::SINGLE_VALUED.contains(&lower.as_str()) && sent_by_field(&out.headers, &lower, false) {
            cx.error(
                h.name.span(),
                format_args!(
                    "`{lower}` is a single-valued header field and `{}` already sends it; a response carries one `{lower}`",
                    variant.ident
                ),
            );
            out.failed = true;
            continue;
        }
        let how = match (&h.with, option_inner(field.ty)) {
            (Some(path), _) => HeaderHow::With(path),
            (None, Some(inner)) => HeaderHow::Optional(inner),
            (None, None) => HeaderHow::Value,
        };
        out.headers.push(HeaderField { key, field, how });
    }
    // Precedence: field > variant > type. A field that may send nothing leaves the fixed value
    // of its name as the default.
    let mut fixed = Vec::new();
    for (place, set) in [(0, variant_fixed), (1, type_fixed)] {
        for f in set {
            // A type's value gives way to the variant's of the same name.
            let mut shadowed = false;
            if place == 1 {
                for v in variant_fixed {
                    shadowed |= v.name == f.name;
                }
            }
            if !shadowed && !sent_by_field(&out.headers, &f.name, true) {
                let default = sent_by_field(&out.headers, &f.name, false);
                fixed.push(FixedValue { key: f.key.clone(), value: f.value.clone(), default });
            }
        }
    }
    out.fixed = fixed;

    for field in &variant.fields {
        match &field.attrs.problem {
            None => {}
            Some(FieldProblem::Instance(span)) => {
                let duplicate = out.instance.replace(field).is_some();
                if duplicate {
                    cx.error(*span, "duplicate #[problem(instance)]: a problem has one instance");
                }
            }
            Some(FieldProblem::Extension { name, span, how }) => {
                let (member, span) = match (name, &field.original.ident) {
                    (Some(lit), _) => (lit.value(), lit.span()),
                    (None, Some(ident)) => {
                        let s = ident.to_string();
                        (names::unraw(&s).to_owned(), *span)
                    }
                    (None, None) => {
                        cx.error(
                            *span,
                            "#[problem(extension)] on a tuple field needs a name: #[problem(extension = \"name\")]",
                        );
                        continue;
                    }
                };
                if RESERVED_MEMBERS.contains(&member.as_str()) {
                    cx.error(
                        span,
                        format_args!("#[problem(extension)]: `{member}` is a member that RFC 9457 §3.1 defines; choose another name with #[problem(extension = \"name\")]"),
                    );
                } else if member.is_empty() {
                    cx.error(span, "#[problem(extension)]: the member name is empty");
                } else if has_member(&out.extensions, &member) {
                    cx.error(span, format_args!("duplicate extension member `{member}`"));
                } else {
                    out.extensions.push((member, field, how));
                }
            }
        }
    }
    out
}

/// Whether a header field of `headers` sends `name` (`always`: whatever its value, not one
/// that may send nothing).
fn sent_by_field(headers: &[HeaderField], name: &str, always: bool) -> bool {
    for h in headers {
        if key_name(&h.key) == name && (!always || matches!(h.how, HeaderHow::Value)) {
            return true;
        }
    }
    false
}

/// Whether `extensions` has a member `name`.
fn has_member(extensions: &[(String, &Field, &MemberHow)], name: &str) -> bool {
    for (m, _, _) in extensions {
        if m == name {
            return true;
        }
    }
    false
}

/// The lower-case field name of a header key.
pub(crate) fn key_name(key: &HeaderKey) -> String {
    match key {
        HeaderKey::Const(ident) => names::header_const_to_name(&ident.to_string()),
        HeaderKey::Name(name, _) => name.clone(),
    }
}

/// `T` of `Option<T>` (also `std::option::Option<T>`).
pub(crate) fn option_inner(ty: &syn::Type) -> Option<&syn::Type> {
    let syn::Type::Path(p) = ty else { return None };
    let seg = p.path.segments.last()?;
    if p.qself.is_some() || seg.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &seg.arguments else { return None };
    match args.args.first() {
        Some(syn::GenericArgument::Type(inner)) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}
