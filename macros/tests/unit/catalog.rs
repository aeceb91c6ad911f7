//! The catalogue's literal (catalog.rs): the JSON Schema type read from a member's type as
//! written, the JSON string escaper, and the one string literal per type whatever its size.

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use syn::parse_quote;

use crate::catalog::{schema_type, string};

#[test]
fn schema_types_from_the_written_type() {
    let cases: Vec<(syn::Type, Option<&str>)> = vec![
        (parse_quote!(String), Some("string")),
        (parse_quote!(&'static str), Some("string")),
        (parse_quote!(std::borrow::Cow<'a, str>), Some("string")),
        (parse_quote!(char), Some("string")),
        (parse_quote!(u64), Some("integer")),
        (parse_quote!(i8), Some("integer")),
        (parse_quote!(core::num::NonZeroU32), Some("integer")),
        (parse_quote!(f32), Some("number")),
        (parse_quote!(bool), Some("boolean")),
        (parse_quote!(Vec<String>), Some("array")),
        (parse_quote!([u8; 4]), Some("array")),
        (parse_quote!(&'a [u8]), Some("array")),
        (parse_quote!((u8, String)), Some("array")),
        (parse_quote!(std::collections::BTreeSet<u8>), Some("array")),
        (parse_quote!(HashMap<String, u8>), Some("object")),
        (parse_quote!(Option<u64>), Some("integer")),
        (parse_quote!(Option<Option<bool>>), Some("boolean")),
        (parse_quote!(Box<str>), Some("string")),
        (parse_quote!(std::sync::Arc<Vec<u8>>), Some("array")),
        (parse_quote!(Option<Duration>), None),
        (parse_quote!(serde_json::Value), None),
        (parse_quote!(T), None),
        (parse_quote!(()), None),
        (parse_quote!(<T as Trait>::String), None),
    ];
    for (ty, want) in cases {
        assert_eq!(schema_type(&ty), want, "{}", quote::ToTokens::to_token_stream(&ty));
    }
}

#[test]
fn json_strings_are_escaped() {
    let mut out = String::new();
    string(&mut out, "a \"quoted\" \\ back\nslash\t\u{1} é </script>");
    assert_eq!(out, r#""a \"quoted\" \\ back\nslash\t\u0001 é </script>""#);
}

/// The `__catalog` of a type of any size is one call: the facts are one string literal, and
/// only transparent variants add tokens (their `__catalog`).
#[test]
fn one_literal_per_type() {
    let variants = (0..200).map(|i| {
        let ident = quote::format_ident!("V{i}");
        quote::quote!(#[error("v")] #[status(404)] #ident,)
    });
    let input: syn::DeriveInput = parse_quote!(enum Big { #(#variants)* });
    let catalog = find_fn(crate::derive(&input), "__catalog").expect("a __catalog fn");
    let literals = count(&catalog, &|tt| matches!(tt, TokenTree::Literal(_)));
    let all = count(&catalog, &|_| true);
    assert_eq!(literals, 1, "{catalog}");
    assert!(all < 40, "{all} tokens: {catalog}");
    let text = catalog.to_string();
    // The enum's name, then each plain variant written short.
    assert!(text.contains(r#""[\"Big\",[\"V0\",\"V0\",404],"#), "{text}");
    assert!(text.contains(r#",[\"V199\",\"V199\",404]]""#), "{text}");
}

/// The tokens from `fn NAME` to the end of its body.
fn find_fn(tokens: TokenStream, name: &str) -> Option<TokenStream> {
    let tts: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, tt) in tts.iter().enumerate() {
        match tt {
            TokenTree::Ident(ident) if ident == name && i > 0 => {
                let end = tts[i..]
                    .iter()
                    .position(|t| matches!(t, TokenTree::Group(g) if g.delimiter() == Delimiter::Brace))?;
                return Some(tts[i - 1..=i + end].iter().cloned().collect());
            }
            TokenTree::Group(g) => {
                if let Some(found) = find_fn(g.stream(), name) {
                    return Some(found);
                }
            }
            _ => {}
        }
    }
    None
}

fn count(tokens: &TokenStream, pred: &dyn Fn(&TokenTree) -> bool) -> usize {
    tokens
        .clone()
        .into_iter()
        .map(|tt| match &tt {
            TokenTree::Group(g) => usize::from(pred(&tt)) + count(&g.stream(), pred),
            _ => usize::from(pred(&tt)),
        })
        .sum()
}
