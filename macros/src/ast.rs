//! A borrowed mirror of the input: the type, its variants and fields, with parsed attributes.
//! A struct is modelled as an enum of one variant whose pattern is `Self`.

use proc_macro2::{Ident, Span};
use syn::{Data, DeriveInput, Fields, Member, Type};

use crate::attr::{self, ContainerAttrs, FieldAttrs, TypeAttrs, VariantAttrs};
use crate::ctxt::Ctxt;

pub(crate) struct Input<'a> {
    pub original: &'a DeriveInput,
    /// `#[errstatus(...)]`.
    pub container: ContainerAttrs,
    pub attrs: TypeAttrs<'a>,
    pub kind: Kind,
    pub variants: Vec<Variant<'a>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Struct,
    Enum,
}

pub(crate) struct Variant<'a> {
    /// The variant's ident (the type's ident for a struct).
    pub ident: &'a Ident,
    pub attrs: VariantAttrs<'a>,
    pub fields: Vec<Field<'a>>,
    /// A unit variant or struct: its pattern is the bare path.
    pub unit: bool,
    /// The doc comment, for the catalogue and OpenAPI descriptions.
    pub doc: String,
    /// The `#[error("...")]` format string (thiserror), for OpenAPI examples.
    #[cfg_attr(not(any(feature = "utoipa", feature = "aide", feature = "poem-openapi")), allow(dead_code))]
    pub error_fmt: Option<String>,
}

pub(crate) struct Field<'a> {
    pub original: &'a syn::Field,
    pub member: Member,
    pub index: usize,
    pub ty: &'a Type,
    pub attrs: FieldAttrs<'a>,
}

impl<'a> Input<'a> {
    /// Parses the input; errors (a union, malformed attributes) go to `cx`.
    #[allow(clippy::vec_init_then_push)]
    pub(crate) fn from_syn(cx: &Ctxt, node: &'a DeriveInput) -> Option<Self> {
        let container = attr::container_attrs(cx, &node.attrs);
        let attrs = attr::type_attrs(cx, &node.attrs, false);
        let (kind, variants) = match &node.data {
            Data::Struct(data) => {
                let v = variant(cx, &node.ident, TypeAttrs::default(), &node.attrs, &data.fields);
                // Not `vec![v]`: that is one more generic function (boxed slice into `Vec`).
                let mut variants = Vec::with_capacity(1);
                variants.push(v);
                (Kind::Struct, variants)
            }
            Data::Enum(data) => {
                let mut variants = Vec::with_capacity(data.variants.len());
                for v in &data.variants {
                    let attrs = attr::type_attrs(cx, &v.attrs, true);
                    variants.push(variant(cx, &v.ident, attrs, &v.attrs, &v.fields));
                }
                (Kind::Enum, variants)
            }
            Data::Union(data) => {
                cx.error(
                    data.union_token.span,
                    "#[derive(HttpStatus)] does not support unions; use an enum or a struct",
                );
                return None;
            }
        };
        Some(Input { original: node, container, attrs, kind, variants })
    }
}

/// A variant (or the struct) with its parsed attributes; `attrs` its written ones, for the doc
/// comment and the format string.
fn variant<'a>(
    cx: &Ctxt,
    ident: &'a Ident,
    parsed: VariantAttrs<'a>,
    attrs: &'a [syn::Attribute],
    data: &'a Fields,
) -> Variant<'a> {
    Variant {
        ident,
        attrs: parsed,
        fields: fields(cx, data),
        unit: matches!(data, Fields::Unit),
        doc: doc(attrs),
        error_fmt: error_fmt(attrs, data),
    }
}

fn fields<'a>(cx: &Ctxt, fields: &'a Fields) -> Vec<Field<'a>> {
    let mut out = Vec::with_capacity(fields.len());
    for (index, f) in fields.iter().enumerate() {
        attr::misplaced_errstatus(cx, &f.attrs, "field");
        out.push(Field {
            original: f,
            member: match &f.ident {
                Some(ident) => Member::Named(ident.clone()),
                None => Member::Unnamed(syn::Index { index: index as u32, span: Span::call_site() }),
            },
            index,
            ty: &f.ty,
            attrs: attr::field_attrs(cx, &f.attrs),
        });
    }
    out
}

/// Calls `f` with a field's type as syn reads it: `scan` keeps the type of a field without
/// attributes as tokens, which is all the derive needs of it except where it looks inside (a
/// `#[status(transparent)]` default checks the field is not a `StatusCode`; the OpenAPI
/// examples print it as syn does).
pub(crate) fn with_parsed_type<R>(ty: &Type, f: impl FnOnce(&Type) -> R) -> R {
    match parse_verbatim(ty) {
        Some(parsed) => f(&parsed),
        None => f(ty),
    }
}

/// The type kept as tokens, read by syn; `None` for a type syn read already (or tokens it
/// cannot read). Not generic: the copies of [`with_parsed_type`] stay small.
#[allow(clippy::manual_ok_err)]
fn parse_verbatim(ty: &Type) -> Option<Type> {
    match ty {
        Type::Verbatim(tokens) => match syn::parse2::<Type>(tokens.clone()) {
            Ok(parsed) => Some(parsed),
            Err(_) => None,
        },
        _ => None,
    }
}

/// Only the OpenAPI document (features `utoipa`, `aide`) reads the format string: without
/// them, it is neither read nor built.
#[cfg(not(any(feature = "utoipa", feature = "aide", feature = "poem-openapi")))]
fn error_fmt(_: &[syn::Attribute], _: &Fields) -> Option<String> {
    None
}

/// The doc comment (for the catalogue and the OpenAPI documents): the `#[doc = "..."]` lines,
/// each trimmed, joined, trimmed. Read whatever the features, in one pass without a line list.
fn doc(attrs: &[syn::Attribute]) -> String {
    let mut out = String::new();
    for attr in attrs {
        let syn::Meta::NameValue(nv) = &attr.meta else { continue };
        let syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) = &nv.value else { continue };
        if !nv.path.is_ident("doc") {
            continue;
        }
        let line = s.value();
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line.trim());
    }
    let trimmed = out.trim();
    if trimmed.len() != out.len() {
        out = trimmed.to_owned();
    }
    out
}

/// The format string of thiserror's `#[error("...")]`, if the attribute starts with one, with
/// its placeholders marked for a reader of the docs: `user {0} not found` becomes
/// `user <u64> not found` (a tuple field shows its type), `{email}` becomes `<email>`.
///
/// A `#[problem(detail = "...")]` is the body's detail: its format string, marked the same way,
/// comes first.
#[cfg(any(feature = "utoipa", feature = "aide", feature = "poem-openapi"))]
fn error_fmt(attrs: &[syn::Attribute], fields: &Fields) -> Option<String> {
    let mut detail = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("problem")) {
        // Errors are reported by attr.rs.
        let _ = attr::nested(attr, &mut |meta| {
            if meta.path.is_ident("detail") {
                detail = Some(meta.value()?.parse::<syn::LitStr>()?.value());
            } else if meta.input.peek(syn::Token![=]) {
                meta.value()?.parse::<proc_macro2::TokenTree>()?;
            }
            Ok(())
        });
    }
    if let Some(detail) = detail {
        return Some(mark_placeholders(&detail, fields));
    }
    let attr = attrs.iter().find(|a| a.path().is_ident("error"))?;
    attr.parse_args_with(|input: syn::parse::ParseStream| {
        let lit: syn::LitStr = input.parse()?;
        input.parse::<proc_macro2::TokenStream>()?;
        Ok(lit.value())
    })
    .ok()
    .map(|fmt| mark_placeholders(&fmt, fields))
}

/// `{0}`, `{0:?}`, `{name}`, `{name.x}` -> `<type of field 0>`, `<name>`, `<name.x>`; `{{` and
/// `}}` -> `{` and `}`.
#[cfg(any(feature = "utoipa", feature = "aide", feature = "poem-openapi"))]
fn mark_placeholders(fmt: &str, fields: &Fields) -> String {
    let mut out = String::with_capacity(fmt.len());
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let mut inner = String::new();
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                    inner.push(c);
                }
                let arg = inner.split(':').next().unwrap_or("").trim();
                // As a u16, the one integer type this crate parses text into.
                let shown = match arg.parse::<u16>() {
                    Ok(i) => match fields.iter().nth(usize::from(i)) {
                        Some(f) => {
                            let ty = with_parsed_type(&f.ty, |ty| quote::ToTokens::to_token_stream(ty).to_string());
                            ty.replace(" < ", "<").replace(" > ", ">").replace(" >", ">").replace(" :: ", "::")
                        }
                        None => arg.to_owned(),
                    },
                    Err(_) => crate::names::unraw(arg).to_owned(),
                };
                out.push('<');
                out.push_str(if shown.is_empty() { "value" } else { &shown });
                out.push('>');
            }
            c => out.push(c),
        }
    }
    out
}
