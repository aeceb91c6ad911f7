//! The rules: every CODE against the registry, shapes, header fields and problem members.
//! Takes the parsed `Input`, reports every violation to the `Ctxt`, and returns the model
//! the expansion needs. Nothing here emits tokens.

// `match` rather than `Option::map` and friends, `let ... else` rather than `?` on an `Option`:
// each closure passed to a generic adapter, each `Option` type under `?`, is one more function
// built into this crate (and a call in the unoptimized derive).
#![allow(clippy::manual_map, clippy::manual_range_contains, clippy::needless_range_loop, clippy::question_mark)]

use errstatus_registry::{lookup, lookup_name, Class, Entry, RequiredHeader, State};
use std::fmt::{self, Display};

use proc_macro2::{Ident, Span};
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::LitStr;

use crate::ast::{Field, Input, Kind, Variant};
use crate::attr::{Code, FieldStatus, MemberHow, Status, StatusArg};
use crate::ctxt::Ctxt;
use crate::extras::{extras, fixed_headers, option_inner, FixedHeader};
use crate::extras::{Extras, HeaderHow, HeaderKey};
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
    /// Status, headers and body come from the field; the other fields' `#[header]` and
    /// `#[problem]` add to them, and fixed header values fill in what the inner error left out.
    Transparent(&'a Field<'a>, Extras<'a>),
    Own(Response<'a>),
}

/// Where a variant's status comes from.
pub(crate) enum StatusSrc<'a> {
    /// A code written in an attribute.
    Code(&'static Entry, Span),
    /// A `#[status]` field of type `http::StatusCode`.
    Field(&'a Field<'a>),
    /// A `#[status]` field of type `Option<http::StatusCode>`, and the code for `None`.
    OptionField(&'a Field<'a>, &'static Entry, Span),
    /// `#[status(with = path)]`: `path(&field)`.
    With(&'a syn::Path, &'a Field<'a>),
    /// `#[status(with = path)]` on the type (an enum, or a struct without exactly one field):
    /// `path(self)`, the status from the whole value.
    WithSelf(&'a syn::Path),
}

impl StatusSrc<'_> {
    /// The code known at compile time (a fallback included).
    pub(crate) fn entry(&self) -> Option<&'static Entry> {
        match self {
            StatusSrc::Code(entry, _) | StatusSrc::OptionField(_, entry, _) => Some(entry),
            StatusSrc::Field(_) | StatusSrc::With(..) | StatusSrc::WithSelf(_) => None,
        }
    }
}

pub(crate) struct Response<'a> {
    pub status: StatusSrc<'a>,
    /// Whether the Display text and extension members go into the body; `None`: by the class
    /// of a status decided at run time.
    pub expose: Option<bool>,
    pub type_: Option<String>,
    pub title: Option<String>,
    /// The machine-readable code: `#[problem(code = "...")]`, else the name in
    /// SCREAMING_SNAKE_CASE.
    pub code: String,
    /// `#[grpc(CODE)]` of the variant, else of the type: google.rpc.Code's number.
    pub grpc: Option<u8>,
    pub extras: Extras<'a>,
    /// `#[problem(detail = "...")]`: the body's detail, in place of the Display text.
    pub detail: Option<Detail<'a>>,
}

/// A checked `#[problem(detail = "...")]`.
pub(crate) struct Detail<'a> {
    /// The format string, its placeholders naming the match bindings (`{__field0:?}`), at the
    /// span of the literal.
    pub format: LitStr,
    /// The fields it formats, with the trait each placeholder asks of its field.
    pub fields: Vec<(&'a Field<'a>, crate::detail::FmtTrait)>,
}

/// The registry entry of an integer code, or why it is not a usable code.
fn registered(value: i128, span: Span, what: &dyn Display) -> Result<&'static Entry, syn::Error> {
    if value < 100 || value > 599 {
        return Err(syn::Error::new(
            span,
            format_args!("{what}: {value} is not a valid HTTP status code; status codes are 100..=599 (RFC 9110 §15)"),
        ));
    }
    let code = value as u16;
    if let Some(entry) = lookup(code) {
        return Ok(entry);
    }
    let class = code / 100 * 100;
    let hint = match names::unregistered_hint(code) {
        Some(h) => format!("; {h}"),
        None => format!("; clients treat it as {class} (RFC 9110 §15)"),
    };
    Err(syn::Error::new(span, format_args!("{what}: {code} is not a registered HTTP status code{hint}")))
}

/// Resolves a CODE to its registry entry, or explains why it is not a usable code.
/// `what` names the attribute in messages, e.g. `#[status(444)]`: written only into a message,
/// so a valid code formats nothing.
pub(crate) fn resolve(code: &Code, what: &dyn Display) -> Result<&'static Entry, syn::Error> {
    let entry = match code {
        Code::Digits(value, span) => registered(i128::from(*value), *span, what)?,
        Code::Lit(lit) => {
            if !lit.suffix().is_empty() {
                return Err(syn::Error::new(
                    lit.span(),
                    format_args!("{what}: write the status code without the `{}` suffix", lit.suffix()),
                ));
            }
            match names::decimal(lit.base10_digits(), true) {
                Some(value) => registered(value, lit.span(), what)?,
                None => {
                    return Err(syn::Error::new(lit.span(), format_args!("{what}: expected an integer status code")))
                }
            }
        }
        Code::Name(path) => {
            let span = code.span();
            let Some(last) = path.segments.last() else {
                return Err(syn::Error::new(span, format_args!("{what}: expected a status code")));
            };
            let name = last.ident.to_string();
            let name = names::unraw(&name);
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

fn check_state(entry: &Entry, code: &Code, what: &dyn Display) -> Result<(), syn::Error> {
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
    Err(syn::Error::new(code.span(), msg.as_str()))
}

/// The attribute as written, for messages: `#[status(444)]`.
fn status_what(code: &Code) -> String {
    StatusWhat(code).to_string()
}

/// [`status_what`], written when a message is: a valid code formats nothing.
struct StatusWhat<'c>(&'c Code);

impl Display for StatusWhat<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("#[status(")?;
        f.write_str(&self.0.written())?;
        f.write_str(")]")
    }
}

/// `variant `X`` or `struct `X``, for messages, written when one is.
struct What<'a> {
    kind: &'static str,
    ident: &'a Ident,
}

impl Display for What<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.kind)?;
        f.write_str(" `")?;
        Display::fmt(self.ident, f)?;
        f.write_str("`")
    }
}

/// A `#[status]` resolved for the derive: its entry, or `None` after an error (or when it has
/// no code).
struct Resolved<'a> {
    status: &'a Status,
    entry: Option<&'static Entry>,
}

/// `expose` / `expose = true` on a 4xx is the default, stated: it compiles (and on a status
/// decided at run time, it shows the detail of the 5xx statuses that come then).
fn resolve_for_derive<'a>(cx: &Ctxt, status: &'a Status) -> Resolved<'a> {
    let entry = match &status.arg {
        StatusArg::Transparent(_) | StatusArg::With(_) | StatusArg::Unset => None,
        StatusArg::Code(code) => {
            let what = StatusWhat(code);
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
                Ok(entry) => Some(entry),
            }
        }
    };
    if let StatusArg::Transparent(_) = &status.arg {
        let option = match (status.expose, status.acknowledge) {
            (Some((_, span)), _) | (None, Some(span)) => Some(span),
            (None, None) => None,
        };
        if let Some(span) = option {
            cx.error(span, "#[status(transparent)] takes no further arguments: the inner error decides");
        }
    }
    Resolved { status, entry }
}

/// The code a `#[status]` names: `None` when it names none, `Some(None)` when the one written
/// failed (reported), so that nothing built on it is checked: no "missing status" on top.
type WrittenCode<'r> = Option<Option<(&'static Entry, &'r Code)>>;

/// The code of a resolved `#[status]`; `seen`: an attribute was written, even one that did
/// not parse.
fn written_code<'r>(seen: bool, resolved: Option<&Resolved<'r>>) -> WrittenCode<'r> {
    let Some(r) = resolved else {
        return if seen { Some(None) } else { None };
    };
    match (&r.status.arg, r.entry) {
        (StatusArg::Code(code), Some(entry)) => Some(Some((entry, code))),
        (StatusArg::Code(_), None) => Some(None),
        _ => None,
    }
}

/// The parts of a type-level `#[status]` and `#[header]` that variants inherit.
struct Defaults<'a> {
    resolved: Option<Resolved<'a>>,
    /// The type's code; a misplaced or failed type `#[status]` is `Some(None)`.
    code: WrittenCode<'a>,
    /// The type's fixed header values; `None` when one was rejected.
    fixed: Option<Vec<FixedHeader>>,
}

/// The rules of the type, then of each variant; every rule reports to `cx`.
pub(crate) fn check<'a>(cx: &Ctxt, input: &'a Input<'a>) -> Model<'a> {
    let mut model = Model { input, arms: Vec::new(), warnings: Vec::new() };
    let defaults = check_type(cx, input, &mut model.warnings);
    for variant in &input.variants {
        let own = match &variant.attrs.status {
            Some(s) => Some(resolve_for_derive(cx, s)),
            None => None,
        };
        if let Some(r) = &own {
            warn(cx, &mut model.warnings, r);
        }
        if let Some(body) = check_variant(cx, input, variant, own.as_ref(), &defaults) {
            model.arms.push(Arm { variant, body });
        }
    }
    check_codes(cx, input, &model.arms);
    check_type_uris(cx, input, &model.arms);
    check_grpc(cx, input, &mut model.arms);
    check_decode(cx, input, &model.arms);
    model
}

/// Each variant's gRPC code: its `#[grpc(CODE)]`, else the type's. A transparent variant (or
/// struct) takes the inner error's: a `#[grpc]` of its own is an error; the type's does not
/// apply to it.
fn check_grpc(cx: &Ctxt, input: &Input, arms: &mut [Arm]) {
    let type_code = match &input.attrs.grpc {
        Some(tt) => cx.handle(check_grpc_code(tt)),
        None => None,
    };
    for arm in arms {
        let own = match input.kind {
            Kind::Struct => None,
            Kind::Enum => arm.variant.attrs.grpc.as_ref(),
        };
        match &mut arm.body {
            ArmBody::Transparent(..) => {
                let (written, what) = match input.kind {
                    Kind::Struct => (input.attrs.grpc.as_ref(), "struct"),
                    Kind::Enum => (own, "variant"),
                };
                if let Some(tt) = written {
                    cx.error(
                        tt.span(),
                        format_args!("#[grpc] on a transparent {what}: its gRPC code is the inner error's"),
                    );
                }
            }
            ArmBody::Own(resp) => {
                resp.grpc = match own {
                    Some(tt) => cx.handle(check_grpc_code(tt)),
                    None => type_code,
                };
            }
        }
    }
}

/// `#[grpc(CODE)]` names one of the 16 gRPC codes of an error (google.rpc.Code without `OK`),
/// written as the proto names it (`NOT_FOUND`): not `OK`, a number or a string.
fn check_grpc_code(tt: &proc_macro2::TokenTree) -> syn::Result<u8> {
    let msg = match tt {
        proc_macro2::TokenTree::Ident(ident) => {
            let name = ident.to_string();
            let name = names::unraw(&name);
            match names::grpc_number(name) {
                Some(0) => {
                    "#[grpc(OK)]: OK is the code of success, not of an error; write the code of the error, such as INTERNAL"
                        .to_owned()
                }
                Some(number) => return Ok(number),
                None => match names::suggest_grpc(name) {
                    Some(s) => format!("#[grpc({name})]: unknown gRPC code `{name}`, did you mean `{s}`?"),
                    None => format!(
                        "#[grpc({name})]: unknown gRPC code `{name}`, expected one of {}",
                        names::join(&names::GRPC_CODES[1..], ", ")
                    ),
                },
            }
        }
        proc_macro2::TokenTree::Literal(lit) => {
            let written = lit.to_string();
            match names::decimal(&written, false) {
                Some(0) => format!(
                    "#[grpc({written})]: OK is the code of success, not of an error; write the name of an error code, such as INTERNAL"
                ),
                Some(n) if n < names::GRPC_CODES.len() as i128 => {
                    format!("#[grpc({written})]: write the code's name: #[grpc({})]", names::GRPC_CODES[n as usize])
                }
                _ => match syn::Lit::new(lit.clone()) {
                    syn::Lit::Str(text) if matches!(names::grpc_number(&text.value()), Some(n) if n > 0) => {
                        format!("#[grpc({written})]: write the name without quotes: #[grpc({})]", text.value())
                    }
                    _ => format!("#[grpc({written})]: expected a gRPC code name such as NOT_FOUND or INTERNAL"),
                },
            }
        }
        other => format!("#[grpc({other})]: expected a gRPC code name such as NOT_FOUND or INTERNAL"),
    };
    Err(syn::Error::new(tt.span(), msg.as_str()))
}

/// A code is written on a variant or a struct, non-empty, without control characters, and
/// unique among the type's own variants (transparent ones take the inner error's): a second
/// use is an error on its literal, else on the variant's name.
fn check_codes(cx: &Ctxt, input: &Input, arms: &[Arm]) {
    if matches!(input.kind, Kind::Enum) {
        if let Some(lit) = &input.attrs.problem.code {
            cx.error(lit.span(), "#[problem(code = ...)] belongs on a variant: each variant has its own code");
        }
    }
    let mut seen = Seen::new(arms.len());
    for i in 0..arms.len() {
        let arm = &arms[i];
        let written = match input.kind {
            Kind::Struct => input.attrs.problem.code.as_ref(),
            Kind::Enum => arm.variant.attrs.problem.code.as_ref(),
        };
        let code = match &arm.body {
            ArmBody::Own(resp) => resp.code.as_str(),
            ArmBody::Transparent(..) => {
                if let Some(lit) = written {
                    cx.error(
                        lit.span(),
                        "#[problem(code = ...)] on a transparent variant: its code is the inner error's",
                    );
                }
                continue;
            }
        };
        if let Some(lit) = written {
            if code.is_empty() || has_control(code) {
                cx.error(lit.span(), "#[problem(code = ...)]: a code is a non-empty string without control characters");
                continue;
            }
        }
        if let Some(first) = seen.insert(code, i) {
            let first = arms[first].variant.ident;
            cx.error(
                written_span(written, arm.variant.ident),
                format_args!(
                    "the code `{code}` is already the code of variant `{first}`; codes are unique among a type's variants: write another with #[problem(code = \"...\")]"
                ),
            );
        }
    }
}

/// Whether `text` has a control character.
fn has_control(text: &str) -> bool {
    for c in text.chars() {
        if c.is_control() {
            return true;
        }
    }
    false
}

/// The span of a written literal, else of the variant's name.
fn written_span(written: Option<&LitStr>, ident: &Ident) -> Span {
    match written {
        Some(lit) => lit.span(),
        None => ident.span(),
    }
}

/// The strings seen so far (codes, type URIs), each with the index of where it was first seen,
/// hashed into buckets: a linear search per variant is quadratic, and a 1000-variant enum spent
/// most of its validation in it. Not generic (no `HashMap` code built into this crate for one
/// set of strings).
struct Seen<'a> {
    buckets: Vec<Vec<(&'a str, usize)>>,
}

impl<'a> Seen<'a> {
    fn new(n: usize) -> Self {
        let len = n.next_power_of_two();
        let mut buckets = Vec::with_capacity(len);
        for _ in 0..len {
            buckets.push(Vec::new());
        }
        Seen { buckets }
    }

    /// Adds `key` with `index`; the index of an earlier equal key instead, if any.
    fn insert(&mut self, key: &'a str, index: usize) -> Option<usize> {
        // FNV-1a.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in key.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        let mask = self.buckets.len() - 1;
        let bucket = &mut self.buckets[(h as usize) & mask];
        for &(k, first) in bucket.iter() {
            if k == key {
                return Some(first);
            }
        }
        bucket.push((key, index));
        None
    }
}

/// A type URI names one kind of problem: the type's own variants (transparent ones not counted)
/// that share one have the same status and the same extension members; a second use with
/// another is an error on its `type` literal, else (the URI is the type's base + its name) on
/// the variant's name.
fn check_type_uris(cx: &Ctxt, input: &Input, arms: &[Arm]) {
    // The arm of each URI's first use; its status and members are read again only when the URI
    // comes back.
    let mut uris = Seen::new(arms.len());
    for at in 0..arms.len() {
        let arm = &arms[at];
        let ArmBody::Own(resp) = &arm.body else { continue };
        let Some(uri) = resp.type_.as_deref() else { continue };
        let Some(i) = uris.insert(uri, at) else { continue };
        let ArmBody::Own(first_resp) = &arms[i].body else { continue };
        let first = arms[i].variant.ident;
        let (first_status, here) = (uri_status(first_resp), uri_status(resp));
        let what = if first_status != here {
            format!("{} (here {})", say_status(first_status), say_status(here))
        } else {
            let (first_members, members) = (sorted_members(first_resp), sorted_members(resp));
            if first_members == members {
                continue;
            }
            format!("{} (here {})", say_members(&first_members), say_members(&members))
        };
        let written = match input.kind {
            Kind::Struct => input.attrs.problem.type_.as_ref(),
            Kind::Enum => arm.variant.attrs.problem.type_.as_ref(),
        };
        cx.error(
            written_span(written, arm.variant.ident),
            format_args!(
                "the type URI `{uri}` is already the type of variant `{first}`, with {what}; a type URI names one kind of problem: variants that share it have the same status and members: write another with #[problem(type = \"...\")]"
            ),
        );
    }
}

/// The extension member names of a response, sorted (by insertion: a few names, and no generic
/// sort's code in this crate).
fn sorted_members<'r>(resp: &'r Response) -> Vec<&'r str> {
    let mut members: Vec<&str> = Vec::with_capacity(resp.extras.extensions.len());
    for (name, ..) in &resp.extras.extensions {
        // After the equal ones, as `insert` at the first greater one would.
        let name = name.as_str();
        members.push(name);
        let mut at = members.len() - 1;
        while at > 0 && members[at - 1] > name {
            members[at] = members[at - 1];
            at -= 1;
        }
        members[at] = name;
    }
    members
}

/// The status of a type URI's use: its code (a fallback included), and whether it is decided at
/// run time.
fn uri_status(resp: &Response) -> (Option<u16>, bool) {
    let code = match resp.status.entry() {
        Some(e) => Some(e.code),
        None => None,
    };
    (code, !matches!(resp.status, StatusSrc::Code(..)))
}

fn say_status((code, runtime): (Option<u16>, bool)) -> String {
    match (code, runtime) {
        (Some(code), false) => format!("status {code}"),
        (Some(code), true) => format!("a status decided at run time (else {code})"),
        (None, _) => "a status decided at run time".to_owned(),
    }
}

fn say_members(members: &[&str]) -> String {
    if members.is_empty() {
        return "no extension members".to_owned();
    }
    let mut out = String::from("the members ");
    for (i, m) in members.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push('`');
        out.push_str(m);
        out.push('`');
    }
    out
}

/// The type's `#[status]` and fixed `#[header]` values, which its variants inherit.
fn check_type<'a>(cx: &Ctxt, input: &'a Input<'a>, warnings: &mut Vec<(Span, String)>) -> Defaults<'a> {
    let resolved = match &input.attrs.status {
        Some(s) => Some(resolve_for_derive(cx, s)),
        None => None,
    };
    let mut misplaced = false;
    if let Some(d) = &resolved {
        misplaced = cx.handle(check_enum_status(input, d.status)).is_none();
        warn(cx, warnings, d);
    }
    let code = if misplaced { Some(None) } else { written_code(input.attrs.status_seen, resolved.as_ref()) };
    let mut fixed = fixed_headers(cx, &input.attrs.fixed, "type");
    if input.attrs.header_failed {
        fixed = None;
    }
    cx.handle(check_detail_place(input));
    Defaults { resolved, code, fixed }
}

/// An enum's variants have fields of their own: `#[problem(detail = ...)]` belongs on them.
fn check_detail_place(input: &Input) -> syn::Result<()> {
    match (&input.attrs.problem.detail, input.kind) {
        (Some(lit), Kind::Enum) => Err(syn::Error::new(
            lit.span(),
            "#[problem(detail = ...)] on an enum: put it on the variants, whose fields it formats",
        )),
        _ => Ok(()),
    }
}

/// The `#[problem(detail = ...)]` of a variant (the struct's own for a struct).
fn detail_attr<'a>(input: &'a Input<'a>, variant: &'a Variant<'a>) -> Option<&'a LitStr> {
    match input.kind {
        Kind::Struct => input.attrs.problem.detail.as_ref(),
        Kind::Enum => variant.attrs.problem.detail.as_ref(),
    }
}

/// A detail's placeholders each name a field of the variant (`{0}` a tuple field, `{name}` a
/// named one), with a spec rustc checks; the errors are on the literal.
fn check_detail<'a>(v: &VariantCx<'a, '_>, lit: &LitStr) -> syn::Result<Detail<'a>> {
    let fields = &v.variant.fields;
    let find = |name: &str| field_named(fields, name);
    let rewritten = match crate::detail::rewrite(&lit.value(), find) {
        Ok(rewritten) => rewritten,
        Err(msg) => {
            return Err(syn::Error::new(lit.span(), format_args!("#[problem(detail)] of {}: {msg}", v.what)));
        }
    };
    let mut uses = Vec::with_capacity(rewritten.uses.len());
    for &(i, t) in &rewritten.uses {
        if let Some(f) = fields.get(i) {
            if f.index == i {
                uses.push((f, t));
            }
        }
    }
    Ok(Detail { format: LitStr::new(&rewritten.format, lit.span()), fields: uses })
}

/// The index of the field a detail's placeholder names: `0` (a tuple field) or `name`.
fn field_named(fields: &[Field], name: &str) -> Option<usize> {
    for f in fields {
        let found = match &f.member {
            syn::Member::Named(ident) => {
                let s = ident.to_string();
                names::unraw(&s) == name
            }
            syn::Member::Unnamed(index) => index.index.to_string() == name,
        };
        if found {
            return Some(f.index);
        }
    }
    None
}

/// A transparent variant's detail is the inner error's.
fn check_detail_transparent(lit: Option<&LitStr>) -> syn::Result<()> {
    match lit {
        Some(lit) => Err(syn::Error::new(
            lit.span(),
            "#[problem(detail = ...)] on a #[status(transparent)] variant: the detail is the inner error's",
        )),
        None => Ok(()),
    }
}

/// An enum's `#[status]` is a default code or `with = path` over the whole value:
/// `transparent` belongs on its variants.
fn check_enum_status(input: &Input, status: &Status) -> syn::Result<()> {
    match (input.kind, &status.arg) {
        (Kind::Enum, StatusArg::Transparent(span)) => Err(syn::Error::new(
            *span,
            "#[status(transparent)] on an enum: put it on the variants that wrap another error",
        )),
        _ => Ok(()),
    }
}

/// The caution of a code and `acknowledge` agree: a warning for a questionable code that is not
/// acknowledged, an error for `acknowledge` on a code with nothing to acknowledge.
fn warn(cx: &Ctxt, warnings: &mut Vec<(Span, String)>, r: &Resolved) {
    if let (Some(entry), Some(span)) = (r.entry, r.status.acknowledge) {
        if entry.caution.is_none() && entry.required_headers.is_empty() {
            cx.error(
                span,
                format_args!(
                    "`acknowledge` is only for codes errstatus warns about (402, 407, 425, 511) or that require a header field (401, 405, 407, 426, 3xx redirections), not {}",
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

/// Whether a type is `StatusCode` (any path ending in it) or `Option<StatusCode>`.
fn status_field_kind(ty: &syn::Type) -> Option<bool> {
    crate::ast::with_parsed_type(ty, status_type_kind)
}

/// [`status_field_kind`] of a type as syn reads it.
fn status_type_kind(ty: &syn::Type) -> Option<bool> {
    if is_status_code(ty) {
        return Some(false);
    }
    match option_inner(ty) {
        Some(inner) if is_status_code(inner) => Some(true),
        _ => None,
    }
}

/// Whether a type is a path ending in `StatusCode`.
fn is_status_code(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Path(p) if p.qself.is_none() => match p.path.segments.last() {
            Some(s) => s.ident == "StatusCode",
            None => false,
        },
        _ => false,
    }
}

/// A variant (or the struct) and what it inherits, for the rules of one variant.
struct VariantCx<'a, 'r> {
    input: &'a Input<'a>,
    variant: &'a Variant<'a>,
    own: Option<&'r Resolved<'a>>,
    defaults: &'r Defaults<'a>,
    /// `variant `X`` or `struct `X``, for messages.
    what: What<'a>,
}

impl<'a> VariantCx<'a, '_> {
    /// The variant's own `#[status]` argument, else the type's.
    fn arg(&self) -> Option<&'a StatusArg> {
        match (self.own, &self.defaults.resolved) {
            (Some(r), _) => Some(&r.status.arg),
            (None, Some(d)) => Some(&d.status.arg),
            (None, None) => None,
        }
    }

    /// The variant's own `#[status]` argument.
    fn own_arg(&self) -> Option<&'a StatusArg> {
        match self.own {
            Some(r) => Some(&r.status.arg),
            None => None,
        }
    }

    /// The variant's code, else the type's: `Some(None)` after a failed `#[status]`.
    fn code(&self) -> WrittenCode<'a> {
        match written_code(self.variant.attrs.status_seen, self.own) {
            Some(code) => Some(code),
            None => self.defaults.code,
        }
    }
}

/// The rules of one variant, in order; a failed rule drops the variant (its error reported).
fn check_variant<'a>(
    cx: &Ctxt,
    input: &'a Input<'a>,
    variant: &'a Variant<'a>,
    own: Option<&Resolved<'a>>,
    defaults: &Defaults<'a>,
) -> Option<ArmBody<'a>> {
    // A struct's `#[status]` is its own: the rules of a variant's apply to it.
    let (kind, own) = match input.kind {
        Kind::Struct => ("struct", defaults.resolved.as_ref()),
        Kind::Enum => ("variant", own),
    };
    let what = What { kind, ident: variant.ident };
    let v = VariantCx { input, variant, own, defaults, what };
    // `let ... else` and `is_none`, not `?`: each `?` on another `Option` type is one more
    // generic function built into this crate.
    let Some((runtime, transparent)) = cx.handle(check_deciding_fields(cx, &v)) else { return None };
    let deciding = match runtime {
        Some(field) => Some(field),
        None => transparent,
    };
    if let Some(field) = deciding {
        if cx.handle(check_field_decides(&v, field)).is_none() {
            return None;
        }
    }
    let transparent = match deciding {
        Some(_) => transparent,
        None => match cx.handle(check_whole_transparent(&v)) {
            Some(transparent) => transparent,
            None => return None,
        },
    };
    let mut variant_fixed = fixed_headers(cx, &variant.attrs.fixed, "variant");
    if variant.attrs.header_failed {
        variant_fixed = None;
    }
    let (type_fixed, variant_fixed) = (defaults.fixed.as_deref(), variant_fixed.as_deref());
    if let Some(field) = transparent {
        if cx.handle(check_transparent_field(cx, field)).is_none()
            || cx.handle(check_detail_transparent(detail_attr(input, variant))).is_none()
        {
            return None;
        }
        let extras = extras(cx, variant, Some(field), type_fixed, variant_fixed);
        return Some(ArmBody::Transparent(field, extras));
    }
    let status = match runtime {
        Some(field) => cx.handle(check_status_field(&v, field)),
        None => cx.handle(check_status(&v)),
    };
    let Some(Some(status)) = status else { return None };
    // expose: the variant's, else the type's (for a variant that takes the type's code), else
    // by class.
    let explicit = match (own, &defaults.resolved) {
        (Some(Resolved { status: Status { expose: Some((b, _)), .. }, .. }), _) => Some(*b),
        (_, Some(d)) if takes_type_code(&v, &status) => match d.status.expose {
            Some((b, _)) => Some(b),
            None => None,
        },
        _ => None,
    };
    let expose = match &status {
        StatusSrc::Code(entry, _) => Some(match explicit {
            Some(b) => b,
            None => !matches!(entry.class, Class::ServerError),
        }),
        _ => explicit,
    };
    let extras = extras(cx, variant, None, type_fixed, variant_fixed);
    match &status {
        StatusSrc::Code(entry, span) => check_required_headers(cx, &v, entry, *span, &extras, false),
        StatusSrc::OptionField(_, entry, span) => check_required_headers(cx, &v, entry, *span, &extras, true),
        StatusSrc::Field(_) | StatusSrc::With(..) | StatusSrc::WithSelf(_) => {}
    }
    let (type_, title) = problem_type_and_title(input, variant);
    let written = match input.kind {
        Kind::Struct => input.attrs.problem.code.as_ref(),
        Kind::Enum => variant.attrs.problem.code.as_ref(),
    };
    let code = match written {
        Some(lit) => lit.value(),
        None => names::shouty_snake(&variant.ident.to_string()),
    };
    let detail = match detail_attr(input, variant) {
        Some(lit) => cx.handle(check_detail(&v, lit)),
        None => None,
    };
    Some(ArmBody::Own(Response { status, expose, type_, title, code, grpc: None, extras, detail }))
}

/// Whether a variant takes the type's code (it has no code, `with` or `StatusCode` field of its
/// own): then the options of the type's `#[status]` (`expose`, `acknowledge`) are its own.
fn takes_type_code(v: &VariantCx, status: &StatusSrc) -> bool {
    let own_code = matches!(v.own, Some(r) if !matches!(r.status.arg, StatusArg::Unset));
    matches!(v.input.kind, Kind::Struct) || (!own_code && !matches!(status, StatusSrc::Field(_)))
}

/// One field decides the status: at most one `#[status]` field, one `#[status(transparent)]`
/// field, and not one of each.
fn check_deciding_fields<'a>(
    cx: &Ctxt,
    v: &VariantCx<'a, '_>,
) -> syn::Result<(Option<&'a Field<'a>>, Option<&'a Field<'a>>)> {
    let mut runtime: Option<&Field> = None;
    let mut transparent: Option<&Field> = None;
    for field in &v.variant.fields {
        let (slot, span, what) = match field.attrs.status {
            Some(FieldStatus::RunTime(span)) => (&mut runtime, span, "#[status]"),
            Some(FieldStatus::Transparent(span)) => (&mut transparent, span, "#[status(transparent)]"),
            None => continue,
        };
        if slot.is_some() {
            cx.error(span, format_args!("{what} on a second field of {}: one field decides the status", v.what));
        } else {
            *slot = Some(field);
        }
    }
    if let (Some(_), Some(t)) = (runtime, transparent) {
        let span = match t.attrs.status {
            Some(FieldStatus::Transparent(span)) => span,
            _ => unreachable!("the transparent field has #[status(transparent)]"),
        };
        return Err(syn::Error::new(
            span,
            "a #[status] field and a #[status(transparent)] field: one field decides the status",
        ));
    }
    Ok((runtime, transparent))
}

/// A variant whose field decides the status has no `transparent`, `with` or (over a
/// transparent field) code, `expose` or `acknowledge` of its own.
fn check_field_decides(v: &VariantCx, field: &Field) -> syn::Result<()> {
    let Some(r) = v.own else { return Ok(()) };
    if let (StatusArg::Unset, Some(FieldStatus::Transparent(_))) = (&r.status.arg, field.attrs.status.as_ref()) {
        let option = match (r.status.expose, r.status.acknowledge) {
            (Some((_, span)), _) => Some((span, "expose")),
            (None, Some(span)) => Some((span, "acknowledge")),
            (None, None) => None,
        };
        if let Some((span, option)) = option {
            return Err(syn::Error::new(
                span,
                format_args!(
                    "`{option}` beside a #[status(transparent)] field of {}: the inner error's response is used as it is",
                    v.what
                ),
            ));
        }
    }
    let conflict = match (&r.status.arg, field.attrs.status.as_ref()) {
        (StatusArg::Transparent(span), _) => Some(*span),
        (StatusArg::With(path), _) => Some(path.span()),
        (StatusArg::Code(code), Some(FieldStatus::Transparent(_))) => Some(code.span()),
        _ => None,
    };
    match conflict {
        Some(span) => Err(syn::Error::new(
            span,
            format_args!("{} has a field with #[status]: that field decides the status", v.what),
        )),
        None => Ok(()),
    }
}

/// A transparent variant (or struct) has exactly one field, the inner error.
fn check_whole_transparent<'a>(v: &VariantCx<'a, '_>) -> syn::Result<Option<&'a Field<'a>>> {
    let arg = match v.input.kind {
        Kind::Struct => v.arg(),
        Kind::Enum => v.own_arg(),
    };
    let Some(StatusArg::Transparent(span)) = arg else { return Ok(None) };
    if v.variant.fields.len() != 1 {
        return Err(syn::Error::new(
            *span,
            format_args!(
                "#[status(transparent)] requires exactly one field; `{}` has {}; with several, put #[status(transparent)] on the field that decides",
                v.variant.ident,
                v.variant.fields.len()
            ),
        ));
    }
    Ok(Some(&v.variant.fields[0]))
}

/// A transparent field is an error that implements HttpStatus, not a `StatusCode`; its
/// headers and body are the inner error's, so it takes no `#[header]` or `#[problem]`.
fn check_transparent_field(cx: &Ctxt, field: &Field) -> syn::Result<()> {
    if status_field_kind(field.ty) == Some(false) {
        return Err(crate::ctxt::spanned_error(
            field.ty,
            &"#[status(transparent)] takes its status from an error that implements HttpStatus; \
             a `StatusCode` field is a status decided at run time: write #[status] on the field",
        ));
    }
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
    Ok(())
}

/// A `#[status]` field is a `StatusCode` (which decides alone) or an `Option<StatusCode>`
/// (which needs a code for `None`). `Ok(None)`: the code failed and was reported.
fn check_status_field<'a>(v: &VariantCx<'a, '_>, field: &'a Field<'a>) -> syn::Result<Option<StatusSrc<'a>>> {
    match status_field_kind(field.ty) {
        None => Err(crate::ctxt::spanned_error(
            field.ty,
            &"a #[status] field is the status decided at run time: its type must be http::StatusCode or Option<http::StatusCode>",
        )),
        Some(false) => match written_code(false, v.own) {
            Some(Some((_, code))) => Err(syn::Error::new(
                code.span(),
                format_args!(
                    "{} has a #[status] field of type StatusCode, which decides; remove the code (an Option<StatusCode> field falls back to it)",
                    v.what
                ),
            )),
            _ => Ok(Some(StatusSrc::Field(field))),
        },
        Some(true) => match v.code() {
            Some(Some((entry, code))) => Ok(Some(StatusSrc::OptionField(field, entry, code.span()))),
            Some(None) => Ok(None),
            None => Err(crate::ctxt::spanned_error(
                field.ty,
                &format_args!(
                    "an Option<StatusCode> #[status] field needs a code for `None`: add #[status(CODE)] to {} or a default #[status(CODE)] to the type",
                    v.what
                ),
            )),
        },
    }
}

/// Without a `#[status]` field, the status is `with = path` over the one field (a variant's, or
/// a struct's with one field), `with = path` over the whole value (the type's: an enum's, a
/// struct's without exactly one field), or a code of the variant or the type; a variant with
/// none is an error. `Ok(None)`: the code failed and was reported.
fn check_status<'a>(v: &VariantCx<'a, '_>) -> syn::Result<Option<StatusSrc<'a>>> {
    let type_with = match &v.defaults.resolved {
        Some(Resolved { status: Status { arg: StatusArg::With(path), .. }, .. }) => Some(path),
        _ => None,
    };
    match (v.input.kind, v.own_arg()) {
        (Kind::Struct, Some(StatusArg::With(path))) if v.variant.fields.len() != 1 => {
            return Ok(Some(StatusSrc::WithSelf(path)));
        }
        (Kind::Enum, None | Some(StatusArg::Unset)) => {
            if let Some(path) = type_with {
                return Ok(Some(StatusSrc::WithSelf(path)));
            }
        }
        _ => {}
    }
    if let Some(StatusArg::With(path)) = v.arg() {
        if v.variant.fields.len() != 1 {
            return Err(crate::ctxt::spanned_error(
                path,
                &format_args!(
                    "#[status(with = ...)] requires exactly one field, whose value decides; {} has {}",
                    v.what,
                    v.variant.fields.len()
                ),
            ));
        }
        return Ok(Some(StatusSrc::With(path, &v.variant.fields[0])));
    }
    match v.code() {
        Some(Some((entry, code))) => Ok(Some(StatusSrc::Code(entry, code.span()))),
        Some(None) => Ok(None),
        None => {
            let ident = &v.variant.ident;
            let msg = match v.input.kind {
                Kind::Struct => format!("struct `{ident}` needs #[status(CODE)] or #[status(transparent)]"),
                Kind::Enum => format!(
                    "variant `{ident}` has no #[status(CODE)] and the enum has no default; add #[status(CODE)] to the variant or to the enum"
                ),
            };
            Err(syn::Error::new(ident.span(), msg.as_str()))
        }
    }
}

/// A code known at compile time gets the header fields RFC 9110 requires of it (a run-time
/// status gives them up), unless acknowledged or a header value of the variant failed.
/// `fallback`: the code is the one of an `Option<StatusCode>` field's `None`, which is checked
/// like any code written.
fn check_required_headers(cx: &Ctxt, v: &VariantCx, entry: &Entry, span: Span, extras: &Extras, fallback: bool) {
    let (input, own, defaults) = (v.input, v.own, v.defaults);
    let inherited =
        !matches!(own, Some(r) if !matches!(r.status.arg, StatusArg::Unset)) && matches!(input.kind, Kind::Enum);
    let acknowledged = matches!(own, Some(r) if r.status.acknowledge.is_some())
        || ((inherited || matches!(input.kind, Kind::Struct))
            && matches!(&defaults.resolved, Some(d) if d.status.acknowledge.is_some()));
    if extras.failed || acknowledged {
        return;
    }
    for required in entry.required_headers {
        let mut sure = false;
        // A field that may leave the header out.
        let mut maybe = None;
        for h in &extras.headers {
            if provides(&h.key, required) {
                if matches!(h.how, HeaderHow::Value) {
                    sure = true;
                    break;
                } else if maybe.is_none() {
                    maybe = Some(h);
                }
            }
        }
        if !sure {
            for f in &extras.fixed {
                if provides(&f.key, required) {
                    sure = true;
                    break;
                }
            }
        }
        if sure {
            continue;
        }
        let c = entry.code;
        let (name, constant, reference) = (required.name, required.constant, required.reference);
        let written = match v.arg() {
            Some(StatusArg::Code(code)) => status_what(code),
            _ => format!("#[status({c})]"),
        };
        if let Some(maybe) = maybe {
            let why = match maybe.how {
                HeaderHow::With(_) => "its `with` function may return None",
                _ => "an Option field may be None",
            };
            cx.error_spanned(
                maybe.field.ty,
                format_args!(
                    "{written}: a {c} response must carry the `{name}` header field ({reference}) and this field may leave it out ({why}); add a field or a fixed value that always sends it, or #[status({c}, acknowledge)]"
                ),
            );
            continue;
        }
        // Where the code comes from, then one rule and one fix for all four cases.
        let ident = v.variant.ident;
        let (span, source) = match (inherited, fallback) {
            (true, true) => (
                ident.span(),
                format!("variant `{ident}` falls back to {written} of the enum when its #[status] field is None, and "),
            ),
            (true, false) => (ident.span(), format!("variant `{ident}` takes {written} from the enum, and ")),
            (false, true) => (span, format!("{written}: the status when the #[status] field is None is a {c}, and ")),
            (false, false) => (span, format!("{written}: ")),
        };
        cx.error(
            span,
            format_args!(
                "{source}a {c} response must carry the `{name}` header field ({reference}); add a field with #[header({constant})], a fixed #[header({constant} = \"...\")], or write #[status({c}, acknowledge)] to depart from it on purpose"
            ),
        );
    }
}

/// Whether a header key names the required field.
fn provides(key: &HeaderKey, required: &RequiredHeader) -> bool {
    match key {
        HeaderKey::Const(ident) => *ident == required.constant,
        HeaderKey::Name(n, _) => names::eq_ascii_case(n, required.name),
    }
}

/// The problem type (an enum's base URI + the variant in kebab-case, unless the variant writes
/// its own) and title of a variant.
fn problem_type_and_title(input: &Input, variant: &Variant) -> (Option<String>, Option<String>) {
    let kind = (&input.attrs.problem, &variant.attrs.problem);
    let type_ = match (&kind.1.type_, &kind.0.type_) {
        (Some(t), _) => Some(t.value()),
        (None, Some(base)) if matches!(input.kind, Kind::Enum) => {
            Some(format!("{}{}", base.value(), kebab(variant.ident)))
        }
        (None, Some(t)) => Some(t.value()),
        (None, None) => None,
    };
    let title = match (&kind.1.title, &kind.0.title) {
        (Some(t), _) | (None, Some(t)) => Some(t.value()),
        (None, None) => None,
    };
    (type_, title)
}

/// `OutOfCredit` -> `out-of-credit`.
pub(crate) fn kebab(ident: &Ident) -> String {
    let s = ident.to_token_stream().to_string();
    let s = names::unraw(&s);
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        if c.is_ascii_uppercase() {
            // Not the first character (each one pushes something) and not after a `-`.
            if !matches!(out.as_bytes().last(), None | Some(b'-')) {
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

/// Where a field of a decoded variant comes from (`#[errstatus(decode)]`, expanded by
/// decode.rs).
pub(crate) enum Source<'a> {
    /// A `#[problem(extension)]` member, through serde.
    Member(&'a str),
    /// A `#[problem(extension, display)]` member: its text, through `FromStr`.
    MemberText(&'a str),
    /// The `instance` member, through `FromStr`.
    Instance,
    /// A `#[header]` field, through `FromStr`; `true`: an `Option` field.
    Header(&'a HeaderKey, bool),
    /// A `#[status]` field of type `StatusCode`.
    Status,
    /// A `#[status]` field of type `Option<StatusCode>`, `None` for this fallback code.
    StatusOr(u16),
    /// The transparent field: the inner type's `FromProblem`.
    Inner,
    /// `#[problem(skip_decode)]`: its `Default`.
    Skip,
}

/// Whether a variant is decoded: the type has `decode` and the variant no `skip_decode`.
pub(crate) fn decoded(input: &Input, arm: &Arm) -> bool {
    input.container.decode.is_some()
        && (matches!(input.kind, Kind::Struct) || arm.variant.attrs.problem.skip_decode.is_none())
}

/// Where a field of a decoded variant comes from, or why the response does not carry it.
pub(crate) fn decode_source<'a>(arm: &'a Arm<'a>, field: &Field) -> Result<Source<'a>, &'static str> {
    if field.attrs.skip_decode.is_some() {
        return Ok(Source::Skip);
    }
    let (extras, hidden) = match &arm.body {
        ArmBody::Transparent(inner, _) if inner.index == field.index => return Ok(Source::Inner),
        ArmBody::Transparent(_, extras) => (extras, None),
        ArmBody::Own(resp) => {
            match &resp.status {
                StatusSrc::Field(f) if f.index == field.index => return Ok(Source::Status),
                StatusSrc::OptionField(f, entry, _) if f.index == field.index => {
                    return Ok(Source::StatusOr(entry.code))
                }
                _ => {}
            }
            // A code that cannot carry content (304) sends no body: its members are not sent.
            let empty = matches!(resp.status, StatusSrc::Code(entry, _) if !entry.content);
            let why = match (empty, resp.expose == Some(false)) {
                (true, _) => Some("a 304 response has no body to carry members"),
                (false, true) => Some("the response hides its members (a 5xx without `expose`, or `expose = false`)"),
                (false, false) => None,
            };
            (&resp.extras, why)
        }
    };
    for h in &extras.headers {
        if h.field.index != field.index {
            continue;
        }
        return match h.how {
            HeaderHow::Value => Ok(Source::Header(&h.key, false)),
            HeaderHow::Optional(_) => Ok(Source::Header(&h.key, true)),
            HeaderHow::With(_) => Err("its header value is made by a `with` function, which cannot be undone"),
        };
    }
    let mut member = None;
    for m in &extras.extensions {
        if m.1.index == field.index {
            member = Some(m);
            break;
        }
    }
    let instance = matches!(extras.instance, Some(f) if f.index == field.index);
    if let (true, Some(why)) = (member.is_some() || instance, hidden) {
        return Err(why);
    }
    match member {
        Some((name, _, MemberHow::Serialize)) => Ok(Source::Member(name)),
        Some((name, _, MemberHow::Display)) => Ok(Source::MemberText(name)),
        Some((_, _, MemberHow::With(_))) => Err("its member is made by a `with` function, which cannot be undone"),
        None if instance => Ok(Source::Instance),
        None => {
            Err("it is not an extension member, a header field or the instance (the Display text is not read back)")
        }
    }
}

/// `#[errstatus(decode)]` and `#[problem(skip_decode)]`: the type decodes problem+json bodies
/// into owned values; every field of a decoded variant comes back from the response or is
/// `skip_decode`; `skip_decode` goes on variants and fields of a type with `decode`.
fn check_decode(cx: &Ctxt, input: &Input, arms: &[Arm]) {
    check_skip_decode_place(cx, input);
    let Some(span) = input.container.decode else { return };
    if cx.handle(check_decode_type(input, span)).is_none() {
        return;
    }
    for arm in arms {
        if !decoded(input, arm) {
            continue;
        }
        for field in &arm.variant.fields {
            cx.handle(check_decode_field(input, arm, field));
        }
    }
}

/// `decode` reads the problem+json body of a type that has no type or lifetime parameters.
fn check_decode_type(input: &Input, span: Span) -> syn::Result<()> {
    if let Some(format) = &input.container.format {
        return Err(syn::Error::new(
            span,
            format_args!(
                "#[errstatus(decode)] reads application/problem+json bodies; a type with #[errstatus(format = {})] cannot be decoded",
                names::without_spaces(&format.to_token_stream().to_string())
            ),
        ));
    }
    if let Some(param) = input.original.generics.params.first() {
        return Err(crate::ctxt::spanned_error(
            param,
            &"#[errstatus(decode)] on a generic type is not supported: decode a type without type or lifetime parameters",
        ));
    }
    Ok(())
}

/// A field of a decoded variant comes back from the response, or is `skip_decode` (and
/// `Default`, which its expansion asks of it).
fn check_decode_field(input: &Input, arm: &Arm, field: &Field) -> syn::Result<()> {
    let Err(why) = decode_source(arm, field) else { return Ok(()) };
    let (name, span) = match &field.original.ident {
        Some(ident) => (format!("`{ident}`"), ident.span()),
        None => (format!("{}", field.index), field.ty.span()),
    };
    let of = match input.kind {
        Kind::Struct => format!("struct `{}`", arm.variant.ident),
        Kind::Enum => format!("variant `{}`", arm.variant.ident),
    };
    Err(syn::Error::new(
        span,
        format_args!(
            "#[errstatus(decode)]: field {name} of {of} is not in the response: {why}; send it as #[problem(extension)], #[header(NAME)] or #[problem(instance)], or mark it #[problem(skip_decode)] to decode it as its `Default` value"
        ),
    ))
}

/// `skip_decode` on a variant or field of a type with `decode`; not on the type.
fn check_skip_decode_place(cx: &Ctxt, input: &Input) {
    if let Some(span) = input.attrs.problem.skip_decode {
        let msg = match input.kind {
            Kind::Struct => "#[problem(skip_decode)] on a struct: a struct that is not decoded has no #[errstatus(decode)]",
            Kind::Enum => "#[problem(skip_decode)] belongs on a variant (never decoded) or a field (decoded as its `Default`), not on the enum",
        };
        cx.error(span, msg);
    }
    if input.container.decode.is_some() {
        return;
    }
    let msg = "#[problem(skip_decode)] without #[errstatus(decode)] on the type: nothing is decoded";
    // The variants' first, then the fields', as the messages have always come.
    for v in &input.variants {
        if let Some(span) = v.attrs.problem.skip_decode {
            cx.error(span, msg);
        }
    }
    for v in &input.variants {
        for f in &v.fields {
            if let Some(span) = f.attrs.skip_decode {
                cx.error(span, msg);
            }
        }
    }
}
