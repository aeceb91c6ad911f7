//! After an error: the compile errors plus stub impls, so that code using the type does not
//! add a cascade of "HttpStatus is not implemented" errors (as thiserror's fallback does).

use proc_macro2::TokenStream;
use syn::DeriveInput;

use crate::impls::{self, Bodies, Names};

pub(crate) fn expand(node: &DeriveInput, error: syn::Error) -> TokenStream {
    let errors = error.into_compile_error();
    let unreachable = crate::template::q(":: core :: unreachable ! ( )", &[]);
    let bodies = Bodies { status: unreachable.clone(), problem: unreachable, extra: TokenStream::new(), detail: None };
    let names = Names::lenient(node);
    let impls = impls::impls(node, &names, &[], &bodies);
    let decode = crate::decode::fallback(node, &names);
    let mut out = errors;
    crate::template::append(&mut out, impls);
    crate::template::append(&mut out, decode);
    out
}
