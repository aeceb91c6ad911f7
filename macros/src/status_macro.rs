//! `status!(CODE)`: a registered, usable code as an `http::StatusCode` constant expression.
//!
//! `errstatus::status!` is a `macro_rules!` macro that calls this one as
//! `__status!($crate, CODE)`: the crate path comes first, so the expansion names the crate
//! however the user's dependency is called.

use proc_macro2::{TokenStream, TokenTree};

use crate::expand::status_in;
use crate::valid::resolve;
use crate::{attr, template};

pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let (krate, input) = split_crate(input);
    match try_expand(&krate, input) {
        Ok(tokens) => tokens,
        Err(err) => {
            let errors = err.into_compile_error();
            // Still an expression of the right type, so no second error follows.
            template::fill(
                "{ $errors $krate::__private::http::StatusCode::INTERNAL_SERVER_ERROR }",
                &[("errors", &errors), ("krate", &krate)],
            )
        }
    }
}

/// `$crate, CODE` -> (`$crate`, `CODE`). Without a leading path (a direct call), `::errstatus`.
fn split_crate(input: TokenStream) -> (TokenStream, TokenStream) {
    let tokens: Vec<TokenTree> = input.into_iter().collect();
    if matches!(tokens.first(), Some(TokenTree::Ident(i)) if i == "$crate") {
        let mut i = 0;
        while i < tokens.len() {
            if matches!(&tokens[i], TokenTree::Punct(p) if p.as_char() == ',') {
                return (stream(&tokens[..i]), stream(&tokens[i + 1..]));
            }
            i += 1;
        }
    }
    (template::fill("::errstatus", &[]), stream(&tokens))
}

/// The tokens as a stream, extended as scan.rs extends its own (one copy of that code).
fn stream(tokens: &[TokenTree]) -> TokenStream {
    let mut out = TokenStream::new();
    out.extend(tokens.iter().cloned());
    out
}

pub(crate) fn try_expand(krate: &TokenStream, input: TokenStream) -> syn::Result<TokenStream> {
    let mut code = None;
    attr::parse_tokens(input, &mut |input| {
        if input.is_empty() {
            return Err(syn::Error::new(
                input.span(),
                "status! needs a status code: status!(404) or status!(NOT_FOUND)",
            ));
        }
        code = Some(attr::parse_code(input)?);
        let _ = input.parse::<Option<syn::Token![,]>>()?;
        if !input.is_empty() {
            return Err(input.error("status! takes one status code"));
        }
        Ok(())
    })?;
    let Some(code) = code else { unreachable!("the parser read a code or failed") };
    let entry = resolve(&code, &format_args!("status!({})", code.written()))?;
    let status_code = template::q("$0 :: __private :: http :: StatusCode", &[krate]);
    Ok(status_in(entry, code.span(), krate, &status_code))
}
