//! Parsing of `#[status(...)]`, `#[header(...)]` and `#[problem(...)]` into typed options.
//! Every parse error goes to the `Ctxt`; a malformed attribute is remembered as "seen" so
//! that no second error ("missing #[status]") follows from the first.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{Attribute, LitInt, LitStr, Meta, Token};

use crate::ctxt::Ctxt;

/// The CODE of `#[status(CODE)]` and `status!(CODE)`.
pub(crate) enum Code {
    /// `404`
    Lit(LitInt),
    /// `NOT_FOUND`, `StatusCode::NOT_FOUND`, `http::StatusCode::NOT_FOUND`
    Name(syn::Path),
}

impl Code {
    /// The smallest token to point at: the literal or the last path segment.
    pub(crate) fn span(&self) -> Span {
        match self {
            Code::Lit(lit) => lit.span(),
            Code::Name(path) => path.segments.last().map_or_else(|| path.span(), |s| s.ident.span()),
        }
    }

    /// The code as the user wrote it, for messages: `404`, `NOT_FOUND`.
    pub(crate) fn written(&self) -> String {
        match self {
            Code::Lit(lit) => lit.to_string(),
            Code::Name(path) => path_string(path),
        }
    }
}

pub(crate) fn path_string(path: &syn::Path) -> String {
    path.to_token_stream().to_string().replace(' ', "")
}

pub(crate) enum StatusArg {
    Code(Code),
    Transparent(Span),
}

/// A parsed `#[status(...)]`.
pub(crate) struct Status {
    pub arg: StatusArg,
    /// `expose`: show the Display text of a 5xx.
    pub expose: Option<Span>,
    /// `acknowledge`: the author knows why the code is questionable; no warning.
    pub acknowledge: Option<Span>,
}

/// The NAME of `#[header(NAME)]`.
pub(crate) enum HeaderName {
    /// `RETRY_AFTER` or `http::header::RETRY_AFTER`: the ident is the last segment.
    Const(syn::Ident),
    /// `"x-request-id"`
    Lit(LitStr),
}

pub(crate) struct Header<'a> {
    pub original: &'a Attribute,
    pub name: HeaderName,
}

/// `#[problem(type = "...", title = "...")]` on a type or variant.
#[derive(Default)]
pub(crate) struct ProblemKind {
    pub type_: Option<LitStr>,
    pub title: Option<LitStr>,
}

/// `#[problem(extension)]`, `#[problem(extension = "name")]` or `#[problem(instance)]` on a field.
pub(crate) enum FieldProblem {
    Extension { name: Option<LitStr>, span: Span },
    Instance(Span),
}

/// Options found on the type (`#[status]` default, `#[problem]` kind).
#[derive(Default)]
pub(crate) struct TypeAttrs {
    pub status: Option<Status>,
    /// A `#[status]` attribute was present, even if malformed.
    pub status_seen: bool,
    pub problem: ProblemKind,
}

/// Options found on a variant: the same as on the type.
pub(crate) type VariantAttrs = TypeAttrs;

#[derive(Default)]
pub(crate) struct FieldAttrs<'a> {
    pub header: Option<Header<'a>>,
    /// A `#[header]` attribute was present, even if malformed.
    pub header_seen: bool,
    pub problem: Option<FieldProblem>,
}

mod kw {
    syn::custom_keyword!(transparent);
    syn::custom_keyword!(expose);
    syn::custom_keyword!(acknowledge);
}

/// Checks that `attr` is `#[name(...)]` and returns its argument tokens.
fn args<'a>(cx: &Ctxt, attr: &'a Attribute, usage: &str) -> Option<&'a TokenStream> {
    match &attr.meta {
        Meta::List(list) if matches!(list.delimiter, syn::MacroDelimiter::Paren(_)) => Some(&list.tokens),
        _ => {
            cx.error_spanned(attr, format_args!("malformed attribute, expected {usage}"));
            None
        }
    }
}

pub(crate) fn type_attrs(cx: &Ctxt, attrs: &[Attribute]) -> TypeAttrs {
    let mut out = TypeAttrs::default();
    for attr in attrs {
        if attr.path().is_ident("status") {
            if out.status_seen {
                cx.error_spanned(attr, "duplicate #[status] attribute");
                continue;
            }
            out.status_seen = true;
            out.status = parse_status(cx, attr);
        } else if attr.path().is_ident("problem") {
            parse_problem_kind(cx, attr, &mut out.problem);
        } else if attr.path().is_ident("header") {
            cx.error_spanned(attr, "#[header(...)] belongs on a field, not on a type or variant");
        }
    }
    out
}

pub(crate) fn field_attrs<'a>(cx: &Ctxt, attrs: &'a [Attribute]) -> FieldAttrs<'a> {
    let mut out = FieldAttrs::default();
    for attr in attrs {
        if attr.path().is_ident("header") {
            if out.header_seen {
                cx.error_spanned(attr, "duplicate #[header] attribute");
                continue;
            }
            out.header_seen = true;
            out.header = parse_header(cx, attr);
        } else if attr.path().is_ident("problem") {
            if out.problem.is_some() {
                cx.error_spanned(attr, "duplicate #[problem] attribute on a field");
                continue;
            }
            out.problem = parse_field_problem(cx, attr);
        } else if attr.path().is_ident("status") {
            cx.error_spanned(attr, "#[status(...)] belongs on a type or a variant, not on a field");
        }
    }
    out
}

const STATUS_USAGE: &str = "#[status(CODE)], #[status(CODE, expose)] or #[status(transparent)]";

fn parse_status(cx: &Ctxt, attr: &Attribute) -> Option<Status> {
    let tokens = args(cx, attr, STATUS_USAGE)?;
    if tokens.is_empty() {
        cx.error_spanned(attr, format_args!("#[status] needs a status code: {STATUS_USAGE}"));
        return None;
    }
    let parser = |input: ParseStream| -> syn::Result<Status> {
        let arg = if input.peek(kw::transparent) {
            StatusArg::Transparent(input.parse::<kw::transparent>()?.span)
        } else {
            StatusArg::Code(parse_code(input)?)
        };
        let mut status = Status { arg, expose: None, acknowledge: None };
        while !input.is_empty() {
            if !input.peek(Token![,]) {
                let tt: proc_macro2::TokenTree = input.parse()?;
                return Err(syn::Error::new(
                    tt.span(),
                    format_args!("unexpected `{tt}` after the status code, expected `,` or the end of #[status(...)]"),
                ));
            }
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            if input.peek(kw::expose) {
                let span = input.parse::<kw::expose>()?.span;
                if status.expose.replace(span).is_some() {
                    return Err(syn::Error::new(span, "duplicate `expose` in #[status]"));
                }
            } else if input.peek(kw::acknowledge) {
                let span = input.parse::<kw::acknowledge>()?.span;
                if status.acknowledge.replace(span).is_some() {
                    return Err(syn::Error::new(span, "duplicate `acknowledge` in #[status]"));
                }
            } else {
                let tt: proc_macro2::TokenTree = input.parse()?;
                return Err(syn::Error::new(
                    tt.span(),
                    format_args!("unknown #[status] argument `{tt}`, expected `expose` or `acknowledge`"),
                ));
            }
        }
        Ok(status)
    };
    match parser.parse2(tokens.clone()) {
        Ok(status) => Some(status),
        Err(err) => {
            cx.syn_error(err);
            None
        }
    }
}

/// Parses a CODE: an integer literal or a path ending in a constant name.
pub(crate) fn parse_code(input: ParseStream) -> syn::Result<Code> {
    if input.peek(LitInt) {
        return Ok(Code::Lit(input.parse()?));
    }
    if input.peek(syn::Ident) || input.peek(Token![::]) {
        let path: syn::Path = input.call(syn::Path::parse_mod_style)?;
        return Ok(Code::Name(path));
    }
    let tt: proc_macro2::TokenTree = input.parse()?;
    let hint = match &tt {
        proc_macro2::TokenTree::Literal(lit) if lit.to_string().starts_with('"') => {
            format!(", write it without quotes: {}", lit.to_string().trim_matches('"'))
        }
        _ => String::new(),
    };
    Err(syn::Error::new(tt.span(), format_args!("expected a status code such as 404 or NOT_FOUND, found `{tt}`{hint}")))
}

fn parse_header<'a>(cx: &Ctxt, attr: &'a Attribute) -> Option<Header<'a>> {
    let usage = "#[header(NAME)] with an http::header constant or a string literal";
    let tokens = args(cx, attr, usage)?;
    let parser = |input: ParseStream| -> syn::Result<HeaderName> {
        let name = if input.peek(LitStr) {
            HeaderName::Lit(input.parse()?)
        } else if input.peek(syn::Ident) || input.peek(Token![::]) {
            let path = input.call(syn::Path::parse_mod_style)?;
            match path.segments.last() {
                Some(seg) => HeaderName::Const(seg.ident.clone()),
                None => return Err(syn::Error::new_spanned(path, "expected a header name")),
            }
        } else {
            return Err(input.error(format_args!("expected {usage}")));
        };
        if !input.is_empty() {
            return Err(input.error("unexpected tokens after the header name"));
        }
        Ok(name)
    };
    match parser.parse2(tokens.clone()) {
        Ok(name) => Some(Header { original: attr, name }),
        Err(err) => {
            cx.syn_error(err);
            None
        }
    }
}

fn parse_problem_kind(cx: &Ctxt, attr: &Attribute, out: &mut ProblemKind) {
    if args(cx, attr, "#[problem(type = \"...\", title = \"...\")]").is_none() {
        return;
    }
    let res = attr.parse_nested_meta(|meta| {
        let slot = if meta.path.is_ident("type") {
            &mut out.type_
        } else if meta.path.is_ident("title") {
            &mut out.title
        } else {
            let name = path_string(&meta.path);
            return Err(meta.error(format_args!("unknown #[problem] argument `{name}`, expected `type` or `title`")));
        };
        let what = path_string(&meta.path);
        let lit: LitStr = meta.value()?.parse().map_err(|e: syn::Error| {
            syn::Error::new(e.span(), format_args!("#[problem({what} = ...)] expects a string literal"))
        })?;
        if slot.is_some() {
            return Err(syn::Error::new(lit.span(), "duplicate #[problem] argument"));
        }
        *slot = Some(lit);
        Ok(())
    });
    if let Err(err) = res {
        cx.syn_error(err);
    }
}

fn parse_field_problem(cx: &Ctxt, attr: &Attribute) -> Option<FieldProblem> {
    args(cx, attr, "#[problem(extension)], #[problem(extension = \"name\")] or #[problem(instance)]")?;
    let mut out = None;
    let res = attr.parse_nested_meta(|meta| {
        let span = meta.path.span();
        let parsed = if meta.path.is_ident("extension") {
            let name = if meta.input.peek(Token![=]) {
                let value = meta.value()?;
                Some(value.parse::<LitStr>().map_err(|e| {
                    syn::Error::new(e.span(), "#[problem(extension = ...)] expects a string literal member name")
                })?)
            } else {
                None
            };
            FieldProblem::Extension { name, span }
        } else if meta.path.is_ident("instance") {
            FieldProblem::Instance(span)
        } else {
            let name = path_string(&meta.path);
            return Err(meta.error(format_args!(
                "unknown #[problem] field argument `{name}`, expected `extension`, `extension = \"name\"` or `instance`"
            )));
        };
        if out.replace(parsed).is_some() {
            return Err(syn::Error::new(span, "a field is either one extension member or the instance"));
        }
        Ok(())
    });
    if let Err(err) = res {
        cx.syn_error(err);
        return None;
    }
    if out.is_none() {
        cx.error_spanned(attr, "#[problem()] on a field needs `extension` or `instance`");
    }
    out
}
