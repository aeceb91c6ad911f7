//! Stand-in for errstatus-macros' lib.rs in `benches/bound/run.py`: a derive that does the
//! least a derive can (finds the enum's name, emits `HttpStatus` and the `Response` conversion
//! the scratch crate calls), so the macro crate costs what any small proc-macro crate costs.
//! Not part of any build of the workspace.
use proc_macro::{TokenStream, TokenTree};

#[proc_macro_derive(HttpStatus, attributes(status, header, problem, errstatus, grpc))]
pub fn derive_http_status(input: TokenStream) -> TokenStream {
    let mut trees = input.into_iter();
    let mut name = String::new();
    while let Some(tree) = trees.next() {
        if matches!(&tree, TokenTree::Ident(i) if i.to_string() == "enum") {
            if let Some(TokenTree::Ident(n)) = trees.next() {
                name = n.to_string();
            }
            break;
        }
    }
    format!(
        "impl ::errstatus::HttpStatus for {name} {{
            fn status(&self) -> ::errstatus::__private::http::StatusCode {{
                ::errstatus::__private::http::StatusCode::NOT_FOUND
            }}
        }}
        impl<__B> ::core::convert::From<{name}> for ::errstatus::__private::http::Response<__B>
        where __B: ::core::convert::From<::std::string::String> {{
            fn from(e: {name}) -> Self {{ ::errstatus::__private::into_response(&e) }}
        }}"
    )
    .parse()
    .unwrap()
}

#[doc(hidden)]
#[proc_macro]
pub fn __status(_input: TokenStream) -> TokenStream {
    TokenStream::new()
}
