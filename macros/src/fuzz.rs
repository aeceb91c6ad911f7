//! Property test: the derive and `status!` never panic, whatever tokens they are given.
//!
//! Inputs are built as source text from random pieces: CODE token streams inside
//! `#[status(...)]` (integers of every size, suffix and radix, negatives, floats, strings,
//! chars, bytes, idents, paths, nested groups, missing pieces, trailing commas, `expose`,
//! `transparent`, `acknowledge`), random `#[header(...)]` and `#[problem(...)]` contents on
//! types, variants and fields, attributes in the wrong place or of the wrong form, and random
//! field shapes, generics, structs and unions. Each input is parsed as a `syn::DeriveInput`
//! and expanded; the expansion must be tokens that contain either the impls or a
//! `compile_error!` (syn is built without `full`, so the output is not re-parsed as items).

use proc_macro2::TokenStream;
use proptest::prelude::*;
use proptest::test_runner::Config;

/// Enough cases to reach every rule, few enough to run in seconds in a debug build.
const CASES: u32 = 2000;

fn config() -> Config {
    Config { cases: CASES, failure_persistence: None, ..Config::default() }
}

fn pick(items: &'static [&'static str]) -> BoxedStrategy<String> {
    proptest::sample::select(items).prop_map(str::to_owned).boxed()
}

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

/// A whole derive input: half of them chaotic, half of them plausible.
fn derive_input() -> BoxedStrategy<String> {
    prop_oneof![chaotic_input(), plausible_input()].boxed()
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

/// A field attribute that is usually right.
fn good_field_attr(j: usize) -> BoxedStrategy<String> {
    prop_oneof![
        3 => Just(String::new()),
        2 => pick(&[
            "#[header(RETRY_AFTER)]",
            "#[header(http::header::CACHE_CONTROL)]",
            "#[header(\"x-request-id\")]",
            "#[header(LOCATION)]",
            "#[header(WWW_AUTHENTICATE)]",
        ]),
        2 => Just("#[problem(extension)]".to_owned()),
        1 => Just(format!("#[problem(extension = \"member{j}\")]")),
        1 => Just("#[problem(instance)]".to_owned()),
        1 => attr(Place::Field),
    ]
    .boxed()
}

/// A variant that is usually right: a usable code, header and problem fields with unique
/// names, or a transparent wrapper.
fn good_variant(i: usize, generic: bool) -> BoxedStrategy<String> {
    let code = prop_oneof![
        12 => pick(&[
            "400", "403", "404", "409", "410", "422", "429", "500", "502", "503", "504", "NOT_FOUND",
            "StatusCode::CONFLICT", "http::StatusCode::BAD_GATEWAY", "CONTENT_TOO_LARGE", "500, expose",
            "503, expose", "402, acknowledge", "511, acknowledge", "425", "401",
        ]),
        1 => status_args(),
    ];
    let fields = (0..4usize)
        .map(|j| (good_field_attr(j), field_type()).prop_map(move |(a, t)| format!("{a} f{j}: {t}")))
        .collect::<Vec<_>>();
    let named = (proptest::collection::vec(any::<bool>(), 4), fields).prop_map(|(keep, fields)| {
        let kept: Vec<String> = fields.into_iter().zip(keep).filter(|(_, k)| *k).map(|(f, _)| f).collect();
        kept.join(", ")
    });
    let inner = if generic { "T" } else { "Inner" };
    prop_oneof![
        2 => code.clone().prop_map(move |c| format!("#[status({c})] V{i}")),
        2 => (code.clone(), good_field_attr(0), field_type())
            .prop_map(move |(c, a, t)| format!("#[status({c})] V{i}({a} {t})")),
        4 => (code, named).prop_map(move |(c, f)| format!("#[status({c})] V{i} {{ {f} }}")),
        1 => Just(format!("#[status(transparent)] V{i}({inner})")),
        1 => Just(format!("V{i}(String)")),
    ]
    .boxed()
}

/// An enum (or a struct) that mostly derives without errors, so the expansion itself runs.
fn plausible_input() -> BoxedStrategy<String> {
    let top = prop_oneof![
        3 => Just(String::new()),
        2 => pick(&["#[status(500)]", "#[status(INTERNAL_SERVER_ERROR)]", "#[status(503, expose)]"]),
        1 => pick(&["#[problem(type = \"https://errors.example.com/\")]", "#[problem(title = \"T\")]"]),
        1 => attrs(Place::Item, 1),
    ];
    let generic = any::<bool>();
    (top, generic, 0..6usize)
        .prop_flat_map(|(top, generic, n)| {
            let variants: Vec<_> = (0..n).map(|i| good_variant(i, generic)).collect();
            (Just(top), Just(generic), variants)
        })
        .prop_map(|(top, generic, variants)| {
            let g = if generic { "<T>" } else { "" };
            format!("{top} pub enum ApiError{g} {{ {} }}", variants.join(", "))
        })
        .boxed()
}

fn parse_tokens(src: &str) -> TokenStream {
    match src.parse() {
        Ok(tokens) => tokens,
        Err(err) => panic!("the generator made text that does not tokenize ({err}):\n{src}"),
    }
}

/// The output is tokens holding either the impls or the errors, and prints as valid tokens.
fn check_output(out: &TokenStream, what: &str) -> Result<(), TestCaseError> {
    let text = out.to_string();
    prop_assert!(!text.is_empty(), "empty expansion for {}", what);
    prop_assert!(text.contains("compile_error") || text.contains("impl"), "neither impl nor error for {}", what);
    prop_assert!(text.parse::<TokenStream>().is_ok(), "expansion does not re-tokenize for {}:\n{}", what, text);
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn derive_never_panics(src in derive_input()) {
        let input: syn::DeriveInput = match syn::parse2(parse_tokens(&src)) {
            Ok(input) => input,
            Err(err) => panic!("the generator made an input syn does not parse ({err}):\n{src}"),
        };
        match crate::expand::try_expand(&input) {
            Ok(tokens) => {
                prop_assert!(tokens.to_string().contains("impl"), "Ok without impls for:\n{}", src);
                prop_assert!(!tokens.to_string().contains("compile_error"), "Ok with an error for:\n{}", src);
            }
            Err(err) => prop_assert!(!err.to_compile_error().is_empty()),
        }
        check_output(&crate::expand::derive(&input), &src)?;
    }

    #[test]
    fn status_macro_never_panics(src in prop_oneof![3 => status_args(), 1 => tokens()]) {
        let tokens = parse_tokens(&src);
        if let Ok(out) = crate::status_macro::try_expand(tokens.clone()) {
            prop_assert!(!out.is_empty(), "empty status!({})", src);
        }
        let out = crate::status_macro::expand(tokens).to_string();
        prop_assert!(out.contains("StatusCode") || out.contains("code"), "status!({}) gave {}", src, out);
        prop_assert!(out.parse::<TokenStream>().is_ok());
    }
}
