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

/// The variant's default code: heck's `ToShoutySnakeCase`, checked against heck's own tests
/// and the examples of api.md.
#[test]
fn shouty_snake_case_as_heck_writes_it() {
    use crate::names::shouty_snake;
    for (name, code) in [
        ("HTTPError", "HTTP_ERROR"),
        ("Error404", "ERROR404"),
        ("UserNotFound", "USER_NOT_FOUND"),
        ("r#match", "MATCH"),
        ("CamelCase", "CAMEL_CASE"),
        ("This is Human case.", "THIS_IS_HUMAN_CASE"),
        ("MixedUP CamelCase, with some Spaces", "MIXED_UP_CAMEL_CASE_WITH_SOME_SPACES"),
        ("mixed_up_ snake_case with some _spaces", "MIXED_UP_SNAKE_CASE_WITH_SOME_SPACES"),
        ("kebab-case", "KEBAB_CASE"),
        ("SHOUTY_SNAKE_CASE", "SHOUTY_SNAKE_CASE"),
        ("snake_case", "SNAKE_CASE"),
        ("this-contains_ ALLKinds OfWord_Boundaries", "THIS_CONTAINS_ALL_KINDS_OF_WORD_BOUNDARIES"),
        ("XΣXΣ baﬄe", "XΣXΣ_BAFFLE"),
        ("XMLHttpRequest", "XML_HTTP_REQUEST"),
        ("FIELD_NAME11", "FIELD_NAME11"),
        ("99BOTTLES", "99BOTTLES"),
        ("FieldNamE11", "FIELD_NAM_E11"),
        ("abc123def456", "ABC123DEF456"),
        ("abc123DEF456", "ABC123_DEF456"),
        ("abc123Def456", "ABC123_DEF456"),
        ("abcDEF123", "ABC_DEF123"),
        ("ABCDef", "ABC_DEF"),
        ("V2Api", "V2_API"),
        ("Error404NotFound", "ERROR404_NOT_FOUND"),
        ("A", "A"),
        ("_Leading", "LEADING"),
        ("Trailing_", "TRAILING"),
        ("OutOfCredit0", "OUT_OF_CREDIT0"),
    ] {
        assert_eq!(shouty_snake(name), code, "{name}");
    }
}

/// `#[grpc(CODE)]`: the 16 error codes at google.rpc.Code's numbers, and "did you mean".
#[test]
fn grpc_codes_and_suggestions() {
    use crate::names::{grpc_number, suggest_grpc, GRPC_CODES};
    assert_eq!(grpc_number("OK"), Some(0));
    assert_eq!(grpc_number("NOT_FOUND"), Some(5));
    assert_eq!(grpc_number("ALREADY_EXISTS"), Some(6));
    assert_eq!(grpc_number("UNAUTHENTICATED"), Some(16));
    assert_eq!(grpc_number("NotFound"), None);
    assert_eq!(GRPC_CODES.len(), 17);
    assert_eq!(suggest_grpc("NotFound"), Some("NOT_FOUND"));
    assert_eq!(suggest_grpc("not_found"), Some("NOT_FOUND"));
    assert_eq!(suggest_grpc("CANCELED"), Some("CANCELLED"));
    assert_eq!(suggest_grpc("Unauthorized"), Some("UNAUTHENTICATED"));
    assert_eq!(suggest_grpc("INVALID_ARGUMNT"), Some("INVALID_ARGUMENT"));
    assert_eq!(suggest_grpc("OK"), None);
    assert_eq!(suggest_grpc("BANANA"), None);
}
