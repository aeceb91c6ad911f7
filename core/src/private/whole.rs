//! The error itself for the body of [`SerdeJson`]: the derived `__problem` of a type with a
//! custom format writes
//!
//! ```text
//! {
//!     #[allow(unused_imports)]
//!     use ::errstatus::__private::NotWhole as _;
//!     __p.whole(::errstatus::__private::Whole::<Format, Self>::new(self).whole());
//! }
//! ```
//!
//! For `SerdeJson` the inherent `whole` is picked (inherent methods come before trait methods),
//! whose bound `Self: SerdeForm` is a compile error for a type that is not `Serialize`; for any
//! other format the trait's, `None`.

use core::marker::PhantomData;

use crate::body::json::ExtensionMember;
use crate::body::serde_json::{SerdeForm, SerdeJson};

/// The error and its format, for [`Whole::whole`] or [`NotWhole::whole`].
pub struct Whole<'a, F: ?Sized, T>(&'a T, PhantomData<fn() -> *const F>);

impl<'a, F: ?Sized, T> Whole<'a, F, T> {
    pub fn new(value: &'a T) -> Self {
        Whole(value, PhantomData)
    }
}

impl<'a, T> Whole<'a, SerdeJson, T> {
    /// The error through serde: the body of `SerdeJson`.
    pub fn whole(&self) -> Option<&'a dyn ExtensionMember>
    where
        T: SerdeForm,
    {
        Some(self.0)
    }
}

/// Any other format: the error is not the body.
pub trait NotWhole<'a> {
    fn whole(&self) -> Option<&'a dyn ExtensionMember>;
}

impl<'a, F: ?Sized, T> NotWhole<'a> for Whole<'a, F, T> {
    fn whole(&self) -> Option<&'a dyn ExtensionMember> {
        None
    }
}
