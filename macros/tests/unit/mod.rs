//! Unit tests of the expansion on `syn::parse_quote!` input, without rustc in the loop, and
//! (in `names`) of the name helpers and (in `catalog`) of the catalogue's literal.

mod catalog;
mod names;

use proc_macro2::TokenStream;
use quote::quote;
use syn::{parse_quote, DeriveInput};

use crate::derive;
use crate::try_expand;

fn expand_ok(input: &DeriveInput) -> String {
    match try_expand(input) {
        Ok(tokens) => tokens.to_string(),
        Err(err) => panic!("unexpected error: {err}"),
    }
}

fn errors(input: &DeriveInput) -> Vec<String> {
    match try_expand(input) {
        Ok(tokens) => panic!("expected errors, got {tokens}"),
        Err(err) => err.into_iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn enum_expands_to_impls() {
    let input: DeriveInput = parse_quote! {
        #[status(500)]
        enum ApiError {
            #[status(404)]
            NotFound(u64),
            #[status(CONFLICT)]
            Duplicate { email: String },
            #[status(StatusCode::TOO_MANY_REQUESTS)]
            RateLimited { #[header(RETRY_AFTER)] retry_after: u64 },
            Db(String),
        }
    };
    let out = expand_ok(&input);
    assert!(out.contains("impl :: errstatus :: HttpStatus for ApiError"), "{out}");
    // One match gives status and code: a row of the literals of statuses and codes per
    // variant (the type's 500 for `Db`).
    // Each arm's value: the status in the top bits, the row below (404 << 20 | 0); the rows
    // say where each code ends in the codes, end to end.
    let rows = r#"row (b"\0\0\0\t\0\0\0\x12\0\0\0\x1E\0\0\0 " , "NOT_FOUNDDUPLICATERATE_LIMITEDDB" ,"#;
    assert!(out.contains(rows), "{out}");
    assert!(
        out.contains("ApiError :: NotFound { .. } => 423624704 ,")
            && out.contains("ApiError :: Db { .. } => 524288003 ,"),
        "{out}"
    );
    assert!(out.contains("fn status (& self) -> :: errstatus :: __private :: http :: StatusCode { :: errstatus :: HttpStatus :: __status_code (self) . 0 }"), "{out}");
    // The impls around the bodies come from a template (lexed text): compared without spaces.
    assert!(out.replace(' ', "").contains("for::errstatus::__private::http::Response<__B>"), "{out}");
    assert!(out.contains("http :: header :: RETRY_AFTER"), "{out}");
}

/// Thin expansion: a plain variant adds one arm, in `__status_code` (its row of the tables of
/// statuses and codes), and none to `__problem` (one wildcard arm covers them all); a variant
/// with a header field adds one arm to `__problem`.
#[test]
fn arms_per_variant() {
    let arms = |n: usize, header: bool| {
        let variants = (0..n).map(|i| {
            let ident = quote::format_ident!("V{i}");
            if header {
                quote!(#[status(429)] #ident { #[header(RETRY_AFTER)] secs: u64 },)
            } else {
                quote!(#[status(404)] #ident(u64),)
            }
        });
        let input: DeriveInput = parse_quote!(enum E { #(#variants)* });
        expand_ok(&input).matches("=>").count()
    };
    let (one, ten) = (arms(1, false), arms(10, false));
    if cfg!(any(feature = "tonic", feature = "async-graphql")) {
        // The protocol adapters read every variant's code in `__problem` too: two arms each.
        assert_eq!(ten - one, 18, "{one} arms for 1 plain variant, {ten} for 10, with the variants' codes");
    } else {
        assert_eq!(ten - one, 9, "{one} arms for 1 plain variant, {ten} for 10: one `__status_code` arm each");
    }
    let (one, ten) = (arms(1, true), arms(10, true));
    assert_eq!(ten - one, 18, "{one} arms for 1 variant with a header, {ten} for 10: `__problem` and `__status_code`");
}

#[test]
fn struct_and_generic_transparent() {
    let input: DeriveInput = parse_quote! {
        #[status(404)]
        struct NotFound;
    };
    assert!(expand_ok(&input).contains("for NotFound"));

    let input: DeriveInput = parse_quote! {
        enum Wrap<T> {
            #[status(transparent)]
            Inner(T),
        }
    };
    let out = expand_ok(&input);
    assert!(out.contains("T : :: errstatus :: HttpStatus"), "{out}");
    // No `Wrap<T>: Display` bound without a code arm (the actix-web impl, when its feature is
    // on, has `Self: Debug + Display` of its own, as `ResponseError` requires).
    assert!(!out.contains("Wrap < T > : :: core :: fmt :: Display"), "{out}");
}

#[test]
fn all_errors_of_one_enum_are_reported() {
    let input: DeriveInput = parse_quote! {
        enum E {
            #[status(444)]
            A,
            #[status(NOT_FOUN)]
            B,
            #[status(418)]
            C,
            D,
        }
    };
    let errs = errors(&input);
    assert_eq!(errs.len(), 4, "{errs:#?}");
    assert!(errs[0].contains("444 is not a registered HTTP status code"), "{}", errs[0]);
    assert!(errs[1].contains("did you mean `NOT_FOUND`?"), "{}", errs[1]);
    assert!(errs[2].contains("418"), "{}", errs[2]);
    assert!(errs[3].contains("variant `D`"), "{}", errs[3]);
}

#[test]
fn error_expansion_keeps_stub_impls() {
    let input: DeriveInput = parse_quote! {
        enum E {
            #[status(600)]
            A,
        }
    };
    let out = derive(&input).to_string();
    assert!(out.contains("compile_error"), "{out}");
    assert!(out.contains("impl :: errstatus :: HttpStatus for E"), "{out}");
}

#[test]
fn union_is_an_error() {
    let input: DeriveInput = parse_quote! {
        union U { a: u32 }
    };
    let errs = errors(&input);
    assert!(errs[0].contains("unions"), "{errs:?}");
}

#[test]
fn status_macro() {
    let ok = |tokens: TokenStream| match crate::status_macro::try_expand(&quote!(::errstatus), tokens) {
        Ok(out) => out.to_string(),
        Err(err) => panic!("{err}"),
    };
    assert!(ok(quote!(404)).contains("NOT_FOUND"));
    assert!(ok(quote!(StatusCode::CONTENT_TOO_LARGE)).contains("PAYLOAD_TOO_LARGE"));
    assert!(ok(quote!(104)).contains("code"));
    let err = crate::status_macro::try_expand(&quote!(::errstatus), quote!(418)).err().map(|e| e.to_string());
    assert!(err.is_some_and(|e| e.contains("unused")));
    assert!(crate::status_macro::try_expand(&quote!(::errstatus), quote!()).is_err());
    assert!(crate::status_macro::try_expand(&quote!(::errstatus), quote!(404, 405)).is_err());
}

/// `scan` reads the shapes error types have; the rest goes to syn.
#[test]
fn scan_reads_common_shapes_and_leaves_the_rest_to_syn() {
    use proc_macro2::{Delimiter, Group, TokenTree};
    let read = |tokens: TokenStream| crate::scan::derive_input(tokens);
    let fast = [
        quote! { #[status(500)] pub enum E { #[status(404)] A, B(u8, Box<dyn Fn(u8, u16) -> Result<u8, String>>), C { #[header(RETRY_AFTER)] a: Option<u64>, b: HashMap<String, Vec<u8>>, }, } },
        quote! { /// doc
        #[derive(Debug)] #[errstatus(crate = "es")] pub(crate) enum E { #[error("x {0}")] #[status(transparent)] A(#[from] inner::Error) } },
        quote! { #[status(404)] pub struct S { pub a: u8, pub(crate) b: [u8; 4], pub(super) c: &'static str, d: <T as Tr>::X } },
        quote! { #[status(404)] struct S(pub (u8, u16), pub(self) fn() -> u8); },
        quote! { #[status(404)] struct S; },
        quote! { #[status(404)] enum E { A(Box<dyn Iterator<Item = u8>>) } },
    ];
    for input in fast {
        let node = read(input.clone()).unwrap_or_else(|| panic!("left to syn: {input}"));
        let syn_node: DeriveInput = syn::parse2(input.clone()).unwrap();
        assert_eq!(derive(&node).to_string(), derive(&syn_node).to_string(), "{input}");
    }
    // A type or attribute inside an invisible group (what `macro_rules!` makes of `$t:ty` and
    // `$m:meta`) is read too.
    let invisible = |tokens: TokenStream| TokenTree::Group(Group::new(Delimiter::None, tokens));
    let (ty, meta) = (invisible(quote!(Vec<u8>)), invisible(quote!(status(404))));
    let input = quote! { enum E { #[#meta] A(#ty), #[status(409)] B { a: #ty } } };
    let node = read(input.clone()).expect("invisible groups");
    assert_eq!(derive(&node).to_string(), derive(&syn::parse2(input).unwrap()).to_string());

    let slow = [
        quote! { enum E<T> { A(T) } },
        quote! { enum E where u8: Copy { A } },
        quote! { enum E { A = 1 } },
        quote! { pub(in crate::a) enum E { A } },
        quote! { struct S { a: u8 = 1 } },
        quote! { union U { a: u8 } },
        quote! { enum E { #[status = 404 405] A } },
    ];
    for input in slow {
        assert!(read(input.clone()).is_none(), "read: {input}");
    }
}

/// The suffix of an inherited problem type: known names and their kebab-case, written out.
#[test]
fn kebab_case_of_variant_names() {
    let kebab = |ident: proc_macro2::Ident| crate::valid::kebab(&ident);
    assert_eq!(kebab(quote::format_ident!("OutOfCredit")), "out-of-credit");
    assert_eq!(kebab(quote::format_ident!("NotFound2")), "not-found2");
    assert_eq!(kebab(quote::format_ident!("HTTPError")), "h-t-t-p-error");
    assert_eq!(kebab(quote::format_ident!("Rate_Limited")), "rate-limited");
    assert_eq!(kebab(quote::format_ident!("snake_case")), "snake-case");
    assert_eq!(kebab(syn::parse_quote!(r#match)), "match");
}

/// `#[status(with = path)]` on an enum (and on a struct of several fields) calls `path(self)`
/// for the variants without a `#[status]` of their own; those are run-time variants.
#[test]
fn type_level_with_takes_the_whole_value() {
    let input: DeriveInput = parse_quote! {
        #[status(with = kind_status)]
        enum ApiError {
            Query { kind: Kind, message: String },
            #[status(expose = false)]
            Other(Kind),
            #[status(409)]
            Taken,
        }
    };
    let out = expand_ok(&input);
    assert_eq!(
        out.matches("fn (& Self) -> :: errstatus :: __private :: http :: StatusCode = kind_status").count(),
        4,
        "{out}"
    );
    assert!(out.contains("StatusCode :: CONFLICT"), "{out}");
    let input: DeriveInput = parse_quote! {
        #[status(with = kind_status)]
        struct ApiError { kind: Kind, message: String }
    };
    assert!(expand_ok(&input).contains("fn (& Self)"));
    let input: DeriveInput = parse_quote! {
        #[status(with = kind_status)]
        struct ApiError(Kind);
    };
    assert!(expand_ok(&input).contains("fn (& _)"));
}

/// The variant's code: unique among the type's own variants, non-empty, no control
/// characters; sent only where a custom format reads it, so plain variants keep sharing the
/// wildcard arm of `__problem`.
#[test]
fn codes_are_checked_and_cost_nothing_without_a_format() {
    let input: DeriveInput = parse_quote! {
        enum E {
            #[status(404)] #[problem(code = "X")] A,
            #[status(404)] #[problem(code = "X")] B,
            #[status(404)] #[problem(code = "")] C,
            #[status(404)] HTTPError,
            #[status(404)] HttpError,
        }
    };
    let errs = errors(&input);
    assert_eq!(errs.len(), 3, "{errs:?}");
    assert!(errs[0].contains("the code `X` is already the code of variant `A`"), "{errs:?}");
    assert!(errs[1].contains("non-empty string"), "{errs:?}");
    assert!(errs[2].contains("the code `HTTP_ERROR` is already the code of variant `HTTPError`"), "{errs:?}");
    let plain: DeriveInput = parse_quote! {
        enum E { #[status(404)] #[problem(code = "NO_USER")] A, #[status(409)] B }
    };
    let out = expand_ok(&plain);
    if cfg!(any(feature = "tonic", feature = "async-graphql")) {
        // The protocol adapters read the code whatever the format.
        assert!(out.contains(r#"__p . variant ("A" , "NO_USER")"#) && !out.contains("_ =>"), "{out}");
    } else {
        // The codes of `__status_code`, end to end, and the catalogue's literal name it; the
        // variants share `__problem`'s wildcard arm.
        assert!(out.contains(r#", "NO_USERB" , match"#), "{out}");
        assert!(!out.contains("__p . variant") && out.contains("_ =>"), "{out}");
    }
    let formatted: DeriveInput = parse_quote! {
        #[errstatus(format = F)]
        enum E { #[status(404)] #[problem(code = "NO_USER")] A, #[status(409)] Taken }
    };
    let out = expand_ok(&formatted);
    assert!(out.contains(r#"__p . variant ("A" , "NO_USER")"#), "{out}");
    assert!(out.contains(r#"__p . variant ("Taken" , "TAKEN")"#), "{out}");
}

/// `#[grpc(CODE)]`: read whatever the features and emitted as google.rpc.Code's number (the
/// variant's, else the type's; a variant with one has its own `__problem` arm); the type's
/// does not reach a transparent variant; the crate's name only with `tonic`.
#[test]
fn grpc_codes_are_numbers_whatever_the_features() {
    let input: DeriveInput = parse_quote! {
        #[grpc(UNAVAILABLE)]
        enum E {
            #[status(409)] #[grpc(ALREADY_EXISTS)] Taken,
            #[status(404)] Gone,
            #[status(transparent)] Inner(Other),
        }
    };
    let out = expand_ok(&input);
    assert!(out.contains("__p . grpc (6)"), "{out}");
    assert!(out.contains("__p . grpc (14)"), "{out}");
    assert_eq!(out.matches("__p . grpc (").count(), 2, "{out}");
    assert_eq!(out.contains("CARGO_PKG_NAME"), cfg!(feature = "tonic"), "{out}");
    let wrong: DeriveInput = parse_quote! {
        #[grpc(OK)]
        enum E {
            #[status(409)] #[grpc(5)] A,
            #[status(transparent)] #[grpc(NOT_FOUND)] B(Other),
            #[status(404)] #[grpc(NotFound)] C,
        }
    };
    let errs = errors(&wrong);
    assert_eq!(errs.len(), 4, "{errs:?}");
    assert!(errs[0].contains("OK is the code of success"), "{errs:?}");
    assert!(errs[1].contains("#[grpc(NOT_FOUND)]"), "{errs:?}");
    assert!(errs[2].contains("transparent variant"), "{errs:?}");
    assert!(errs[3].contains("did you mean `NOT_FOUND`"), "{errs:?}");
}

/// A type URI names one kind of problem: variants sharing one (written, or the type's base +
/// the name) have the same status and members; transparent variants are not counted.
#[test]
fn type_uris_are_unique_per_status_and_members() {
    let input: DeriveInput = parse_quote! {
        #[problem(type = "https://e.example/")]
        enum E {
            #[status(404)] #[problem(type = "https://e.example/a")] A { #[problem(extension)] id: u64 },
            #[status(404)] A2 { #[problem(extension)] id: u64 },
            #[status(404)] #[problem(type = "https://e.example/a2")] B { #[problem(extension)] id: u64 },
            #[status(410)] #[problem(type = "https://e.example/a")] C { #[problem(extension)] id: u64 },
            #[status(404)] #[problem(type = "https://e.example/a")] D { #[problem(extension)] key: u64 },
            #[status(transparent)] #[problem(type = "https://e.example/a")] T(Inner),
        }
    };
    let errs = errors(&input);
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(
        errs[0].contains("`https://e.example/a` is already the type of variant `A`, with status 404 (here status 410)"),
        "{errs:?}"
    );
    assert!(errs[1].contains("with the members `id` (here the members `key`)"), "{errs:?}");
}

/// `decode` adds the `FromProblem` impl after everything else, and nothing else changes: a
/// type without it expands exactly as before.
#[test]
fn decode_only_adds_its_impl() {
    let input = || -> DeriveInput {
        parse_quote! {
            #[status(500)]
            enum E {
                #[status(404)] NotFound(#[problem(extension = "id")] u64),
                #[status(429)] Slow { #[header(RETRY_AFTER)] secs: u64, #[problem(skip_decode)] note: String },
                #[status(transparent)] Inner(Other),
                #[problem(skip_decode)] Db(String),
            }
        }
    };
    let (without, mut with) = (input(), input());
    with.attrs.push(parse_quote!(#[errstatus(decode)]));
    let (without, with) = (expand_ok(&strip_skip_decode(without)), expand_ok(&with));
    assert!(!without.contains("FromProblem"), "{without}");
    let (head, tail) = with.split_at(without.len());
    assert_eq!(head, without);
    assert!(tail.contains(":: errstatus :: FromProblem for E"), "{tail}");
    assert!(tail.contains("__r . member (\"id\" , < u64 as :: errstatus :: DecodeMember > :: __decode)"), "{tail}");
    assert!(tail.contains("< Other as :: errstatus :: FromProblem > :: __from_received (__r)"), "{tail}");
    assert!(!tail.contains("Db"), "a skipped variant is not decoded: {tail}");
}

/// Without `decode`, `skip_decode` is an error; the expansion compared above has none.
fn strip_skip_decode(mut input: DeriveInput) -> DeriveInput {
    let syn::Data::Enum(data) = &mut input.data else { unreachable!() };
    for v in &mut data.variants {
        v.attrs.retain(|a| !a.path().is_ident("problem"));
        for f in &mut v.fields {
            f.attrs.retain(|a| !quote!(#a).to_string().contains("skip_decode"));
        }
    }
    input
}

/// The rules of `decode` (valid.rs, `check_decode`): each field of a decoded variant comes back
/// from the response or is `skip_decode`; `decode` reads problem+json of a type without
/// parameters; `skip_decode` goes on variants and fields of a type with `decode`. All errors
/// of one type in one build.
#[test]
fn decode_rules() {
    let input: DeriveInput = parse_quote! {
        #[errstatus(decode)]
        enum E {
            #[status(404)] Text(u64),
            #[status(500)] Hidden { #[problem(extension)] id: u64 },
            #[status(403, expose = false)] Instance { #[problem(instance)] at: String },
            #[status(429)] With { #[header(RETRY_AFTER, with = f)] secs: u64 },
            #[status(422)] Member { #[problem(extension, with = g)] v: u64 },
            #[status(409)] #[problem(skip_decode)] Skipped(u64),
            #[status(410)] Fine { #[problem(skip_decode)] note: String, #[problem(extension)] id: u64 },
            #[status(503, expose)] Shown { #[problem(extension)] id: u64, #[header("x-id")] x: String },
            #[status(transparent)] Inner(Other),
            Sib { #[status(transparent)] inner: Other, loose: u8 },
        }
    };
    let errs = errors(&input);
    let fields: Vec<&str> = [
        "field 0 of variant `Text`",
        "`id` of variant `Hidden`",
        "`at` of variant `Instance`",
        "`secs` of variant `With`",
        "`v` of variant `Member`",
        "`loose` of variant `Sib`",
    ]
    .to_vec();
    assert_eq!(errs.len(), fields.len(), "{errs:?}");
    for (err, field) in errs.iter().zip(fields) {
        assert!(err.contains(field) && err.contains("is not in the response"), "{field}: {err}");
    }
    assert!(errs[1].contains("hides its members"), "{errs:?}");
    assert!(errs[3].contains("`with` function"), "{errs:?}");

    let errs = errors(&parse_quote! {
        #[errstatus(decode, format = Legacy)]
        enum E { #[status(404)] A }
    });
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].contains("#[errstatus(format = Legacy)] cannot be decoded"), "{errs:?}");
    let errs = errors(&parse_quote! {
        #[errstatus(decode)]
        enum E<T> { #[status(transparent)] A(T) }
    });
    assert!(errs[0].contains("on a generic type is not supported"), "{errs:?}");
    let errs = errors(&parse_quote! {
        #[problem(skip_decode)]
        enum E { #[status(404)] #[problem(skip_decode)] A(#[problem(skip_decode)] u8) }
    });
    assert_eq!(errs.len(), 3, "{errs:?}");
    assert!(errs[0].contains("belongs on a variant"), "{errs:?}");
    assert!(errs[1..].iter().all(|e| e.contains("without #[errstatus(decode)]")), "{errs:?}");
}

/// `template::toks` gives the tokens `quote!` gives for the same text: the same trees, the
/// same delimiters and the same spacing of punctuation (`::`, `=>`, `||`, a lifetime's tick),
/// with the holes' tokens in place. (Literals are holes: the text has none.)
#[test]
fn toks_gives_what_quote_gives() {
    use proc_macro2::{Span, TokenTree};
    fn shape(tokens: TokenStream, out: &mut Vec<String>) {
        for tt in tokens {
            match tt {
                TokenTree::Group(g) => {
                    out.push(format!("open {:?}", g.delimiter()));
                    shape(g.stream(), out);
                    out.push("close".to_owned());
                }
                TokenTree::Punct(p) => out.push(format!("punct {} {:?}", p.as_char(), p.spacing())),
                TokenTree::Ident(i) => out.push(format!("ident {i}")),
                TokenTree::Literal(l) => out.push(format!("literal {l}")),
            }
        }
    }
    let shapes = |tokens: TokenStream| {
        let mut out = Vec::new();
        shape(tokens, &mut out);
        out
    };
    let (krate, code, name) = (quote!(::errstatus), 404u16, "NOT_FOUND");
    let ty: syn::Type = parse_quote!(Option<&'static str>);
    let got = crate::template::toks(
        Span::call_site(),
        "# [ allow ( unused ) ] fn f < 'a > ( __p : & mut $0 :: P < 'a > ) -> & 'static str { \
         let _ : fn ( & _ ) -> $1 = | | $2 ; match x { _ => || $2 , } ; $0 :: code ( $2 ) . $3 ; [ ] ; { } }",
        &[&krate, &ty, &code, &name],
    );
    let want = quote! {
        #[allow(unused)] fn f<'a>(__p: &mut #krate::P<'a>) -> &'static str {
            let _: fn(&_) -> #ty = | | #code; match x { _ => || #code, }; #krate::code(#code).#name; []; {}
        }
    };
    assert_eq!(shapes(got), shapes(want));
}
