//! A borrowed mirror of the input: the type, its variants and fields, with parsed attributes.
//! A struct is modelled as an enum of one variant whose pattern is `Self`.

use proc_macro2::{Ident, Span};
use syn::{Data, DeriveInput, Fields, Member, Type};

use crate::attr::{self, FieldAttrs, TypeAttrs, VariantAttrs};
use crate::ctxt::Ctxt;

pub(crate) struct Input<'a> {
    pub original: &'a DeriveInput,
    pub attrs: TypeAttrs,
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
    pub attrs: VariantAttrs,
    pub fields: Vec<Field<'a>>,
    /// A unit variant or struct: its pattern is the bare path.
    pub unit: bool,
    /// The doc comment, for OpenAPI descriptions.
    pub doc: String,
    /// The `#[error("...")]` format string (thiserror), for OpenAPI examples.
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
    pub(crate) fn from_syn(cx: &Ctxt, node: &'a DeriveInput) -> Option<Self> {
        let attrs = attr::type_attrs(cx, &node.attrs);
        let (kind, variants) = match &node.data {
            Data::Struct(data) => {
                let fields = fields(cx, &data.fields);
                let v = Variant {
                    ident: &node.ident,
                    attrs: TypeAttrs::default(),
                    fields,
                    unit: matches!(data.fields, Fields::Unit),
                    doc: doc(&node.attrs),
                    error_fmt: error_fmt(&node.attrs),
                };
                (Kind::Struct, vec![v])
            }
            Data::Enum(data) => {
                let variants = data
                    .variants
                    .iter()
                    .map(|v| Variant {
                        ident: &v.ident,
                        attrs: attr::type_attrs(cx, &v.attrs),
                        fields: fields(cx, &v.fields),
                        unit: matches!(v.fields, Fields::Unit),
                        doc: doc(&v.attrs),
                        error_fmt: error_fmt(&v.attrs),
                    })
                    .collect();
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
        Some(Input { original: node, attrs, kind, variants })
    }
}

fn fields<'a>(cx: &Ctxt, fields: &'a Fields) -> Vec<Field<'a>> {
    fields
        .iter()
        .enumerate()
        .map(|(index, f)| Field {
            original: f,
            member: match &f.ident {
                Some(ident) => Member::Named(ident.clone()),
                None => Member::Unnamed(syn::Index { index: index as u32, span: Span::call_site() }),
            },
            index,
            ty: &f.ty,
            attrs: attr::field_attrs(cx, &f.attrs),
        })
        .collect()
}

/// The doc comment: the `#[doc = "..."]` lines joined, trimmed.
fn doc(attrs: &[syn::Attribute]) -> String {
    // Only the OpenAPI document reads it: skip the work (a string decode per line) without it.
    if !cfg!(feature = "utoipa") {
        return String::new();
    }
    let lines: Vec<String> = attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => Some(s.value().trim().to_owned()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    lines.join("\n").trim().to_owned()
}

/// The format string of thiserror's `#[error("...")]`, if the attribute starts with one.
fn error_fmt(attrs: &[syn::Attribute]) -> Option<String> {
    // Only the OpenAPI document reads it; parsing every variant's format string costs a fifth
    // of the derive's own time on a large enum.
    if !cfg!(feature = "utoipa") {
        return None;
    }
    let attr = attrs.iter().find(|a| a.path().is_ident("error"))?;
    attr.parse_args_with(|input: syn::parse::ParseStream| {
        let lit: syn::LitStr = input.parse()?;
        input.parse::<proc_macro2::TokenStream>()?;
        Ok(lit.value())
    })
    .ok()
}
