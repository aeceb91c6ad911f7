//! Error accumulation, after serde's `Ctxt`: every rule reports, one build shows all errors.

use std::cell::RefCell;
use std::fmt::Display;

use proc_macro2::Span;

pub(crate) struct Ctxt {
    /// The errors so far, combined into one as they come (`Some(None)`: none yet); `None` once
    /// checked.
    errors: RefCell<Option<Option<syn::Error>>>,
}

/// `syn::Error::new_spanned` behind `dyn`: one copy of syn's generic constructor in this crate,
/// not one per token and message type.
pub(crate) fn spanned_error(tokens: &dyn quote::ToTokens, msg: &dyn Display) -> syn::Error {
    syn::Error::new_spanned(tokens, msg)
}

impl Ctxt {
    pub(crate) fn new() -> Self {
        Ctxt { errors: RefCell::new(Some(None)) }
    }

    /// Records an error at `span`.
    pub(crate) fn error(&self, span: Span, msg: impl Display) {
        self.error_dyn(span, &msg);
    }

    /// Records an error spanning the tokens of `tokens`.
    pub(crate) fn error_spanned(&self, tokens: impl quote::ToTokens, msg: impl Display) {
        self.spanned_dyn(&tokens, &msg);
    }

    // The work behind trait objects: one copy of syn's generic constructors in this crate,
    // not one per message and token type.
    fn error_dyn(&self, span: Span, msg: &dyn Display) {
        self.syn_error(syn::Error::new(span, msg));
    }

    fn spanned_dyn(&self, tokens: &dyn quote::ToTokens, msg: &dyn Display) {
        self.syn_error(spanned_error(tokens, msg));
    }

    /// A piece that may fail, after darling's `Accumulator::handle`: its value, or `None` with
    /// the error recorded, so the failed piece drops out and nothing built on it is checked.
    pub(crate) fn handle<T>(&self, result: syn::Result<T>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(err) => {
                self.syn_error(err);
                None
            }
        }
    }

    pub(crate) fn syn_error(&self, err: syn::Error) {
        if let Some(errors) = self.errors.borrow_mut().as_mut() {
            match errors {
                Some(first) => first.combine(err),
                None => *errors = Some(err),
            }
        }
    }

    /// Ends the context: all errors folded into one, or `Ok` if there were none.
    pub(crate) fn check(self) -> syn::Result<()> {
        let errors = self.errors.borrow_mut().take();
        match errors {
            Some(Some(err)) => Err(err),
            _ => Ok(()),
        }
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        if !std::thread::panicking() && self.errors.borrow().is_some() {
            panic!("errstatus-macros: Ctxt dropped without check()");
        }
    }
}
