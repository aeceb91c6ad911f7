//! `#[errstatus(decode)]`: `impl errstatus::FromProblem`, the checked model -> tokens (the
//! rules are valid.rs's `check_decode`). Emitted only with `decode`: a type without it expands
//! as if this file did not exist.
//!
//! The impl lists the variants it decodes as candidates (type URI, status) and lets the runtime
//! pick one (`Received::pick`); then it builds that variant, each field from where the response
//! carries it (`valid::decode_source`). Order: the type's own variants of the response's type URI
//! and status; else the transparent variants, in declaration order, each through its inner
//! type; else the own variant whose status is decided at run time.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::DeriveInput;

use crate::ast::{Field, Kind};
use crate::expand::{header_name, local, opt_str};
use crate::impls::Names;
use crate::template::{q, toks, toks_into};
use crate::valid::{decode_source, decoded, Arm, ArmBody, Model, Source, StatusSrc};

/// The `FromProblem` impl of a checked input with `decode`, in a `const _` block of its own.
pub(crate) fn expand(model: &Model, names: &Names) -> TokenStream {
    let input = model.input;
    let krate = &names.krate;
    let (mut candidates, mut builds, mut inner) = (TokenStream::new(), TokenStream::new(), TokenStream::new());
    let mut count = 0usize;
    for arm in &model.arms {
        if !decoded(input, arm) {
            continue;
        }
        let value = build(model, arm, krate);
        match &arm.body {
            ArmBody::Transparent(..) => toks_into(
                &mut inner,
                Span::call_site(),
                "if let :: core :: option :: Option :: Some ( __v ) = ( || $0 ) ( ) \
                 { return :: core :: option :: Option :: Some ( __v ) ; }",
                &[&value],
            ),
            ArmBody::Own(resp) => {
                // A written `about:blank` is no type URI: the runtime reads it as none.
                let type_ = match resp.type_.as_deref() {
                    Some("about:blank") | None => opt_str(None),
                    type_ => opt_str(type_),
                };
                let status = match &resp.status {
                    StatusSrc::Code(entry, _) => q(":: core :: option :: Option :: Some ( $0 )", &[&entry.code]),
                    _ => q(":: core :: option :: Option :: None", &[]),
                };
                toks_into(
                    &mut candidates,
                    Span::call_site(),
                    "$0 :: __private :: Candidate { type_ : $1 , status : $2 } ,",
                    &[krate, &type_, &status],
                );
                toks_into(&mut builds, Span::call_site(), "$0 => $1 ,", &[&count, &value]);
                count += 1;
            }
        }
    }
    let ident = input.original.ident.to_token_stream();
    // A binding cannot shadow a constant in scope (E0530): functions of the bindings' names
    // shadow a user's constants first (see impls.rs's `impls`).
    let shadows = ["__r", "__s", "__h", "__b", "__i", "__v", "__c", "__build"].map(local);
    let items = crate::template::fill(
        "#[automatically_derived]
        #[allow(unused_qualifications, deprecated, clippy::all, clippy::pedantic)]
        impl $krate::FromProblem for $ident {
            fn from_problem(
                __s: $krate::__private::http::StatusCode,
                __h: &$krate::__private::http::HeaderMap,
                __b: &[u8],
            ) -> ::core::result::Result<Self, $krate::Undecoded> {
                $krate::__private::from_problem::<Self>(__s, __h, __b)
            }

            #[doc(hidden)]
            fn __from_received(__r: &$krate::__private::Received<'_>) -> ::core::option::Option<Self> {
                let __build = |__i: usize| -> ::core::option::Option<Self> {
                    match __i {
                        $builds
                        _ => ::core::option::Option::None,
                    }
                };
                let __c: &[$krate::__private::Candidate] = &[$candidates];
                if let ::core::option::Option::Some(__i) = __r.pick(__c, false) {
                    return __build(__i);
                }
                $inner
                match __r.pick(__c, true) {
                    ::core::option::Option::Some(__i) => __build(__i),
                    ::core::option::Option::None => ::core::option::Option::None,
                }
            }
        }",
        &[("krate", krate), ("ident", &ident), ("builds", &builds), ("candidates", &candidates), ("inner", &inner)],
    );
    crate::impls::const_block(&shadows, items)
}

/// `Some(Self::Variant { field: <from the response>?, ... })`.
fn build(model: &Model, arm: &Arm, krate: &TokenStream) -> TokenStream {
    let path = match model.input.kind {
        Kind::Struct => q("Self", &[]),
        Kind::Enum => q("Self :: $0", &[arm.variant.ident]),
    };
    let mut fields = TokenStream::new();
    for f in &arm.variant.fields {
        let value = field_value(arm, f, krate);
        toks_into(&mut fields, Span::call_site(), "$0 : $1 ? ,", &[&f.member, &value]);
    }
    q(":: core :: option :: Option :: Some ( $0 { $1 } )", &[&path, &fields])
}

/// A field's value as an `Option`, spanned at the field's type so that a trait it lacks
/// (`Deserialize`, `FromStr`, `Default`, `FromProblem`) is reported on the field.
fn field_value(arm: &Arm, field: &Field, krate: &TokenStream) -> TokenStream {
    let ty = field.ty;
    let span = ty.span();
    let r = local("__r");
    // valid.rs's `check_decode_field` reported every field without a source.
    let Ok(source) = decode_source(arm, field) else { return q(":: core :: option :: Option :: None", &[]) };
    // `FromStr` of the field's type, as a function.
    let parse = toks(span, "< $0 as $1 :: DecodeText > :: __parse", &[ty, krate]);
    match source {
        Source::Member(name) => {
            let decode = toks(span, "< $0 as $1 :: DecodeMember > :: __decode", &[ty, krate]);
            q("$0 . member ( $1 , $2 )", &[&r, &name, &decode])
        }
        Source::MemberText(name) => q("$0 . member_str ( $1 , $2 )", &[&r, &name, &parse]),
        Source::Instance => q("$0 . instance ( $1 )", &[&r, &parse]),
        Source::Header(key, optional) => {
            let name = header_name(key, krate);
            match if optional { crate::extras::option_inner(ty) } else { None } {
                Some(inner) => {
                    let parse = toks(span, "< $0 as $1 :: DecodeText > :: __parse", &[inner, krate]);
                    q("$0 . header_opt ( & $1 , $2 )", &[&r, &name, &parse])
                }
                None => q("$0 . header ( & $1 , $2 )", &[&r, &name, &parse]),
            }
        }
        Source::Status => q("$0 . status ( )", &[&r]),
        Source::StatusOr(code) => q("$0 . status_or ( $1 )", &[&r, &code]),
        Source::Inner => toks(span, "< $0 as $1 :: FromProblem > :: __from_received ( $2 )", &[ty, krate, &r]),
        Source::Skip => toks(span, "< $0 as $1 :: SkipDecode > :: __skipped ( )", &[ty, krate]),
    }
}

/// After an error, with `decode`: a stub impl, so that code calling `from_problem` adds no
/// second wave of errors.
pub(crate) fn fallback(node: &DeriveInput, names: &Names) -> TokenStream {
    let cx = crate::ctxt::Ctxt::new();
    let decode = crate::attr::container_attrs(&cx, &node.attrs).decode.is_some();
    // Errors ignored: the failed expansion reported them.
    let _ = cx.check();
    if !decode {
        return TokenStream::new();
    }
    let (params, ty_generics, where_) = node.generics.split_for_impl();
    let ty = params.to_token_stream();
    let (ident, generics, where_) =
        (node.ident.to_token_stream(), ty_generics.to_token_stream(), where_.to_token_stream());
    crate::template::fill(
        "#[automatically_derived]
        #[allow(unused_qualifications, clippy::all)]
        impl $params $krate::FromProblem for $ident $generics $where_ {
            fn from_problem(
                _: $krate::__private::http::StatusCode,
                _: &$krate::__private::http::HeaderMap,
                _: &[u8],
            ) -> ::core::result::Result<Self, $krate::Undecoded> {
                ::core::unreachable!()
            }
        }",
        &[("params", &ty), ("krate", &names.krate), ("ident", &ident), ("generics", &generics), ("where_", &where_)],
    )
}
