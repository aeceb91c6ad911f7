//! `__private::statuses_of::<T>`, which the derived `statuses()` calls: the own codes plus the
//! transparent fields' lists, sorted and deduplicated, ending at a type that is already being
//! listed (recursion), and leaving nothing behind when an inner list panics.
//!
//! The impls are written by hand here, as the derive writes them, to test the function itself.

use std::cell::Cell;
use std::panic::catch_unwind;

use errstatus::__private::statuses_of;
use errstatus::http::StatusCode;
use errstatus::HttpStatus;

fn codes(list: Vec<StatusCode>) -> Vec<u16> {
    list.iter().map(StatusCode::as_u16).collect()
}

/// `Tree { Leaf (404), Nested(Box<Tree>), Other(Box<Tree>) }`.
struct Tree;

impl HttpStatus for Tree {
    fn status(&self) -> StatusCode {
        StatusCode::NOT_FOUND
    }

    fn statuses() -> Vec<StatusCode> {
        statuses_of::<Self>(&[StatusCode::NOT_FOUND], &[<Box<Tree>>::statuses, <Box<Tree>>::statuses])
    }
}

/// `A { Gone (410), B(Box<B>) }` and `B { Failed (412), Conflict (409), A(Box<A>) }`.
struct A;
struct B;

impl HttpStatus for A {
    fn status(&self) -> StatusCode {
        StatusCode::GONE
    }

    fn statuses() -> Vec<StatusCode> {
        statuses_of::<Self>(&[StatusCode::GONE], &[<Box<B>>::statuses])
    }
}

impl HttpStatus for B {
    fn status(&self) -> StatusCode {
        StatusCode::PRECONDITION_FAILED
    }

    fn statuses() -> Vec<StatusCode> {
        statuses_of::<Self>(&[StatusCode::PRECONDITION_FAILED, StatusCode::CONFLICT], &[<Box<A>>::statuses])
    }
}

/// Generic: `Wrap<T> { BadRequest (400), Inner(T) }`; each `Wrap<T>` is a type of its own.
struct Wrap<T>(T);

impl<T: HttpStatus> HttpStatus for Wrap<T> {
    fn status(&self) -> StatusCode {
        self.0.status()
    }

    fn statuses() -> Vec<StatusCode> {
        statuses_of::<Self>(&[StatusCode::BAD_REQUEST], &[T::statuses])
    }
}

#[test]
fn a_recursive_type_lists_its_own_codes_once() {
    assert_eq!(codes(Tree::statuses()), [404]);
    assert_eq!(codes(<Box<Tree>>::statuses()), [404]);
}

#[test]
fn mutual_recursion_ends_and_lists_both_types() {
    assert_eq!(codes(A::statuses()), [409, 410, 412]);
    assert_eq!(codes(B::statuses()), [409, 410, 412]);
}

#[test]
fn generic_instances_are_different_types() {
    assert_eq!(codes(Wrap::<A>::statuses()), [400, 409, 410, 412]);
    // Wrap<Wrap<A>> lists Wrap<A> inside: not mistaken for recursion.
    assert_eq!(codes(Wrap::<Wrap<A>>::statuses()), [400, 409, 410, 412]);
}

#[test]
fn own_codes_are_sorted_and_deduplicated() {
    struct Many;
    impl HttpStatus for Many {
        fn status(&self) -> StatusCode {
            StatusCode::NOT_FOUND
        }
        fn statuses() -> Vec<StatusCode> {
            statuses_of::<Self>(&[StatusCode::GONE, StatusCode::NOT_FOUND, StatusCode::GONE], &[A::statuses])
        }
    }
    assert_eq!(codes(Many::statuses()), [404, 409, 410, 412]);
}

thread_local! {
    static PANIC_NEXT: Cell<bool> = const { Cell::new(false) };
}

/// `Fragile { 500, Inner(Box<Panicky>) }`, where listing `Panicky` panics once when asked to.
struct Fragile;
struct Panicky;

impl HttpStatus for Fragile {
    fn status(&self) -> StatusCode {
        StatusCode::INTERNAL_SERVER_ERROR
    }

    fn statuses() -> Vec<StatusCode> {
        statuses_of::<Self>(&[StatusCode::INTERNAL_SERVER_ERROR], &[<Box<Panicky>>::statuses])
    }
}

impl HttpStatus for Panicky {
    fn status(&self) -> StatusCode {
        StatusCode::BAD_GATEWAY
    }

    fn statuses() -> Vec<StatusCode> {
        if PANIC_NEXT.with(|p| p.replace(false)) {
            panic!("listing failed");
        }
        statuses_of::<Self>(&[StatusCode::BAD_GATEWAY], &[])
    }
}

/// A panic inside an inner list unwinds through `statuses_of`; the types it was listing are
/// taken off the stack, so the next call on this thread lists everything again (it would
/// otherwise find `Fragile` "already being listed" and give only its own code).
#[test]
fn a_panicking_inner_list_leaves_nothing_behind() {
    assert_eq!(codes(Fragile::statuses()), [500, 502]);
    PANIC_NEXT.with(|p| p.set(true));
    assert!(catch_unwind(Fragile::statuses).is_err());
    assert_eq!(codes(Fragile::statuses()), [500, 502]);
}
