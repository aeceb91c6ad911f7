//! Model -> tokens. Cannot fail: every rule was checked in valid.rs.
//!
//! The expansion stays thin: one `match` arm per variant in `status()`, one in `__problem`
//! only for variants with more than a code (the others share a wildcard arm), and the rest
//! (status text, body, header values, framework types) lives in `::errstatus::__private`,
//! compiled once.

use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::{DeriveInput, GenericParam, Generics};

use crate::ast::{Field, Input, Kind, Variant};
use crate::ctxt::Ctxt;
use crate::fallback;
use crate::valid::{self, Arm, ArmBody, HeaderKey, Model, Response};

/// The derive's entry point: the impls, or the errors plus stub impls.
pub(crate) fn derive(node: &DeriveInput) -> TokenStream {
    let out = match try_expand(node) {
        Ok(tokens) => tokens,
        Err(err) => fallback::expand(node, err),
    };
    debug_print(node, &out);
    out
}

/// `ERRSTATUS_DEBUG=1` (or `=TypeName`) prints the expansion to stderr at compile time.
fn debug_print(node: &DeriveInput, out: &TokenStream) {
    if let Ok(want) = std::env::var("ERRSTATUS_DEBUG") {
        if want == "1" || node.ident == want {
            eprintln!("// #[derive(HttpStatus)] on {}\n{}", node.ident, out);
        }
    }
}

pub(crate) fn try_expand(node: &DeriveInput) -> syn::Result<TokenStream> {
    let cx = Ctxt::new();
    let input = Input::from_syn(&cx, node);
    let tokens = input.as_ref().map(|input| expand(&valid::check(&cx, input)));
    cx.check()?;
    Ok(tokens.unwrap_or_default())
}

fn expand(model: &Model) -> TokenStream {
    let input = model.input;
    let status_arms = status_arms(input, model);
    // `__problem` needs an arm only for variants with more than a code; the rest share one
    // wildcard arm that takes the code from `status()`. Half the arms for rustc to check.
    let problem_arms = model.arms.iter().filter(|arm| !is_plain(arm)).map(|arm| problem_arm(input, arm));
    let default_arm = model.arms.iter().any(is_plain).then(default_problem_arm);
    let (status, problem) = if input.variants.is_empty() {
        (quote!(match *self {}), quote!(match *self {}))
    } else {
        // The arms name `__S::NOT_FOUND` rather than the whole path: fewer tokens per variant
        // for the macro to emit and for rustc to resolve.
        let short =
            model.arms.iter().any(|arm| matches!(&arm.body, ArmBody::Code(r) if r.entry.http_const().is_some()));
        let alias = short.then(|| {
            quote!(
                use ::errstatus::__private::http::StatusCode as __S;
            )
        });
        (quote!({ #alias match self { #(#status_arms)* } }), quote!(match self { #(#problem_arms)* #default_arm }))
    };
    let mut bodies = Bodies { status, problem, extra: statuses_fn(model) };
    if cfg!(feature = "utoipa") {
        bodies.extra.extend(openapi_fn(model));
    }
    let bounds = bounds(model);
    let mut out = impls(input.original, &bounds, &bodies);
    for (span, msg) in &model.warnings {
        out.extend(warning(*span, msg));
    }
    out
}

fn pattern(input: &Input, variant: &Variant, bindings: &[&Field]) -> TokenStream {
    let path = match input.kind {
        Kind::Struct => quote!(Self),
        Kind::Enum => {
            let ident = variant.ident;
            quote!(Self::#ident)
        }
    };
    if variant.unit {
        return path;
    }
    let binds = bindings.iter().map(|f| {
        let member = &f.member;
        let var = binding(f);
        quote!(#member: #var)
    });
    quote!(#path { #(#binds,)* .. })
}

/// The binding of a field in a match arm, spanned at the field's type so that a missing
/// trait (`Display`, `Serialize`, `HttpStatus`) is reported on the field.
fn binding(field: &Field) -> Ident {
    format_ident!("__field{}", field.index, span = field_span(field))
}

/// The arms of `status()`: one per transparent variant, and one per distinct code whose
/// pattern lists its variants (`Self::A { .. } | Self::B { .. } => __S::NOT_FOUND`), so a
/// code is named once however many variants share it.
fn status_arms(input: &Input, model: &Model) -> Vec<TokenStream> {
    let mut arms = Vec::new();
    let mut by_code: Vec<(&Response, Vec<TokenStream>)> = Vec::new();
    for arm in &model.arms {
        match &arm.body {
            ArmBody::Transparent(field) => {
                let pat = pattern(input, arm.variant, &[field]);
                let var = binding(field);
                let call = quote_spanned!(field_span(field)=> ::errstatus::HttpStatus::status(#var));
                arms.push(quote!(#pat => #call,));
            }
            ArmBody::Code(resp) => {
                let pat = pattern(input, arm.variant, &[]);
                match by_code.iter_mut().find(|(r, _)| r.entry.code == resp.entry.code) {
                    Some((_, pats)) => pats.push(pat),
                    None => by_code.push((resp, vec![pat])),
                }
            }
        }
    }
    for (resp, pats) in by_code {
        // `__S` is `use`d at the top of `status()`.
        let code = status_in(resp.entry, resp.span, quote!(__S));
        arms.push(quote!(#(#pats)|* => #code,));
    }
    arms
}

/// The `http::StatusCode` constant for an entry, spanned at the user's code.
pub(crate) fn status_const(resp: &Response) -> TokenStream {
    status_tokens(resp.entry, resp.span)
}

pub(crate) fn status_tokens(entry: &errstatus_registry::Entry, span: Span) -> TokenStream {
    status_in(entry, span, quote!(::errstatus::__private::http::StatusCode))
}

/// The code as `<status_code_path>::NAME`, or through `__private::code` for a code the `http`
/// crate has no constant for (104).
fn status_in(entry: &errstatus_registry::Entry, span: Span, status_code_path: TokenStream) -> TokenStream {
    match entry.http_const() {
        Some(name) => {
            let ident = Ident::new(name, span);
            quote!(#status_code_path::#ident)
        }
        None => {
            let code = entry.code;
            quote!(::errstatus::__private::code(#code))
        }
    }
}

fn problem_arm(input: &Input, arm: &Arm) -> TokenStream {
    match &arm.body {
        ArmBody::Transparent(field) => {
            let pat = pattern(input, arm.variant, &[field]);
            let var = binding(field);
            let call = quote_spanned!(field_span(field)=> ::errstatus::HttpStatus::__problem(#var, __p));
            quote!(#pat => #call,)
        }
        ArmBody::Code(resp) => {
            let mut used: Vec<&Field> = resp.headers.iter().map(|(_, f)| *f).collect();
            used.extend(resp.instance);
            used.extend(resp.extensions.iter().map(|(_, f)| *f));
            used.sort_by_key(|f| f.index);
            used.dedup_by_key(|f| f.index);
            let pat = pattern(input, arm.variant, &used);
            let code = status_const(resp);
            let expose = resp.expose;
            let mut calls = quote!(__p.status(#code, self, #expose););
            if cfg!(feature = "tracing") && !expose {
                calls.extend(error_call());
            }
            if resp.type_.is_some() || resp.title.is_some() {
                let ty = opt_str(resp.type_.as_deref());
                let title = opt_str(resp.title.as_deref());
                calls.extend(quote!(__p.kind(#ty, #title);));
            }
            for (key, field) in &resp.headers {
                let var = binding(field);
                let name = match key {
                    HeaderKey::Const(ident) => quote!(::errstatus::__private::http::header::#ident),
                    HeaderKey::Name(name, span) => {
                        quote_spanned!(*span=> ::errstatus::__private::http::HeaderName::from_static(#name))
                    }
                };
                let ty_span = field_span(field);
                calls.extend(match header_kind(field.ty) {
                    HeaderKind::Str => quote_spanned!(ty_span=> __p.header_str(#name, #var);),
                    HeaderKind::Int => quote_spanned!(ty_span=> __p.header_int(#name, *#var);),
                    HeaderKind::Display => quote_spanned!(ty_span=> __p.header(#name, #var);),
                });
            }
            if let Some(field) = resp.instance {
                let var = binding(field);
                calls.extend(quote_spanned!(field_span(field)=> __p.instance(#var);));
            }
            for (name, field) in &resp.extensions {
                let var = binding(field);
                calls.extend(quote_spanned!(field_span(field)=> __p.extension(#name, #var);));
            }
            quote!(#pat => { #calls })
        }
    }
}

enum HeaderKind {
    /// `String`, `&str`: copied into the header value as it is.
    Str,
    /// An integer type `http::HeaderValue` converts from directly.
    Int,
    /// Anything else: through Display.
    Display,
}

/// How a `#[header]` field's value becomes a header value, by its written type. The common
/// types skip `core::fmt`; all others go through Display.
fn header_kind(ty: &syn::Type) -> HeaderKind {
    let ident_of = |ty: &syn::Type| match ty {
        syn::Type::Path(p) if p.qself.is_none() && p.path.segments.len() == 1 => {
            let seg = &p.path.segments[0];
            seg.arguments.is_none().then(|| seg.ident.to_string())
        }
        _ => None,
    };
    match ty {
        syn::Type::Reference(r) if r.mutability.is_none() && ident_of(&r.elem).as_deref() == Some("str") => {
            HeaderKind::Str
        }
        _ => match ident_of(ty).as_deref() {
            Some("String") => HeaderKind::Str,
            Some("u16" | "i16" | "u32" | "i32" | "u64" | "i64" | "usize" | "isize") => HeaderKind::Int,
            _ => HeaderKind::Display,
        },
    }
}

/// Whether a variant has nothing but its code, with the detail shown or hidden as its class
/// says: then the wildcard arm of `__problem` covers it.
fn is_plain(arm: &Arm) -> bool {
    match &arm.body {
        ArmBody::Code(resp) => {
            resp.headers.is_empty()
                && resp.instance.is_none()
                && resp.extensions.is_empty()
                && resp.type_.is_none()
                && resp.title.is_none()
                && resp.expose == (resp.entry.class != errstatus_registry::Class::ServerError)
        }
        ArmBody::Transparent(_) => false,
    }
}

/// The `__problem` arm of all plain variants.
fn default_problem_arm() -> TokenStream {
    let mut calls = quote!(__p.status_by_class(::errstatus::HttpStatus::status(self), self););
    if cfg!(feature = "tracing") {
        calls.extend(error_call());
    }
    quote!(_ => { #calls })
}

/// Feature `tracing`: hands the error to the log of masked responses.
fn error_call() -> TokenStream {
    quote! {
        {
            #[allow(unused_imports)]
            use ::errstatus::__private::{AsDynError as _, NotDynError as _};
            __p.error((&::errstatus::__private::ErrorRef(self)).as_dyn_error());
        }
    }
}

fn field_span(field: &Field) -> Span {
    use syn::spanned::Spanned;
    field.ty.span()
}

fn opt_str(s: Option<&str>) -> TokenStream {
    match s {
        Some(s) => quote!(::core::option::Option::Some(#s)),
        None => quote!(::core::option::Option::None),
    }
}

/// Extra where-clause predicates for generic types.
fn bounds(model: &Model) -> Vec<TokenStream> {
    let input = model.input;
    let params: Vec<&Ident> = input.original.generics.type_params().map(|p| &p.ident).collect();
    if params.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut needs_display = false;
    let mut push = |ty: &syn::Type, bound: TokenStream| {
        if mentions(ty.to_token_stream(), &params) {
            out.push(quote!(#ty: #bound));
        }
    };
    for arm in &model.arms {
        match &arm.body {
            ArmBody::Transparent(field) => push(field.ty, quote!(::errstatus::HttpStatus)),
            ArmBody::Code(resp) => {
                needs_display = true;
                for (_, f) in &resp.headers {
                    push(f.ty, quote!(::core::fmt::Display));
                }
                if let Some(f) = resp.instance {
                    push(f.ty, quote!(::core::fmt::Display));
                }
                for (_, f) in &resp.extensions {
                    push(f.ty, quote!(::errstatus::__private::serde::Serialize));
                    if cfg!(feature = "utoipa") {
                        push(f.ty, quote!(::errstatus::__private::utoipa::PartialSchema));
                    }
                }
            }
        }
    }
    if needs_display {
        // The type itself, not `Self`: these bounds also go on `From<E> for Response<B>`.
        let ident = &input.original.ident;
        let (_, ty_generics, _) = input.original.generics.split_for_impl();
        out.push(quote!(#ident #ty_generics: ::core::fmt::Display));
    }
    out
}

fn mentions(tokens: TokenStream, params: &[&Ident]) -> bool {
    tokens.into_iter().any(|tt| match tt {
        TokenTree::Ident(ident) => params.iter().any(|p| **p == ident),
        TokenTree::Group(group) => mentions(group.stream(), params),
        _ => false,
    })
}

/// The generic parameters of an impl, without defaults; `extra` is appended.
fn impl_params(generics: &Generics, extra: Option<TokenStream>) -> TokenStream {
    let mut params: Vec<TokenStream> = generics
        .params
        .iter()
        .map(|p| match p {
            GenericParam::Lifetime(l) => l.to_token_stream(),
            GenericParam::Type(t) => {
                let (ident, bounds) = (&t.ident, &t.bounds);
                if bounds.is_empty() {
                    quote!(#ident)
                } else {
                    quote!(#ident: #bounds)
                }
            }
            GenericParam::Const(c) => {
                let (ident, ty) = (&c.ident, &c.ty);
                quote!(const #ident: #ty)
            }
        })
        .collect();
    params.extend(extra);
    if params.is_empty() {
        TokenStream::new()
    } else {
        quote!(<#(#params),*>)
    }
}

fn where_clause(generics: &Generics, extra: &[TokenStream]) -> TokenStream {
    let existing = generics.where_clause.as_ref().map(|w| &w.predicates);
    let existing = existing.into_iter().flat_map(|p| p.iter());
    let preds: Vec<TokenStream> = existing.map(ToTokens::to_token_stream).chain(extra.iter().cloned()).collect();
    if preds.is_empty() {
        TokenStream::new()
    } else {
        quote!(where #(#preds,)*)
    }
}

/// The method bodies of the `HttpStatus` impl.
pub(crate) struct Bodies {
    pub status: TokenStream,
    pub problem: TokenStream,
    /// Further items of the impl (`statuses`, `__openapi`).
    pub extra: TokenStream,
}

/// A transparent field of the type itself (`Box<Self>`, `Box<ApiError>`): its statuses are the
/// type's own, and asking for them would recurse forever.
fn is_recursive(model: &Model, field: &Field) -> bool {
    let own = &model.input.original.ident;
    let this = Ident::new("Self", Span::call_site());
    mentions(field.ty.to_token_stream(), &[own, &this])
}

/// `HttpStatus::statuses`: own codes sorted at compile time, plus transparent fields' lists.
fn statuses_fn(model: &Model) -> TokenStream {
    let mut own: Vec<&errstatus_registry::Entry> = Vec::new();
    let mut inner = Vec::new();
    for arm in &model.arms {
        match &arm.body {
            ArmBody::Code(resp) => own.push(resp.entry),
            ArmBody::Transparent(field) if !is_recursive(model, field) => {
                let ty = field.ty;
                inner.push(quote!(<#ty as ::errstatus::HttpStatus>::statuses));
            }
            ArmBody::Transparent(_) => {}
        }
    }
    own.sort_by_key(|e| e.code);
    own.dedup_by_key(|e| e.code);
    let own = own.iter().map(|e| status_tokens(e, Span::call_site()));
    quote! {
        fn statuses() -> ::std::vec::Vec<::errstatus::__private::http::StatusCode> {
            ::errstatus::__private::statuses(&[#(#own),*], &[#(#inner),*])
        }
    }
}

/// `HttpStatus::__openapi` (feature `utoipa`): each variant's facts for the OpenAPI document.
fn openapi_fn(model: &Model) -> TokenStream {
    let items = model.arms.iter().map(|arm| match &arm.body {
        ArmBody::Transparent(field) if is_recursive(model, field) => TokenStream::new(),
        ArmBody::Transparent(field) => {
            let ty = field.ty;
            quote!(<#ty as ::errstatus::HttpStatus>::__openapi(__d);)
        }
        ArmBody::Code(resp) => {
            let status = status_const(resp);
            let name = arm.variant.ident.to_string();
            let name = name.strip_prefix("r#").unwrap_or(&name);
            let doc = &arm.variant.doc;
            let detail = opt_str(arm.variant.error_fmt.as_deref());
            let expose = resp.expose;
            let ty = opt_str(resp.type_.as_deref());
            let title = opt_str(resp.title.as_deref());
            let instance = resp.instance.is_some();
            let exts = resp.extensions.iter().map(|(n, f)| {
                let fty = f.ty;
                quote!((#n, <#fty as ::errstatus::__private::utoipa::PartialSchema>::schema as fn() -> _))
            });
            let headers = resp.headers.iter().map(|(k, _)| match k {
                HeaderKey::Const(ident) => crate::names::header_const_to_name(&ident.to_string()),
                HeaderKey::Name(n, _) => n.clone(),
            });
            quote! {
                __d.variant(::errstatus::__private::openapi::Variant {
                    status: #status,
                    name: #name,
                    doc: #doc,
                    detail: #detail,
                    expose: #expose,
                    type_: #ty,
                    title: #title,
                    instance: #instance,
                    extensions: ::std::vec![#(#exts),*],
                    headers: &[#(#headers),*],
                });
            }
        }
    });
    quote! {
        #[doc(hidden)]
        fn __openapi(__d: &mut ::errstatus::__private::openapi::Docs) {
            #(#items)*
        }
    }
}

/// Every impl the derive emits, with the method bodies given. Shared with fallback.rs.
pub(crate) fn impls(node: &DeriveInput, bounds: &[TokenStream], bodies: &Bodies) -> TokenStream {
    let Bodies { status: status_body, problem: problem_body, extra } = bodies;
    let ident = &node.ident;
    let generics = &node.generics;
    let (_, ty_generics, _) = generics.split_for_impl();
    let ty = quote!(#ident #ty_generics);
    let params = impl_params(generics, None);
    let where_ = where_clause(generics, bounds);
    let body_param = impl_params(generics, Some(quote!(__B)));
    let mut body_bounds = bounds.to_vec();
    body_bounds.push(quote!(__B: ::core::convert::From<::std::string::String>));
    let body_where = where_clause(generics, &body_bounds);
    let status = quote!(::errstatus::__private::http::StatusCode);
    let attrs = quote! {
        #[automatically_derived]
        #[allow(unused_qualifications, deprecated, clippy::all, clippy::pedantic)]
    };
    let mut out = quote! {
        #attrs
        impl #params ::errstatus::HttpStatus for #ty #where_ {
            #[inline]
            fn status(&self) -> #status {
                #status_body
            }

            #[doc(hidden)]
            fn __problem<'__a>(&'__a self, __p: &mut ::errstatus::__private::Problem<'__a>) {
                #problem_body
            }

            #extra
        }

        #attrs
        impl #params ::core::convert::From<&#ty> for #status #where_ {
            #[inline]
            fn from(__e: &#ty) -> Self {
                ::errstatus::HttpStatus::status(__e)
            }
        }

        #attrs
        impl #params ::core::convert::From<#ty> for #status #where_ {
            #[inline]
            fn from(__e: #ty) -> Self {
                ::errstatus::HttpStatus::status(&__e)
            }
        }

        #attrs
        impl #body_param ::core::convert::From<#ty> for ::errstatus::__private::http::Response<__B> #body_where {
            fn from(__e: #ty) -> Self {
                ::errstatus::__private::into_response(&__e)
            }
        }
    };
    if cfg!(feature = "axum") {
        out.extend(quote! {
            #attrs
            impl #params ::errstatus::__private::axum::response::IntoResponse for #ty #where_ {
                fn into_response(self) -> ::errstatus::__private::axum::response::Response {
                    ::errstatus::__private::into_axum(&self)
                }
            }
        });
    }
    if cfg!(feature = "utoipa") {
        out.extend(quote! {
            #attrs
            impl #params ::errstatus::__private::utoipa::IntoResponses for #ty #where_ {
                fn responses() -> ::std::collections::BTreeMap<
                    ::std::string::String,
                    ::errstatus::__private::utoipa::openapi::RefOr<::errstatus::__private::utoipa::openapi::response::Response>,
                > {
                    ::errstatus::__private::openapi::responses::<Self>()
                }
            }
        });
    }
    if cfg!(feature = "actix-web") {
        let mut actix_bounds = bounds.to_vec();
        if node.generics.type_params().next().is_some() {
            actix_bounds.push(quote!(Self: ::core::fmt::Debug + ::core::fmt::Display));
        }
        let actix_where = where_clause(generics, &actix_bounds);
        out.extend(quote! {
            #attrs
            impl #params ::errstatus::__private::actix_web::ResponseError for #ty #actix_where {
                fn status_code(&self) -> ::errstatus::__private::actix_web::http::StatusCode {
                    ::errstatus::__private::actix_status(self)
                }

                fn error_response(&self) -> ::errstatus::__private::actix_web::HttpResponse {
                    ::errstatus::__private::actix_response(self)
                }
            }
        });
    }
    out
}

/// A real compiler warning on stable: the use of a deprecated item, spanned at `span`.
fn warning(span: Span, msg: &str) -> TokenStream {
    let item = Ident::new("errstatus_warning", Span::call_site());
    let usage = Ident::new("errstatus_warning", span);
    quote! {
        const _: () = {
            #[deprecated(note = #msg)]
            #[allow(non_camel_case_types)]
            struct #item;
            let _ = #usage;
        };
    }
}
