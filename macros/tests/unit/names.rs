//! The name helpers of names.rs: suggestions for typos, header names.

use crate::names::{header_const_to_name, is_token, suggest_header, suggest_status};

#[test]
fn suggestions() {
    assert_eq!(suggest_status("NOT_FOUN"), Some("NOT_FOUND"));
    assert_eq!(suggest_status("NotFound"), Some("NOT_FOUND"));
    assert_eq!(suggest_status("not_found"), Some("NOT_FOUND"));
    assert_eq!(suggest_status("TEAPOT"), Some("IM_A_TEAPOT"));
    assert_eq!(suggest_status("RequestEntityTooLarge"), Some("CONTENT_TOO_LARGE"));
    assert_eq!(suggest_status("CONFLCT"), Some("CONFLICT"));
    assert_eq!(suggest_status("XYZZY_PLUGH_QUUX"), None);
    assert_eq!(suggest_header("RETRY_AFTR"), Some("RETRY_AFTER"));
}

#[test]
fn header_names() {
    assert_eq!(header_const_to_name("WWW_AUTHENTICATE"), "www-authenticate");
    assert!(is_token("x-request-id"));
    assert!(!is_token("x request"));
    assert!(!is_token(""));
    assert!(!is_token("a\r\nb"));
}
