//! `HttpStatus` for axum's extractor rejections, so that a derived error can wrap them with
//! `#[status(transparent)]`. The status is the one axum gives the rejection; the text of axum's
//! own response for it (`body_text()`) is the detail, shown for a 4xx and hidden for a 5xx:
//! the same detail as when `ProblemLayer` rewrites axum's response. (For all but the path
//! rejection that text is the Display text; a path that does not parse gets "Invalid URL: "
//! in front of it.)

use ::axum::extract::rejection::{FormRejection, JsonRejection, PathRejection, QueryRejection};
use http::StatusCode;

use crate::adapters::foreign::{rejection, Case};
use crate::status::problem::Problem;

/// The ways of `FailedToBufferBody` (the `BytesRejection` inside the body rejections).
const BUFFER: [Case; 2] = [
    Case {
        status: StatusCode::BAD_REQUEST,
        name: "UnknownBodyError",
        doc: "The request body could not be read.",
        detail: "Failed to buffer the request body: error reading a body from connection",
    },
    Case {
        status: StatusCode::PAYLOAD_TOO_LARGE,
        name: "LengthLimitError",
        doc: "The request body is larger than the limit (`DefaultBodyLimit`, 2 MB by default).",
        detail: "Failed to buffer the request body: length limit exceeded",
    },
];

const JSON: &[Case] = &[
    Case {
        status: StatusCode::BAD_REQUEST,
        name: "JsonSyntaxError",
        doc: "The request body is not valid JSON.",
        detail: "Failed to parse the request body as JSON: EOF while parsing an object at line 1 column 9",
    },
    BUFFER[0],
    BUFFER[1],
    Case {
        status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
        name: "MissingJsonContentType",
        doc: "The request has no `Content-Type: application/json`.",
        detail: "Expected request with `Content-Type: application/json`",
    },
    Case {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        name: "JsonDataError",
        doc: "The request body is JSON, but not of the expected type.",
        detail: "Failed to deserialize the JSON body into the target type: missing field `email` at line 1 column 15",
    },
];

const PATH: &[Case] = &[
    Case {
        status: StatusCode::BAD_REQUEST,
        name: "FailedToDeserializePathParams",
        doc: "A path parameter does not parse as its type.",
        detail: "Invalid URL: Cannot parse `abc` to a `u64`",
    },
    Case {
        status: StatusCode::INTERNAL_SERVER_ERROR,
        name: "FailedToDeserializePathParams",
        doc: "The `Path` extractor does not fit the route: wrong number of parameters, or an unsupported type (a bug in the service).",
        detail: "Wrong number of path arguments for `Path`. Expected 2 but got 1",
    },
    Case {
        status: StatusCode::INTERNAL_SERVER_ERROR,
        name: "MissingPathParams",
        doc: "The route has no path parameters for the `Path` extractor (a bug in the service).",
        detail: "No paths parameters found for matched route",
    },
];

const QUERY: &[Case] = &[Case {
    status: StatusCode::BAD_REQUEST,
    name: "FailedToDeserializeQueryString",
    doc: "The query string does not parse as the expected type.",
    detail: "Failed to deserialize query string: missing field `page`",
}];

const FORM: &[Case] = &[
    Case {
        status: StatusCode::BAD_REQUEST,
        name: "FailedToDeserializeForm",
        doc: "The form (in the query string of a GET or HEAD request) does not parse as the expected type.",
        detail: "Failed to deserialize form: missing field `name`",
    },
    BUFFER[0],
    BUFFER[1],
    Case {
        status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
        name: "InvalidFormContentType",
        doc: "The request has no `Content-Type: application/x-www-form-urlencoded`.",
        detail: "Form requests must have `Content-Type: application/x-www-form-urlencoded`",
    },
    Case {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        name: "FailedToDeserializeFormBody",
        doc: "The form body does not parse as the expected type.",
        detail: "Failed to deserialize form body: missing field `name`",
    },
];

rejection!(JsonRejection, &JSON, JsonRejection::status, json_text);
rejection!(PathRejection, &PATH, PathRejection::status, path_text);
rejection!(QueryRejection, &QUERY, QueryRejection::status, query_text);
rejection!(FormRejection, &FORM, FormRejection::status, form_text);

/// The status and the text of axum's own response for a rejection, `body_text()`.
macro_rules! body_text {
    ($($name:ident: $ty:ty),*) => {$(
        fn $name(e: &$ty, p: &mut Problem<'_>) {
            p.status_text(e.status(), e.body_text());
        }
    )*};
}

body_text!(json_text: JsonRejection, path_text: PathRejection, query_text: QueryRejection, form_text: FormRejection);
