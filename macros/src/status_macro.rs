//! `status!(CODE)`: a registered, usable code as an `http::StatusCode` constant expression.

use proc_macro2::TokenStream;
use syn::parse::{ParseStream, Parser};

use crate::attr::{self, Code};
use crate::expand::status_tokens;
use crate::valid::resolve;

pub(crate) fn expand(input: TokenStream) -> TokenStream {
    match try_expand(input) {
        Ok(tokens) => tokens,
        Err(err) => {
            let errors = err.into_compile_error();
            // Still an expression of the right type, so no second error follows.
            quote::quote!({ #errors ::errstatus::__private::http::StatusCode::INTERNAL_SERVER_ERROR })
        }
    }
}

pub(crate) fn try_expand(input: TokenStream) -> syn::Result<TokenStream> {
    let parser = |input: ParseStream| -> syn::Result<Code> {
        if input.is_empty() {
            return Err(syn::Error::new(
                input.span(),
                "status! needs a status code: status!(404) or status!(NOT_FOUND)",
            ));
        }
        let code = attr::parse_code(input)?;
        let _ = input.parse::<Option<syn::Token![,]>>()?;
        if !input.is_empty() {
            return Err(input.error("status! takes one status code"));
        }
        Ok(code)
    };
    let code = parser.parse2(input)?;
    let entry = resolve(&code, &format!("status!({})", code.written()))?;
    Ok(status_tokens(entry, code.span()))
}
