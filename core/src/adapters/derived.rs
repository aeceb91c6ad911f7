//! The impls a derived type gets for each framework and OpenAPI generator, as `macro_rules!`
//! macros that the derive's output invokes (`errstatus::__private::__errstatus_axum! { ... }`).
//! Each expands to the impl when its feature is on and to nothing when it is off, so which impls
//! a derived type gets follows this crate's features alone, and the macro crate carries no
//! framework code. Input of each: `[generic parameters with their brackets] [the type]
//! [where clause]`. The parameters are named `__p` and `__d`, names the derive's `const _`
//! block shadows with functions, so a user's constant of that name cannot capture them.

#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errstatus_axum {
    ([$($params:tt)*] [$($ty:tt)*] [$($where_:tt)*]) => {
        #[automatically_derived]
        #[allow(unused_qualifications, deprecated, clippy::all, clippy::pedantic)]
        impl $($params)* $crate::__private::axum::response::IntoResponse for $($ty)* $($where_)* {
            fn into_response(self) -> $crate::__private::axum::response::Response {
                $crate::__private::axum_response(&self)
            }
        }
    };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errstatus_axum {
    ($($input:tt)*) => {};
}

#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errstatus_utoipa {
    ([$($params:tt)*] [$($ty:tt)*] [$($where_:tt)*]) => {
        #[automatically_derived]
        #[allow(unused_qualifications, deprecated, clippy::all, clippy::pedantic)]
        impl $($params)* $crate::__private::utoipa::IntoResponses for $($ty)* $($where_)* {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::__private::utoipa::openapi::RefOr<$crate::__private::utoipa::openapi::response::Response>,
            > {
                $crate::__private::openapi::responses::<Self>()
            }
        }
    };
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errstatus_utoipa {
    ($($input:tt)*) => {};
}

#[cfg(feature = "actix-web")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errstatus_actix_web {
    ([$($params:tt)*] [$($ty:tt)*] [$($where_:tt)*]) => {
        #[automatically_derived]
        #[allow(unused_qualifications, deprecated, clippy::all, clippy::pedantic)]
        impl $($params)* $crate::__private::actix_web::ResponseError for $($ty)* $($where_)* {
            fn status_code(&self) -> $crate::__private::actix_web::http::StatusCode {
                $crate::__private::actix_status(self)
            }

            fn error_response(&self) -> $crate::__private::actix_web::HttpResponse {
                $crate::__private::actix_response(self)
            }
        }
    };
}

#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errstatus_actix_web {
    ($($input:tt)*) => {};
}

#[cfg(feature = "rocket")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errstatus_rocket {
    ([$($params:tt)*] [$($ty:tt)*] [$($where_:tt)*]) => {
        #[automatically_derived]
        #[allow(unused_qualifications, deprecated, clippy::all, clippy::pedantic)]
        impl $($params)* $crate::__private::rocket::response::Responder<'_, 'static> for $($ty)* $($where_)* {
            fn respond_to(
                self,
                __request: &$crate::__private::rocket::Request<'_>,
            ) -> $crate::__private::rocket::response::Result<'static> {
                $crate::__private::rocket_response(&self, __request)
            }
        }
    };
}

#[cfg(not(feature = "rocket"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errstatus_rocket {
    ($($input:tt)*) => {};
}

#[cfg(feature = "poem")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errstatus_poem {
    ([$($params:tt)*] [$($ty:tt)*] [$($where_:tt)*]) => {
        #[automatically_derived]
        #[allow(unused_qualifications, deprecated, clippy::all, clippy::pedantic)]
        impl $($params)* $crate::__private::poem::error::ResponseError for $($ty)* $($where_)* {
            fn status(&self) -> $crate::__private::poem::http::StatusCode {
                $crate::HttpStatus::status(self)
            }

            fn as_response(&self) -> $crate::__private::poem::Response {
                $crate::__private::poem_response(self)
            }
        }
    };
}

#[cfg(not(feature = "poem"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errstatus_poem {
    ($($input:tt)*) => {};
}

#[cfg(feature = "salvo")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errstatus_salvo {
    ([$($params:tt)*] [$($ty:tt)*] [$($where_:tt)*]) => {
        #[automatically_derived]
        #[allow(unused_qualifications, deprecated, clippy::all, clippy::pedantic)]
        impl $($params)* $crate::__private::salvo::Scribe for $($ty)* $($where_)* {
            fn render(self, __p: &mut $crate::__private::salvo::Response) {
                $crate::__private::salvo_response(&self, __p)
            }
        }
    };
}

#[cfg(not(feature = "salvo"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errstatus_salvo {
    ($($input:tt)*) => {};
}

#[cfg(feature = "aide")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errstatus_aide {
    ([$($params:tt)*] [$($ty:tt)*] [$($where_:tt)*]) => {
        #[automatically_derived]
        #[allow(unused_qualifications, deprecated, clippy::all, clippy::pedantic)]
        impl $($params)* $crate::__private::aide::OperationOutput for $($ty)* $($where_)* {
            type Inner = Self;

            fn inferred_responses(
                __d: &mut $crate::__private::aide::generate::GenContext,
                _: &mut $crate::__private::aide::openapi::Operation,
            ) -> ::std::vec::Vec<(::core::option::Option<u16>, $crate::__private::aide::openapi::Response)> {
                $crate::__private::aide_responses::<Self>(__d)
            }
        }
    };
}

#[cfg(not(feature = "aide"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errstatus_aide {
    ($($input:tt)*) => {};
}

#[cfg(feature = "poem-openapi")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errstatus_poem_openapi {
    ([$($params:tt)*] [$($ty:tt)*] [$($where_:tt)*]) => {
        #[automatically_derived]
        #[allow(unused_qualifications, deprecated, clippy::all, clippy::pedantic)]
        impl $($params)* $crate::__private::poem_openapi::ApiResponse for $($ty)* $($where_)* {
            fn meta() -> $crate::__private::poem_openapi::registry::MetaResponses {
                $crate::__private::poem_openapi_meta::<Self>()
            }

            // Every schema is inline: nothing to register.
            fn register(_: &mut $crate::__private::poem_openapi::registry::Registry) {}
        }
    };
}

#[cfg(not(feature = "poem-openapi"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errstatus_poem_openapi {
    ($($input:tt)*) => {};
}

#[cfg(feature = "tonic")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errstatus_tonic {
    ([$($params:tt)*] [$($ty:tt)*] [$($where_:tt)*]) => {
        #[automatically_derived]
        #[allow(unused_qualifications, deprecated, clippy::all, clippy::pedantic)]
        impl $($params)* ::core::convert::From<$($ty)*> for $crate::__private::tonic::Status $($where_)* {
            fn from(__e: $($ty)*) -> Self {
                $crate::__private::tonic_response(&__e)
            }
        }

        #[automatically_derived]
        #[allow(unused_qualifications, deprecated, clippy::all, clippy::pedantic)]
        impl $($params)* ::core::convert::From<&$($ty)*> for $crate::__private::tonic::Status $($where_)* {
            fn from(__e: &$($ty)*) -> Self {
                $crate::__private::tonic_response(__e)
            }
        }
    };
}

#[cfg(not(feature = "tonic"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errstatus_tonic {
    ($($input:tt)*) => {};
}

#[cfg(feature = "async-graphql")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errstatus_async_graphql {
    ([$($params:tt)*] [$($ty:tt)*] [$($where_:tt)*]) => {
        #[automatically_derived]
        #[allow(unused_qualifications, deprecated, clippy::all, clippy::pedantic)]
        impl $($params)* $crate::__private::async_graphql::ErrorExtensions for $($ty)* $($where_)* {
            fn extend(&self) -> $crate::__private::async_graphql::Error {
                $crate::__private::async_graphql_response(self)
            }
        }
    };
}

#[cfg(not(feature = "async-graphql"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errstatus_async_graphql {
    ($($input:tt)*) => {};
}

#[cfg(feature = "dioxus")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errstatus_dioxus {
    ([$($params:tt)*] [$($ty:tt)*] [$($where_:tt)*]) => {
        #[automatically_derived]
        #[allow(unused_qualifications, deprecated, clippy::all, clippy::pedantic)]
        impl $($params)* $crate::__private::dioxus_fullstack::AsStatusCode for $($ty)* $($where_)* {
            fn as_status_code(&self) -> $crate::__private::dioxus_fullstack::StatusCode {
                $crate::HttpStatus::status(self)
            }
        }
    };
}

#[cfg(not(feature = "dioxus"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errstatus_dioxus {
    ($($input:tt)*) => {};
}
