//! Property tests of `#[derive(HttpStatus)]` and `status!`, on generated input, without
//! rustc. Each property below can fail; what it asserts:
//!
//! - `arbitrary_input_never_panics`: on any derive input (random token soup in every
//!   attribute position, fields, generics, structs and unions, plus the inputs of the two
//!   properties after it) the derive returns instead of panicking; expanding twice gives the
//!   same tokens, or the same errors; and `derive` emits what `try_expand` decided: its
//!   tokens unchanged when it succeeded, otherwise one `compile_error!` per accumulated error
//!   (the same messages, none empty) next to stub impls of `HttpStatus` for the type.
//! - `valid_inputs_expand_to_their_codes`: inputs built by [`gen`] to follow every rule
//!   (usable 3xx-5xx codes, required header fields present or acknowledged, ...) expand
//!   (`try_expand` is `Ok`), and the expansion agrees with the registry and the input: in
//!   `fn status`, every variant is in exactly one `match` arm; a variant with a code is in
//!   the arm whose value is that code's `http` constant (`Entry::http_const`, whatever name
//!   or number the input wrote); variants with the same code share one arm; a transparent
//!   variant's arm calls the inner error's `status`. Every header field name, extension
//!   member and member function (`with = path`) of the input appears in the expansion, so
//!   does `SerdeJson` when it is the format (and a generic type with it is bounded by
//!   `Serialize`), and it carries one compiler warning per `#[status]` with a code the
//!   registry cautions about (402, 407, 425, 511) that is not acknowledged, and no other.
//! - `faulty_inputs_report_one_error_per_fault`: the same inputs with 1-3 faults, each in
//!   its own `#[status]`: a bad code (unregistered, out of range, deprecated 305, unused
//!   306/418, obsoleted 510, 1xx/2xx, unknown name, suffixed, negative, quoted, float, char,
//!   group), `expose` on a non-5xx code, `acknowledge` on a code without a caution or a
//!   required header field, a variant without a code in an enum without a default, or a
//!   required header field removed. `try_expand` is `Err` with exactly one error per fault
//!   (errors accumulate, and do not cascade), each fault is named by its own error (a bad
//!   code as written: `#[status(0x1bc)]`, `#[status(NOT_FOUN)]`), and `derive` emits them all.
//! - `combined_attributes_expand`: inputs built by [`combos`] (fixed header values on the type
//!   and variants, `Option` header fields, run-time statuses, the type's `#[status(with =
//!   path)]`, field-level transparent with siblings, `expose` / `expose = false`, members
//!   written by a function, details from format strings, body formats including
//!   `errstatus::SerdeJson`, together) expand
//!   without an error or a warning, every fixed value that can apply, every member name, the
//!   type's status function when a variant takes it, every member function and the `SerdeJson`
//!   format reach the expansion, and `derive` emits exactly that. Their responses are checked
//!   by `tests/tests/expansions.rs`.
//! - `status_macro_names_the_registry_constant`: `status!(CODE)` for any registered, usable
//!   code of any class, written any accepted way, expands to that entry's `http` constant
//!   (`__private::code(N)` for a code without one).
//! - `status_macro_rejects_bad_codes`: `status!` of a bad code (1xx/2xx excepted: they are
//!   fine there) is exactly one error, naming the code as written (`status!(444)`); `expand`
//!   gives that error as `compile_error!` inside an expression that is still a `StatusCode`.
//! - `status_macro_never_panics`: `status!` on arbitrary tokens returns, and `expand` emits
//!   what `try_expand` decided (its tokens, or its errors as `compile_error!`).
//!
//! syn is built without `full`, so an expansion cannot be parsed back as items: the checks
//! read its tokens (the body of `fn status`, string literals, `compile_error!` calls).
//! Whether the expansions compile, and behave at run time as [`gen`]'s model says, is
//! checked by `tests/tests/expansions.rs` on a sample of the same valid inputs.

use errstatus_registry as registry;
use proc_macro2::{Delimiter, TokenStream, TokenTree};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::Config;
use registry::{lookup, lookup_name, Class};

mod combos;
mod gen;

/// Cases per property: about 8 s of CPU for all of them in a debug build.
fn config(cases: u32) -> Config {
    Config { cases, failure_persistence: None, ..Config::default() }
}

/// The derive as the proc macro runs it: the impls, or the errors plus stub impls.
fn derive(node: &syn::DeriveInput) -> TokenStream {
    crate::derive(node)
}

/// `status!(CODE)` as `errstatus::status!` calls it, with the crate path `::errstatus`.
fn status_try(tokens: TokenStream) -> syn::Result<TokenStream> {
    crate::status_macro::try_expand(&quote::quote!(::errstatus), tokens)
}

fn status_expand(tokens: TokenStream) -> TokenStream {
    crate::status_macro::expand(tokens)
}

fn pick(items: &'static [&'static str]) -> BoxedStrategy<String> {
    proptest::sample::select(items).prop_map(str::to_owned).boxed()
}

fn parse_tokens(src: &str) -> TokenStream {
    match src.parse() {
        Ok(tokens) => tokens,
        Err(err) => panic!("the generator made text that does not tokenize ({err}):\n{src}"),
    }
}

fn parse_input(src: &str) -> syn::DeriveInput {
    match syn::parse2(parse_tokens(src)) {
        Ok(input) => input,
        Err(err) => panic!("the generator made an input syn does not parse ({err}):\n{src}"),
    }
}

fn messages(err: syn::Error) -> Vec<String> {
    err.into_iter().map(|e| e.to_string()).collect()
}

// ---------------------------------------------------------------------------------------
// Reading expansions.

fn is_ident(tt: &TokenTree, name: &str) -> bool {
    matches!(tt, TokenTree::Ident(i) if i == name)
}

fn is_punct(tt: &TokenTree, c: char) -> bool {
    matches!(tt, TokenTree::Punct(p) if p.as_char() == c)
}

fn group(tt: &TokenTree, delimiter: Delimiter) -> Option<TokenStream> {
    match tt {
        TokenTree::Group(g) if g.delimiter() == delimiter => Some(g.stream()),
        _ => None,
    }
}

/// Every token tree, depth first, groups and their contents.
fn flatten(tokens: TokenStream, out: &mut Vec<TokenTree>) {
    for tt in tokens {
        if let TokenTree::Group(g) = &tt {
            flatten(g.stream(), out);
        }
        out.push(tt);
    }
}

/// The string literals of `tokens`, decoded.
fn strings(tokens: &TokenStream) -> Vec<String> {
    let mut all = Vec::new();
    flatten(tokens.clone(), &mut all);
    all.into_iter()
        .filter_map(|tt| match tt {
            TokenTree::Literal(lit) => syn::parse2::<syn::LitStr>(TokenTree::Literal(lit).into()).ok(),
            _ => None,
        })
        .map(|s| s.value())
        .collect()
}

fn idents(tokens: &TokenStream) -> Vec<String> {
    let mut all = Vec::new();
    flatten(tokens.clone(), &mut all);
    all.into_iter().filter_map(|tt| if let TokenTree::Ident(i) = tt { Some(i.to_string()) } else { None }).collect()
}

/// The messages of the `compile_error!` calls in `tokens`.
fn compile_errors(tokens: &TokenStream) -> Vec<String> {
    let mut out = Vec::new();
    let tts: Vec<TokenTree> = tokens.clone().into_iter().collect();
    for (i, tt) in tts.iter().enumerate() {
        if is_ident(tt, "compile_error") && tts.get(i + 1).is_some_and(|t| is_punct(t, '!')) {
            if let Some(TokenTree::Group(g)) = tts.get(i + 2) {
                out.extend(strings(&g.stream()).into_iter().take(1));
            }
        } else if let TokenTree::Group(g) = tt {
            out.extend(compile_errors(&g.stream()));
        }
    }
    out
}

/// Whether `tokens` implement `HttpStatus` for the type `name`: `HttpStatus for Name`.
fn implements(tokens: &TokenStream, name: &str) -> bool {
    let mut all = Vec::new();
    flatten(tokens.clone(), &mut all);
    all.windows(3).any(|w| is_ident(&w[0], "HttpStatus") && is_ident(&w[1], "for") && is_ident(&w[2], name))
}

/// The body of the first `fn <name>` in `tokens`.
fn fn_body(tokens: &TokenStream, name: &str) -> Option<TokenStream> {
    let tts: Vec<TokenTree> = tokens.clone().into_iter().collect();
    for (i, tt) in tts.iter().enumerate() {
        if is_ident(tt, "fn") && tts.get(i + 1).is_some_and(|t| is_ident(t, name)) {
            return tts[i + 2..].iter().find_map(|t| group(t, Delimiter::Brace));
        }
        if let TokenTree::Group(g) = tt {
            if let Some(body) = fn_body(&g.stream(), name) {
                return Some(body);
            }
        }
    }
    None
}

/// The contents of the braces of the first `match` in `tokens`.
fn match_body(tokens: &TokenStream) -> Option<TokenStream> {
    let tts: Vec<TokenTree> = tokens.clone().into_iter().collect();
    for (i, tt) in tts.iter().enumerate() {
        if is_ident(tt, "match") {
            return tts[i + 1..].iter().find_map(|t| group(t, Delimiter::Brace));
        }
        if let TokenTree::Group(g) = tt {
            if let Some(body) = match_body(&g.stream()) {
                return Some(body);
            }
        }
    }
    None
}

/// What an arm of `status()` evaluates to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Value {
    /// `<path>::NAME`: an `http::StatusCode` constant.
    Const(String),
    /// `__private::code(N)`.
    Code(u16),
    /// `...::status(__field)`: the inner error's status.
    Inner,
    Other(String),
}

fn value_of(expr: &[TokenTree]) -> Value {
    for w in expr.windows(2) {
        if is_ident(&w[0], "code") {
            if let Some(args) = group(&w[1], Delimiter::Parenthesis) {
                let digits: String = args.to_string().chars().take_while(char::is_ascii_digit).collect();
                if let Ok(n) = digits.parse() {
                    return Value::Code(n);
                }
            }
        }
        if (is_ident(&w[0], "status") || is_ident(&w[0], "__status_code"))
            && group(&w[1], Delimiter::Parenthesis).is_some()
        {
            return Value::Inner;
        }
    }
    let path = expr.iter().all(|t| matches!(t, TokenTree::Ident(_)) || is_punct(t, ':'));
    match expr.last() {
        Some(TokenTree::Ident(last)) if path => Value::Const(last.to_string()),
        _ => Value::Other(expr.iter().cloned().collect::<TokenStream>().to_string()),
    }
}

/// The variants a pattern matches: `E::A { .. } | E::B` -> `A`, `B`; `Self` -> `Self`.
fn pattern_variants(pat: &[TokenTree]) -> Vec<String> {
    pat.split(|t| is_punct(t, '|'))
        .filter(|alt| !alt.is_empty())
        .map(|alt| match alt {
            [TokenTree::Ident(_), c1, c2, TokenTree::Ident(v), ..] if is_punct(c1, ':') && is_punct(c2, ':') => {
                v.to_string()
            }
            [s, ..] if is_ident(s, "Self") => "Self".to_owned(),
            _ => alt.iter().cloned().collect::<TokenStream>().to_string(),
        })
        .collect()
}

/// The arms of `__status_code()` (which `status()` reads): (variants, value). A variant with
/// a status of its own gives a number, its status in the top bits (`404 << 20 | row`).
fn status_arms(expansion: &TokenStream) -> Result<Vec<(Vec<String>, Value)>, String> {
    let status = fn_body(expansion, "status").ok_or("no `fn status`")?;
    if status.to_string() == "match * self { }" {
        // No variants.
        return Ok(Vec::new());
    }
    if !status.to_string().contains("__status_code (self) . 0") {
        return Err(format!("`status()` does not read `__status_code`: {status}"));
    }
    let body = fn_body(expansion, "__status_code").ok_or("no `fn __status_code`")?;
    let arms = match_body(&body).ok_or("no `match` in `fn __status_code`")?;
    let tts: Vec<TokenTree> = arms.into_iter().collect();
    let mut out = Vec::new();
    for arm in tts.split(|t| is_punct(t, ',')).filter(|a| !a.is_empty()) {
        let arrow = arm
            .windows(2)
            .position(|w| is_punct(&w[0], '=') && is_punct(&w[1], '>'))
            .ok_or_else(|| format!("no `=>` in arm {}", arm.iter().cloned().collect::<TokenStream>()))?;
        let value = match &arm[arrow + 2..] {
            // The status in the top bits, the row below.
            [TokenTree::Literal(at)] => {
                let at: u32 = at.to_string().parse().map_err(|_| format!("arm value {at}"))?;
                Value::Code((at >> 20) as u16)
            }
            [ret, rest @ ..] if is_ident(ret, "return") => value_of(rest),
            other => Value::Other(other.iter().cloned().collect::<TokenStream>().to_string()),
        };
        out.push((pattern_variants(&arm[..arrow]), value));
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Bad codes and other faults.

/// A CODE the derive must reject.
#[derive(Clone, Debug)]
struct BadCode {
    written: String,
    /// What the error says; `None`: the attribute as written, `#[status(444)]` / `status!(444)`.
    says: Option<&'static str>,
    /// A registered 1xx/2xx code: wrong for the derive, right for `status!`.
    not_an_error: bool,
}

impl BadCode {
    fn needle(&self, status_macro: bool) -> String {
        match (self.says, status_macro) {
            (Some(s), _) => s.to_owned(),
            (None, false) => format!("#[status({})]", self.written),
            (None, true) => format!("status!({})", self.written),
        }
    }
}

fn bad_code() -> BoxedStrategy<BadCode> {
    let bad = |written: String| BadCode { written, says: None, not_an_error: false };
    let registered = |c: &u16| lookup(*c).is_some();
    let unregistered = (100u16..600, any::<bool>())
        .prop_filter("unregistered", move |(c, _)| !registered(c))
        .prop_map(move |(c, hex)| bad(if hex { format!("{c:#x}") } else { c.to_string() }));
    let unusable = pick(&[
        "305",
        "306",
        "418",
        "510",
        "0x1a2",
        "USE_PROXY",
        "IM_A_TEAPOT",
        "NOT_EXTENDED",
        "StatusCode::USE_PROXY",
        "http::StatusCode::IM_A_TEAPOT",
    ])
    .prop_map(bad);
    let not_errors: Vec<_> = registry::entries()
        .iter()
        .filter(|e| e.is_usable() && matches!(e.class, Class::Informational | Class::Successful))
        .collect();
    let not_an_error =
        gen::code_from(not_errors).prop_map(|c| BadCode { written: c.written, says: None, not_an_error: true });
    let out_of_range = prop_oneof![
        (0u64..100).prop_map(|c| c.to_string()),
        (600u64..1_000_000).prop_map(|c| c.to_string()),
        "[1-9][0-9]{20,45}",
    ]
    .prop_map(bad);
    let unknown_name = prop_oneof![
        pick(&[
            "NOT_FOUN",
            "TEAPOT",
            "NotFound",
            "not_found",
            "Gone",
            "r#NOT_FOUN",
            "StatusCode::NOPE",
            "http::StatusCode::NotFound",
            "ENHANCE_YOUR_CALM",
        ]),
        "[A-Z][A-Z0-9_]{2,12}".prop_filter("not a status name", |n| lookup_name(n).is_none()),
    ]
    .prop_map(bad);
    let suffixed = (proptest::sample::select(gen::error_entries()), pick(&["u16", "i32", "u8", "usize", "u64"]))
        .prop_map(move |(e, suffix)| bad(format!("{}{suffix}", e.code)));
    let not_a_code = proptest::sample::select(
        &[
            ("\"404\"", "write it without quotes: 404"),
            ("404.0", "found `404.0`"),
            ("'4'", "found `'4'`"),
            ("[404]", "found `[404]`"),
        ][..],
    )
    .prop_map(|(w, says)| BadCode { written: w.to_owned(), says: Some(says), not_an_error: false });
    prop_oneof![
        3 => unregistered,
        2 => unusable,
        2 => not_an_error,
        2 => out_of_range,
        2 => unknown_name,
        1 => suffixed,
        1 => not_a_code,
        1 => (1u16..1000).prop_map(move |c| bad(format!("-{c}"))),
    ]
    .boxed()
}

#[derive(Clone, Copy, Debug)]
enum FaultKind {
    /// The CODE replaced by a bad one.
    Code,
    /// `acknowledge` on a code without a caution or a required header field.
    Acknowledge,
    /// The variant's `#[status]` removed, in an enum without a default.
    Missing,
    /// The field of a header the code requires removed.
    DropHeader,
}

fn fault() -> BoxedStrategy<(Index, FaultKind, BadCode)> {
    let kind = prop_oneof![
        4 => Just(FaultKind::Code),
        1 => Just(FaultKind::Acknowledge),
        1 => Just(FaultKind::Missing),
        1 => Just(FaultKind::DropHeader),
    ];
    (any::<Index>(), kind, bad_code()).boxed()
}

/// Where a fault goes: the type's `#[status]` or a variant's.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    Type,
    Variant(usize),
}

/// Puts each fault in its own `#[status]` (a fault whose slot is taken is dropped, one that
/// does not apply there becomes a bad code) and returns what each error must say.
fn apply_faults(input: &mut gen::Input, faults: &[(Index, FaultKind, BadCode)]) -> Vec<String> {
    let mut slots: Vec<Slot> = Vec::new();
    if let Some(gen::TypeStatus::Code(_)) = &input.status {
        slots.push(Slot::Type);
    }
    for (i, v) in input.variants.iter().enumerate() {
        if let gen::Own::Code(_) = v.own {
            slots.push(Slot::Variant(i));
        }
    }
    let mut needles = Vec::new();
    let mut used = Vec::new();
    for (index, kind, bad) in faults {
        if slots.is_empty() {
            break;
        }
        let slot = slots[index.index(slots.len())];
        if used.contains(&slot) {
            continue;
        }
        used.push(slot);
        let no_default = input.status.is_none() && !input.is_struct;
        let status = match slot {
            Slot::Type => match &mut input.status {
                Some(gen::TypeStatus::Code(s)) => s,
                _ => unreachable!(),
            },
            Slot::Variant(i) => match &mut input.variants[i].own {
                gen::Own::Code(s) => s,
                _ => unreachable!(),
            },
        };
        let entry = status.entry();
        let needle = match kind {
            FaultKind::Acknowledge
                if entry.caution.is_none() && entry.required_headers.is_empty() && !status.acknowledge =>
            {
                status.acknowledge = true;
                "`acknowledge` is only for codes".to_owned()
            }
            FaultKind::Missing if no_default && matches!(slot, Slot::Variant(_)) => {
                let Slot::Variant(i) = slot else { unreachable!() };
                let v = &mut input.variants[i];
                v.own = gen::Own::Inherit;
                format!("variant `{}` has no #[status(CODE)]", v.name)
            }
            FaultKind::DropHeader if !entry.required_headers.is_empty() && !status.acknowledge => {
                let required = &entry.required_headers[0];
                let lower = required.name.to_ascii_lowercase();
                let target = match slot {
                    Slot::Variant(i) => Some(i),
                    Slot::Type if input.is_struct => Some(0),
                    Slot::Type => input.variants.iter().position(|v| matches!(v.own, gen::Own::Inherit)),
                };
                match target {
                    Some(i) => {
                        input.variants[i].fields.retain(|f| f.header() != Some(lower.as_str()));
                        format!("a {} response must carry the `{}` header field", entry.code, required.name)
                    }
                    None => {
                        // The type's code with no variant inheriting it: a bad code instead.
                        let Some(gen::TypeStatus::Code(s)) = &mut input.status else { unreachable!() };
                        s.code.written = bad.written.clone();
                        bad.needle(false)
                    }
                }
            }
            _ => {
                status.code.written = bad.written.clone();
                bad.needle(false)
            }
        };
        needles.push(needle);
    }
    if needles.is_empty() {
        // No `#[status]` with a code (transparent variants only): add a variant with a bad one.
        let (_, _, bad) = &faults[0];
        let status = gen::Status {
            code: gen::Code { code: 500, written: bad.written.clone() },
            expose: false,
            acknowledge: false,
            acknowledge_first: false,
            trailing_comma: false,
        };
        if input.is_struct {
            input.status = Some(gen::TypeStatus::Code(status));
        } else {
            let v = gen::Variant {
                name: "Bad".into(),
                own: gen::Own::Code(status),
                problem: gen::Problem::default(),
                shape: gen::Shape::Unit,
                fields: Vec::new(),
            };
            input.variants.push(v);
        }
        needles.push(bad.needle(false));
    }
    needles
}

/// A valid input with 1-3 faults: (source, what each error must say).
fn faulty_input() -> BoxedStrategy<(String, Vec<String>)> {
    (gen::input("ApiError"), proptest::collection::vec(fault(), 1..4))
        .prop_map(|(mut input, faults)| {
            let needles = apply_faults(&mut input, &faults);
            (input.source(), needles)
        })
        .boxed()
}

// ---------------------------------------------------------------------------------------
// Arbitrary input: token soup in every position.

const SUFFIXES: &[&str] = &[
    "", "", "", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize", "f32", "f64",
    "_u16", "_i64", "foo", "e3",
];

/// An integer literal: any size, any suffix, any radix, with or without `_`.
fn int_lit() -> BoxedStrategy<String> {
    let value = prop_oneof![
        4 => 100u128..600,
        2 => 0u128..1000,
        1 => any::<u16>().prop_map(u128::from),
        1 => any::<u64>().prop_map(u128::from),
        1 => any::<u128>(),
    ];
    (value, 0..6u8, proptest::sample::select(SUFFIXES))
        .prop_map(|(v, radix, suffix)| {
            let digits = match radix {
                0 => format!("0x{v:x}"),
                1 => format!("0o{v:o}"),
                2 => format!("0b{v:b}"),
                3 => {
                    let s = v.to_string();
                    let (a, b) = s.split_at(s.len() / 2);
                    if a.is_empty() {
                        s
                    } else {
                        format!("{a}_{b}")
                    }
                }
                _ => v.to_string(),
            };
            // A suffix starting with `e` after hex digits would change the number; fine either way.
            format!("{digits}{suffix}")
        })
        .boxed()
}

/// Literals that are not plain integers: huge integers, floats, strings, chars, bytes.
fn other_lit() -> BoxedStrategy<String> {
    prop_oneof![
        "[1-9][0-9]{19,60}",
        pick(&["1.5", "404.0", "4.04e2", "1e3", "404f32", "404.0f64", "1.0e-5", "0.0", "4_04.5"]),
        pick(&[
            "\"404\"",
            "\"NOT_FOUND\"",
            "\"\"",
            "r\"raw\"",
            "r#\"a \"quoted\" raw\"#",
            "\"\\n\"",
            "\"x-request-id\"",
            "\"X-Upper\"",
            "\"bad name\"",
            "\"content-type\"",
            "\"Retry-After\"",
            "\"\u{e9}\"",
            "\"a\\u{0}b\"",
            "\"https://errors.example.com/\"",
            "\"type\"",
            "\"detail\"",
        ]),
        pick(&["'a'", "'\\n'", "'\u{e9}'", "'4'"]),
        pick(&["b'a'", "b\"404\"", "br\"x\"", "b\"\\xff\"", "c\"x\"", "c\"404\""]),
        "\"[a-zA-Z0-9 _:/-]{0,12}\"",
    ]
    .boxed()
}

fn ident() -> BoxedStrategy<String> {
    prop_oneof![
        3 => pick(&[
            "NOT_FOUND", "NOT_FOUN", "NotFound", "CONFLICT", "TEAPOT", "IM_A_TEAPOT", "CONTENT_TOO_LARGE",
            "PAYLOAD_TOO_LARGE", "UNPROCESSABLE_CONTENT", "UNPROCESSABLE_ENTITY", "SWITCHING_PROTOCOLS", "OK",
            "PROCESSING", "USE_PROXY", "PAYMENT_REQUIRED", "MISDIRECTED_REQUEST", "TOO_EARLY",
            "NETWORK_AUTHENTICATION_REQUIRED", "UNAUTHORIZED", "METHOD_NOT_ALLOWED", "MOVED_PERMANENTLY",
            "FOUND", "UPGRADE_REQUIRED", "PROXY_AUTHENTICATION_REQUIRED", "not_found", "r#NOT_FOUND",
        ]),
        2 => pick(&[
            "StatusCode", "http", "header", "expose", "transparent", "acknowledge", "extension", "instance",
            "title", "r#type", "type", "match", "self", "Self", "crate", "super", "_", "true", "false",
            "RETRY_AFTER", "LOCATION", "WWW_AUTHENTICATE", "ALLOW", "CONTENT_TYPE", "PROXY_AUTHENTICATE",
            "UPGRADE", "CONTENT_LENGTH", "SET_COOKIE", "r#match", "x",
        ]),
        1 => "[A-Z_][A-Z0-9_]{0,12}",
    ]
    .boxed()
}

fn path() -> BoxedStrategy<String> {
    prop_oneof![
        (ident(), ident()).prop_map(|(a, b)| format!("{a}::{b}")),
        ident().prop_map(|a| format!("StatusCode::{a}")),
        ident().prop_map(|a| format!("http::StatusCode::{a}")),
        ident().prop_map(|a| format!("::http::StatusCode::{a}")),
        ident().prop_map(|a| format!("http::header::{a}")),
        ident().prop_map(|a| format!("StatusCode::<u8>::{a}")),
        ident().prop_map(|a| format!("{a}::")),
        ident().prop_map(|a| format!("{a}<T>")),
    ]
    .boxed()
}

fn punct() -> BoxedStrategy<String> {
    pick(&["::", ",", ",", "=", "-", "#", "!", "<", ">", ";", "'a", ".", "..", "&", "*", "+", "?", "$", "@"])
}

/// One token tree: a leaf or a nested group.
fn token_tree() -> BoxedStrategy<String> {
    let leaf = prop_oneof![
        3 => int_lit(),
        2 => other_lit(),
        3 => ident(),
        2 => path(),
        2 => punct(),
        1 => int_lit().prop_map(|l| format!("- {l}")),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        (proptest::collection::vec(inner, 0..4), 0..3u8).prop_map(|(items, delim)| {
            let body = items.join(" ");
            match delim {
                0 => format!("({body})"),
                1 => format!("[{body}]"),
                _ => format!("{{{body}}}"),
            }
        })
    })
    .boxed()
}

/// A random token stream of 0..5 trees.
fn tokens() -> BoxedStrategy<String> {
    proptest::collection::vec(token_tree(), 0..5).prop_map(|v| v.join(" ")).boxed()
}

/// A CODE as users write it, right or wrong.
fn code() -> BoxedStrategy<String> {
    prop_oneof![
        8 => pick(&[
            "400", "403", "404", "409", "410", "422", "429", "500", "502", "503", "301", "308", "401", "405",
            "402", "425", "511", "NOT_FOUND", "CONFLICT", "StatusCode::GONE", "http::StatusCode::BAD_GATEWAY",
            "CONTENT_TOO_LARGE", "UNPROCESSABLE_CONTENT", "PAYLOAD_TOO_LARGE", "404u16", "0x194",
        ]),
        4 => (100u16..600).prop_map(|c| c.to_string()),
        2 => int_lit(),
        2 => ident(),
        2 => path(),
        1 => other_lit(),
        1 => int_lit().prop_map(|l| format!("-{l}")),
        1 => Just(String::new()),
    ]
    .boxed()
}

/// The inside of `#[status(...)]`: CODE or `transparent`, then arguments, maybe junk.
fn status_args() -> BoxedStrategy<String> {
    let first = prop_oneof![6 => code(), 1 => Just("transparent".to_owned())];
    let arg = prop_oneof![
        3 => pick(&["expose", "acknowledge", "transparent", "expose"]),
        1 => pick(&["", ",", "expose = true", "expose()", "404"]),
        1 => token_tree(),
    ];
    let args = prop_oneof![3 => Just(Vec::new()), 2 => proptest::collection::vec(arg, 1..3)];
    prop_oneof![
        6 => (first, args, prop::bool::weighted(0.2)).prop_map(|(first, args, trailing)| {
            let mut s = first;
            for a in args {
                s.push_str(", ");
                s.push_str(&a);
            }
            if trailing {
                s.push(',');
            }
            s
        }),
        2 => tokens(),
    ]
    .boxed()
}

/// The inside of `#[header(...)]`.
fn header_args() -> BoxedStrategy<String> {
    prop_oneof![
        3 => ident(),
        2 => path(),
        2 => other_lit(),
        1 => (ident(), token_tree()).prop_map(|(a, b)| format!("{a}, {b}")),
        1 => tokens(),
    ]
    .boxed()
}

/// The inside of `#[problem(...)]`, for a type, a variant or a field.
fn problem_args() -> BoxedStrategy<String> {
    let item = prop_oneof![
        2 => other_lit().prop_map(|l| format!("type = {l}")),
        2 => other_lit().prop_map(|l| format!("title = {l}")),
        2 => pick(&["extension", "instance", "extension = \"price\"", "extension = \"type\"", "extension = \"\""]),
        1 => pick(&["extension = 5", "instance = \"x\"", "type", "title =", "= \"x\"", "extension(x)", "detail = \"d\""]),
        1 => (ident(), other_lit()).prop_map(|(a, b)| format!("{a} = {b}")),
        1 => token_tree(),
    ];
    prop_oneof![
        5 => proptest::collection::vec(item, 0..3).prop_map(|v| v.join(", ")),
        1 => tokens(),
    ]
    .boxed()
}

/// Where an attribute goes: mostly the right attributes in the right place, sometimes not.
#[derive(Clone, Copy)]
enum Place {
    /// A type or a variant: `#[status]`, `#[problem(type, title)]`.
    Item,
    /// A field: `#[header]`, `#[problem(extension, instance)]`.
    Field,
}

/// One attribute: one of ours in any form, or a foreign one.
fn attr(place: Place) -> BoxedStrategy<String> {
    let (status, header, problem) = match place {
        Place::Item => (12, 1, 4),
        Place::Field => (1, 8, 6),
    };
    let ours = prop_oneof![
        status => status_args().prop_map(|a| ("status", a)),
        header => header_args().prop_map(|a| ("header", a)),
        problem => problem_args().prop_map(|a| ("problem", a)),
    ];
    let form = prop_oneof![24 => Just(0u8), 1 => Just(1), 1 => Just(2), 1 => Just(3), 1 => Just(4)];
    prop_oneof![
        8 => (ours, form).prop_map(|((name, args), form)| match form {
            0 => format!("#[{name}({args})]"),
            1 => format!("#[{name}]"),
            2 => format!("#[{name} = 404]"),
            3 => format!("#[{name}[{args}]]"),
            _ => format!("#[{name}{{{args}}}]"),
        }),
        1 => pick(&[
            "#[error(\"e\")]",
            "#[deprecated]",
            "#[doc = \"x\"]",
            "/// doc\n",
            "#[allow(dead_code)]",
            "#[error(transparent)]",
            "#[status = \"404\"]",
            "#[errstatus::status(404)]",
        ]),
    ]
    .boxed()
}

fn attrs(place: Place, max: usize) -> BoxedStrategy<String> {
    proptest::collection::vec(attr(place), 0..=max).prop_map(|v| v.join(" ")).boxed()
}

fn field_type() -> BoxedStrategy<String> {
    pick(&[
        "u64",
        "String",
        "T",
        "&'a str",
        "Box<dyn std::error::Error>",
        "Vec<u8>",
        "Option<T>",
        "()",
        "[u8; 4]",
        "fn() -> u8",
        "Inner<T>",
        "<T as Tr>::Assoc",
    ])
}

fn field_name() -> BoxedStrategy<String> {
    pick(&["a", "b", "retry_after", "r#type", "r#match", "value", "_0", "instance", "detail"])
}

/// Fields of a variant or struct: unit, tuple or named, each field with random attributes.
#[derive(Debug, Clone)]
enum Shape {
    Unit,
    Tuple(Vec<String>),
    Named(Vec<String>),
}

fn shape() -> BoxedStrategy<Shape> {
    let tuple_field = (attrs(Place::Field, 1), field_type()).prop_map(|(a, t)| format!("{a} {t}"));
    let named_field =
        (attrs(Place::Field, 1), field_name(), field_type()).prop_map(|(a, n, t)| format!("{a} {n}: {t}"));
    prop_oneof![
        1 => Just(Shape::Unit),
        2 => proptest::collection::vec(tuple_field, 0..4).prop_map(Shape::Tuple),
        2 => proptest::collection::vec(named_field, 0..4).prop_map(Shape::Named),
    ]
    .boxed()
}

fn variant() -> BoxedStrategy<String> {
    let name = pick(&["A", "B", "NotFound", "Db", "r#match", "OutOfCredit", "HTTPError", "A"]);
    let attrs = prop_oneof![
        4 => status_args().prop_map(|a| format!("#[status({a})]")),
        1 => attrs(Place::Item, 2),
    ];
    (attrs, name, shape(), prop::bool::weighted(0.05))
        .prop_map(|(attrs, name, shape, discriminant)| match shape {
            Shape::Unit if discriminant => format!("{attrs} {name} = 5"),
            Shape::Unit => format!("{attrs} {name}"),
            Shape::Tuple(f) => format!("{attrs} {name}({})", f.join(", ")),
            Shape::Named(f) => format!("{attrs} {name} {{ {} }}", f.join(", ")),
        })
        .boxed()
}

/// (generic parameters, where clause)
fn generics() -> BoxedStrategy<(String, String)> {
    proptest::sample::select(
        &[
            ("", ""),
            ("", ""),
            ("<T>", ""),
            ("<'a, T>", ""),
            ("<T: Clone>", ""),
            ("<T = u8>", ""),
            ("<const N: usize>", ""),
            ("<T>", "where T: Clone"),
            ("<'a>", "where 'a: 'static"),
        ][..],
    )
    .prop_map(|(g, w)| (g.to_owned(), w.to_owned()))
    .boxed()
}

/// An enum, a struct or a union with anything anywhere: mostly compile errors.
fn chaotic_input() -> BoxedStrategy<String> {
    let name = pick(&["ApiError", "E", "r#match"]);
    let item = prop_oneof![
        8 => proptest::collection::vec(variant(), 0..5).prop_map(|v| (0u8, v.join(", "))),
        3 => shape().prop_map(|s| match s {
            Shape::Unit => (1u8, String::new()),
            Shape::Tuple(f) => (2, f.join(", ")),
            Shape::Named(f) => (3, f.join(", ")),
        }),
        1 => proptest::collection::vec((field_name(), field_type()), 0..3)
            .prop_map(|f| (4u8, f.iter().map(|(n, t)| format!("{n}: {t}")).collect::<Vec<_>>().join(", "))),
    ];
    (attrs(Place::Item, 2), name, generics(), item)
        .prop_map(|(attrs, name, (g, w), (kind, body))| match kind {
            0 => format!("{attrs} pub enum {name}{g} {w} {{ {body} }}"),
            1 => format!("{attrs} struct {name}{g} {w};"),
            2 => format!("{attrs} struct {name}{g}({body}) {w};"),
            3 => format!("{attrs} struct {name}{g} {w} {{ {body} }}"),
            _ => format!("{attrs} union {name}{g} {w} {{ {body} }}"),
        })
        .boxed()
}

/// A derive input of any kind: token soup, a valid input, or a faulty one.
fn any_input() -> BoxedStrategy<String> {
    prop_oneof![
        3 => chaotic_input(),
        1 => gen::input("ApiError").prop_map(|i| i.source()),
        1 => faulty_input().prop_map(|(src, _)| src),
    ]
    .boxed()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

/// The expected value of `__status_code()` for a variant: its code's number in the table.
fn expected_value(outcome: gen::Outcome) -> Value {
    match outcome {
        gen::Outcome::Transparent(_) => Value::Inner,
        gen::Outcome::Code(s) => Value::Code(s.entry().code),
    }
}

/// The checks of `valid_inputs_expand_to_their_codes` on one input.
fn check_valid(input: &gen::Input) -> Result<(), TestCaseError> {
    let src = input.source();
    let node = parse_input(&src);
    let out = match crate::try_expand(&node) {
        Ok(out) => out,
        Err(err) => return Err(TestCaseError::fail(format!("rejected {:#?}\n{src}", messages(err)))),
    };

    // `status()`: each variant in exactly one arm of `__status_code()`, with its code's number.
    let arms = status_arms(&out).map_err(|e| TestCaseError::fail(format!("{e}\n{src}\n{out}")))?;
    for v in &input.variants {
        let key = if input.is_struct { "Self" } else { v.name.as_str() };
        let found: Vec<&Value> =
            arms.iter().filter(|(vs, _)| vs.iter().any(|n| n == key)).map(|(_, val)| val).collect();
        let want = expected_value(input.outcome(v));
        prop_assert_eq!(found, vec![&want], "variant {} of\n{}\nin\n{}", key, src, out);
    }
    let named: usize = arms.iter().map(|(vs, _)| vs.len()).sum();
    prop_assert_eq!(named, input.variants.len(), "arms name other variants:\n{}\n{}", src, out);
    // One arm per variant.
    prop_assert_eq!(arms.len(), input.variants.len(), "arms:\n{}\n{}", src, out);

    // Header field names and extension members reach the expansion.
    let (strings, idents) = (strings(&out), idents(&out));
    for v in &input.variants {
        if let gen::Outcome::Transparent(_) = input.outcome(v) {
            continue;
        }
        for f in &v.fields {
            if let gen::Role::Header { written, lower } = &f.role {
                let found = if written.starts_with('"') {
                    strings.contains(lower)
                } else {
                    idents.iter().any(|i| written.ends_with(i.as_str()) && written.rsplit(':').next() == Some(i))
                };
                prop_assert!(found, "header {} of {} missing:\n{}\n{}", written, v.name, src, out);
            }
            if let Some(member) = f.member() {
                prop_assert!(strings.contains(&member), "member {} missing:\n{}\n{}", member, src, out);
            }
            if let gen::Role::Extension { how: gen::How::With, .. } = f.role {
                let found = idents.iter().any(|i| i == "member_display");
                prop_assert!(found, "member function of {} missing:\n{}\n{}", v.name, src, out);
            }
        }
    }

    // `SerdeJson` reaches the expansion (an enum without variants has no body to write), and a
    // generic type with it is bounded `Self: Serialize` (no member of the generated inputs is
    // of a type that mentions `T`: no other bound names `Serialize`).
    let has = |name: &str| idents.iter().any(|i| i == name);
    let writes = input.serde && !input.variants.is_empty();
    prop_assert_eq!(has("SerdeJson"), writes, "SerdeJson in\n{}\n{}", src, out);
    prop_assert_eq!(has("Serialize"), input.serde && input.generic, "Serialize bound in\n{}\n{}", src, out);

    // One warning per unacknowledged questionable code.
    let cautions: Vec<&str> = registry::entries().iter().filter_map(|e| e.caution).collect();
    let warnings = strings.iter().filter(|s| cautions.iter().any(|c| s.contains(c))).count();
    prop_assert_eq!(warnings, input.warnings(), "warnings of\n{}\n{}", src, out);

    // `derive` emits exactly this.
    prop_assert_eq!(derive(&node).to_string(), out.to_string());
    Ok(())
}

proptest! {
    #![proptest_config(config(1500))]

    /// See the module docs. Token soup mostly fails; the properties are about how.
    #[test]
    fn arbitrary_input_never_panics(src in any_input()) {
        let input = parse_input(&src);
        let first = crate::try_expand(&input);
        let again = crate::try_expand(&input);
        let out = derive(&input);
        match (first, again) {
            (Ok(a), Ok(b)) => {
                prop_assert_eq!(a.to_string(), b.to_string(), "not deterministic:\n{}", src);
                prop_assert!(compile_errors(&a).is_empty(), "Ok with compile_error! for:\n{}", src);
                prop_assert_eq!(out.to_string(), a.to_string(), "derive differs from try_expand:\n{}", src);
            }
            (Err(a), Err(b)) => {
                let (a, b) = (messages(a), messages(b));
                prop_assert_eq!(&a, &b, "not deterministic:\n{}", src);
                prop_assert!(a.iter().all(|m| !m.trim().is_empty()), "empty message for:\n{}", src);
                prop_assert_eq!(sorted(compile_errors(&out)), sorted(a), "derive lost errors:\n{}", src);
                let name = input.ident.to_string();
                prop_assert!(implements(&out, &name), "no stub impl for {}:\n{}", name, src);
            }
            (a, b) => prop_assert!(false, "Ok once, Err once ({:?}, {:?}):\n{}", a.is_ok(), b.is_ok(), src),
        }
    }
}

proptest! {
    #![proptest_config(config(1000))]

    /// `scan`, the fast reader in front of syn's parser, gives the same expansion, errors
    /// included, whenever it reads an input at all.
    #[test]
    fn scan_reads_inputs_as_syn_does(src in any_input()) {
        let syn_node = parse_input(&src);
        if let Some(node) = crate::scan::derive_input(parse_tokens(&src)) {
            prop_assert_eq!(derive(&node).to_string(), derive(&syn_node).to_string(), "{}", src);
        }
    }
}

proptest! {
    #![proptest_config(config(1000))]

    /// See the module docs.
    #[test]
    fn valid_inputs_expand_to_their_codes(input in gen::input("ApiError")) {
        check_valid(&input)?;
    }

    /// See the module docs.
    #[test]
    fn faulty_inputs_report_one_error_per_fault(case in faulty_input()) {
        let (src, needles) = case;
        let node = parse_input(&src);
        let errors = match crate::try_expand(&node) {
            Ok(out) => return Err(TestCaseError::fail(format!("accepted, expected {needles:?}:\n{src}\n{out}"))),
            Err(err) => messages(err),
        };
        prop_assert_eq!(errors.len(), needles.len(), "errors {:#?}\nexpected {:#?}\n{}", errors, needles, src);
        let mut unmatched = errors.clone();
        for needle in &needles {
            let at = unmatched.iter().position(|m| m.contains(needle.as_str()));
            prop_assert!(at.is_some(), "no error says {:?}: {:#?}\n{}", needle, errors, src);
            unmatched.remove(at.unwrap_or_default());
        }
        let out = derive(&node);
        prop_assert_eq!(sorted(compile_errors(&out)), sorted(errors), "derive lost errors:\n{}", src);
    }
}

proptest! {
    #![proptest_config(config(1000))]

    /// See the module docs.
    #[test]
    fn status_macro_names_the_registry_constant(
        code in gen::code_from(registry::entries().iter().filter(|e| e.is_usable()).collect())
    ) {
        let out = match status_try(parse_tokens(&code.written)) {
            Ok(out) => out,
            Err(err) => return Err(TestCaseError::fail(format!("status!({}): {:?}", code.written, messages(err)))),
        };
        let entry = lookup(code.code).expect("registered");
        let want = match entry.http_const() {
            Some(name) => Value::Const(name.to_owned()),
            None => Value::Code(entry.code),
        };
        let tts: Vec<TokenTree> = out.clone().into_iter().collect();
        prop_assert_eq!(value_of(&tts), want, "status!({}) = {}", code.written, out);
    }

    /// See the module docs.
    #[test]
    fn status_macro_rejects_bad_codes(bad in bad_code().prop_filter("an error for status!", |b| !b.not_an_error)) {
        let tokens = parse_tokens(&bad.written);
        let errors = match status_try(tokens.clone()) {
            Ok(out) => return Err(TestCaseError::fail(format!("status!({}) = {out}", bad.written))),
            Err(err) => messages(err),
        };
        prop_assert_eq!(errors.len(), 1, "status!({}): {:?}", bad.written, errors);
        let needle = bad.needle(true);
        prop_assert!(errors[0].contains(&needle), "status!({}): {:?} does not say {:?}", bad.written, errors, needle);
        let out = status_expand(tokens);
        prop_assert_eq!(compile_errors(&out), errors, "status!({}) = {}", bad.written, out);
        prop_assert!(idents(&out).iter().any(|i| i == "INTERNAL_SERVER_ERROR"), "status!({}) = {}", bad.written, out);
    }

    /// See the module docs.
    #[test]
    fn status_macro_never_panics(src in prop_oneof![3 => status_args(), 1 => tokens()]) {
        let tokens = parse_tokens(&src);
        let out = status_expand(tokens.clone());
        match status_try(tokens) {
            Ok(ok) => prop_assert_eq!(out.to_string(), ok.to_string()),
            Err(err) => prop_assert_eq!(compile_errors(&out), messages(err), "status!({}) = {}", src, out),
        }
    }
}

proptest! {
    #![proptest_config(config(500))]

    /// See the module docs.
    #[test]
    fn combined_attributes_expand(input in combos::input("ApiError")) {
        let src = input.source();
        let node = parse_input(&src);
        let out = match crate::try_expand(&node) {
            Ok(out) => out,
            Err(err) => return Err(TestCaseError::fail(format!("rejected {:#?}\n{src}", messages(err)))),
        };
        let strings = strings(&out);
        // No questionable code: no warning.
        let cautions: Vec<&str> = registry::entries().iter().filter_map(|e| e.caution).collect();
        prop_assert!(!strings.iter().any(|s| cautions.iter().any(|c| s.contains(c))), "a warning:\n{}\n{}", src, out);
        // Every fixed value that can apply and every member name of the input is in the
        // expansion (a fixed value applies unless a field of its variant always sends that name;
        // a type's, unless the variant has its own too).
        let sure = |v: &combos::Variant, t: &combos::Fixed| {
            v.fields.iter().any(|f| matches!(f.role, combos::Role::Header { opt: false, .. }) && f.header() == Some(t.lower()))
        };
        let type_applies =
            |t: &combos::Fixed| input.variants.iter().any(|v| !v.fixed.iter().any(|f| f.lower() == t.lower()) && !sure(v, t));
        let fixed = input
            .fixed
            .iter()
            .filter(|f| type_applies(f))
            .chain(input.variants.iter().flat_map(|v| v.fixed.iter().filter(move |f| !sure(v, f))));
        for f in fixed {
            prop_assert!(strings.contains(&f.value), "fixed value {} missing:\n{}\n{}", f.value, src, out);
        }
        for f in input.variants.iter().flat_map(|v| &v.fields) {
            if let Some(m) = f.member() {
                prop_assert!(strings.iter().any(|s| s == m), "member {} missing:\n{}\n{}", m, src, out);
            }
        }
        // The functions: the type's status function where a variant takes it, each member's;
        // and the `SerdeJson` format.
        let idents = idents(&out);
        let has = |name: &str| idents.iter().any(|i| i == name);
        let status_fn = format!("status_of_{}", input.name.to_ascii_lowercase());
        let takes_with = (0..input.variants.len())
            .any(|v| matches!(input.decides(&input.variants[v]), combos::Decides::WithSelf { .. }));
        prop_assert_eq!(has(&status_fn), takes_with, "{} in the expansion:\n{}\n{}", status_fn, src, out);
        for f in input.variants.iter().flat_map(|v| &v.fields) {
            if let combos::Role::Member { with: Some(_), int, .. } = f.role {
                let name = if int { "member_int" } else { "member_str" };
                prop_assert!(has(name), "member function {} missing:\n{}\n{}", name, src, out);
            }
        }
        prop_assert_eq!(has("SerdeJson"), input.format == combos::Format::SerdeJson, "SerdeJson:\n{}\n{}", src, out);
        prop_assert_eq!(derive(&node).to_string(), out.to_string());
    }
}

/// A detail's format string: placeholders from fields, braces and specs.
fn detail_format() -> BoxedStrategy<String> {
    let piece = prop_oneof![
        Just("text ".to_owned()),
        Just("{{".to_owned()),
        Just("}}".to_owned()),
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("{}".to_owned()),
        (0..3usize, pick(&["", ":?", ":>8", ":#x", ":Q", ":w$", ":.*", ":x?"]))
            .prop_map(|(i, s)| format!("{{{i}{s}}}")),
        (pick(&["a", "b", "r#type", "type", "zz"]), pick(&["", ":?", ":<4"])).prop_map(|(n, s)| format!("{{{n}{s}}}")),
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..8).prop_map(|v| v.concat()).boxed()
}

proptest! {
    #![proptest_config(config(256))]

    /// `#[problem(detail = ...)]` on a struct: never a panic; a detail whose placeholders all
    /// name fields expands, others are one error on the literal.
    #[test]
    fn detail_formats_expand_or_fail_on_the_literal(fmt in detail_format(), named in any::<bool>()) {
        let fields = if named { "{ a: u8, b: String, r#type: u8 }" } else { "(u8, String);" };
        let src = format!(
            "#[status(400)] #[problem(detail = {fmt:?})] struct E {fields}"
        );
        let node = parse_input(&src);
        match crate::try_expand(&node) {
            Ok(tokens) => {
                let text = tokens.to_string();
                prop_assert!(text.contains("DetailText"), "{}", text);
            }
            Err(err) => {
                let msgs = messages(err);
                prop_assert_eq!(msgs.len(), 1, "{:?}", msgs);
                prop_assert!(msgs[0].starts_with("#[problem(detail)] of struct `E`"), "{:?}", msgs);
            }
        }
    }
}
