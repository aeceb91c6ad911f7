//! Model -> tokens. Cannot fail: it only sees a model that valid.rs checked without error
//! (the fallible driver, `try_expand`, is in lib.rs).
//!
//! The expansion stays thin: one `match` arm per variant in `__status_code()` (status and code
//! together), one in `__problem` only for variants with more than a code (the others share a
//! wildcard arm), and the rest (status text, body, header values, framework types) lives in the
//! runtime's `__private` module, compiled once. Every path starts at the crate path of `impls::Names`.

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::spanned::Spanned;

use crate::ast::{Field, Input, Kind, Variant};
use crate::attr::MemberHow;
use crate::extras::{Extras, HeaderHow, HeaderKey};
use crate::impls::{self, Bodies, Names};
use crate::template::{append, push, q, toks, toks_into};
use crate::valid::{Arm, ArmBody, Model, Response, StatusSrc};

/// The expansion of one checked input, with its names.
struct Gen<'a> {
    model: &'a Model<'a>,
    input: &'a Input<'a>,
    names: Names,
    /// What the patterns start with: the enum's name, else `Self`.
    this: Ident,
    /// `{ .. }`, made once and copied into each pattern that binds nothing.
    rest: Group,
}

/// The impls of a checked input.
pub(crate) fn expand(model: &Model) -> TokenStream {
    let input = model.input;
    let g = Gen { model, input, names: Names::new(input.original, &input.container), this: this(input), rest: rest() };
    let krate = &g.names.krate;
    // `__problem` needs an arm only for variants with more than a code; the rest share one
    // wildcard arm that takes the code from `status()`. Half the arms for rustc to check.
    // Where the variant's name and code are read (a custom format's `Details::variant`, the
    // protocol adapters) every arm names its variant: no wildcard arm.
    let format = input.container.format.as_ref();
    let named = g.names.names_variants(format.is_some());
    let mut problem_arms = TokenStream::new();
    let mut any_plain = false;
    for arm in &model.arms {
        if !named && is_plain(arm) {
            any_plain = true;
        } else {
            append(&mut problem_arms, g.problem_arm(arm));
        }
    }
    if any_plain {
        append(&mut problem_arms, g.default_problem_arm());
    }
    let p = local("__p");
    // The error itself for `SerdeJson` (its bound `Self: Serialize` is checked there, on the
    // format's path), nothing for the other formats: see `__private::Whole`.
    // `self` resolves at the call site (the format's tokens may come from a `macro_rules!`
    // fragment, whose hygiene has no `self`), but is reported at the format's path.
    let mut set_format = TokenStream::new();
    if let Some(ty) = format {
        let me = Ident::new("self", Span::call_site().located_at(ty.span()));
        toks_into(
            &mut set_format,
            ty.span(),
            "$0 . format :: < $1 > ( ) ; { # [ allow ( unused_imports ) ] use $2 :: __private :: NotWhole as _ ; \
             $0 . whole ( $2 :: __private :: Whole :: < $1 > :: new ( ) . whole ( $3 ) ) ; }",
            &[&p, ty, krate, &me],
        );
    }
    // The crate that defines the type, for gRPC's `ErrorInfo.domain`: once per `__problem`.
    let mut set_domain = TokenStream::new();
    if g.names.names_domain() {
        toks_into(
            &mut set_domain,
            Span::call_site(),
            "$0 . domain ( :: core :: option_env ! ( $1 ) ) ;",
            &[&p, &"CARGO_PKG_NAME"],
        );
    }
    let (status, problem) = if input.variants.is_empty() {
        (q("match * self { }", &[]), q("match * self { }", &[]))
    } else {
        // `match *self` with `ref` bindings: a `ref` pattern is always a new binding, never a
        // constant in scope that happens to have the same name.
        (
            q("$0 :: HttpStatus :: __status_code ( self ) . $1", &[krate, &Literal::usize_unsuffixed(0)]),
            q("$0 $1 match * self { $2 }", &[&set_format, &set_domain, &problem_arms]),
        )
    };
    let bodies = Bodies { status, problem, extra: g.items(), detail: g.detail_fn() };
    let bounds = g.bounds();
    let mut out = impls::impls(input.original, &g.names, &bounds, &bodies);
    if input.container.decode.is_some() {
        append(&mut out, crate::decode::expand(model, &g.names));
    }
    for (span, msg) in &model.warnings {
        append(&mut out, warning(*span, msg));
    }
    out
}

/// The first segment of every pattern. An enum's variants are named through the enum
/// (`ApiError::NotFound`), not `Self`: rustc resolves `Self::NotFound` as a type-relative path,
/// a search of the variant list per pattern, quadratic in the variants (a tenth of the build
/// of a type with 1000 of them). `Self` for a struct, and for an enum that has a generic
/// parameter of its own name (which would shadow it).
fn this(input: &Input) -> Ident {
    let node = input.original;
    let mut shadowed = false;
    for p in &node.generics.params {
        shadowed |= match p {
            syn::GenericParam::Type(t) => t.ident == node.ident,
            syn::GenericParam::Const(c) => c.ident == node.ident,
            syn::GenericParam::Lifetime(_) => false,
        };
    }
    if input.kind == Kind::Enum && !shadowed {
        let mut this = node.ident.clone();
        this.set_span(Span::call_site());
        this
    } else {
        Ident::new("Self", Span::call_site())
    }
}

/// `{ .. }`.
fn rest() -> Group {
    let mut dots = TokenStream::new();
    push(
        &mut dots,
        &[TokenTree::Punct(Punct::new('.', Spacing::Joint)), TokenTree::Punct(Punct::new('.', Spacing::Alone))],
    );
    Group::new(Delimiter::Brace, dots)
}

impl Gen<'_> {
    fn pattern(&self, variant: &Variant, bindings: &[&Field]) -> TokenStream {
        let mut out = TokenStream::new();
        self.pattern_to(&mut out, variant, bindings);
        out
    }

    /// Appends `pattern(variant, bindings)` to `out`, token by token: a large enum has a
    /// pattern per variant, and one stream per pattern is most of the derive's output time.
    fn pattern_to(&self, out: &mut TokenStream, variant: &Variant, bindings: &[&Field]) {
        if self.input.kind == Kind::Enum {
            push(
                out,
                &[
                    TokenTree::Ident(self.this.clone()),
                    TokenTree::Punct(Punct::new(':', Spacing::Joint)),
                    TokenTree::Punct(Punct::new(':', Spacing::Alone)),
                    TokenTree::Ident(variant.ident.clone()),
                ],
            );
        } else {
            push(out, &[TokenTree::Ident(self.this.clone())]);
        }
        if variant.unit {
            return;
        }
        if bindings.is_empty() {
            push(out, &[TokenTree::Group(self.rest.clone())]);
            return;
        }
        let mut inner = TokenStream::new();
        for f in bindings {
            let member = &f.member;
            let var = binding(f);
            toks_into(&mut inner, Span::call_site(), "$0 : ref $1 ,", &[member, &var]);
        }
        push(
            &mut inner,
            &[TokenTree::Punct(Punct::new('.', Spacing::Joint)), TokenTree::Punct(Punct::new('.', Spacing::Alone))],
        );
        push(out, &[TokenTree::Group(Group::new(Delimiter::Brace, inner))]);
    }

    /// `<Inner as HttpStatus>::method`, spanned at the field's type: every use of a
    /// transparent field names the same type at the same place, so a missing `HttpStatus` is
    /// one error on the field's type.
    fn inner(&self, field: &Field, method: &str) -> TokenStream {
        let krate = &self.names.krate;
        let method = Ident::new(method, Span::call_site());
        toks(field_span(field), "< $0 as $1 :: HttpStatus > :: $2", &[field.ty, krate, &method])
    }

    /// The field a status is read from at run time.
    fn status_field<'f>(&self, status: &StatusSrc<'f>) -> Option<&'f Field<'f>> {
        match status {
            StatusSrc::Code(..) | StatusSrc::WithSelf(_) => None,
            StatusSrc::Field(f) | StatusSrc::OptionField(f, ..) | StatusSrc::With(_, f) => Some(f),
        }
    }

    /// The status as an expression, with the status field bound.
    fn status_expr(&self, status: &StatusSrc) -> TokenStream {
        let krate = &self.names.krate;
        let http_status = q("$0 :: __private :: http :: StatusCode", &[krate]);
        match status {
            StatusSrc::Code(entry, span) => status_in(entry, *span, krate, &http_status),
            StatusSrc::Field(f) => toks(field_span(f), "* $0", &[&binding(f)]),
            StatusSrc::OptionField(f, entry, span) => {
                let fallback = status_in(entry, *span, krate, &http_status);
                let option = q(":: core :: option :: Option", &[]);
                toks(field_span(f), "$0 :: unwrap_or ( * $1 , $2 )", &[&option, &binding(f), &fallback])
            }
            StatusSrc::With(path, f) => toks(
                path.span(),
                "{ let $0 : fn ( & _ ) -> $1 = $2 ; $0 ( $3 ) }",
                &[&local("__with"), &http_status, path, &binding(f)],
            ),
            StatusSrc::WithSelf(path) => toks(
                path.span(),
                "{ let $0 : fn ( & Self ) -> $1 = $2 ; $0 ( $3 ) }",
                &[&local("__with"), &http_status, path, &local("self")],
            ),
        }
    }

    fn problem_arm(&self, arm: &Arm) -> TokenStream {
        match &arm.body {
            ArmBody::Transparent(field, extras) => {
                let mut used = extras.fields();
                used.push(field);
                let pat = self.pattern(arm.variant, &sorted(used));
                let var = binding(field);
                let call = self.inner(field, "__problem");
                // The inner error's response, its format included.
                // Before the inner error's: the first level set wins.
                let mut calls = self.log_level(arm);
                if self.input.container.format.is_some() {
                    toks_into(&mut calls, Span::call_site(), "__p . default_format ( ) ;", &[]);
                }
                toks_into(&mut calls, Span::call_site(), "$0 ( $1 , & mut * __p ) ;", &[&call, &var]);
                if !extras.headers.is_empty() || !extras.extensions.is_empty() {
                    // The siblings' fields and members replace the inner error's.
                    toks_into(&mut calls, Span::call_site(), "__p . siblings ( ) ;", &[]);
                }
                append(&mut calls, self.extras_calls(extras, true));
                q("$0 => { $1 }", &[&pat, &calls])
            }
            ArmBody::Own(resp) => {
                let mut used = resp.extras.fields();
                used.extend(self.status_field(&resp.status));
                let pat = self.pattern(arm.variant, &sorted(used));
                let code = self.status_expr(&resp.status);
                let mut calls = self.log_level(arm);
                append(
                    &mut calls,
                    match resp.expose {
                        Some(expose) => q("__p . status ( $0 , self , $1 ) ;", &[&code, &expose]),
                        None => q("__p . status_by_class ( $0 , self ) ;", &[&code]),
                    },
                );
                // The error's `source()` chain for an event at ERROR: a 5xx's (or one whose
                // status is decided at run time), or any under a `log` option.
                let below_500 = matches!(&resp.status, StatusSrc::Code(entry, _) if entry.code < 500);
                if self.names.logs() && (!below_500 || self.level(arm).is_some()) {
                    append(&mut calls, self.error_call());
                }
                // The name and code only where they are read (a custom format, the protocol
                // adapters: every variant has its arm then), so plain variants keep sharing the
                // wildcard arm otherwise.
                if self.names.names_variants(self.input.container.format.is_some()) {
                    let name = arm.variant.ident.to_string();
                    let name = crate::names::unraw(&name);
                    let code = &resp.code;
                    toks_into(&mut calls, Span::call_site(), "__p . variant ( $0 , $1 ) ;", &[&name, code]);
                }
                if resp.detail.is_some() {
                    toks_into(&mut calls, Span::call_site(), "__p . detail_text ( self ) ;", &[]);
                }
                if let Some(number) = resp.grpc {
                    // Whatever the features: a type compiles the same with and without `tonic`.
                    let number = proc_macro2::Literal::u8_unsuffixed(number);
                    toks_into(&mut calls, Span::call_site(), "__p . grpc ( $0 ) ;", &[&number]);
                }
                if resp.type_.is_some() || resp.title.is_some() {
                    let ty = opt_str(resp.type_.as_deref());
                    let title = opt_str(resp.title.as_deref());
                    toks_into(&mut calls, Span::call_site(), "__p . kind ( $0 , $1 ) ;", &[&ty, &title]);
                }
                append(&mut calls, self.extras_calls(&resp.extras, false));
                q("$0 => { $1 }", &[&pat, &calls])
            }
        }
    }

    /// The body of `DetailText::__detail`: one arm per variant with a `#[problem(detail)]`,
    /// its fields bound and passed by name (`__field0 = __field0`) to `write!`; `None` when no
    /// variant has one.
    fn detail_fn(&self) -> Option<TokenStream> {
        let mut arms = TokenStream::new();
        for arm in &self.model.arms {
            let ArmBody::Own(Response { detail: Some(detail), .. }) = &arm.body else { continue };
            let mut used: Vec<&Field> = Vec::with_capacity(detail.fields.len());
            for (f, _) in &detail.fields {
                used.push(*f);
            }
            let used = sorted(used);
            let pat = self.pattern(arm.variant, &used);
            let mut args = TokenStream::new();
            for f in &used {
                toks_into(&mut args, Span::call_site(), ", $0 = $0", &[&binding(f)]);
            }
            let format = &detail.format;
            toks_into(
                &mut arms,
                Span::call_site(),
                "$0 => :: core :: write ! ( __f , $1 $2 ) ,",
                &[&pat, format, &args],
            );
        }
        if arms.is_empty() {
            return None;
        }
        Some(q(
            "match * self { $0 # [ allow ( unreachable_patterns ) ] _ => :: core :: result :: Result :: Ok ( ( ) ) , }",
            &[&arms],
        ))
    }

    /// The header name as a `http::HeaderName` expression.
    fn header_name(&self, key: &HeaderKey) -> TokenStream {
        header_name(key, &self.names.krate)
    }

    /// Header fields, fixed values and problem members. After a transparent field, fixed values
    /// only fill in what the inner error did not send.
    fn extras_calls(&self, extras: &Extras, transparent: bool) -> TokenStream {
        let krate = &self.names.krate;
        let mut calls = TokenStream::new();
        let (p, v, with) = (local("__p"), local("__v"), local("__with"));
        let some = q(":: core :: option :: Option :: Some", &[]);
        for h in &extras.headers {
            let var = binding(h.field);
            let name = self.header_name(&h.key);
            let ty_span = field_span(h.field);
            match &h.how {
                HeaderHow::Value => header_call(&mut calls, h.field.ty, ty_span, &name, &var),
                HeaderHow::Optional(inner) => {
                    let mut call = TokenStream::new();
                    header_call(&mut call, inner, ty_span, &name, &v);
                    toks_into(&mut calls, ty_span, "if let $0 ( ref $1 ) = * $2 { $3 }", &[&some, &v, &var, &call]);
                }
                HeaderHow::With(path) => {
                    let ret = q(":: core :: option :: Option < $0 :: __private :: http :: HeaderValue >", &[krate]);
                    toks_into(
                        &mut calls,
                        path.span(),
                        "{ let $0 : fn ( & _ ) -> $1 = $2 ; if let $3 ( mut $4 ) = $0 ( $5 ) { $6 . header_value ( $7 , $4 ) ; } }",
                        &[&with, &ret, path, &some, &v, &var, &p, &name],
                    );
                }
            }
        }
        // After the fields: a fixed value of a name whose field sent nothing (and after a
        // transparent field, of a name the inner error did not send) fills in.
        for fixed in &extras.fixed {
            let name = self.header_name(&fixed.key);
            let method = local(if transparent || fixed.default { "header_default" } else { "header_value" });
            toks_into(
                &mut calls,
                Span::call_site(),
                "__p . $0 ( $1 , $2 :: __private :: http :: HeaderValue :: from_static ( $3 ) ) ;",
                &[&method, &name, krate, &fixed.value],
            );
        }
        if let Some(field) = extras.instance {
            toks_into(&mut calls, field_span(field), "$0 . instance ( $1 ) ;", &[&p, &binding(field)]);
        }
        for (name, field, how) in &extras.extensions {
            let var = binding(field);
            match how {
                MemberHow::Serialize => {
                    toks_into(&mut calls, field_span(field), "$0 . extension ( $1 , $2 ) ;", &[&p, name, &var])
                }
                MemberHow::Display => {
                    toks_into(&mut calls, field_span(field), "$0 . extension_display ( $1 , $2 ) ;", &[&p, name, &var])
                }
                MemberHow::With(path) => {
                    let value = q("$0 :: __private :: serde_json :: Value", &[krate]);
                    toks_into(
                        &mut calls,
                        path.span(),
                        "{ let $0 : fn ( & $1 ) -> $2 = $3 ; $4 . extension_with ( $5 , $6 , $0 ) ; }",
                        &[&with, field.ty, &value, path, &p, name, &var],
                    );
                }
            }
        }
        calls
    }

    /// The `__problem` arm of all plain variants.
    /// The `log` level of an arm: the variant's `#[errstatus(log)]`, else the type's.
    fn level(&self, arm: &Arm) -> Option<u8> {
        match arm.variant.attrs.log {
            Some(level) => Some(level),
            None => self.input.container.log,
        }
    }

    /// `__p.log_level(N);` for an arm with a `log` level, first in the arm (the first level
    /// set wins, so an outer type's holds through a transparent variant).
    fn log_level(&self, arm: &Arm) -> TokenStream {
        level_call(self.level(arm))
    }

    fn default_problem_arm(&self) -> TokenStream {
        let krate = &self.names.krate;
        let mut calls = level_call(self.input.container.log);
        toks_into(
            &mut calls,
            Span::call_site(),
            "__p . status_by_class ( $0 :: HttpStatus :: status ( self ) , self ) ;",
            &[krate],
        );
        if self.names.logs() {
            append(&mut calls, self.error_call());
        }
        q("_ => { $0 }", &[&calls])
    }

    /// Without `tracing`, nothing (and none of the code below is built).
    #[cfg(not(feature = "tracing"))]
    fn error_call(&self) -> TokenStream {
        TokenStream::new()
    }

    /// Feature `tracing`: hands the error to the log of masked responses.
    #[cfg(feature = "tracing")]
    fn error_call(&self) -> TokenStream {
        let krate = &self.names.krate;
        if self.error_bound() {
            // The bound `Self: Error` is in the where-clause (see `bounds`).
            return q("__p . error ( :: core :: option :: Option :: Some ( self ) ) ;", &[]);
        }
        q(
            "{ # [ allow ( unused_imports ) ] use $0 :: __private :: { AsDynError as _ , NotDynError as _ } ; \
             __p . error ( ( & $0 :: __private :: ErrorRef ( self ) ) . as_dyn_error ( ) ) ; }",
            &[krate],
        )
    }

    /// Extra where-clause predicates for generic types.
    fn bounds(&self) -> Vec<TokenStream> {
        let input = self.input;
        let krate = &self.names.krate;
        let mut params: Vec<&Ident> = Vec::new();
        for p in input.original.generics.type_params() {
            params.push(&p.ident);
        }
        if params.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut needs_display = false;
        let mut push = |ty: &syn::Type, bound: TokenStream| {
            if mentions(ty.to_token_stream(), &params) {
                out.push(q("$0 : $1", &[ty, &bound]));
            }
        };
        for arm in &self.model.arms {
            match &arm.body {
                // `Box<Tree<T>>` in `Tree<T>`: the bound would be circular (it holds exactly
                // when the impl being written applies), so it is left out.
                ArmBody::Transparent(field, extras) => {
                    if !is_own_type(input, field.ty) {
                        push(field.ty, q("$0 :: HttpStatus", &[krate]));
                    }
                    extras_bounds(extras, &mut push);
                }
                ArmBody::Own(resp) => {
                    needs_display = true;
                    extras_bounds(&resp.extras, &mut push);
                    let detail_fields = match &resp.detail {
                        Some(d) => &d.fields[..],
                        None => &[],
                    };
                    for (f, trait_) in detail_fields {
                        if let Some(name) = trait_.path() {
                            let name = Ident::new(name, Span::call_site());
                            push(f.ty, q(":: core :: fmt :: $0", &[&name]));
                        }
                    }
                }
            }
        }
        fn extras_bounds(extras: &Extras, push: &mut dyn FnMut(&syn::Type, TokenStream)) {
            for h in &extras.headers {
                match &h.how {
                    HeaderHow::Value => push(h.field.ty, display()),
                    HeaderHow::Optional(inner) => push(inner, display()),
                    HeaderHow::With(_) => {}
                }
            }
            if let Some(f) = extras.instance {
                push(f.ty, display());
            }
        }
        fn display() -> TokenStream {
            q(":: core :: fmt :: Display", &[])
        }
        for arm in &self.model.arms {
            let extras = match &arm.body {
                ArmBody::Transparent(_, extras) => extras,
                ArmBody::Own(resp) => &resp.extras,
            };
            for (_, f, how) in &extras.extensions {
                match how {
                    MemberHow::Serialize => push(f.ty, q("$0 :: __private :: serde :: Serialize", &[krate])),
                    MemberHow::Display => push(f.ty, display()),
                    MemberHow::With(_) => {}
                }
            }
        }
        // The type itself, not `Self`: these bounds also go on `From<E> for Response<B>`.
        let ident = &input.original.ident;
        let (_, ty_generics, _) = input.original.generics.split_for_impl();
        if self.serde_bound() {
            out.push(q("$0 $1 : $2 :: __private :: serde :: Serialize", &[ident, &ty_generics, krate]));
        }
        if self.error_bound() {
            out.push(q("$0 $1 : :: std :: error :: Error", &[ident, &ty_generics]));
        } else if needs_display {
            out.push(q("$0 $1 : :: core :: fmt :: Display", &[ident, &ty_generics]));
        }
        out
    }

    /// A generic type whose format is `SerdeJson` (`format = SerdeJson` or a path ending in it,
    /// as written) gets the bound `Self: Serialize`: its body is its serde form, and serde's
    /// derive makes `Serialize` of a generic type depend on its parameters (without the bound,
    /// `__problem` could not hand itself to the format). Found by name, as thiserror finds
    /// `Backtrace`: under another name (`use errstatus::SerdeJson as Body`) a generic type gets
    /// the compile error on the format's path instead. A type without parameters needs no bound
    /// (`bounds` gives none): whether it is `Serialize` is known where the error is reported.
    fn serde_bound(&self) -> bool {
        let mut format = self.input.container.format.as_ref();
        // A `$format:ty` of a `macro_rules!` comes wrapped in an invisible group.
        while let Some(syn::Type::Group(g)) = format {
            format = Some(&g.elem);
        }
        match format {
            Some(syn::Type::Path(p)) if p.qself.is_none() => match p.path.segments.last() {
                Some(s) => s.ident == "SerdeJson" && s.arguments.is_none(),
                None => false,
            },
            _ => false,
        }
    }

    /// A generic type that derives thiserror's `Error` (it has `#[error]` attributes) and hides
    /// a 5xx detail: it gets the bound `Self: Error`, so the log of masked responses has its
    /// `source()` chain (the autoref test that non-generic types use cannot see through type
    /// parameters). The bound does not depend on the `tracing` feature: features must not
    /// change which types implement the trait.
    fn error_bound(&self) -> bool {
        fn is_error(attrs: &[syn::Attribute]) -> bool {
            for a in attrs {
                if a.path().is_ident("error") {
                    return true;
                }
            }
            false
        }
        let node = self.input.original;
        let mut generic = false;
        for p in &node.generics.params {
            generic |= matches!(p, syn::GenericParam::Type(_));
        }
        let mut hides = false;
        for arm in &self.model.arms {
            hides |= matches!(&arm.body, ArmBody::Own(r) if r.expose != Some(true));
        }
        if !generic || !hides {
            return false;
        }
        if is_error(&node.attrs) {
            return true;
        }
        if let syn::Data::Enum(data) = &node.data {
            for v in &data.variants {
                if is_error(&v.attrs) {
                    return true;
                }
            }
        }
        false
    }

    /// The body of `HttpStatus::__status_code`, which `status()` and `__code()` read: one
    /// `match` gives a variant's status and code. A variant with a status of its own gives a
    /// number, its status in the top bits and its row below (`ApiError::NotFound => 423624707`,
    /// 404 << 20 | 3); its code is in one string literal of the codes end to end, and a byte
    /// string says where each ends (`__private::row`). A transparent variant returns the inner
    /// error's; one with a run-time status returns it with its code. One match instead of one
    /// for the status and one for the code, and two literals instead of a table of tokens: on
    /// a large enum, the match is most of what the expansion costs to compile.
    fn status_code_body(&self) -> TokenStream {
        let krate = &self.names.krate;
        let name = self.input.original.ident.to_string();
        let name = crate::names::unraw(&name);
        let mut arms = TokenStream::new();
        let (mut ends, mut codes) = (Vec::new(), String::new());
        let mut count: u32 = 0;
        for arm in &self.model.arms {
            match &arm.body {
                ArmBody::Transparent(field, _) => {
                    self.pattern_to(&mut arms, arm.variant, &[field]);
                    let var = binding(field);
                    let call = self.inner(field, "__status_code");
                    toks_into(&mut arms, Span::call_site(), "=> return $0 ( $1 ) ,", &[&call, &var]);
                }
                ArmBody::Own(Response { status: StatusSrc::Code(entry, _), code, .. }) => {
                    // Token by token (a `quote!` per arm is a stream to build and then copy).
                    // The status in the top bits of the arm's value (the optimizer makes the
                    // match a table of these), the row below it.
                    self.pattern_to(&mut arms, arm.variant, &[]);
                    push(
                        &mut arms,
                        &[
                            TokenTree::Punct(Punct::new('=', Spacing::Joint)),
                            TokenTree::Punct(Punct::new('>', Spacing::Alone)),
                            TokenTree::Literal(Literal::u32_unsuffixed(u32::from(entry.code) << 20 | count)),
                            TokenTree::Punct(Punct::new(',', Spacing::Alone)),
                        ],
                    );
                    codes.push_str(code);
                    ends.extend_from_slice(&(codes.len() as u32).to_be_bytes());
                    count += 1;
                }
                ArmBody::Own(resp) => {
                    let field = self.status_field(&resp.status);
                    self.pattern_to(&mut arms, arm.variant, &field.into_iter().collect::<Vec<_>>());
                    let expr = self.status_expr(&resp.status);
                    let code = &resp.code;
                    toks_into(
                        &mut arms,
                        Span::call_site(),
                        "=> return ( $0 , $1 :: __private :: Code :: plain ( $2 , $3 ) ) ,",
                        &[&expr, krate, code, &name],
                    );
                }
            }
        }
        // The arms move into their group (interpolating the stream would copy it).
        let arms = Group::new(Delimiter::Brace, arms);
        if count == 0 {
            // Every arm returns.
            return q("match * self $0", &[&arms]);
        }
        let (ends, codes) = (Literal::byte_string(&ends), Literal::string(&codes));
        q("$0 :: __private :: row ( $1 , $2 , match * self $3 , $4 )", &[krate, &ends, &codes, &arms, &name])
    }

    /// What `HttpStatus::statuses` lists: own codes sorted at compile time, plus transparent
    /// fields' lists (the runtime stops at a type already being listed: `Box<Self>` and the
    /// like).
    fn statuses_args(&self) -> (TokenStream, TokenStream) {
        let krate = &self.names.krate;
        let mut own: Vec<&errstatus_registry::Entry> = Vec::new();
        let mut inner = Vec::new();
        for arm in &self.model.arms {
            match &arm.body {
                ArmBody::Own(resp) => own.extend(resp.status.entry()),
                ArmBody::Transparent(field, _) => inner.push(self.inner(field, "statuses")),
            }
        }
        // In code order, each once: the registry's table is sorted by code, so filtering it
        // needs no sort (a generic sort is a tenth of this crate's generated code).
        let mut in_order: Vec<&errstatus_registry::Entry> = Vec::new();
        for e in errstatus_registry::entries() {
            for o in &own {
                if o.code == e.code {
                    in_order.push(e);
                    break;
                }
            }
        }
        let mut own = TokenStream::new();
        let http_status = q("$0 :: __private :: http :: StatusCode", &[krate]);
        for e in in_order {
            append(&mut own, status_in(e, Span::call_site(), krate, &http_status));
            toks_into(&mut own, Span::call_site(), ",", &[]);
        }
        let mut fns = TokenStream::new();
        for f in inner {
            append(&mut fns, f);
            toks_into(&mut fns, Span::call_site(), ",", &[]);
        }
        (own, fns)
    }

    /// The items of the `HttpStatus` impl past `status()` and `__problem`, from one template:
    /// `statuses()`, `__code()` and `__status_code()` (see `status_code_body`), `__catalog`
    /// (see catalog.rs) and, with an OpenAPI feature, `__openapi`.
    fn items(&self) -> TokenStream {
        let krate = &self.names.krate;
        let (statuses_own, statuses_inner) = self.statuses_args();
        let (catalog_json, catalog_inner) = crate::catalog::catalog_args(self.model, &self.names);
        let openapi = if self.names.documents() { self.openapi_fn() } else { TokenStream::new() };
        crate::template::fill(
            "fn statuses() -> ::std::vec::Vec<$krate::__private::http::StatusCode> {
                $krate::__private::statuses_of::<Self>(&[$statuses_own], &[$statuses_inner])
            }

            #[inline]
            fn __code(&self) -> (&'static str, &'static str) {
                $krate::HttpStatus::__status_code(self).1.get()
            }

            #[doc(hidden)]
            #[inline]
            #[allow(unreachable_code)]
            fn __status_code(&self) -> ($krate::__private::http::StatusCode, $krate::__private::Code) {
                $status_code
            }

            #[doc(hidden)]
            fn __catalog(__d: &mut $krate::__private::Facts) {
                __d.add::<Self>($catalog_json, &[$catalog_inner]);
            }

            $openapi",
            &[
                ("krate", krate),
                ("statuses_own", &statuses_own),
                ("statuses_inner", &statuses_inner),
                ("status_code", &self.status_code_body()),
                ("catalog_json", &catalog_json),
                ("catalog_inner", &catalog_inner),
                ("openapi", &openapi),
            ],
        )
    }

    /// Without `utoipa` and `aide`, nothing (and none of the code below is built).
    #[cfg(not(any(feature = "utoipa", feature = "aide", feature = "poem-openapi")))]
    fn openapi_fn(&self) -> TokenStream {
        TokenStream::new()
    }

    /// `HttpStatus::__openapi` (feature `utoipa` or `aide`): each variant's facts for the
    /// OpenAPI document.
    #[cfg(any(feature = "utoipa", feature = "aide", feature = "poem-openapi"))]
    fn openapi_fn(&self) -> TokenStream {
        use quote::{quote, quote_spanned};
        let krate = &self.names.krate;
        let type_name = self.input.original.ident.to_string();
        let type_name = crate::names::unraw(&type_name).to_owned();
        let items = self.model.arms.iter().map(|arm| match &arm.body {
            ArmBody::Transparent(field, extras) => {
                let (ty, d) = (field.ty, local("__d"));
                if extras.headers.is_empty() && extras.fixed.is_empty() && extras.extensions.is_empty() {
                    return quote_spanned!(field_span(field)=> #d.transparent::<#ty>(););
                }
                // The outer facts the inner responses carry: the siblings' header fields and
                // members, the fixed values of the variant and the type.
                let headers = extras.headers.iter().map(|h| crate::extras::key_name(&h.key));
                let headers = headers.chain(extras.fixed.iter().map(|f| crate::extras::key_name(&f.key)));
                let exts = self.schema_fns(extras);
                let instance = extras.instance.is_some();
                let call = quote_spanned!(field_span(field)=> #d.transparent_with::<#ty>);
                quote!(#call(&[#(#headers),*], ::std::vec![#(#exts),*], #instance);)
            }
            ArmBody::Own(resp) => {
                let http_status = quote!(#krate::__private::http::StatusCode);
                let (status, runtime) = match &resp.status {
                    StatusSrc::Code(entry, span) => (status_in(entry, *span, krate, &http_status), false),
                    // Under its fallback code too (`variant_with_fallback`), as `statuses()` lists it.
                    StatusSrc::OptionField(_, entry, span) => (status_in(entry, *span, krate, &http_status), true),
                    StatusSrc::Field(_) | StatusSrc::With(..) | StatusSrc::WithSelf(_) => {
                        (quote!(#http_status::INTERNAL_SERVER_ERROR), true)
                    }
                };
                let variant = arm.variant.ident.to_string();
                let variant = crate::names::unraw(&variant);
                let name = match self.input.kind {
                    Kind::Struct => type_name.clone(),
                    Kind::Enum => format!("{type_name}::{variant}"),
                };
                let doc = &arm.variant.doc;
                let detail = opt_str(arm.variant.error_fmt.as_deref());
                let format = match &self.input.container.format {
                    Some(ty) => {
                        quote!(::core::option::Option::Some(#krate::__private::openapi::FormatDoc::of::<#ty>()))
                    }
                    None => quote!(::core::option::Option::None),
                };
                let expose = resp.expose.unwrap_or_else(|| resp.status.entry().is_none_or(|e| e.code < 500));
                let ty = opt_str(resp.type_.as_deref());
                let title = opt_str(resp.title.as_deref());
                let instance = resp.extras.instance.is_some();
                let exts = self.schema_fns(&resp.extras);
                let headers = resp.extras.headers.iter().map(|h| crate::extras::key_name(&h.key));
                let always = resp.extras.fixed.iter().filter(|f| !f.default);
                let headers = headers.chain(always.map(|f| crate::extras::key_name(&f.key)));
                let code = &resp.code;
                let add = match &resp.status {
                    StatusSrc::OptionField(..) => local("variant_with_fallback"),
                    _ => local("variant"),
                };
                quote! {
                    __d.#add(#krate::__private::openapi::Variant {
                        status: #status,
                        runtime: #runtime,
                        format: #format,
                        name: #name,
                        code: #code,
                        doc: #doc,
                        detail: #detail,
                        expose: #expose,
                        type_: #ty,
                        title: #title,
                        instance: #instance,
                        extensions: ::std::vec![#(#exts),*],
                        headers: ::std::vec![#(#headers),*],
                    });
                }
            }
        });
        quote! {
            #[doc(hidden)]
            fn __openapi(mut __d: &mut #krate::__private::openapi::Docs) {
                #(#items)*
            }
        }
    }

    /// `(name, schema)` of each extension member, the schema probed from the field's type.
    #[cfg(any(feature = "utoipa", feature = "aide", feature = "poem-openapi"))]
    fn schema_fns<'e>(&'e self, extras: &'e Extras) -> impl Iterator<Item = TokenStream> + 'e {
        use quote::quote;
        let krate = &self.names.krate;
        extras.extensions.iter().map(move |(n, f, how)| {
            let fty = match how {
                MemberHow::Serialize => f.ty.to_token_stream(),
                // A Display text: a string.
                MemberHow::Display => quote!(::std::string::String),
                // Any JSON value.
                MemberHow::With(_) => return quote!((#n, #krate::__private::openapi::SchemaFn::NONE)),
            };
            quote!((#n, {
                #[allow(unused_imports)]
                use #krate::__private::openapi::{HasSchema as _, NoSchema as _};
                (&#krate::__private::openapi::Probe::<#fty>::new()).schema_fn()
            }))
        })
    }
}

/// The binding of a field in a match arm, spanned at the field's type so that a missing
/// trait (`Display`, `Serialize`, `HttpStatus`) is reported on the field.
fn binding(field: &Field) -> Ident {
    Ident::new(&format!("__field{}", field.index), field_span(field))
}

/// The code as `<status_code_path>::NAME`, or through `__private::code` for a code the `http`
/// crate has no constant for (104).
pub(crate) fn status_in(
    entry: &errstatus_registry::Entry,
    span: Span,
    krate: &TokenStream,
    status_code_path: &TokenStream,
) -> TokenStream {
    match entry.http_const() {
        Some(name) => q("$0 :: $1", &[status_code_path, &Ident::new(name, span)]),
        None => q("$0 :: __private :: code ( $1 )", &[krate, &entry.code]),
    }
}

enum HeaderKind {
    /// `&str`: copied into the header value as it is.
    Str,
    /// An integer type `http::HeaderValue` converts from directly.
    Int,
    /// Anything else: through Display.
    Display,
}

/// How a `#[header]` field's value becomes a header value, by its written type. The common
/// types skip `core::fmt`; all others go through Display. A type written `String` may be the
/// user's own type of that name, so it goes through Display too (which for the standard one
/// writes the text as it is).
fn header_kind(ty: &syn::Type) -> HeaderKind {
    /// The name of a type written as one identifier.
    fn ident_of(ty: &syn::Type) -> Option<String> {
        match ty {
            syn::Type::Path(p) if p.qself.is_none() && p.path.segments.len() == 1 => {
                let seg = &p.path.segments[0];
                if seg.arguments.is_none() {
                    Some(seg.ident.to_string())
                } else {
                    None
                }
            }
            _ => None,
        }
    }
    let (ty, reference) = match ty {
        syn::Type::Reference(r) if r.mutability.is_none() => (&*r.elem, true),
        _ => (ty, false),
    };
    match (ident_of(ty).as_deref(), reference) {
        (Some("str"), true) => HeaderKind::Str,
        (Some("u16" | "i16" | "u32" | "i32" | "u64" | "i64" | "usize" | "isize"), false) => HeaderKind::Int,
        _ => HeaderKind::Display,
    }
}

/// Whether a variant has nothing but its code, with the detail shown or hidden as its class
/// says: then the wildcard arm of `__problem` covers it.
/// `__p.log_level(N);`, or nothing without a level.
fn level_call(level: Option<u8>) -> TokenStream {
    match level {
        Some(level) => q("__p . log_level ( $0 ) ;", &[&Literal::u8_unsuffixed(level)]),
        None => TokenStream::new(),
    }
}

fn is_plain(arm: &Arm) -> bool {
    match &arm.body {
        ArmBody::Own(resp @ Response { status: StatusSrc::Code(entry, _), .. }) => {
            arm.variant.attrs.log.is_none()
                && resp.extras.is_empty()
                && resp.grpc.is_none()
                && resp.type_.is_none()
                && resp.title.is_none()
                && resp.detail.is_none()
                && resp.expose == Some(entry.class != errstatus_registry::Class::ServerError)
        }
        _ => false,
    }
}

/// Fields in declaration order, each once.
fn sorted<'f>(fields: Vec<&'f Field<'f>>) -> Vec<&'f Field<'f>> {
    // A few fields: an insertion, rather than a generic sort's code in this crate.
    let mut out: Vec<&Field> = Vec::with_capacity(fields.len());
    for f in fields {
        let mut at = out.len();
        let mut seen = false;
        for (i, o) in out.iter().enumerate() {
            if o.index == f.index {
                seen = true;
                break;
            }
            if o.index > f.index {
                at = i;
                break;
            }
        }
        if !seen {
            out.insert(at, f);
        }
    }
    out
}

/// The call that sends a header field's value, by its written type.
fn header_call(out: &mut TokenStream, ty: &syn::Type, span: Span, name: &TokenStream, value: &Ident) {
    let src = match header_kind(ty) {
        HeaderKind::Str => "$0 . header_str ( $1 , $2 ) ;",
        HeaderKind::Int => "$0 . header_int ( $1 , * $2 ) ;",
        HeaderKind::Display => "$0 . header ( $1 , $2 ) ;",
    };
    toks_into(out, span, src, &[&local("__p"), name, value]);
}

/// A name the expansion declares (`__p`, `__v`, `__with`, `__d`), at the call site: inside
/// `quote_spanned!` with a user's span it would take that span's hygiene, which is another
/// one's when the user's tokens come from a `macro_rules!` fragment. Likewise `::core` paths
/// are interpolated from `quote!`, so they resolve in this crate's edition, not the user's.
pub(crate) fn local(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// A header name as an expression: the `http::header` constant, or `HeaderName::from_static`
/// spanned at the literal.
pub(crate) fn header_name(key: &HeaderKey, krate: &TokenStream) -> TokenStream {
    match key {
        HeaderKey::Const(ident) => q("$0 :: __private :: http :: header :: $1", &[krate, ident]),
        HeaderKey::Name(name, span) => {
            toks(*span, "$0 :: __private :: http :: HeaderName :: from_static ( $1 )", &[krate, name])
        }
    }
}

fn field_span(field: &Field) -> Span {
    field.ty.span()
}

pub(crate) fn opt_str(s: Option<&str>) -> TokenStream {
    match s {
        Some(s) => q(":: core :: option :: Option :: Some ( $0 )", &[&s]),
        None => q(":: core :: option :: Option :: None", &[]),
    }
}

fn mentions(tokens: TokenStream, params: &[&Ident]) -> bool {
    for tt in tokens {
        let found = match tt {
            TokenTree::Ident(ident) => {
                let mut found = false;
                for p in params {
                    found |= **p == ident;
                }
                found
            }
            TokenTree::Group(group) => mentions(group.stream(), params),
            _ => false,
        };
        if found {
            return true;
        }
    }
    false
}

/// Whether `ty` names the type being derived: `Self`, or a path of one segment that is the
/// type's own name (`Tree<T>` inside `Tree<T>`, `Box<Tree<T>>`). A qualified path such as
/// `auth::Error` is another type, whatever its last name.
fn is_own_type(input: &Input, ty: &syn::Type) -> bool {
    fn walk(tokens: TokenStream, own: &Ident) -> bool {
        // Whether the token before is `:` (of a `::`).
        let mut after_colon = false;
        for tt in tokens {
            let found = match &tt {
                TokenTree::Ident(ident) if ident == "Self" => true,
                // Not preceded by `::` (a qualified path names another item).
                TokenTree::Ident(ident) if ident == own => !after_colon,
                TokenTree::Group(group) => walk(group.stream(), own),
                _ => false,
            };
            if found {
                return true;
            }
            after_colon = matches!(&tt, TokenTree::Punct(p) if p.as_char() == ':');
        }
        false
    }
    walk(ty.to_token_stream(), &input.original.ident)
}

/// A real compiler warning on stable: the use of a deprecated item, spanned at `span`.
fn warning(span: Span, msg: &str) -> TokenStream {
    let item = Ident::new("errstatus_warning", Span::call_site());
    let usage = Ident::new("errstatus_warning", span);
    q(
        "const _ : ( ) = { # [ deprecated ( note = $0 ) ] # [ allow ( non_camel_case_types ) ] struct $1 ; let _ = $2 ; } ;",
        &[&msg, &item, &usage],
    )
}
