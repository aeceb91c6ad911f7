//! Error accumulation, after serde's `Ctxt`: every rule reports, one build shows all errors.

use std::cell::RefCell;
use std::fmt::Display;

use proc_macro2::Span;

pub(crate) struct Ctxt {
    errors: RefCell<Option<Vec<syn::Error>>>,
}

impl Ctxt {
    pub(crate) fn new() -> Self {
        Ctxt { errors: RefCell::new(Some(Vec::new())) }
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
        self.syn_error(syn::Error::new_spanned(tokens, msg));
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
            errors.push(err);
        }
    }

    /// Ends the context: all errors folded into one, or `Ok` if there were none.
    pub(crate) fn check(self) -> syn::Result<()> {
        let errors = self.errors.borrow_mut().take().unwrap_or_default();
        let mut iter = errors.into_iter();
        match iter.next() {
            None => Ok(()),
            Some(mut first) => {
                for e in iter {
                    first.combine(e);
                }
                Err(first)
            }
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
