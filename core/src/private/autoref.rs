//! Autoref specialization: the derived `__problem` hands the error to the response (for its
//! `source()` chain in logs) when it implements `std::error::Error`, without requiring it.

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
