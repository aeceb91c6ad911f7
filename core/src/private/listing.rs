//! The recursion guard of `HttpStatus::statuses`: a type reached again while its own list is
//! being made contributes its own codes only.

use core::mem::ManuallyDrop;

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
    let mut all = Vec::with_capacity(own.len());
    insert_all(&mut all, own);
    if let Some(_listing) = Listing::enter(name) {
        let mut i = 0;
        while i < inner.len() {
            insert_all(&mut all, &inner[i]());
            i += 1;
        }
    }
    all
}

/// Adds `codes` to the ascending, distinct `all`, each once: a few codes, inserted in place
/// rather than with a generic sort (whose code would be a tenth of this crate's).
/// Index loops: `for` over a slice and `binary_search` would be generic code compiled here.
pub(crate) fn insert_all(all: &mut Vec<http::StatusCode>, codes: &[http::StatusCode]) {
    let mut i = 0;
    while i < codes.len() {
        let code = codes[i];
        i += 1;
        let mut at = 0;
        while at < all.len() && all[at].as_u16() < code.as_u16() {
            at += 1;
        }
        if at == all.len() || all[at] != code {
            all.insert(at, code);
        }
    }
}

std::thread_local! {
    /// The types whose `statuses()` are being made on this thread, outermost first. In a
    /// `ManuallyDrop`: a value without drop glue needs no destructor registered for the thread
    /// (that machinery, with the formatting of its abort message, would be compiled here). The
    /// buffer is freed whenever the stack is emptied (`on_stack`), so nothing is left at the
    /// thread's end.
    static LISTING: core::cell::RefCell<ManuallyDrop<Vec<&'static str>>> =
        const { core::cell::RefCell::new(ManuallyDrop::new(Vec::new())) };
}

/// A type on the [`LISTING`] stack; dropping it pops the type.
struct Listing;

impl Listing {
    /// Pushes `name`, or `None` if it is on the stack already (recursion).
    fn enter(name: &'static str) -> Option<Listing> {
        match on_stack(Some(name)) {
            true => Some(Listing),
            false => None,
        }
    }
}

impl Drop for Listing {
    fn drop(&mut self) {
        on_stack(None);
    }
}

/// The one access to [`LISTING`] (each `try_with` and its closure is generic code compiled
/// here): with `Some(name)`, pushes `name` unless it is on the stack already, `true` when
/// pushed; with `None`, pops. (`try_with` rather than `with`, which adds a panic: it does not
/// fail, as a thread-local without drop glue is never destroyed.)
fn on_stack(name: Option<&'static str>) -> bool {
    let pushed = LISTING.try_with(|stack| {
        let mut stack = stack.borrow_mut();
        let Some(name) = name else {
            stack.pop();
            if stack.is_empty() {
                // The buffer freed: the stack itself is never dropped.
                drop(core::mem::take(&mut **stack));
            }
            return false;
        };
        let mut i = 0;
        while i < stack.len() && stack[i] != name {
            i += 1;
        }
        if i < stack.len() {
            return false;
        }
        stack.push(name);
        true
    });
    matches!(pushed, Ok(true))
}
