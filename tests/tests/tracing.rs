//! Feature `tracing`: a 5xx whose detail is hidden logs its Display text and `source()` chain
//! once at error level when the response is built; nothing else is logged.

use std::sync::{Arc, Mutex};

use errstatus::HttpStatus;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Metadata, Subscriber};

#[derive(Debug, Default, Clone)]
struct Captured {
    level: Option<Level>,
    fields: Vec<(String, String)>,
}

/// A subscriber that records every event's level and fields.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<Captured>>>);

struct Fields<'a>(&'a mut Vec<(String, String)>);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.push((field.name().to_owned(), format!("{value:?}")));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.push((field.name().to_owned(), value.to_owned()));
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        let mut c = Captured { level: Some(*event.metadata().level()), fields: Vec::new() };
        event.record(&mut Fields(&mut c.fields));
        self.0.lock().unwrap().push(c);
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

#[derive(Debug, thiserror::Error)]
#[error("connection refused by 10.0.0.7:5432")]
struct ConnRefused;

#[derive(Debug, thiserror::Error)]
#[error("pool exhausted after 3 retries")]
struct PoolError(#[source] ConnRefused);

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("database unavailable")]
    #[status(503)]
    Db(#[source] PoolError),
    #[error("upstream timed out")]
    #[status(504, expose)]
    Upstream,
    #[error("no such user")]
    #[status(404)]
    NotFound,
}

fn events(f: impl FnOnce()) -> Vec<Captured> {
    let capture = Capture::default();
    tracing::subscriber::with_default(capture.clone(), f);
    let events = capture.0.lock().unwrap().clone();
    events
}

fn field<'a>(c: &'a Captured, name: &str) -> Option<&'a str> {
    c.fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

#[test]
fn masked_server_error_is_logged_once_with_its_source_chain() {
    let logged = events(|| {
        let r: http::Response<String> = ApiError::Db(PoolError(ConnRefused)).into();
        assert!(!r.body().contains("database unavailable"), "hidden from the client");
    });
    assert_eq!(logged.len(), 1, "{logged:?}");
    let e = &logged[0];
    assert_eq!(e.level, Some(Level::ERROR));
    assert_eq!(field(e, "status"), Some("503"));
    assert_eq!(field(e, "error"), Some("database unavailable"));
    assert_eq!(field(e, "sources"), Some("pool exhausted after 3 retries: connection refused by 10.0.0.7:5432"));
}

#[test]
fn exposed_and_client_errors_are_not_logged() {
    let logged = events(|| {
        let _: http::Response<String> = ApiError::Upstream.into();
        let _: http::Response<String> = ApiError::NotFound.into();
        let _ = ApiError::Db(PoolError(ConnRefused)).status();
    });
    assert!(logged.is_empty(), "{logged:?}");
}
