//! The rules: every CODE against the registry, shapes, header fields and problem members.
//! Takes the parsed `Input`, reports every violation to the `Ctxt`, and returns the model
//! the expansion needs. Nothing here emits tokens.

use errstatus_registry::{lookup, lookup_name, Class, Entry, State};
use proc_macro2::{Ident, Span};
use quote::ToTokens;
use syn::LitStr;

use crate::ast::{Field, Input, Kind, Variant};
use crate::attr::{Code, FieldProblem, HeaderName, Status, StatusArg};
use crate::ctxt::Ctxt;
use crate::names;

/// The checked input, ready for expansion.
pub(crate) struct Model<'a> {
    pub input: &'a Input<'a>,
    pub arms: Vec<Arm<'a>>,
    /// Compiler warnings to emit: (span, message).
    pub warnings: Vec<(Span, String)>,
}

pub(crate) struct Arm<'a> {
    pub variant: &'a Variant<'a>,
    pub body: ArmBody<'a>,
}

pub(crate) enum ArmBody<'a> {
    /// Status, headers and body come from the one field.
    Transparent(&'a Field<'a>),
    Code(Response<'a>),
}

pub(crate) struct Response<'a> {
    pub entry: &'static Entry,
    /// Where the code was written, for spans in generated code.
    pub span: Span,
    /// The Display text and extension members go into the body.
    pub expose: bool,
    pub headers: Vec<(HeaderKey, &'a Field<'a>)>,
    pub type_: Option<String>,
    pub title: Option<String>,
    pub instance: Option<&'a Field<'a>>,
    pub extensions: Vec<(String, &'a Field<'a>)>,
}

pub(crate) enum HeaderKey {
    /// An `http::header` constant.
    Const(Ident),
    /// A lower-case field name for `HeaderName::from_static`.
    Name(String, Span),
}

const RESERVED_MEMBERS: &[&str] = &["type", "title", "status", "detail", "instance"];

/// Resolves a CODE to its registry entry, or explains why it is not a usable code.
/// `what` names the attribute in messages, e.g. `#[status(444)]`.
pub(crate) fn resolve(code: &Code, what: &str) -> Result<&'static Entry, syn::Error> {
    let entry = match code {
        Code::Lit(lit) => {
            if !lit.suffix().is_empty() {
                return Err(syn::Error::new(
                    lit.span(),
                    format_args!("{what}: write the status code without the `{}` suffix", lit.suffix()),
                ));
            }
            let value = match lit.base10_parse::<i128>() {
                Ok(v) => v,
                Err(_) => {
                    return Err(syn::Error::new(lit.span(), format_args!("{what}: expected an integer status code")))
                }
            };
            if !(100..=599).contains(&value) {
                return Err(syn::Error::new(
                    lit.span(),
                    format_args!(
                        "{what}: {value} is not a valid HTTP status code; status codes are 100..=599 (RFC 9110 §15)"
                    ),
                ));
            }
            let code = value as u16;
            match lookup(code) {
                Some(entry) => entry,
                None => {
                    let class = code / 100 * 100;
                    let hint = match names::unregistered_hint(code) {
                        Some(h) => format!("; {h}"),
                        None => format!("; clients treat it as {class} (RFC 9110 §15)"),
                    };
                    return Err(syn::Error::new(
                        lit.span(),
                        format_args!("{what}: {code} is not a registered HTTP status code{hint}"),
                    ));
                }
            }
        }
        Code::Name(path) => {
            let span = code.span();
            let Some(last) = path.segments.last() else {
                return Err(syn::Error::new(span, format_args!("{what}: expected a status code")));
            };
            let name = last.ident.to_string();
            let name = name.strip_prefix("r#").unwrap_or(&name);
            match lookup_name(name) {
                Some(entry) => entry,
                None => {
                    let hint = match names::suggest_status(name) {
                        Some(s) => format!(", did you mean `{s}`?"),
                        None => ", expected an http::StatusCode constant such as NOT_FOUND".to_owned(),
                    };
                    return Err(syn::Error::new(span, format_args!("{what}: unknown HTTP status name `{name}`{hint}")));
                }
            }
        }
    };
    check_state(entry, code, what)?;
    Ok(entry)
}

fn check_state(entry: &Entry, code: &Code, what: &str) -> Result<(), syn::Error> {
    let (c, reason, reference) = (entry.code, entry.reason, entry.reference);
    let msg = match entry.state {
        State::Deprecated => format!("{what}: {c} {reason} is deprecated ({reference}); it must not be sent"),
        State::Unused => {
            format!("{what}: {c} is unused: IANA reserves it as \"(Unused)\" and it must not be sent ({reference})")
        }
        State::Obsoleted => {
            format!("{what}: {c} {reason} is obsoleted: IANA marks it \"(OBSOLETED)\" and {reference} is Historic")
        }
        _ => return Ok(()),
    };
    Err(syn::Error::new(code.span(), msg))
}

/// The attribute as written, for messages: `#[status(444)]`.
fn status_what(code: &Code) -> String {
    format!("#[status({})]", code.written())
}

/// A `#[status]` resolved for the derive: its entry, or `None` after an error.
struct Resolved<'a> {
    status: &'a Status,
    entry: Option<&'static Entry>,
}

fn resolve_for_derive<'a>(cx: &Ctxt, status: &'a Status) -> Resolved<'a> {
    let entry = match &status.arg {
        StatusArg::Transparent(_) => None,
        StatusArg::Code(code) => {
            let what = status_what(code);
            match resolve(code, &what) {
                Err(err) => {
                    cx.syn_error(err);
                    None
                }
                Ok(entry) if matches!(entry.class, Class::Informational | Class::Successful) => {
                    cx.error(
                        code.span(),
                        format_args!(
                            "{what}: {} {} is not an error status; #[derive(HttpStatus)] takes 3xx, 4xx and 5xx codes",
                            entry.code, entry.reason
                        ),
                    );
                    None
                }
                Ok(entry) => {
                    if let Some(expose) = status.expose {
                        if entry.class != Class::ServerError {
                            cx.error(
                                expose,
                                format_args!(
                                    "{what}: `expose` only applies to 5xx codes; the detail of a {} is always shown",
                                    entry.code
                                ),
                            );
                        }
                    }
                    Some(entry)
                }
            }
        }
    };
    if let (StatusArg::Transparent(_), Some(span)) = (&status.arg, status.expose.or(status.acknowledge)) {
        cx.error(span, "#[status(transparent)] takes no further arguments: the inner error decides");
    }
    Resolved { status, entry }
}

pub(crate) fn check<'a>(cx: &Ctxt, input: &'a Input<'a>) -> Model<'a> {
    let mut model = Model { input, arms: Vec::new(), warnings: Vec::new() };
    let default = input.attrs.status.as_ref().map(|s| resolve_for_derive(cx, s));
    if let Some(Resolved { status, .. }) = &default {
        if let (Kind::Enum, StatusArg::Transparent(span)) = (input.kind, &status.arg) {
            cx.error(*span, "#[status(transparent)] on an enum: put it on the variants that wrap another error");
        }
    }
    let default_bad = input.attrs.status_seen && default.as_ref().map_or(true, |d| d.entry.is_none());
    if let Some(d) = &default {
        warn(cx, &mut model.warnings, d);
    }

    for variant in &input.variants {
        let own = variant.attrs.status.as_ref().map(|s| resolve_for_derive(cx, s));
        if let Some(r) = &own {
            warn(cx, &mut model.warnings, r);
        }
        let resolved = match (&own, &default) {
            (Some(r), _) => r,
            (None, _) if variant.attrs.status_seen => continue,
            (None, Some(d)) if input.kind == Kind::Enum && matches!(d.status.arg, StatusArg::Transparent(_)) => {
                continue
            }
            (None, Some(d)) => d,
            (None, None) if default_bad => continue,
            (None, None) => {
                let msg = match input.kind {
                    Kind::Struct => format!(
                        "struct `{}` needs #[status(CODE)] or #[status(transparent)]",
                        variant.ident
                    ),
                    Kind::Enum => format!(
                        "variant `{}` has no #[status(CODE)] and the enum has no default; add #[status(CODE)] to the variant or to the enum",
                        variant.ident
                    ),
                };
                cx.error(variant.ident.span(), msg);
                continue;
            }
        };
        let inherited = own.is_none() && input.kind == Kind::Enum;
        if let Some(body) = check_variant(cx, input, variant, resolved, inherited) {
            model.arms.push(Arm { variant, body });
        }
    }
    model
}

fn warn(cx: &Ctxt, warnings: &mut Vec<(Span, String)>, r: &Resolved) {
    if let (Some(entry), Some(span)) = (r.entry, r.status.acknowledge) {
        if entry.caution.is_none() {
            cx.error(
                span,
                format_args!(
                    "`acknowledge` is only for codes errstatus warns about (402, 407, 425, 511), not {}",
                    entry.code
                ),
            );
        }
    }
    if let (Some(entry), StatusArg::Code(code)) = (r.entry, &r.status.arg) {
        if let (Some(caution), None) = (entry.caution, r.status.acknowledge) {
            warnings.push((
                code.span(),
                format!("{caution}; if this is intended, write #[status({}, acknowledge)]", code.written()),
            ));
        }
    }
}

fn check_variant<'a>(
    cx: &Ctxt,
    input: &'a Input<'a>,
    variant: &'a Variant<'a>,
    resolved: &Resolved<'a>,
    inherited: bool,
) -> Option<ArmBody<'a>> {
    if let StatusArg::Transparent(span) = resolved.status.arg {
        if variant.fields.len() != 1 {
            cx.error(
                span,
                format_args!(
                    "#[status(transparent)] requires exactly one field; `{}` has {}",
                    variant.ident,
                    variant.fields.len()
                ),
            );
            return None;
        }
        let field = &variant.fields[0];
        if let Some(h) = &field.attrs.header {
            cx.error_spanned(
                h.original,
                "#[header] on the field of a #[status(transparent)] variant: the inner error's headers are used",
            );
        }
        if field.attrs.problem.is_some() {
            cx.error_spanned(
                field.original,
                "#[problem] on the field of a #[status(transparent)] variant: the inner error's body is used",
            );
        }
        return Some(ArmBody::Transparent(field));
    }
    let entry = resolved.entry?;
    let StatusArg::Code(code) = &resolved.status.arg else { return None };
    let expose = entry.class != Class::ServerError || resolved.status.expose.is_some();

    // Header fields.
    let mut headers = Vec::new();
    for field in &variant.fields {
        let Some(h) = &field.attrs.header else { continue };
        let key = match &h.name {
            HeaderName::Const(ident) => {
                let name = ident.to_string();
                if names::HEADER_CONSTS.contains(&name.as_str()) {
                    let lower = names::header_const_to_name(&name);
                    if names::RESERVED_HEADERS.contains(&lower.as_str()) {
                        cx.error(ident.span(), format_args!("#[header({name})]: errstatus sets `{lower}` itself"));
                        continue;
                    }
                    HeaderKey::Const(ident.clone())
                } else {
                    let hint = match names::suggest_header(&name) {
                        Some(s) => format!(", did you mean `{s}`?"),
                        None => {
                            ", expected an http::header constant such as RETRY_AFTER, or a string literal".to_owned()
                        }
                    };
                    cx.error(ident.span(), format_args!("#[header({name})]: unknown header name `{name}`{hint}"));
                    continue;
                }
            }
            HeaderName::Lit(lit) => {
                let value = lit.value();
                if !names::is_token(&value) {
                    cx.error(
                        lit.span(),
                        format_args!(
                            "#[header({:?})]: {:?} is not a valid header field name (RFC 9110 §5.1)",
                            value, value
                        ),
                    );
                    continue;
                }
                let lower = value.to_ascii_lowercase();
                if names::RESERVED_HEADERS.contains(&lower.as_str()) {
                    cx.error(lit.span(), format_args!("#[header({value:?})]: errstatus sets `{lower}` itself"));
                    continue;
                }
                HeaderKey::Name(lower, lit.span())
            }
        };
        headers.push((key, field));
    }
    // A #[header] that failed was already reported; do not add "must carry" on top of it.
    let header_failed = headers.len() < variant.fields.iter().filter(|f| f.attrs.header_seen).count();
    for required in entry.required_headers.iter().filter(|_| !header_failed) {
        let present = headers.iter().any(|(k, _)| match k {
            HeaderKey::Const(ident) => *ident == required.constant,
            HeaderKey::Name(n, _) => n.eq_ignore_ascii_case(required.name),
        });
        if present {
            continue;
        }
        let what = status_what(code);
        let c = entry.code;
        let (name, constant, reference) = (required.name, required.constant, required.reference);
        let fix = format!("add a field with #[header({constant})]");
        if inherited {
            cx.error(
                variant.ident.span(),
                format_args!(
                    "variant `{}` takes {what} from the enum, and a {c} response must carry the `{name}` header field ({reference}); {fix}",
                    variant.ident
                ),
            );
        } else {
            cx.error(
                code.span(),
                format_args!("{what}: a {c} response must carry the `{name}` header field ({reference}); {fix}"),
            );
        }
    }

    // Problem members.
    let kind = (&input.attrs.problem, &variant.attrs.problem);
    let type_ = match (&kind.1.type_, &kind.0.type_) {
        (Some(t), _) => Some(t.value()),
        (None, Some(base)) if input.kind == Kind::Enum => Some(format!("{}{}", base.value(), kebab(variant.ident))),
        (None, Some(t)) => Some(t.value()),
        (None, None) => None,
    };
    let title = kind.1.title.as_ref().or(kind.0.title.as_ref()).map(LitStr::value);
    let mut instance = None;
    let mut extensions: Vec<(String, &Field)> = Vec::new();
    for field in &variant.fields {
        match &field.attrs.problem {
            None => {}
            Some(FieldProblem::Instance(span)) => {
                let duplicate = instance.replace(field).is_some();
                if duplicate {
                    cx.error(*span, "duplicate #[problem(instance)]: a problem has one instance");
                }
            }
            Some(FieldProblem::Extension { name, span }) => {
                let (member, span) = match (name, &field.original.ident) {
                    (Some(lit), _) => (lit.value(), lit.span()),
                    (None, Some(ident)) => {
                        let s = ident.to_string();
                        (s.strip_prefix("r#").unwrap_or(&s).to_owned(), *span)
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
                } else if extensions.iter().any(|(m, _)| *m == member) {
                    cx.error(span, format_args!("duplicate extension member `{member}`"));
                } else {
                    extensions.push((member, field));
                }
            }
        }
    }
    Some(ArmBody::Code(Response { entry, span: code.span(), expose, headers, type_, title, instance, extensions }))
}

/// `OutOfCredit` -> `out-of-credit`.
pub(crate) fn kebab(ident: &Ident) -> String {
    let s = ident.to_token_stream().to_string();
    let s = s.strip_prefix("r#").unwrap_or(&s);
    let mut out = String::with_capacity(s.len() + 4);
    for (i, c) in s.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 && !out.ends_with('-') {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else if c == '_' {
            out.push('-');
        } else {
            out.push(c);
        }
    }
    out
}
