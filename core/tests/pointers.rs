//! `&T`, `Box<T>` and `Arc<T>` forward everything to `T`, `statuses()` included, so a
//! transparent field behind a pointer lists the inner type's codes; trait objects are errors
//! with a status too (their list of codes is empty: nothing is known statically).

use std::sync::Arc;

use errstatus::http::{Response, StatusCode};
use errstatus::HttpStatus;

fn codes(list: Vec<StatusCode>) -> Vec<u16> {
    list.iter().map(StatusCode::as_u16).collect()
}

#[path = "common/pointer_types.rs"]
mod pointer_types;
use pointer_types::{Borrowed, Boxed, Inner, Shared};

static MISSING: Inner = Inner::Missing;

#[test]
fn statuses_of_a_transparent_pointer_field_are_the_inner_types() {
    assert_eq!(codes(Boxed::statuses()), [404, 409, 429]);
    assert_eq!(codes(Borrowed::statuses()), [404, 409, 429]);
    assert_eq!(codes(Shared::statuses()), [404, 409, 429]);
}

#[test]
fn pointers_forward_statuses() {
    assert_eq!(codes(<Box<Inner>>::statuses()), [404, 429]);
    assert_eq!(codes(<&Inner>::statuses()), [404, 429]);
    assert_eq!(codes(<Arc<Inner>>::statuses()), [404, 429]);
    assert_eq!(codes(<Box<Arc<&Inner>>>::statuses()), [404, 429]);
}

/// The response through the pointer is the inner error's: status, header field and body.
#[test]
fn responses_through_pointers() {
    let inner = || Inner::Limited { retry_after: 30 };
    let expected: Response<String> = inner().into();
    for response in [
        Response::<String>::from(Boxed::A(Box::new(inner()))),
        Response::<String>::from(Shared::A(Arc::new(inner()))),
        errstatus::response(&Arc::new(inner())),
        errstatus::response(&Box::new(inner())),
    ] {
        assert_eq!(response.status(), 429);
        assert_eq!(response.headers()["retry-after"], "30");
        assert_eq!(response.body(), expected.body());
    }
    let response: Response<String> = Borrowed::A(&MISSING).into();
    assert_eq!(response.status(), 404);
    assert_eq!(response.body(), r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"no such order"}"#);
}

/// Trait objects: status and response of the error inside; no static list of codes.
#[test]
fn trait_objects() {
    let boxed: Box<dyn HttpStatus + Send + Sync> = Box::new(Inner::Limited { retry_after: 5 });
    assert_eq!(boxed.status(), 429);
    assert!(<Box<dyn HttpStatus + Send + Sync>>::statuses().is_empty());
    let response: Response<String> = errstatus::response(&boxed);
    assert_eq!(response.headers()["retry-after"], "5");

    let shared: Arc<dyn HttpStatus> = Arc::new(Inner::Missing);
    let borrowed: &dyn HttpStatus = &*shared;
    fn status_of<E: HttpStatus>(e: E) -> StatusCode {
        e.status()
    }
    assert_eq!(status_of(&shared), 404);
    assert_eq!(status_of(borrowed), 404);
    // An unsized error: `response` takes it by reference.
    let response: Response<String> = errstatus::response(borrowed);
    assert_eq!(response.body(), r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"no such order"}"#);
}
