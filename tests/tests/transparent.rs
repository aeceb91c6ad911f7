//! Transparent fields: statuses through a field whose type has the outer type's name, through
//! pointers, through the type itself (recursion), and generic recursive types.

use errstatus::HttpStatus;
use http::StatusCode;

fn codes(list: Vec<StatusCode>) -> Vec<u16> {
    list.iter().map(StatusCode::as_u16).collect()
}

mod auth {
    /// Same name as the outer `Error`: a common layout.
    #[derive(Debug, thiserror::Error, errstatus::HttpStatus)]
    pub enum Error {
        #[error("forbidden")]
        #[status(403)]
        Forbidden,
        #[error("account locked")]
        #[status(423)]
        Locked,
    }
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum Error {
    #[error(transparent)]
    #[status(transparent)]
    Auth(auth::Error),
    #[error("conflict")]
    #[status(409)]
    Conflict,
}

#[test]
fn inner_type_with_the_outer_name_is_listed() {
    assert_eq!(codes(Error::statuses()), [403, 409, 423]);
    assert_eq!(Error::Auth(auth::Error::Locked).status(), 423);
    assert_eq!(Error::Conflict.status(), 409);
}

/// Recursion through the type itself ends: its codes are listed once.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum Chain {
    #[error(transparent)]
    #[status(transparent)]
    Again(Box<Chain>),
    #[error(transparent)]
    #[status(transparent)]
    Other(Box<Self>),
    #[error("missing")]
    #[status(404)]
    Missing,
}

/// Mutual recursion: A wraps B, B wraps A.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum A {
    #[error(transparent)]
    #[status(transparent)]
    B(Box<B>),
    #[error("a")]
    #[status(410)]
    Gone,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum B {
    #[error(transparent)]
    #[status(transparent)]
    A(Box<A>),
    #[error("b")]
    #[status(412)]
    Failed,
}

#[test]
fn recursion_ends() {
    assert_eq!(codes(Chain::statuses()), [404]);
    assert_eq!(Chain::Again(Box::new(Chain::Other(Box::new(Chain::Missing)))).status(), 404);
    assert_eq!(codes(A::statuses()), [410, 412]);
    assert_eq!(codes(B::statuses()), [410, 412]);
    assert_eq!(A::B(Box::new(B::A(Box::new(A::Gone)))).status(), 410);
    assert_eq!(A::B(Box::new(B::Failed)).status(), 412);
}

/// A generic recursive type: no circular `Box<Tree<T>>: HttpStatus` bound.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum Tree<T: std::error::Error + 'static> {
    #[error(transparent)]
    #[status(transparent)]
    Leaf(T),
    #[error(transparent)]
    #[status(transparent)]
    Nested(Box<Tree<T>>),
}

#[test]
fn generic_recursive_type_implements_the_trait() {
    let tree: Tree<auth::Error> = Tree::Nested(Box::new(Tree::Leaf(auth::Error::Forbidden)));
    assert_eq!(tree.status(), 403);
    let response: http::Response<String> = tree.into();
    assert_eq!(response.body(), r#"{"type":"about:blank","title":"Forbidden","status":403,"detail":"forbidden"}"#);
    assert_eq!(codes(Tree::<auth::Error>::statuses()), [403, 423]);
}
