//! The error itself for the body of [`SerdeJson`]: the derived `__problem` of a type with a
//! custom format writes
//!
//! ```text
//! {
//!     #[allow(unused_imports)]
//!     use ::errstatus::__private::NotWhole as _;
//!     __p.whole(::errstatus::__private::Whole::<Format>::new().whole(self));
//! }
//! ```
//!
//! For `SerdeJson` the inherent `whole` is picked (inherent methods come before trait methods),
//! whose argument `&dyn SerdeForm` is a compile error for a type that is not `Serialize`; for
//! any other format the trait's, `None`.

use core::marker::PhantomData;

use crate::body::json::ExtensionMember;
use crate::body::serde_json::{SerdeForm, SerdeJson};

/// The format of an error, for [`Whole::whole`] or [`NotWhole::whole`].
pub struct Whole<F: ?Sized>(PhantomData<fn() -> *const F>);

impl<F: ?Sized> Whole<F> {
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        Whole(PhantomData)
    }
}

impl Whole<SerdeJson> {
    /// The error through serde: the body of `SerdeJson`. The cast of the error to
    /// `&dyn SerdeForm`, in the user's crate, is where a type that is not `Serialize` fails.
    pub fn whole<'a>(&self, value: &'a dyn SerdeForm) -> Option<&'a dyn ExtensionMember> {
        Some(value.__member())
    }
}

/// Any other format: the error is not the body.
pub trait NotWhole {
    fn whole<'a, T>(&self, value: &'a T) -> Option<&'a dyn ExtensionMember>;
}

impl<F: ?Sized> NotWhole for Whole<F> {
    fn whole<'a, T>(&self, _: &'a T) -> Option<&'a dyn ExtensionMember> {
        None
    }
}
