//! Procedural macros of [errstatus](https://docs.rs/errstatus). Users depend on `errstatus`,
//! which re-exports everything here; this crate is an implementation detail.
#![forbid(unsafe_code)]

mod ast;
mod attr;
mod ctxt;
mod expand;
mod fallback;
mod names;
mod status_macro;
mod valid;

#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

/// See `errstatus::HttpStatus`.
#[proc_macro_derive(HttpStatus, attributes(status, header, problem))]
pub fn derive_http_status(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    expand::derive(&input).into()
}

/// See `errstatus::status!`.
#[proc_macro]
pub fn status(input: TokenStream) -> TokenStream {
    status_macro::expand(input.into()).into()
}
