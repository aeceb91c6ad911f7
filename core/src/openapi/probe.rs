//! Autoref specialization: which schema an extension member's type has, chosen at compile time
//! in the derived `__openapi` (features `utoipa` and `aide`).

use std::marker::PhantomData;

use crate::status::docs::SchemaFn;

/// Autoref specialization for the schema of an extension member of type `T`, which needs to be
/// `serde::Serialize` but neither `utoipa::ToSchema` nor `schemars::JsonSchema`. The derive
/// writes
///
/// ```text
/// {
///     #[allow(unused_imports)] // one of the two is not used
///     use ::errstatus::__private::openapi::{HasSchema as _, NoSchema as _};
///     (&::errstatus::__private::openapi::Probe::<FieldTy>::new()).schema_fn()
/// }
/// ```
///
/// Method lookup tries the receiver `&Probe<T>` (the inherent `schema_fn`, then [`HasSchema`]
/// on `Probe<T>`), then `&&Probe<T>` ([`HasSchema`] on `&Probe<T>`), then `&mut &Probe<T>`
/// ([`NoSchema`]), and takes the first whose bounds `FieldTy` meets. With one generator on,
/// [`HasSchema`] on `Probe<T>` is "has that generator's schema"; with both on, the four levels
/// are: both schemas, utoipa's only, schemars' only, neither. A generic `T` takes [`NoSchema`]
/// unless its impl bounds `T` by the traits.
#[doc(hidden)]
pub struct Probe<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized> Probe<T> {
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        Probe(PhantomData)
    }
}

/// Picked when the member's type has a schema (see [`Probe`]).
#[doc(hidden)]
pub trait HasSchema {
    fn schema_fn(&self) -> SchemaFn;
}

/// Picked otherwise: a generic schema for every generator.
#[doc(hidden)]
pub trait NoSchema {
    fn schema_fn(&mut self) -> SchemaFn;
}

impl<T: ?Sized> NoSchema for &Probe<T> {
    fn schema_fn(&mut self) -> SchemaFn {
        SchemaFn::NONE
    }
}

#[cfg(all(feature = "utoipa", not(feature = "aide")))]
impl<T: utoipa::PartialSchema + ?Sized> HasSchema for Probe<T> {
    fn schema_fn(&self) -> SchemaFn {
        SchemaFn { utoipa: T::schema }
    }
}

#[cfg(all(feature = "aide", not(feature = "utoipa")))]
impl<T: schemars::JsonSchema + ?Sized> HasSchema for Probe<T> {
    fn schema_fn(&self) -> SchemaFn {
        SchemaFn { aide: aide_schema::<T> }
    }
}

#[cfg(all(feature = "utoipa", feature = "aide"))]
impl<T: utoipa::PartialSchema + schemars::JsonSchema + ?Sized> Probe<T> {
    /// Both schemas: inherent, so it is tried before the trait methods.
    pub fn schema_fn(&self) -> SchemaFn {
        SchemaFn { utoipa: T::schema, aide: aide_schema::<T> }
    }
}

#[cfg(all(feature = "utoipa", feature = "aide"))]
impl<T: utoipa::PartialSchema + ?Sized> HasSchema for Probe<T> {
    fn schema_fn(&self) -> SchemaFn {
        SchemaFn { utoipa: T::schema, ..SchemaFn::NONE }
    }
}

#[cfg(all(feature = "utoipa", feature = "aide"))]
impl<T: schemars::JsonSchema + ?Sized> HasSchema for &Probe<T> {
    fn schema_fn(&self) -> SchemaFn {
        SchemaFn { aide: aide_schema::<T>, ..SchemaFn::NONE }
    }
}

/// The schema of an extension member of type `T`: through aide's generator, so a named type is
/// a `$ref` whose definition aide adds to the document's components.
#[cfg(feature = "aide")]
fn aide_schema<T: schemars::JsonSchema + ?Sized>(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    generator.subschema_for::<T>()
}
