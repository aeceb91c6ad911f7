//! Procedural macros of [errstatus](https://docs.rs/errstatus). Users depend on `errstatus`,
//! which re-exports everything here; this crate is an implementation detail.
//!
//! The derive is a pipeline, one file per stage: `scan` (a fast reader of the input, with
//! syn's parser behind it) -> `attr` (attributes -> options) and `ast` (the input, borrowed) ->
//! `valid` (registry and rules, every error collected) -> `expand` (the checked model ->
//! method bodies) -> `impls` (the impls around them); `decode` adds `FromProblem` for a type
//! with `#[errstatus(decode)]`. After an error, `fallback` emits the errors and stub impls
//! instead.
#![forbid(unsafe_code)]

mod ast;
mod attr;
mod catalog;
mod ctxt;
mod decode;
mod detail;
mod expand;
mod extras;
mod fallback;
mod impls;
mod names;
mod scan;
mod status_macro;
mod template;
mod valid;

// The unit and property tests live outside src/, so the published package carries none of
// them (Cargo.toml's `include` takes only src/); they compile only under cfg(test).
#[cfg(test)]
#[path = "../tests/fuzz/mod.rs"]
mod fuzz;
#[cfg(test)]
#[path = "../tests/unit/mod.rs"]
mod tests;

use proc_macro::TokenStream;

/// See `errstatus::HttpStatus`.
#[proc_macro_derive(HttpStatus, attributes(status, header, problem, errstatus, grpc))]
pub fn derive_http_status(input: TokenStream) -> TokenStream {
    let input = proc_macro2::TokenStream::from(input);
    let node = match scan::derive_input(input.clone()) {
        Some(node) => node,
        None => match syn::parse2(input) {
            Ok(node) => node,
            Err(err) => return err.to_compile_error().into(),
        },
    };
    derive(&node).into()
}

/// The derive: the impls, or the errors plus stub impls.
pub(crate) fn derive(node: &syn::DeriveInput) -> proc_macro2::TokenStream {
    let out = match try_expand(node) {
        Ok(tokens) => tokens,
        Err(err) => fallback::expand(node, err),
    };
    // `ERRSTATUS_DEBUG=1` (or `=TypeName`) prints the expansion to stderr at compile time.
    if let Ok(want) = std::env::var("ERRSTATUS_DEBUG") {
        if want == "1" || node.ident == want {
            eprintln!("// #[derive(HttpStatus)] on {}\n{}", node.ident, out);
        }
    }
    out
}

/// The fallible part of the derive: parse and check, every error collected; the expansion
/// itself runs only on a model without errors.
pub(crate) fn try_expand(node: &syn::DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let cx = ctxt::Ctxt::new();
    let Some(input) = ast::Input::from_syn(&cx, node) else {
        cx.check()?;
        return Ok(proc_macro2::TokenStream::new());
    };
    let model = valid::check(&cx, &input);
    cx.check()?;
    Ok(expand::expand(&model))
}

/// See `errstatus::status!`: called by that `macro_rules!` macro as
/// `__status!($crate, CODE)`, so it works through a renamed dependency.
#[doc(hidden)]
#[proc_macro]
pub fn __status(input: TokenStream) -> TokenStream {
    status_macro::expand(input.into()).into()
}
