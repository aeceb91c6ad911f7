//! The catalogue of a type's errors: [`catalog`] lists every entry a derived type can produce
//! (one per variant, a transparent variant giving the inner type's entries), as JSON
//! (`serde::Serialize`), Markdown ([`Catalog::to_markdown`]) or HTML pages
//! ([`Catalog::pages`], served by `errstatus::axum::catalog_routes` with feature `axum`).
//!
//! ```
//! use errstatus::HttpStatus;
//!
//! #[derive(Debug, thiserror::Error, HttpStatus)]
//! #[problem(type = "https://errors.example.com/")]
//! enum BillingError {
//!     /// The account's balance does not cover the item.
//!     #[error("your balance is {balance}")]
//!     #[status(403)]
//!     OutOfCredit {
//!         #[problem(extension)]
//!         balance: u64,
//!     },
//! }
//!
//! let catalog = errstatus::catalog::<BillingError>();
//! let entry = &catalog.entries()[0];
//! assert_eq!(entry.type_uri(), Some("https://errors.example.com/out-of-credit"));
//! assert_eq!(entry.code(), "OUT_OF_CREDIT");
//! assert_eq!(entry.description(), "The account's balance does not cover the item.");
//! assert_eq!(entry.members()[0].schema_type(), Some("integer"));
//! ```

pub(crate) mod entry;
pub(crate) mod html;
mod markdown;

pub use entry::{catalog, Catalog, Entry, Member};
pub use html::Pages;

/// The entry's statuses, comma-separated, each followed by its IANA reason phrase written
/// through `reason` when one is given (`404 Not Found, 410 Gone`); "decided at run time" when
/// none is known at compile time. For the HTML pages and the Markdown.
#[inline]
pub(crate) fn push_statuses(out: &mut String, e: &Entry, reason: Option<fn(&mut String, &str)>) {
    if e.statuses().is_empty() {
        out.push_str("decided at run time");
    }
    for (i, s) in e.statuses().iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        push_u16(out, s.as_u16());
        if let (Some(write), Some(entry)) = (reason, errstatus_registry::lookup(s.as_u16())) {
            out.push(' ');
            write(out, entry.reason);
        }
    }
}

/// `n` in decimal, without the formatting machinery.
#[inline]
pub(crate) fn push_u16(out: &mut String, n: u16) {
    let mut digits = [0u8; 5];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(char::from(d));
    }
}
