//! Feature `tonic`: a tonic client calls an in-process tonic server on 127.0.0.1:0 whose one
//! method fails with a derived error (`tonic::Status::from(error)`); the client sees the code,
//! the message, the details (decoded with `tonic_types::StatusExt`) and the metadata. The
//! service is written by hand, without protobuf code generation: a `tonic::server::Grpc` over
//! a codec of raw bytes, the request naming the case. Last, a property: a hidden error's
//! Display text and members never reach a `tonic::Status` (built in-process).

use std::collections::HashMap;
use std::convert::Infallible;
use std::future::{ready, Future, Ready};
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::{Buf, BufMut};
use errstatus::HttpStatus;
use http::StatusCode;
use proptest::prelude::*;
use tonic::codec::{Codec, DecodeBuf, Decoder, EncodeBuf, Encoder};
use tonic::server::NamedService;
use tonic::transport::{Channel, Endpoint, Server};
use tonic::{Code, Status};
use tonic_types::StatusExt;

/// Every row of the table through a status decided at run time, and the cases of their own.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("failed with {0}")]
    AtStatus(#[status] StatusCode),
    #[error("order {id} exists")]
    #[status(409)]
    #[grpc(ALREADY_EXISTS)]
    Duplicate {
        #[problem(extension)]
        id: u64,
        #[problem(extension)]
        owner: String,
        #[problem(extension)]
        tags: Vec<String>,
        #[problem(extension)]
        paid: bool,
    },
    #[error("database password {secret} rejected")]
    #[status(500)]
    Database {
        #[problem(extension)]
        secret: String,
    },
    #[error("busy")]
    #[status(503)]
    Busy {
        #[header(RETRY_AFTER)]
        after: u64,
        #[header("x-request-id")]
        request: String,
    },
    #[error("slow down")]
    #[status(429)]
    RateLimited {
        #[header(RETRY_AFTER)]
        at: String,
    },
}

/// `#[grpc]` on the type: the default of its variants.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[grpc(FAILED_PRECONDITION)]
enum Billing {
    #[error("quota of {0} reached")]
    #[status(403)]
    Quota(#[problem(extension = "limit")] u32),
    #[error("ledger lost")]
    #[status(404)]
    #[grpc(DATA_LOSS)]
    Lost,
}

/// A transparent variant: the inner error's code, message and details; the type's `#[grpc]`
/// is for its own variants.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[grpc(UNAVAILABLE)]
enum Outer {
    #[error(transparent)]
    #[status(transparent)]
    Billing(Billing),
    #[error(transparent)]
    #[status(transparent)]
    Api(ApiError),
    #[error("maintenance")]
    #[status(404)]
    Maintenance,
}

fn failure(case: &str) -> Status {
    let (kind, arg) = case.split_once(':').unwrap_or((case, ""));
    match kind {
        "status" => ApiError::AtStatus(StatusCode::from_u16(arg.parse().unwrap()).unwrap()).into(),
        "duplicate" => {
            ApiError::Duplicate { id: 7, owner: "ann".into(), tags: vec!["a".into(), "b".into()], paid: true }.into()
        }
        "database" => (&ApiError::Database { secret: "hunter2".into() }).into(),
        "busy" => ApiError::Busy { after: 120, request: "req-1".into() }.into(),
        "rate" => ApiError::RateLimited { at: "Wed, 21 Oct 2015 07:28:00 GMT".into() }.into(),
        "quota" => Outer::Billing(Billing::Quota(10)).into(),
        "lost" => Outer::Billing(Billing::Lost).into(),
        "wrapped-duplicate" => {
            Outer::Api(ApiError::Duplicate { id: 8, owner: "bob".into(), tags: Vec::new(), paid: false }).into()
        }
        "maintenance" => Outer::Maintenance.into(),
        other => panic!("unknown case {other}"),
    }
}

/// Messages as raw bytes.
#[derive(Clone, Copy, Default)]
struct Raw;

impl Codec for Raw {
    type Encode = Vec<u8>;
    type Decode = Vec<u8>;
    type Encoder = Raw;
    type Decoder = Raw;

    fn encoder(&mut self) -> Raw {
        Raw
    }

    fn decoder(&mut self) -> Raw {
        Raw
    }
}

impl Encoder for Raw {
    type Item = Vec<u8>;
    type Error = Status;

    fn encode(&mut self, item: Vec<u8>, dst: &mut EncodeBuf<'_>) -> Result<(), Status> {
        dst.put_slice(&item);
        Ok(())
    }
}

impl Decoder for Raw {
    type Item = Vec<u8>;
    type Error = Status;

    fn decode(&mut self, src: &mut DecodeBuf<'_>) -> Result<Option<Vec<u8>>, Status> {
        let mut out = vec![0; src.remaining()];
        src.copy_to_slice(&mut out);
        Ok(Some(out))
    }
}

/// The one method: fails with the case the request names.
struct Fail;

impl tonic::server::UnaryService<Vec<u8>> for Fail {
    type Response = Vec<u8>;
    type Future = Ready<Result<tonic::Response<Vec<u8>>, Status>>;

    fn call(&mut self, request: tonic::Request<Vec<u8>>) -> Self::Future {
        ready(Err(failure(std::str::from_utf8(request.get_ref()).unwrap())))
    }
}

#[derive(Clone)]
struct Service;

impl NamedService for Service {
    const NAME: &'static str = "errstatus.Test";
}

impl tower_service::Service<http::Request<tonic::body::Body>> for Service {
    type Response = http::Response<tonic::body::Body>;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<tonic::body::Body>) -> Self::Future {
        Box::pin(async move { Ok(tonic::server::Grpc::new(Raw).unary(Fail, request).await) })
    }
}

async fn serve() -> Channel {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let incoming = tonic::transport::server::TcpIncoming::from(listener);
    tokio::spawn(Server::builder().add_service(Service).serve_with_incoming(incoming));
    Endpoint::from_shared(format!("http://{addr}")).unwrap().connect().await.unwrap()
}

/// The status the client gets for a case.
async fn call(channel: &Channel, case: &str) -> Status {
    let mut grpc = tonic::client::Grpc::new(channel.clone());
    grpc.ready().await.unwrap();
    let path = http::uri::PathAndQuery::from_static("/errstatus.Test/Fail");
    let reply = grpc.unary::<Vec<u8>, Vec<u8>, Raw>(tonic::Request::new(case.as_bytes().to_vec()), path, Raw).await;
    reply.expect_err("the method always fails")
}

fn error_info(status: &Status) -> tonic_types::ErrorInfo {
    status.get_error_details().error_info().cloned().expect("ErrorInfo is always there")
}

fn metadata(status: &Status, key: &str) -> Option<String> {
    status.metadata().get(key).map(|v| v.to_str().unwrap().to_owned())
}

const DOMAIN: &str = "errstatus-frameworks";

#[tokio::test]
async fn every_row_of_the_table() {
    use Code::*;
    let table = [
        (400, InvalidArgument),
        (422, InvalidArgument),
        (401, Unauthenticated),
        (403, PermissionDenied),
        (404, NotFound),
        (410, NotFound),
        (408, DeadlineExceeded),
        (504, DeadlineExceeded),
        (409, Aborted),
        (412, FailedPrecondition),
        (428, FailedPrecondition),
        (413, ResourceExhausted),
        (429, ResourceExhausted),
        (416, OutOfRange),
        (405, Unimplemented),
        (501, Unimplemented),
        (502, Unavailable),
        (503, Unavailable),
        (499, Cancelled),
        (423, FailedPrecondition),
        (451, FailedPrecondition),
        (500, Internal),
        (507, Internal),
        (599, Internal),
        (600, Internal),
        (999, Internal),
        (399, Unknown),
        (302, Unknown),
        (200, Unknown),
    ];
    let channel = serve().await;
    for (code, grpc) in table {
        let status = call(&channel, &format!("status:{code}")).await;
        let http = StatusCode::from_u16(code).unwrap();
        assert_eq!(status.code(), grpc, "{code}");
        assert_eq!(errstatus::grpc::code(http), grpc, "{code}");
        // Below 500 the Display text; from 500 on (600-999 too) hidden: the IANA title.
        let message = match code {
            ..500 => format!("failed with {http}"),
            _ => errstatus::registry::lookup(code).map_or("Unknown Status", |e| e.reason).to_owned(),
        };
        assert_eq!(status.message(), message, "{code}");
        let info = error_info(&status);
        assert_eq!((info.reason.as_str(), info.domain.as_str()), ("AT_STATUS", DOMAIN), "{code}");
        assert!(info.metadata.is_empty());
        assert!(status.get_error_details().retry_info().is_none());
    }
}

#[tokio::test]
async fn a_variant_overrides_the_code_and_its_members_are_error_info_metadata() {
    let channel = serve().await;
    let status = call(&channel, "duplicate").await;
    assert_eq!(status.code(), Code::AlreadyExists);
    assert_eq!(status.message(), "order 7 exists");
    let info = error_info(&status);
    assert_eq!(info.reason, "DUPLICATE");
    assert_eq!(info.domain, DOMAIN);
    let expected: HashMap<String, String> = [("id", "7"), ("owner", "ann"), ("tags", r#"["a","b"]"#), ("paid", "true")]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    assert_eq!(info.metadata, expected);
}

#[tokio::test]
async fn the_type_gives_the_default_code_of_its_variants() {
    let channel = serve().await;
    let quota = call(&channel, "quota").await;
    assert_eq!(quota.code(), Code::FailedPrecondition);
    assert_eq!(quota.message(), "quota of 10 reached");
    let info = error_info(&quota);
    assert_eq!(info.reason, "QUOTA");
    assert_eq!(info.metadata.get("limit").map(String::as_str), Some("10"));
    assert_eq!(call(&channel, "lost").await.code(), Code::DataLoss);
    // The outer type's own variant: its type's `#[grpc(UNAVAILABLE)]`, not the table's NOT_FOUND.
    let own = call(&channel, "maintenance").await;
    assert_eq!(own.code(), Code::Unavailable);
    assert_eq!(error_info(&own).reason, "MAINTENANCE");
}

#[tokio::test]
async fn a_transparent_variant_is_the_inner_error() {
    let channel = serve().await;
    let status = call(&channel, "wrapped-duplicate").await;
    // The inner's `#[grpc(ALREADY_EXISTS)]`, not the outer type's `UNAVAILABLE`.
    assert_eq!(status.code(), Code::AlreadyExists);
    assert_eq!(status.message(), "order 8 exists");
    let info = error_info(&status);
    assert_eq!(info.reason, "DUPLICATE");
    assert_eq!(info.metadata.get("owner").map(String::as_str), Some("bob"));
    assert_eq!(info.metadata.get("tags").map(String::as_str), Some("[]"));
}

#[tokio::test]
async fn a_hidden_5xx_sends_its_title_and_no_members() {
    let channel = serve().await;
    let status = call(&channel, "database").await;
    assert_eq!(status.code(), Code::Internal);
    assert_eq!(status.message(), "Internal Server Error");
    let info = error_info(&status);
    assert_eq!(info.reason, "DATABASE");
    assert!(info.metadata.is_empty());
    assert!(!contains(status.details(), b"hunter2"));
    assert!(status.metadata().iter().all(|kv| !format!("{kv:?}").contains("hunter2")));
}

#[tokio::test]
async fn retry_after_in_seconds_is_retry_info_and_other_fields_are_metadata() {
    let channel = serve().await;
    let busy = call(&channel, "busy").await;
    assert_eq!(busy.code(), Code::Unavailable);
    assert_eq!(busy.message(), "Service Unavailable");
    let retry = busy.get_error_details().retry_info().cloned().expect("RetryInfo");
    assert_eq!(retry.retry_delay, Some(Duration::from_secs(120)));
    assert_eq!(metadata(&busy, "retry-after"), None);
    assert_eq!(metadata(&busy, "x-request-id").as_deref(), Some("req-1"));
    // An HTTP-date is no delay: it stays a metadata entry, and no RetryInfo.
    let rate = call(&channel, "rate").await;
    assert_eq!(rate.code(), Code::ResourceExhausted);
    assert!(rate.get_error_details().retry_info().is_none());
    assert_eq!(metadata(&rate, "retry-after").as_deref(), Some("Wed, 21 Oct 2015 07:28:00 GMT"));
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every way a detail is hidden: a 5xx with a Display field, members of a 5xx, a run-time 5xx,
/// `expose = false` on a 4xx, a hidden error behind a transparent variant. Each also sends a
/// header field, which is no secret.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum Hidden {
    #[error("{0}")]
    #[status(500)]
    Display(String),
    #[error("upstream {text} failed")]
    #[status(503)]
    #[grpc(UNAVAILABLE)]
    Members {
        text: String,
        #[problem(extension)]
        member: String,
        #[problem(extension = "list")]
        list: Vec<String>,
        #[header("x-trace")]
        trace: u32,
    },
    #[error("{text}")]
    RunTime {
        #[status]
        status: StatusCode,
        #[problem(extension)]
        text: String,
    },
    #[error("{text}")]
    #[status(400, expose = false)]
    Masked4xx {
        #[problem(extension)]
        text: String,
        #[problem(instance)]
        instance: String,
    },
    #[error(transparent)]
    #[status(transparent)]
    Inner(Box<Hidden>),
}

const MARKER: &str = "QZXJV";

fn secret() -> impl Strategy<Value = String> {
    ("[a-zA-Z0-9 _.:/-]{0,12}", "[a-zA-Z0-9 _.:/-]{0,12}").prop_map(|(a, b)| format!("{a}{MARKER}{b}"))
}

fn hidden() -> impl Strategy<Value = Hidden> {
    let leaf = prop_oneof![
        secret().prop_map(Hidden::Display),
        (secret(), secret(), proptest::collection::vec(secret(), 0..3), any::<u32>())
            .prop_map(|(text, member, list, trace)| Hidden::Members { text, member, list, trace }),
        (500u16..=999, secret())
            .prop_map(|(code, text)| Hidden::RunTime { status: StatusCode::from_u16(code).unwrap(), text }),
        (secret(), secret()).prop_map(|(text, instance)| Hidden::Masked4xx { text, instance }),
    ];
    leaf.prop_recursive(2, 4, 1, |inner| inner.prop_map(|h| Hidden::Inner(Box::new(h))))
}

proptest! {
    #[test]
    fn hidden_errors_never_leave(error in hidden()) {
        let text = error.to_string();
        prop_assert!(text.contains(MARKER));
        let status = Status::from(&error);
        prop_assert!(!status.message().contains(MARKER), "message {:?}", status.message());
        prop_assert!(!contains(status.details(), MARKER.as_bytes()));
        for (name, value) in status.metadata().clone().into_headers().iter() {
            prop_assert!(!contains(value.as_bytes(), MARKER.as_bytes()), "{name}");
        }
        let info = status.get_error_details().error_info().cloned().unwrap();
        prop_assert!(info.metadata.is_empty());
        prop_assert_eq!(info.domain, DOMAIN);
    }
}
