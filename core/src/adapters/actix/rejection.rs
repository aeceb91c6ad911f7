//! `HttpStatus` for actix-web's extractor errors, so that a derived error can wrap them with
//! `#[status(transparent)]`. The status is the one actix-web gives the error
//! (`ResponseError::status_code`); its Display text is the detail, shown for a 4xx and hidden
//! for a 5xx. That is also the text of the error's own response (`error_response()`, which none
//! of the four overrides), so the detail is the same when `ProblemMiddleware` rewrites that
//! response.

use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError, UrlencodedError};
use actix_web::ResponseError;
use http::StatusCode;

use crate::adapters::actix::response::http_status;
use crate::adapters::foreign::{rejection, Case};

/// `PayloadError` (inside the body errors): 413 at the size limit, 400 otherwise.
const PAYLOAD: [Case; 2] = [
    Case {
        status: StatusCode::BAD_REQUEST,
        name: "Payload",
        doc: "The request body could not be read.",
        detail: "Error that occur during reading payload: payload reached EOF before completing: None",
    },
    Case {
        status: StatusCode::PAYLOAD_TOO_LARGE,
        name: "Payload",
        doc: "The request body reached the size limit while it was read.",
        detail: "Error that occur during reading payload: payload reached size limit",
    },
];

const JSON: &[Case] = &[
    Case {
        status: StatusCode::BAD_REQUEST,
        name: "ContentType",
        doc: "The request has no `Content-Type: application/json` (or the type the `JsonConfig` accepts).",
        detail: "Content type error",
    },
    Case {
        status: StatusCode::BAD_REQUEST,
        name: "Deserialize",
        doc: "The request body is not JSON of the expected type.",
        detail: "Json deserialize error: missing field `email` at line 1 column 15",
    },
    PAYLOAD[0],
    Case {
        status: StatusCode::PAYLOAD_TOO_LARGE,
        name: "OverflowKnownLength",
        doc: "The request's `content-length` is over the limit (`JsonConfig::limit`, 2 MB by default).",
        detail: "JSON payload (3000000 bytes) is larger than allowed (limit: 2097152 bytes).",
    },
    Case {
        status: StatusCode::PAYLOAD_TOO_LARGE,
        name: "Overflow",
        doc: "The request body went over the limit (`JsonConfig::limit`, 2 MB by default).",
        detail: "JSON payload has exceeded limit (2097152 bytes).",
    },
    PAYLOAD[1],
    Case {
        status: StatusCode::INTERNAL_SERVER_ERROR,
        name: "Serialize",
        doc: "A value could not be serialized as JSON (a bug in the service).",
        detail: "Json serialize error: key must be a string",
    },
];

const PATH: &[Case] = &[Case {
    status: StatusCode::BAD_REQUEST,
    name: "Deserialize",
    doc: "A path parameter does not parse as its type.",
    detail: "Path deserialize error: can not parse \"abc\" to a u64",
}];

const QUERY: &[Case] = &[Case {
    status: StatusCode::BAD_REQUEST,
    name: "Deserialize",
    doc: "The query string does not parse as the expected type.",
    detail: "Query deserialize error: missing field `page`",
}];

const URLENCODED: &[Case] = &[
    Case {
        status: StatusCode::BAD_REQUEST,
        name: "Parse",
        doc: "The form body does not parse as the expected type.",
        detail: "Parse error: missing field `name`.",
    },
    Case {
        status: StatusCode::BAD_REQUEST,
        name: "Chunked",
        doc: "The chunked transfer encoding of the body could not be decoded.",
        detail: "Can not decode chunked transfer encoding.",
    },
    Case {
        status: StatusCode::BAD_REQUEST,
        name: "Encoding",
        doc: "The body is not in the charset of its content type.",
        detail: "Encoding error.",
    },
    PAYLOAD[0],
    Case {
        status: StatusCode::LENGTH_REQUIRED,
        name: "UnknownLength",
        doc: "The size of the body is not known.",
        detail: "Payload size is now known.",
    },
    Case {
        status: StatusCode::PAYLOAD_TOO_LARGE,
        name: "Overflow",
        doc: "The body is over the limit (`FormConfig::limit`, 16 kB by default).",
        detail: "URL encoded payload is larger (20000 bytes) than allowed (limit: 16384 bytes).",
    },
    PAYLOAD[1],
    Case {
        status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
        name: "ContentType",
        doc: "The request has no `Content-Type: application/x-www-form-urlencoded`.",
        detail: "Content type error.",
    },
];

rejection!(JsonPayloadError, &JSON, status);
rejection!(PathError, &PATH, status);
rejection!(QueryPayloadError, &QUERY, status);
rejection!(UrlencodedError, &URLENCODED, status);

/// The status actix-web gives the error (`ResponseError::status_code`), as an `http` 1.x one.
fn status<E: ResponseError>(e: &E) -> StatusCode {
    http_status(e.status_code())
}
