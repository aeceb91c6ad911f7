//! The impls every expansion emits, around method bodies given by expand.rs (or by
//! fallback.rs after an error), and the names generated code uses: the crate path and generic
//! parameters that cannot collide with the input's.

use proc_macro2::{Ident, Span, TokenStream};
use quote::ToTokens;
use syn::{DeriveInput, GenericParam, Generics, Lifetime};

use crate::attr::{self, ContainerAttrs};
use crate::ctxt::Ctxt;
use crate::template::{append, q, toks_into};

/// Names in generated code.
pub(crate) struct Names {
    /// The path to the errstatus crate: `::errstatus`, or `#[errstatus(crate = "...")]`.
    pub krate: TokenStream,
    /// The lifetime of `__problem`.
    pub lt: Lifetime,
    /// The body type parameter of `From<E> for http::Response<B>`.
    pub body: Ident,
    /// The binder of the `for<'x> Self: Debug` bound of the actix-web impl.
    pub hr_lt: Lifetime,
    /// Features whose impl is left out: `#[errstatus(skip(...))]`.
    pub skip: Vec<String>,
}

impl Names {
    pub(crate) fn new(node: &DeriveInput, container: &ContainerAttrs) -> Self {
        let mut used: Vec<String> = Vec::with_capacity(node.generics.params.len());
        for p in &node.generics.params {
            used.push(match p {
                GenericParam::Lifetime(l) => l.lifetime.ident.to_string(),
                GenericParam::Type(t) => t.ident.to_string(),
                GenericParam::Const(c) => c.ident.to_string(),
            });
        }
        let fresh = |base: &str| {
            let mut name = base.to_owned();
            let mut n = 0;
            while used.contains(&name) {
                n += 1;
                name = format!("{base}{n}");
            }
            name
        };
        let krate = match &container.krate {
            Some(path) => path.to_token_stream(),
            None => q(":: errstatus", &[]),
        };
        Names {
            krate,
            lt: Lifetime::new(&format!("'{}", fresh("__a")), Span::call_site()),
            body: Ident::new(&fresh("__B"), Span::call_site()),
            hr_lt: Lifetime::new(&format!("'{}", fresh("__x")), Span::call_site()),
            skip: {
                let mut skip = Vec::with_capacity(container.skip.len());
                for s in &container.skip {
                    skip.push(s.to_string());
                }
                skip
            },
        }
    }

    /// For the fallback after an error: the options that parse, errors ignored (they were
    /// reported by the failed expansion).
    pub(crate) fn lenient(node: &DeriveInput) -> Self {
        let cx = Ctxt::new();
        let container = attr::container_attrs(&cx, &node.attrs);
        let _ = cx.check();
        Names::new(node, &container)
    }

    /// Whether the impl of `feature` (as `cfg!` spells it, `-` as `_`) is emitted.
    fn emits(&self, feature: &str) -> bool {
        for s in &self.skip {
            if s == feature {
                return false;
            }
        }
        true
    }

    /// Whether the tracing log call is emitted.
    pub(crate) fn logs(&self) -> bool {
        cfg!(feature = "tracing") && self.emits("tracing")
    }

    /// Whether every `__problem` arm passes the variant's name and code (`__p.variant`): for a
    /// custom format (`Details::variant`, `Details::code`) and for the protocol adapters
    /// (gRPC's `ErrorInfo.reason`, GraphQL's `code`), which read them whatever the format.
    pub(crate) fn names_variants(&self, custom_format: bool) -> bool {
        custom_format || cfg!(feature = "tonic") || cfg!(feature = "async-graphql")
    }

    /// Whether `__problem` passes the name of the crate that defines the type (`__p.domain`):
    /// for gRPC's `ErrorInfo.domain`.
    pub(crate) fn names_domain(&self) -> bool {
        cfg!(feature = "tonic")
    }

    /// Whether `HttpStatus::__openapi` is emitted: with either generator's feature, whatever
    /// `skip(...)` says. `skip(utoipa)` / `skip(aide)` leave out this type's own impl only: an
    /// outer type still documents its variants through a transparent variant, as it lists its
    /// statuses.
    pub(crate) fn documents(&self) -> bool {
        cfg!(feature = "utoipa") || cfg!(feature = "aide") || cfg!(feature = "poem-openapi")
    }
}

/// The method bodies of the `HttpStatus` impl.
pub(crate) struct Bodies {
    pub status: TokenStream,
    pub problem: TokenStream,
    /// Further items of the impl (`statuses`, `__openapi`).
    pub extra: TokenStream,
    /// The body of `DetailText::__detail`, for a type with a `#[problem(detail = ...)]`.
    pub detail: Option<TokenStream>,
}

/// The generic parameters of an impl, without defaults; `extra` is appended.
fn impl_params(generics: &Generics, extra: Option<TokenStream>) -> TokenStream {
    let mut params = TokenStream::new();
    for p in &generics.params {
        let cs = Span::call_site();
        match p {
            GenericParam::Lifetime(l) => l.to_tokens(&mut params),
            GenericParam::Type(t) if t.bounds.is_empty() => t.ident.to_tokens(&mut params),
            GenericParam::Type(t) => toks_into(&mut params, cs, "$0 : $1", &[&t.ident, &t.bounds]),
            GenericParam::Const(c) => toks_into(&mut params, cs, "const $0 : $1", &[&c.ident, &c.ty]),
        }
        toks_into(&mut params, cs, ",", &[]);
    }
    if let Some(extra) = extra {
        append(&mut params, extra);
    }
    if params.is_empty() {
        TokenStream::new()
    } else {
        q("< $0 >", &[&params])
    }
}

fn where_clause(generics: &Generics, extra: &[TokenStream]) -> TokenStream {
    // Loops, not iterator chains: each adapter and closure would be generic code built into
    // this crate.
    let mut preds = TokenStream::new();
    if let Some(w) = &generics.where_clause {
        for p in &w.predicates {
            p.to_tokens(&mut preds);
            toks_into(&mut preds, Span::call_site(), ",", &[]);
        }
    }
    for p in extra {
        append(&mut preds, p.clone());
        toks_into(&mut preds, Span::call_site(), ",", &[]);
    }
    if preds.is_empty() {
        TokenStream::new()
    } else {
        q("where $0", &[&preds])
    }
}

/// The names of generated bindings (parameters, match bindings, locals).
fn binding_names(node: &DeriveInput) -> Vec<Ident> {
    let mut fields = 0;
    match &node.data {
        syn::Data::Struct(data) => fields = data.fields.len(),
        syn::Data::Enum(data) => {
            for v in &data.variants {
                fields = fields.max(v.fields.len());
            }
        }
        syn::Data::Union(_) => {}
    }
    let mut out = Vec::with_capacity(5 + fields);
    for name in ["__e", "__p", "__d", "__v", "__with"] {
        out.push(Ident::new(name, Span::call_site()));
    }
    for i in 0..fields {
        out.push(Ident::new(&format!("__field{i}"), Span::call_site()));
    }
    out
}

/// Every impl the derive emits, with the method bodies given, in one `const _: () = { ... };`
/// block.
///
/// A binding cannot shadow a constant in scope (E0530), and a user's `const __field0` would
/// otherwise be in scope of the generated match arms. The block declares a function of each
/// binding's name first: an item in the block shadows the user's constant, and a binding may
/// shadow a function.
pub(crate) fn impls(node: &DeriveInput, names: &Names, bounds: &[TokenStream], bodies: &Bodies) -> TokenStream {
    const_block(&binding_names(node), impl_items(node, names, bounds, bodies))
}

/// `items` in a `const _: () = { ... };` block that first declares a function of each name in
/// `shadows`, the bindings the items use (see [`impls`]).
pub(crate) fn const_block(shadows: &[Ident], items: TokenStream) -> TokenStream {
    let mut fns = TokenStream::new();
    for shadow in shadows {
        toks_into(
            &mut fns,
            Span::call_site(),
            "# [ allow ( dead_code , non_snake_case , clippy :: all ) ] fn $0 ( ) { }",
            &[shadow],
        );
    }
    crate::template::fill(
        "#[doc(hidden)]
        #[allow(non_upper_case_globals, unused_qualifications, unused_attributes)]
        const _: () = {
            $fns
            $items
        };",
        &[("fns", &fns), ("items", &items)],
    )
}

fn impl_items(node: &DeriveInput, names: &Names, bounds: &[TokenStream], bodies: &Bodies) -> TokenStream {
    let Bodies { status: status_body, problem: problem_body, extra, detail } = bodies;
    let Names { krate, lt, body, hr_lt, .. } = names;
    let ident = &node.ident;
    let generics = &node.generics;
    let (_, ty_generics, _) = generics.split_for_impl();
    let ty = q("$0 $1", &[ident, &ty_generics]);
    let params = impl_params(generics, None);
    let where_ = where_clause(generics, bounds);
    let body_param = impl_params(generics, Some(body.to_token_stream()));
    let mut body_bounds = bounds.to_vec();
    body_bounds.push(q("$0 : :: core :: convert :: From < :: std :: string :: String >", &[body]));
    let body_where = where_clause(generics, &body_bounds);
    // `skip(tracing)`: no event for this type's responses, whatever the inner errors say.
    let silence = if names.emits("tracing") { TokenStream::new() } else { q("__p . no_log ( ) ;", &[]) };
    let (lt, body) = (lt.to_token_stream(), body.to_token_stream());
    // The attributes of each impl, written once.
    let attrs = crate::template::fill(
        "#[automatically_derived]
        #[allow(unused_qualifications, unused_mut, deprecated, clippy::all, clippy::pedantic)]",
        &[],
    );
    let mut out = crate::template::fill(
        "$attrs
        impl $params $krate::HttpStatus for $ty $where_ {
            #[inline]
            fn status(&self) -> $krate::__private::http::StatusCode {
                $status_body
            }

            #[doc(hidden)]
            fn __problem<$lt>(&$lt self, mut __p: &mut $krate::__private::Problem<$lt>) {
                $silence
                $problem_body
            }

            $extra
        }

        $attrs
        impl $params ::core::convert::From<&$ty> for $krate::__private::http::StatusCode $where_ {
            #[inline]
            fn from(mut __e: &$ty) -> Self {
                $krate::HttpStatus::status(__e)
            }
        }

        $attrs
        impl $params ::core::convert::From<$ty> for $krate::__private::http::StatusCode $where_ {
            #[inline]
            fn from(mut __e: $ty) -> Self {
                $krate::HttpStatus::status(&__e)
            }
        }

        $attrs
        impl $body_param ::core::convert::From<$ty> for $krate::__private::http::Response<$body> $body_where {
            fn from(mut __e: $ty) -> Self {
                $krate::__private::into_response(&__e)
            }
        }",
        &[
            ("attrs", &attrs),
            ("params", &params),
            ("krate", krate),
            ("ty", &ty),
            ("where_", &where_),
            ("status_body", status_body),
            ("lt", &lt),
            ("silence", &silence),
            ("problem_body", problem_body),
            ("extra", extra),
            ("body_param", &body_param),
            ("body", &body),
            ("body_where", &body_where),
        ],
    );
    if let Some(detail) = detail {
        append(
            &mut out,
            crate::template::fill(
                "$attrs
            impl $params $krate::__private::DetailText for $ty $where_ {
                fn __detail(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    $detail
                }
            }",
                &[
                    ("attrs", &attrs),
                    ("params", &params),
                    ("krate", krate),
                    ("ty", &ty),
                    ("where_", &where_),
                    ("detail", detail),
                ],
            ),
        );
    }
    // One invocation of `__errstatus_<feature>!` per framework and document generator of
    // SKIPPABLE that `#[errstatus(skip(...))]` does not name (`tracing` is a log call, not an
    // impl); the runtime's `macro_rules!` expands it to the impl when its feature is on, to
    // nothing otherwise (errstatus-core's derived.rs).
    for &feature in attr::SKIPPABLE {
        if feature == "tracing" || !names.emits(feature) {
            continue;
        }
        let where_ = if feature == "actix_web" {
            // `ResponseError` needs `Debug`. Behind a higher-ranked binder the bound is not
            // checked where the impl is written: a type without `Debug` compiles and has no
            // such impl, since another crate of the build may have turned the feature on.
            let mut actix_bounds = bounds.to_vec();
            actix_bounds.push(q("for < $0 > $1 : :: core :: fmt :: Debug + :: core :: fmt :: Display", &[hr_lt, &ty]));
            where_clause(generics, &actix_bounds)
        } else {
            where_.clone()
        };
        let mac = Ident::new(&format!("__errstatus_{feature}"), Span::call_site());
        toks_into(
            &mut out,
            Span::call_site(),
            "$0 :: __private :: $1 ! { [ $2 ] [ $3 ] [ $4 ] }",
            &[krate, &mac, &params, &ty, &where_],
        );
    }
    out
}
