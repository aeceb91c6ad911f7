// The crate docs are the README (also the crates.io page); its Rust blocks are doctests.
#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod format;
mod response;

#[cfg(feature = "tracing")]
mod log;
#[cfg(feature = "utoipa")]
#[doc(hidden)]
pub mod openapi;
// The variants the OpenAPI generators document, collected once for utoipa and aide.
#[cfg(any(feature = "utoipa", feature = "aide"))]
mod docs;

// One adapter per framework, each behind its feature; generated code calls them through
// `__private`.
#[cfg(feature = "aide")]
mod aide;
#[cfg(feature = "poem")]
mod poem;
#[cfg(feature = "rocket")]
mod rocket;
#[cfg(feature = "salvo")]
mod salvo;

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub mod actix;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum;
// What the axum layer and the actix-web middleware share.
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod foreign;

pub use format::{Details, Format, ProblemJson};
pub use response::{ExtensionMember, HeaderValueSource, PROBLEM_JSON};

// The `serde` that extension members implement, at a path compile errors can name: rustc
// names a trait by its shortest public path, and one through `__private` would show up in
// "the trait `Serialize` is not implemented" when the user's crate has no `serde` of its own.
#[doc(hidden)]
pub use serde_core as serde;

/// The [`http`](https://docs.rs/http) crate (1.x) that errstatus is built on: `StatusCode`,
/// `Response` and `HeaderValue` of the same version as the derived impls, without a
/// dependency of your own.
///
/// ```
/// use errstatus::http::{Response, StatusCode};
/// use errstatus::HttpStatus;
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// #[error("no such order")]
/// #[status(404)]
/// struct NoSuchOrder;
///
/// assert_eq!(NoSuchOrder.status(), StatusCode::NOT_FOUND);
/// let response: Response<String> = NoSuchOrder.into();
/// assert_eq!(response.status(), StatusCode::NOT_FOUND);
/// ```
pub use http;

/// The IANA HTTP status code registry: one [`Entry`](registry::Entry) per registered code.
///
/// ```
/// use errstatus::registry::{entries, lookup, State};
///
/// assert_eq!(lookup(422).unwrap().reason, "Unprocessable Content");
/// assert_eq!(lookup(510).unwrap().state, State::Obsoleted);
/// assert!(lookup(444).is_none());
/// assert_eq!(entries().len(), 64);
/// ```
pub mod registry {
    pub use errstatus_registry::{entries, lookup, lookup_name, Class, Entry, RequiredHeader, State, IANA_LAST_CHANGE};
}

/// Derives [`HttpStatus`], `From<E>` / `From<&E>` for `http::StatusCode`, and
/// `From<E>` for `http::Response<B>` (plus `IntoResponse` / `ResponseError` with the
/// `axum` / `actix-web` features).
///
/// Every code is checked against the IANA registry at compile time:
///
/// ```compile_fail
/// #[derive(Debug, thiserror::Error, errstatus::HttpStatus)]
/// enum E {
///     #[error("closed")]
///     #[status(444)] // error: 444 is not a registered HTTP status code
///     Closed,
/// }
/// ```
///
/// # Attributes
///
/// - `#[status(CODE)]` on a variant, or on the type as the default for variants without one.
///   CODE is an integer (`404`), an `http::StatusCode` constant name (`NOT_FOUND`,
///   `CONTENT_TOO_LARGE`, `UNPROCESSABLE_CONTENT`), or a path ending in one
///   (`StatusCode::NOT_FOUND`).
/// - `#[status(CODE, expose)]`: show a 5xx variant's Display text in the body.
/// - `#[status(CODE, acknowledge)]`: silence the warning for 402, 407, 425 or 511.
/// - `#[status(transparent)]`: status, header fields and body of the one inner field.
/// - `#[header(NAME)]` on a field: sent as a header field; NAME is an `http::header` constant
///   (`RETRY_AFTER`) or a string literal (`"x-request-id"`).
/// - `#[problem(type = "...", title = "...")]` on the type or a variant;
///   `#[problem(extension)]`, `#[problem(extension = "name")]`, `#[problem(instance)]` on
///   fields.
///
/// ```
/// use errstatus::HttpStatus;
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// #[error("not found")]
/// #[status(404)]
/// struct NotFound;
///
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// enum Outer {
///     #[error(transparent)]
///     #[status(transparent)]
///     Inner(NotFound),
/// }
///
/// assert_eq!(Outer::Inner(NotFound).status(), http::StatusCode::NOT_FOUND);
/// ```
pub use errstatus_macros::HttpStatus;

/// A registered HTTP status code as an `http::StatusCode`, checked at compile time.
///
/// Takes the same CODE forms as `#[status(...)]` and every registered code that is not
/// deprecated, unused or obsoleted (1xx and 2xx included). Usable in `const` items.
///
/// ```
/// const GONE: http::StatusCode = errstatus::status!(410);
/// assert_eq!(GONE, http::StatusCode::GONE);
/// assert_eq!(errstatus::status!(CONTENT_TOO_LARGE), 413);
/// assert_eq!(errstatus::status!(104).as_u16(), 104);
/// ```
///
/// ```compile_fail
/// let teapot = errstatus::status!(418); // error: 418 is unused
/// ```
// A `macro_rules!` macro in front of the proc macro, so that the expansion names this crate
// through `$crate`, whatever the user's dependency on it is called.
#[macro_export]
macro_rules! status {
    ($($code:tt)*) => {
        $crate::__status!($crate, $($code)*)
    };
}

// What `status!` calls; at the root so that messages do not name the private module.
#[doc(hidden)]
pub use errstatus_macros::__status;

/// An error that knows its HTTP status. Usually derived: see [`macro@HttpStatus`].
///
/// A hand-written impl only needs [`status`](HttpStatus::status); its response then has an
/// RFC 9457 body without `detail`.
///
/// ```
/// use errstatus::HttpStatus;
/// use http::StatusCode;
///
/// struct Timeout;
///
/// impl HttpStatus for Timeout {
///     fn status(&self) -> StatusCode {
///         StatusCode::GATEWAY_TIMEOUT
///     }
/// }
///
/// assert_eq!(Timeout.status(), 504);
/// let response: http::Response<String> = errstatus::response(&Timeout);
/// assert_eq!(response.status(), 504);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `HttpStatus`",
    label = "`{Self}` is not an error type with an HTTP status",
    note = "derive it with `#[derive(HttpStatus)]` or implement `errstatus::HttpStatus` for `{Self}`; a `#[status(transparent)]` field takes its status from it",
    note = "a `Box<dyn std::error::Error>` has no status and cannot be transparent: give its variant a `#[status(CODE)]`"
)]
pub trait HttpStatus {
    /// The status code of this error.
    fn status(&self) -> http::StatusCode;

    /// Fills in the response parts. Generated by the derive; not part of the public API.
    #[doc(hidden)]
    fn __problem<'a>(&'a self, p: &mut __private::Problem<'a>) {
        p.plain(self.status());
    }

    /// Every distinct status this type can produce, transparent variants included, in
    /// ascending order: for tests, metrics and docs. A hand-written impl lists none unless
    /// it overrides this.
    ///
    /// ```
    /// use errstatus::HttpStatus;
    ///
    /// #[derive(Debug, thiserror::Error, HttpStatus)]
    /// enum E {
    ///     #[error("gone")]
    ///     #[status(410)]
    ///     Gone,
    ///     #[error("missing")]
    ///     #[status(404)]
    ///     Missing,
    ///     #[error("also missing")]
    ///     #[status(NOT_FOUND)]
    ///     AlsoMissing,
    /// }
    ///
    /// assert_eq!(E::statuses(), [http::StatusCode::NOT_FOUND, http::StatusCode::GONE]);
    /// ```
    fn statuses() -> Vec<http::StatusCode>
    where
        Self: Sized,
    {
        Vec::new()
    }

    /// Lists each variant for the OpenAPI document. Generated by the derive.
    #[cfg(any(feature = "utoipa", feature = "aide"))]
    #[doc(hidden)]
    fn __openapi(_docs: &mut __private::openapi::Docs)
    where
        Self: Sized,
    {
    }
}

// Smart pointers and references forward everything, `statuses()` and the OpenAPI listing
// included, so `#[status(transparent)] A(Box<Inner>)` (or `&'static Inner`, `Arc<Inner>`) lists
// `Inner`'s codes. `statuses()` is an associated function that needs `Self: Sized` (the trait
// stays dyn-compatible), so it can only be forwarded to a sized `T`: the generic impls are for
// `T: Sized`, and trait objects (which have no static list of codes) get their own impls below.
impl<T: HttpStatus> HttpStatus for &T {
    fn status(&self) -> http::StatusCode {
        (**self).status()
    }

    fn __problem<'a>(&'a self, p: &mut __private::Problem<'a>) {
        (**self).__problem(p)
    }

    fn statuses() -> Vec<http::StatusCode> {
        T::statuses()
    }

    #[cfg(any(feature = "utoipa", feature = "aide"))]
    fn __openapi(docs: &mut __private::openapi::Docs) {
        docs.transparent::<T>()
    }
}

impl<T: HttpStatus> HttpStatus for Box<T> {
    fn status(&self) -> http::StatusCode {
        (**self).status()
    }

    fn __problem<'a>(&'a self, p: &mut __private::Problem<'a>) {
        (**self).__problem(p)
    }

    fn statuses() -> Vec<http::StatusCode> {
        T::statuses()
    }

    #[cfg(any(feature = "utoipa", feature = "aide"))]
    fn __openapi(docs: &mut __private::openapi::Docs) {
        docs.transparent::<T>()
    }
}

impl<T: HttpStatus> HttpStatus for std::sync::Arc<T> {
    fn status(&self) -> http::StatusCode {
        (**self).status()
    }

    fn __problem<'a>(&'a self, p: &mut __private::Problem<'a>) {
        (**self).__problem(p)
    }

    fn statuses() -> Vec<http::StatusCode> {
        T::statuses()
    }

    #[cfg(any(feature = "utoipa", feature = "aide"))]
    fn __openapi(docs: &mut __private::openapi::Docs) {
        docs.transparent::<T>()
    }
}

/// `&dyn HttpStatus`, `Box<dyn HttpStatus + Send + Sync>`, ...: status and response of the
/// error inside; no static list of codes (`statuses()` is empty).
/// `do_not_recommend` keeps these nine out of the "other types implement `HttpStatus`" list
/// of a compile error.
macro_rules! dyn_impls {
    ($([$($bounds:tt)*])*) => {$(
        #[diagnostic::do_not_recommend]
        impl<'e> HttpStatus for &(dyn HttpStatus $($bounds)* + 'e) {
            fn status(&self) -> http::StatusCode {
                (**self).status()
            }

            fn __problem<'a>(&'a self, p: &mut __private::Problem<'a>) {
                (**self).__problem(p)
            }
        }

        #[diagnostic::do_not_recommend]
        impl<'e> HttpStatus for Box<dyn HttpStatus $($bounds)* + 'e> {
            fn status(&self) -> http::StatusCode {
                (**self).status()
            }

            fn __problem<'a>(&'a self, p: &mut __private::Problem<'a>) {
                (**self).__problem(p)
            }
        }

        #[diagnostic::do_not_recommend]
        impl<'e> HttpStatus for std::sync::Arc<dyn HttpStatus $($bounds)* + 'e> {
            fn status(&self) -> http::StatusCode {
                (**self).status()
            }

            fn __problem<'a>(&'a self, p: &mut __private::Problem<'a>) {
                (**self).__problem(p)
            }
        }
    )*};
}

dyn_impls!([] [+ Send] [+ Send + Sync]);

/// A borrowed error of any type, sized or not, as a sized `HttpStatus` (for [`response`]).
struct Borrowed<'e, E: ?Sized>(&'e E);

impl<E: HttpStatus + ?Sized> HttpStatus for Borrowed<'_, E> {
    fn status(&self) -> http::StatusCode {
        self.0.status()
    }

    fn __problem<'a>(&'a self, p: &mut __private::Problem<'a>) {
        self.0.__problem(p)
    }
}

/// The `http::Response` for a borrowed error: the same response as `From<E>`.
///
/// ```
/// # use errstatus::HttpStatus;
/// #[derive(Debug, thiserror::Error, HttpStatus)]
/// #[error("no such order")]
/// #[status(404)]
/// struct NoSuchOrder;
///
/// let response: http::Response<String> = errstatus::response(&NoSuchOrder);
/// assert_eq!(response.status(), 404);
/// assert_eq!(response.headers()["content-type"], errstatus::PROBLEM_JSON);
/// ```
pub fn response<E: HttpStatus + ?Sized, B: From<String>>(e: &E) -> http::Response<B> {
    response::to_response(&Borrowed(e))
}

/// What generated code calls. Not public API: it may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::response::{ExtensionMember as Member, HeaderValueSource, Problem};
    pub use http;
    pub use serde_core as serde;

    #[cfg(feature = "actix-web")]
    pub use crate::actix::{actix_response, actix_status};
    #[cfg(feature = "axum")]
    pub use crate::axum::into_axum;
    #[cfg(feature = "actix-web")]
    pub use actix_web;
    #[cfg(feature = "axum")]
    pub use axum_core as axum;

    #[cfg(feature = "utoipa")]
    pub use utoipa;
    /// What the derive's `__openapi` names (features `utoipa` and `aide`).
    #[cfg(any(feature = "utoipa", feature = "aide"))]
    pub mod openapi {
        pub use crate::docs::{Docs, HasSchema, NoSchema, Probe, SchemaFn, Variant};
        #[cfg(feature = "utoipa")]
        pub use crate::openapi::responses;
    }

    #[cfg(feature = "aide")]
    pub use crate::aide::aide_responses;
    #[cfg(feature = "poem")]
    pub use crate::poem::poem_response;
    #[cfg(feature = "rocket")]
    pub use crate::rocket::rocket_response;
    #[cfg(feature = "salvo")]
    pub use crate::salvo::salvo_render;
    #[cfg(feature = "aide")]
    pub use aide;
    #[cfg(feature = "poem")]
    pub use poem;
    #[cfg(feature = "rocket")]
    pub use rocket;
    #[cfg(feature = "salvo")]
    pub use salvo;

    /// `HttpStatus::statuses`: the codes of this type's own variants plus those of its
    /// transparent fields, sorted, without duplicates. No guard against recursion: superseded
    /// by [`statuses_of`], kept while the derive still calls it.
    pub fn statuses(own: &[http::StatusCode], inner: &[fn() -> Vec<http::StatusCode>]) -> Vec<http::StatusCode> {
        let mut all = own.to_vec();
        for f in inner {
            all.extend(f());
        }
        all.sort_unstable();
        all.dedup();
        all
    }

    /// `HttpStatus::statuses` of the type `T`: its own codes plus those of its transparent
    /// fields, sorted, without duplicates. The generated function is
    ///
    /// ```text
    /// fn statuses() -> Vec<StatusCode> {
    ///     ::errstatus::__private::statuses_of::<Self>(&[own codes], &[<Inner as HttpStatus>::statuses, ...])
    /// }
    /// ```
    ///
    /// A type reached again while its own list is being made (`Tree { Nested(Box<Tree>) }`,
    /// or A -> B -> A) contributes just its own codes there: the outer call adds the rest. The
    /// types being listed are kept on a thread-local stack (by `core::any::type_name`, which
    /// ignores lifetimes), popped by a guard, also when an inner list panics.
    #[inline]
    pub fn statuses_of<T: ?Sized>(
        own: &[http::StatusCode],
        inner: &[fn() -> Vec<http::StatusCode>],
    ) -> Vec<http::StatusCode> {
        // Generic only in the name: the work is one non-generic function, compiled here once
        // rather than in every user crate for every derived type.
        statuses_named(core::any::type_name::<T>(), own, inner)
    }

    fn statuses_named(
        name: &'static str,
        own: &[http::StatusCode],
        inner: &[fn() -> Vec<http::StatusCode>],
    ) -> Vec<http::StatusCode> {
        let mut all = own.to_vec();
        if let Some(_listing) = Listing::enter(name) {
            for f in inner {
                all.extend(f());
            }
        }
        all.sort_unstable();
        all.dedup();
        all
    }

    std::thread_local! {
        /// The types whose `statuses()` are being made on this thread, outermost first.
        static LISTING: core::cell::RefCell<Vec<&'static str>> = const { core::cell::RefCell::new(Vec::new()) };
    }

    /// A type on the [`LISTING`] stack; dropping it pops the type.
    struct Listing;

    impl Listing {
        /// Pushes `name`, or `None` if it is on the stack already (recursion). Also `None` while
        /// the thread's locals are being destroyed: then only the own codes are listed, since
        /// recursion could not be detected.
        fn enter(name: &'static str) -> Option<Listing> {
            LISTING
                .try_with(|stack| {
                    let mut stack = stack.borrow_mut();
                    if stack.contains(&name) {
                        None
                    } else {
                        stack.push(name);
                        Some(Listing)
                    }
                })
                .ok()
                .flatten()
        }
    }

    impl Drop for Listing {
        fn drop(&mut self) {
            let _ = LISTING.try_with(|stack| stack.borrow_mut().pop());
        }
    }

    /// Autoref specialization: `(&ErrorRef(x)).as_dyn_error()` is `Some` when `x` implements
    /// `std::error::Error`, `None` otherwise.
    pub struct ErrorRef<'a, T: ?Sized>(pub &'a T);

    /// Picked when the type implements `Error`.
    pub trait AsDynError<'a> {
        /// The error as a trait object.
        fn as_dyn_error(&self) -> Option<&'a (dyn std::error::Error + 'a)>;
    }

    impl<'a, T: std::error::Error + 'a> AsDynError<'a> for ErrorRef<'a, T> {
        fn as_dyn_error(&self) -> Option<&'a (dyn std::error::Error + 'a)> {
            Some(self.0)
        }
    }

    /// Picked otherwise.
    pub trait NotDynError<'a> {
        /// `None`.
        fn as_dyn_error(&self) -> Option<&'a (dyn std::error::Error + 'a)>;
    }

    impl<'a, T: ?Sized> NotDynError<'a> for &ErrorRef<'a, T> {
        fn as_dyn_error(&self) -> Option<&'a (dyn std::error::Error + 'a)> {
            None
        }
    }

    /// `From<E> for http::Response<B>`.
    #[inline]
    pub fn into_response<E: crate::HttpStatus, B: From<String>>(e: &E) -> http::Response<B> {
        crate::response::to_response(e)
    }

    /// A registered code without an `http` constant (104) as a `StatusCode`, in `const`.
    pub const fn code(code: u16) -> http::StatusCode {
        match http::StatusCode::from_u16(code) {
            Ok(status) => status,
            Err(_) => panic!("errstatus: status code out of range"),
        }
    }
}
