//! Parsing of `#[status(...)]`, `#[header(...)]` and `#[problem(...)]` into typed options.
//! Every parse error goes to the `Ctxt`; a malformed attribute is remembered as "seen" so
//! that no second error ("missing #[status]") follows from the first.

// `let ... else` rather than `?` on an `Option`: each `Option` type under `?` is one more
// function built into this crate (and a call in the unoptimized derive).
#![allow(clippy::question_mark)]

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{Attribute, LitInt, LitStr, Meta, Token};

use crate::ctxt::Ctxt;

/// What the nested-meta parsers below call for each item.
type NestedFn<'f> = dyn FnMut(syn::meta::ParseNestedMeta) -> syn::Result<()> + 'f;

/// `attr.parse_nested_meta(f)` with `f` behind `dyn`: syn's parser is generic over `f`, and a
/// closure per attribute would build a copy of it into this crate for each.
pub(crate) fn nested(attr: &Attribute, f: &mut NestedFn) -> syn::Result<()> {
    attr.parse_nested_meta(f)
}

/// `meta.parse_nested_meta(f)`, as [`nested`].
fn nested_in(meta: &syn::meta::ParseNestedMeta, f: &mut NestedFn) -> syn::Result<()> {
    meta.parse_nested_meta(f)
}

/// What [`parse_tokens`] runs over the tokens: it keeps what it reads in its captures.
pub(crate) type ParseFn<'f> = dyn FnMut(ParseStream) -> syn::Result<()> + 'f;

/// `f.parse2(tokens)` with `f` behind `dyn`: one copy of syn's parser driver in this crate for
/// every parser here, not one per closure.
pub(crate) fn parse_tokens(tokens: TokenStream, f: &mut ParseFn) -> syn::Result<()> {
    f.parse2(tokens)
}

/// `span` into `slot`, the first time; the second, `msg` at it.
fn once(slot: &mut Option<Span>, span: Span, msg: &str) -> syn::Result<()> {
    if slot.replace(span).is_some() {
        return Err(syn::Error::new(span, msg));
    }
    Ok(())
}

/// `with = path`, if that comes next (in `#[status]` and `#[header]`).
fn with_path(input: ParseStream) -> syn::Result<Option<syn::Path>> {
    if !(peek_word(input, "with") && input.peek2(Token![=])) {
        return Ok(None);
    }
    parse_word(input)?;
    input.parse::<Token![=]>()?;
    Ok(Some(input.call(syn::Path::parse_mod_style)?))
}

/// A string literal; else `msg`, at the token that is not one.
fn lit_str(input: ParseStream, msg: &dyn std::fmt::Display) -> syn::Result<LitStr> {
    match input.parse::<LitStr>() {
        Ok(lit) => Ok(lit),
        Err(e) => Err(syn::Error::new(e.span(), msg)),
    }
}

/// Whether the next token is the identifier `word`, as a `syn::custom_keyword!` peeks (the
/// keywords of `#[status]` and `#[header]`): one function, not four keyword types' code.
fn peek_word(input: ParseStream, word: &str) -> bool {
    match input.cursor().ident() {
        Some((ident, _)) => ident == word,
        None => false,
    }
}

/// The span of the identifier that [`peek_word`] saw.
fn parse_word(input: ParseStream) -> syn::Result<Span> {
    Ok(input.parse::<syn::Ident>()?.span())
}

/// The CODE of `#[status(CODE)]` and `status!(CODE)`.
pub(crate) enum Code {
    /// `404`: up to three decimal digits, read without syn (the common case).
    Digits(u16, Span),
    /// `404`, `0x194`, `404u16`, ...
    Lit(LitInt),
    /// `NOT_FOUND`, `StatusCode::NOT_FOUND`, `http::StatusCode::NOT_FOUND`
    Name(syn::Path),
}

impl Code {
    /// The smallest token to point at: the literal or the last path segment.
    pub(crate) fn span(&self) -> Span {
        match self {
            Code::Digits(_, span) => *span,
            Code::Lit(lit) => lit.span(),
            Code::Name(path) => match path.segments.last() {
                Some(s) => s.ident.span(),
                None => path.span(),
            },
        }
    }

    /// The code as the user wrote it, for messages: `404`, `NOT_FOUND`.
    pub(crate) fn written(&self) -> String {
        match self {
            Code::Digits(value, _) => value.to_string(),
            Code::Lit(lit) => lit.to_string(),
            Code::Name(path) => path_string(path),
        }
    }
}

pub(crate) fn path_string(path: &syn::Path) -> String {
    crate::names::without_spaces(&path.to_token_stream().to_string())
}

pub(crate) enum StatusArg {
    Code(Code),
    Transparent(Span),
    /// `with = path`: the status is `path(&field)` of the one field.
    With(syn::Path),
    /// Only options (`#[status(expose = false)]`): on the type, defaults for the variants; on a
    /// variant, next to a status decided at run time.
    Unset,
}

/// A parsed `#[status(...)]`.
pub(crate) struct Status {
    pub arg: StatusArg,
    /// `expose`, `expose = true` (show the Display text of a 5xx) or `expose = false` (hide that
    /// of a 4xx).
    pub expose: Option<(bool, Span)>,
    /// `acknowledge`: the author knows why the code is questionable, or departs from a
    /// required header field on purpose.
    pub acknowledge: Option<Span>,
}

/// `#[status]` or `#[status(transparent)]` on a field.
pub(crate) enum FieldStatus {
    /// `#[status]`: the field (`http::StatusCode` or `Option<http::StatusCode>`) is the status.
    RunTime(Span),
    /// `#[status(transparent)]`: status, header fields and body come from this field.
    Transparent(Span),
}

/// The NAME of `#[header(NAME)]`.
pub(crate) enum HeaderName {
    /// `RETRY_AFTER` or `http::header::RETRY_AFTER`: the ident is the last segment.
    Const(syn::Ident),
    /// `"x-request-id"`
    Lit(LitStr),
}

impl HeaderName {
    pub(crate) fn span(&self) -> Span {
        match self {
            HeaderName::Const(ident) => ident.span(),
            HeaderName::Lit(lit) => lit.span(),
        }
    }
}

pub(crate) struct Header<'a> {
    pub original: &'a Attribute,
    pub name: HeaderName,
    /// `#[header(NAME = "value")]`: a fixed value (on a type or variant).
    pub value: Option<LitStr>,
    /// `#[header(NAME, with = path)]`: the value is `path(&field)`.
    pub with: Option<syn::Path>,
}

/// `#[problem(type = "...", title = "...", code = "...", detail = "...")]` on a type or variant.
pub(crate) struct ProblemKind {
    pub type_: Option<LitStr>,
    pub title: Option<LitStr>,
    /// The variant's (or struct's) machine-readable code.
    pub code: Option<LitStr>,
    /// `detail = "... {field} ..."`: the body's detail, a format string over the fields.
    pub detail: Option<LitStr>,
    /// `skip_decode` on a variant: `#[errstatus(decode)]` never decodes it.
    pub skip_decode: Option<Span>,
}

// The `Default` impls are written out, not derived: a derived one calls `Default::default` of
// each field's type, one more function built into this crate per type.
#[allow(clippy::derivable_impls)]
impl Default for ProblemKind {
    fn default() -> Self {
        ProblemKind { type_: None, title: None, code: None, detail: None, skip_decode: None }
    }
}

/// `#[problem(extension)]`, `#[problem(extension = "name")]` or `#[problem(instance)]` on a field.
pub(crate) enum FieldProblem {
    Extension { name: Option<LitStr>, span: Span, how: MemberHow },
    Instance(Span),
}

/// How an extension member's value is written.
pub(crate) enum MemberHow {
    /// Through serde (the default).
    Serialize,
    /// `display`: the field's Display text, as a JSON string.
    Display,
    /// `with = path`: `path(&field)`, a `serde_json::Value`.
    With(syn::Path),
}

/// Options found on the type (`#[status]` default, `#[problem]` kind, fixed header values).
pub(crate) struct TypeAttrs<'a> {
    pub status: Option<Status>,
    /// A `#[status]` attribute was present, even if malformed.
    pub status_seen: bool,
    pub problem: ProblemKind,
    /// `#[header(NAME = "value")]`.
    pub fixed: Vec<Header<'a>>,
    /// A `#[header]` attribute failed to parse.
    pub header_failed: bool,
    /// `#[grpc(CODE)]`: the one token written, checked in valid.rs (`check_grpc_code`).
    pub grpc: Option<proc_macro2::TokenTree>,
    /// A `#[grpc]` attribute was present, even if malformed.
    pub grpc_seen: bool,
    /// A variant's `#[errstatus(log = "...")]` ([`parse_log`]'s number).
    pub log: Option<u8>,
}

#[allow(clippy::derivable_impls)]
impl Default for TypeAttrs<'_> {
    fn default() -> Self {
        TypeAttrs {
            status: None,
            status_seen: false,
            problem: ProblemKind::default(),
            fixed: Vec::new(),
            header_failed: false,
            grpc: None,
            grpc_seen: false,
            log: None,
        }
    }
}

/// Options found on a variant: the same as on the type.
pub(crate) type VariantAttrs<'a> = TypeAttrs<'a>;

/// `#[errstatus(...)]` on the type: options of the derive itself.
pub(crate) struct ContainerAttrs {
    /// `crate = "path"`: where the errstatus crate is, for a renamed dependency or a facade.
    pub krate: Option<syn::Path>,
    /// `skip(axum, ...)`: features whose impl is left out for this type.
    pub skip: Vec<syn::Ident>,
    /// `format = Type`: the body format, an `errstatus::Format`.
    pub format: Option<syn::Type>,
    /// `decode`: generate `errstatus::FromProblem` (decode.rs).
    pub decode: Option<Span>,
    /// `log = "warn"`: the level of this type's events ([`parse_log`]'s number).
    pub log: Option<u8>,
}

#[allow(clippy::derivable_impls)]
impl Default for ContainerAttrs {
    fn default() -> Self {
        ContainerAttrs { krate: None, skip: Vec::new(), format: None, decode: None, log: None }
    }
}

/// The levels `log = "..."` accepts, in the order of errstatus-core's `LOG_*` numbers (1 to 6).
pub(crate) const LOG_LEVELS: &[&str] = &["error", "warn", "info", "debug", "trace", "off"];

/// `log = "level"` into `slot`: the level's number for `Problem::log_level` (1 for `error` ... 6
/// for `off`); anything else is an error on the value, a second `log` an error on its name.
fn parse_log(meta: &syn::meta::ParseNestedMeta, slot: &mut Option<u8>) -> syn::Result<()> {
    let span = meta.path.span();
    let level = parse_level(meta)?;
    if slot.replace(level).is_some() {
        return Err(syn::Error::new(span, "duplicate #[errstatus(log = ...)]"));
    }
    Ok(())
}

/// The level of `log = "level"`.
fn parse_level(meta: &syn::meta::ParseNestedMeta) -> syn::Result<u8> {
    if !meta.input.peek(Token![=]) {
        return Err(meta.error(format_args!("#[errstatus(log)] needs a level: log = \"warn\", {}", log_usage())));
    }
    let lit: LitStr = match meta.value()?.parse() {
        Ok(lit) => lit,
        Err(e) => {
            return Err(syn::Error::new(
                e.span(),
                format_args!("#[errstatus(log = ...)] expects a string literal: {}", log_usage()),
            ))
        }
    };
    let level = lit.value();
    match crate::names::index_of(LOG_LEVELS, &level) {
        Some(i) => Ok(i as u8 + 1),
        None => Err(syn::Error::new(lit.span(), format_args!("unknown log level {level:?}, {}", log_usage()))),
    }
}

fn log_usage() -> String {
    format!("expected one of {}", quoted_list(LOG_LEVELS))
}

/// `"a", "b" or "c"`, for messages.
fn quoted_list(items: &[&str]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i + 1 == items.len() && i > 0 {
            out.push_str(" or ");
        } else if i > 0 {
            out.push_str(", ");
        }
        out.push('"');
        out.push_str(item);
        out.push('"');
    }
    out
}

/// The features `skip(...)` accepts, as written there (`-` as `_`): each but `tracing` has an
/// impl macro `__errstatus_<feature>!` in errstatus-core (impls.rs invokes them).
pub(crate) const SKIPPABLE: &[&str] = &[
    "axum",
    "actix_web",
    "utoipa",
    "tracing",
    "rocket",
    "poem",
    "salvo",
    "aide",
    "poem_openapi",
    "tonic",
    "async_graphql",
    "dioxus",
];

/// Parses every `#[errstatus(...)]` of the type.
pub(crate) fn container_attrs(cx: &Ctxt, attrs: &[Attribute]) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    for attr in attrs {
        if !attr.path().is_ident("errstatus") {
            continue;
        }
        if args(
            cx,
            attr,
            "#[errstatus(crate = \"path\")], #[errstatus(format = Type)] or #[errstatus(skip(feature, ...))]",
        )
        .is_none()
        {
            continue;
        }
        let res = nested(attr, &mut |meta| {
            if meta.path.is_ident("crate") {
                let lit =
                    lit_str(meta.value()?, &"#[errstatus(crate = ...)] expects a string literal: crate = \"path\"")?;
                let path: syn::Path = match lit.parse() {
                    Ok(path) => path,
                    Err(_) => {
                        return Err(syn::Error::new(
                            lit.span(),
                            format_args!("#[errstatus(crate = {:?})]: not a path", lit.value()),
                        ))
                    }
                };
                if out.krate.replace(path).is_some() {
                    return Err(syn::Error::new(lit.span(), "duplicate #[errstatus(crate = ...)]"));
                }
                Ok(())
            } else if meta.path.is_ident("format") {
                let ty: syn::Type = match meta.value()?.parse() {
                    Ok(ty) => ty,
                    Err(e) => {
                        return Err(syn::Error::new(
                            e.span(),
                            "#[errstatus(format = ...)] expects a type that implements errstatus::Format",
                        ))
                    }
                };
                if out.format.is_some() {
                    return Err(crate::ctxt::spanned_error(&ty, &"duplicate #[errstatus(format = ...)]"));
                }
                out.format = Some(ty);
                Ok(())
            } else if meta.path.is_ident("log") {
                parse_log(&meta, &mut out.log)
            } else if meta.path.is_ident("skip") {
                nested_in(&meta, &mut |inner| {
                    let Some(ident) = inner.path.get_ident() else {
                        return Err(inner.error("#[errstatus(skip(...))] takes feature names such as `axum`"));
                    };
                    let name = ident.to_string();
                    if !SKIPPABLE.contains(&name.as_str()) {
                        let hint = if name.contains('-') || name == "actix" {
                            ", write `actix_web` for the `actix-web` feature".to_owned()
                        } else {
                            String::new()
                        };
                        return Err(syn::Error::new(
                            ident.span(),
                            format_args!(
                                "#[errstatus(skip({name}))]: unknown feature `{name}`, expected one of {}{hint}",
                                crate::names::join(SKIPPABLE, ", ")
                            ),
                        ));
                    }
                    for s in &out.skip {
                        if *s == name {
                            return Err(syn::Error::new(ident.span(), format_args!("`{name}` is skipped twice")));
                        }
                    }
                    out.skip.push(ident.clone());
                    Ok(())
                })
            } else if meta.path.is_ident("decode") {
                once(&mut out.decode, meta.path.span(), "duplicate #[errstatus(decode)]")
            } else {
                let name = path_string(&meta.path);
                Err(meta.error(format_args!(
                    "unknown #[errstatus] option `{name}`, expected `crate`, `format`, `log`, `skip` or `decode`"
                )))
            }
        });
        if let Err(err) = res {
            cx.syn_error(err);
        }
    }
    out
}

pub(crate) struct FieldAttrs<'a> {
    /// `#[status]` or `#[status(transparent)]`.
    pub status: Option<FieldStatus>,
    pub header: Option<Header<'a>>,
    /// A `#[header]` attribute was present, even if malformed.
    pub header_seen: bool,
    pub problem: Option<FieldProblem>,
    /// `#[problem(skip_decode)]` (alone or beside `extension` / `instance`): not decoded, its
    /// `Default` value instead.
    pub skip_decode: Option<Span>,
}

#[allow(clippy::derivable_impls)]
impl Default for FieldAttrs<'_> {
    fn default() -> Self {
        FieldAttrs { status: None, header: None, header_seen: false, problem: None, skip_decode: None }
    }
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

/// `transparent`, alone: the span of `#[status(transparent)]` on a field.
fn transparent_word(tokens: &TokenStream) -> Option<Span> {
    let mut span = None;
    let res = parse_tokens(tokens.clone(), &mut |input| {
        if peek_word(input, "transparent") {
            span = Some(parse_word(input)?);
        }
        Ok(())
    });
    match res {
        Ok(()) => span,
        Err(_) => None,
    }
}

/// The attributes of the type (`variant` false) or of a variant (`variant` true: its
/// `#[errstatus(log = "...")]` too, the one option a variant takes). Each attribute's name is
/// read once: comparing a `proc_macro` identifier with a string converts it to a `String`
/// each time, through the compiler.
pub(crate) fn type_attrs<'a>(cx: &Ctxt, attrs: &'a [Attribute], variant: bool) -> TypeAttrs<'a> {
    let mut out = TypeAttrs::default();
    for attr in attrs {
        let Some(name) = attr.path().get_ident() else { continue };
        match name.to_string().as_str() {
            "status" => {
                if out.status_seen {
                    cx.error_spanned(attr, "duplicate #[status] attribute");
                    continue;
                }
                out.status_seen = true;
                out.status = parse_status(cx, attr);
            }
            "problem" => parse_problem_kind(cx, attr, &mut out.problem),
            "grpc" => {
                if out.grpc_seen {
                    cx.error_spanned(attr, "duplicate #[grpc] attribute");
                    continue;
                }
                out.grpc_seen = true;
                out.grpc = parse_grpc(cx, attr);
            }
            "header" => match parse_header(cx, attr) {
                Some(h) if h.value.is_some() => out.fixed.push(h),
                Some(_) => cx.error_spanned(
                    attr,
                    "#[header(NAME)] on a type or variant needs a value: #[header(NAME = \"value\")]; \
                     a header field whose value varies is a field with #[header(NAME)]",
                ),
                None => out.header_failed = true,
            },
            "errstatus" if variant => variant_errstatus(cx, attr, &mut out.log),
            _ => {}
        }
    }
    out
}

/// Parses a variant's `#[errstatus(log = "...")]`, its one option there; the others are
/// reported as belonging on the type.
fn variant_errstatus(cx: &Ctxt, attr: &Attribute, log: &mut Option<u8>) {
    if args(cx, attr, "#[errstatus(log = \"level\")]").is_none() {
        return;
    }
    let res = nested(attr, &mut |meta| {
        if meta.path.is_ident("log") {
            parse_log(&meta, log)
        } else {
            let name = path_string(&meta.path);
            Err(meta.error(format_args!(
                "#[errstatus({name})] belongs on the type; a variant takes only #[errstatus(log = \"level\")]"
            )))
        }
    });
    if let Err(err) = res {
        cx.syn_error(err);
    }
}

/// Reports `#[errstatus(...)]` where it does not belong (a variant or a field).
pub(crate) fn misplaced_errstatus(cx: &Ctxt, attrs: &[Attribute], place: &str) {
    for attr in attrs {
        if !attr.path().is_ident("errstatus") {
            continue;
        }
        cx.error_spanned(attr.path(), format_args!("#[errstatus(...)] belongs on the type, not on a {place}"));
    }
}

pub(crate) fn field_attrs<'a>(cx: &Ctxt, attrs: &'a [Attribute]) -> FieldAttrs<'a> {
    let mut out = FieldAttrs::default();
    for attr in attrs {
        if attr.path().is_ident("grpc") {
            cx.error_spanned(attr, "#[grpc(CODE)] belongs on a variant or the type, not on a field");
        } else if attr.path().is_ident("header") {
            if out.header_seen {
                cx.error_spanned(attr, "duplicate #[header] attribute");
                continue;
            }
            out.header_seen = true;
            out.header = parse_header(cx, attr);
            if let Some(Header { value: Some(value), .. }) = &out.header {
                cx.error(
                    value.span(),
                    "a fixed header value belongs on the type or a variant; on a field, the field is the value",
                );
            }
        } else if attr.path().is_ident("problem") {
            // `#[problem(skip_decode)]` may stand beside the field's `#[problem(extension)]`.
            if let Meta::List(list) = &attr.meta {
                if list.tokens.to_string() == "skip_decode" {
                    if out.skip_decode.replace(list.tokens.span()).is_some() {
                        cx.error_spanned(&list.tokens, "duplicate #[problem(skip_decode)]");
                    }
                    continue;
                }
            }
            if out.problem.is_some() {
                cx.error_spanned(attr, "duplicate #[problem] attribute on a field");
                continue;
            }
            out.problem = parse_field_problem(cx, attr, &mut out.skip_decode);
        } else if attr.path().is_ident("status") {
            let parsed = match &attr.meta {
                Meta::Path(path) => Some(FieldStatus::RunTime(path.span())),
                Meta::List(list) => match transparent_word(&list.tokens) {
                    Some(span) => Some(FieldStatus::Transparent(span)),
                    None => {
                        cx.error_spanned(
                            &list.tokens,
                            "on a field, #[status] (the field is the status, decided at run time) or \
                             #[status(transparent)] (the field is the error); a code belongs on the type or variant",
                        );
                        None
                    }
                },
                Meta::NameValue(_) => {
                    cx.error_spanned(
                        attr,
                        "malformed attribute, expected #[status] or #[status(transparent)] on a field",
                    );
                    None
                }
            };
            if parsed.is_some() && out.status.is_some() {
                cx.error_spanned(attr, "duplicate #[status] attribute on a field");
            } else if parsed.is_some() {
                out.status = parsed;
            }
        }
    }
    out
}

const STATUS_USAGE: &str = "#[status(CODE)], #[status(CODE, expose)], #[status(transparent)] or #[status(with = path)]";

fn parse_status(cx: &Ctxt, attr: &Attribute) -> Option<Status> {
    let Some(tokens) = args(cx, attr, STATUS_USAGE) else { return None };
    // The common form first: its one token is read anyway, and asking the compiler whether the
    // stream is empty would be one more call into it.
    if let Some(code) = digits(tokens) {
        return Some(Status { arg: StatusArg::Code(code), expose: None, acknowledge: None });
    }
    if tokens.is_empty() {
        cx.error_spanned(
            attr,
            "#[status] needs a status code: #[status(CODE)], #[status(CODE, expose)], #[status(transparent)] or #[status(with = path)]",
        );
        return None;
    }
    let mut status = Status { arg: StatusArg::Unset, expose: None, acknowledge: None };
    let res = parse_tokens(tokens.clone(), &mut |input| {
        let mut first = true;
        while !input.is_empty() {
            if !first {
                if !input.peek(Token![,]) {
                    let tt: proc_macro2::TokenTree = input.parse()?;
                    return Err(syn::Error::new(
                        tt.span(),
                        format_args!(
                            "unexpected `{tt}` after the status code, expected `,` or the end of #[status(...)]"
                        ),
                    ));
                }
                input.parse::<Token![,]>()?;
                if input.is_empty() {
                    break;
                }
            }
            if peek_word(input, "expose") {
                let span = parse_word(input)?;
                let value = if input.peek(Token![=]) {
                    input.parse::<Token![=]>()?;
                    match input.parse::<syn::LitBool>() {
                        Ok(lit) => lit.value,
                        Err(e) => return Err(syn::Error::new(e.span(), "`expose = ...` takes `true` or `false`")),
                    }
                } else {
                    true
                };
                if status.expose.replace((value, span)).is_some() {
                    return Err(syn::Error::new(span, "duplicate `expose` in #[status]"));
                }
            } else if peek_word(input, "acknowledge") {
                once(&mut status.acknowledge, parse_word(input)?, "duplicate `acknowledge` in #[status]")?;
            } else if first && peek_word(input, "transparent") {
                status.arg = StatusArg::Transparent(parse_word(input)?);
            } else if first {
                status.arg = match with_path(input)? {
                    Some(path) => StatusArg::With(path),
                    None => StatusArg::Code(parse_code(input)?),
                };
            } else {
                let tt: proc_macro2::TokenTree = input.parse()?;
                return Err(syn::Error::new(
                    tt.span(),
                    format_args!("unknown #[status] argument `{tt}`, expected `expose` or `acknowledge`"),
                ));
            }
            first = false;
        }
        Ok(())
    });
    match res {
        Ok(()) => Some(status),
        Err(err) => {
            cx.syn_error(err);
            None
        }
    }
}

/// `#[status(404)]`, the form nearly every variant has, read without syn's parser: one literal
/// of one to three decimal digits, the first not 0. Anything else is `None`, for `parse_code`.
fn digits(tokens: &TokenStream) -> Option<Code> {
    let mut iter = tokens.clone().into_iter();
    let Some(proc_macro2::TokenTree::Literal(lit)) = iter.next() else { return None };
    if iter.next().is_some() {
        return None;
    }
    let repr = lit.to_string();
    let bytes = repr.as_bytes();
    if bytes.is_empty() || bytes.len() > 3 || bytes[0] == b'0' {
        return None;
    }
    let mut value = 0u16;
    for &b in bytes {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value * 10 + u16::from(b - b'0');
    }
    Some(Code::Digits(value, lit.span()))
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
        proc_macro2::TokenTree::Literal(lit) if matches!(lit.to_string().as_bytes().first(), Some(b'"')) => {
            format!(", write it without quotes: {}", without_quotes(&lit.to_string()))
        }
        _ => String::new(),
    };
    Err(syn::Error::new(tt.span(), format_args!("expected a status code such as 404 or NOT_FOUND, found `{tt}`{hint}")))
}

/// `text` without the `"` at either end (`str::trim_matches('"')`).
fn without_quotes(text: &str) -> &str {
    let bytes = text.as_bytes();
    let (mut start, mut end) = (0, bytes.len());
    while start < end && bytes[start] == b'"' {
        start += 1;
    }
    while end > start && bytes[end - 1] == b'"' {
        end -= 1;
    }
    &text[start..end]
}

/// `#[grpc(CODE)]`: one token, a name or otherwise (valid.rs says what is wrong with it).
fn parse_grpc(cx: &Ctxt, attr: &Attribute) -> Option<proc_macro2::TokenTree> {
    let usage = "#[grpc(CODE)] with a gRPC code name such as NOT_FOUND";
    let Some(tokens) = args(cx, attr, usage) else { return None };
    let mut iter = tokens.clone().into_iter();
    let Some(tt) = iter.next() else {
        cx.error_spanned(attr, "#[grpc] needs a code: #[grpc(CODE)] with a gRPC code name such as NOT_FOUND");
        return None;
    };
    if iter.next().is_some() {
        cx.error_spanned(tokens, "expected #[grpc(CODE)] with a gRPC code name such as NOT_FOUND, one code");
        return None;
    }
    Some(tt)
}

fn parse_header<'a>(cx: &Ctxt, attr: &'a Attribute) -> Option<Header<'a>> {
    let usage = "#[header(NAME)] with an http::header constant or a string literal";
    let Some(tokens) = args(cx, attr, usage) else { return None };
    let mut out = None;
    let res = parse_tokens(tokens.clone(), &mut |input| {
        let name = if input.peek(LitStr) {
            HeaderName::Lit(input.parse()?)
        } else if input.peek(syn::Ident) || input.peek(Token![::]) {
            let path = input.call(syn::Path::parse_mod_style)?;
            match path.segments.last() {
                Some(seg) => HeaderName::Const(seg.ident.clone()),
                None => return Err(crate::ctxt::spanned_error(&path, &"expected a header name")),
            }
        } else {
            return Err(input.error("expected #[header(NAME)] with an http::header constant or a string literal"));
        };
        let mut value = None;
        if input.peek(Token![=]) {
            input.parse::<Token![=]>()?;
            value = Some(lit_str(input, &"#[header(NAME = ...)] takes the value as a string literal")?);
        }
        let mut with = None;
        if input.peek(Token![,]) {
            input.parse::<Token![,]>()?;
            with = with_path(input)?;
            if with.is_none() && !input.is_empty() {
                return Err(input.error("expected `with = path` after the header name"));
            }
        }
        if !input.is_empty() {
            return Err(input.error("unexpected tokens after the header name"));
        }
        out = Some(Header { original: attr, name, value, with });
        Ok(())
    });
    match res {
        Ok(()) => out,
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
    let res = nested(attr, &mut |meta| {
        if meta.path.is_ident("skip_decode") {
            return once(&mut out.skip_decode, meta.path.span(), "duplicate #[problem(skip_decode)]");
        }
        let slot = if meta.path.is_ident("type") {
            &mut out.type_
        } else if meta.path.is_ident("title") {
            &mut out.title
        } else if meta.path.is_ident("code") {
            &mut out.code
        } else if meta.path.is_ident("detail") {
            &mut out.detail
        } else {
            let name = path_string(&meta.path);
            return Err(meta.error(format_args!(
                "unknown #[problem] argument `{name}`, expected `type`, `title`, `code` or `detail`"
            )));
        };
        let what = path_string(&meta.path);
        let lit = lit_str(meta.value()?, &format_args!("#[problem({what} = ...)] expects a string literal"))?;
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

fn parse_field_problem(cx: &Ctxt, attr: &Attribute, skip_decode: &mut Option<Span>) -> Option<FieldProblem> {
    if args(cx, attr, "#[problem(extension)], #[problem(extension = \"name\")] or #[problem(instance)]").is_none() {
        return None;
    }
    let mut out = None;
    // `display` / `with = path`: how the extension member is written.
    let mut how: Option<(MemberHow, Span)> = None;
    let res = nested(attr, &mut |meta| {
        let span = meta.path.span();
        if meta.path.is_ident("skip_decode") {
            return once(skip_decode, span, "duplicate #[problem(skip_decode)]");
        }
        if meta.path.is_ident("display") || meta.path.is_ident("with") {
            let parsed = if meta.path.is_ident("display") {
                MemberHow::Display
            } else {
                let value = meta.value()?;
                match value.call(syn::Path::parse_mod_style) {
                    Ok(path) => MemberHow::With(path),
                    Err(e) => {
                        return Err(syn::Error::new(
                            e.span(),
                            "#[problem(extension, with = ...)] expects a path to a function",
                        ))
                    }
                }
            };
            if how.replace((parsed, span)).is_some() {
                return Err(syn::Error::new(span, "a member is written one way: `display` or `with = path`, not both"));
            }
            return Ok(());
        }
        let parsed = if meta.path.is_ident("extension") {
            let name = if meta.input.peek(Token![=]) {
                let value = meta.value()?;
                Some(lit_str(value, &"#[problem(extension = ...)] expects a string literal member name")?)
            } else {
                None
            };
            FieldProblem::Extension { name, span, how: MemberHow::Serialize }
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
    if out.is_none() && how.is_none() && skip_decode.is_none() {
        cx.error_spanned(attr, "#[problem()] on a field needs `extension` or `instance`");
    }
    match (&mut out, how) {
        (Some(FieldProblem::Extension { how: slot, .. }), Some((how, _))) => *slot = how,
        (_, Some((_, span))) => {
            cx.error(
                span,
                "`display` and `with = path` say how an extension member is written: \
                 #[problem(extension, display)] or #[problem(extension, with = path)]",
            );
            return None;
        }
        _ => {}
    }
    out
}
