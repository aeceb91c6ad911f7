//! The types of the pointer tests (`pointers.rs`, `openapi.rs`): an error with two codes, and
//! three enums holding it transparently behind `Box`, `&'static` and `Arc`.

use std::sync::Arc;

use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum Inner {
    /// The order does not exist.
    #[error("no such order")]
    #[status(404)]
    Missing,
    #[error("slow down")]
    #[status(429)]
    Limited {
        #[header(RETRY_AFTER)]
        retry_after: u64,
    },
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum Boxed {
    #[error(transparent)]
    #[status(transparent)]
    A(Box<Inner>),
    #[error("conflict")]
    #[status(409)]
    B,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum Borrowed {
    #[error(transparent)]
    #[status(transparent)]
    A(&'static Inner),
    #[error("conflict")]
    #[status(409)]
    B,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum Shared {
    #[error(transparent)]
    #[status(transparent)]
    A(Arc<Inner>),
    #[error("conflict")]
    #[status(409)]
    B,
}
