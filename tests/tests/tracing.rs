//! Feature `tracing`: one event per error response built, with OpenTelemetry's fields
//! (`http.response.status_code`, `error.type`): a 5xx at ERROR with its Display text and
//! `source()` chain, below 500 at DEBUG with neither; `#[errstatus(log = "...")]` picks another
//! level (never the detail of a 5xx below ERROR); a 5xx sets the current span's
//! `otel.status_code` to `error` where the span declares it.

use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
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
    assert_eq!(field(e, "http.response.status_code"), Some("503"));
    assert_eq!(field(e, "error.type"), Some("DB"));
    assert_eq!(field(e, "error"), Some("database unavailable"));
    assert_eq!(field(e, "sources"), Some("pool exhausted after 3 retries: connection refused by 10.0.0.7:5432"));
}

/// A generic type: thiserror's `Error` impl for `Wrapper<E>` needs `E: Error`, which the autoref
/// test inside a generic impl cannot see; the derive bounds the impl with `Self: Error` instead.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum Wrapper<E> {
    #[error("storage failed")]
    #[status(500)]
    Storage(#[source] E),
    #[error("not here")]
    #[status(404)]
    Missing,
}

#[test]
fn generic_type_logs_its_source_chain() {
    let logged = events(|| {
        let r: http::Response<String> = Wrapper::Storage(PoolError(ConnRefused)).into();
        assert_eq!(r.status(), 500);
        let r: http::Response<String> = Wrapper::<PoolError>::Missing.into();
        assert_eq!(r.status(), 404);
    });
    assert_eq!(logged.len(), 2, "{logged:?}");
    assert_eq!(logged[1].level, Some(Level::DEBUG));
    assert_eq!(field(&logged[1], "error.type"), Some("MISSING"));
    assert_eq!(field(&logged[0], "error"), Some("storage failed"));
    assert_eq!(
        field(&logged[0], "sources"),
        Some("pool exhausted after 3 retries: connection refused by 10.0.0.7:5432")
    );
}

#[test]
fn every_response_has_one_event_at_its_class_level() {
    let logged = events(|| {
        let _: http::Response<String> = ApiError::Upstream.into();
        let _: http::Response<String> = ApiError::NotFound.into();
        // `status()` builds no response: no event.
        let _ = ApiError::Db(PoolError(ConnRefused)).status();
    });
    assert_eq!(logged.len(), 2, "{logged:?}");
    // An exposed 5xx: at ERROR, with its text (shown to the client anyway).
    let (upstream, not_found) = (&logged[0], &logged[1]);
    assert_eq!(upstream.level, Some(Level::ERROR));
    assert_eq!(field(upstream, "http.response.status_code"), Some("504"));
    assert_eq!(field(upstream, "error.type"), Some("UPSTREAM"));
    assert_eq!(field(upstream, "error"), Some("upstream timed out"));
    // A 4xx: at DEBUG (never ERROR: it would mark the span failed), its status and code only.
    assert_eq!(not_found.level, Some(Level::DEBUG));
    assert_eq!(field(not_found, "http.response.status_code"), Some("404"));
    assert_eq!(field(not_found, "error.type"), Some("NOT_FOUND"));
    assert_eq!(field(not_found, "error"), None);
    assert_eq!(field(not_found, "sources"), None);
}

// ---- `#[errstatus(log = "...")]` ----

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(log = "warn")]
enum Leveled {
    #[error("no such order")]
    #[status(404)]
    NoOrder,
    #[error("card declined by the bank")]
    #[status(409)]
    #[errstatus(log = "info")]
    Declined,
    #[error("ledger at 10.0.0.9 unreachable")]
    #[status(503)]
    Ledger(#[source] ConnRefused),
    #[error("probe")]
    #[status(404)]
    #[errstatus(log = "off")]
    Probe,
    #[error("alice may not read the ledger")]
    #[status(403)]
    #[errstatus(log = "error")]
    Login,
    #[error(transparent)]
    #[status(transparent)]
    #[errstatus(log = "trace")]
    Api(ApiError),
    #[error(transparent)]
    #[status(transparent)]
    Quiet(Unlogged),
}

#[test]
fn log_picks_the_level_of_a_type_and_of_a_variant() {
    let level_of = |e: Leveled| {
        let logged = events(|| {
            let _: http::Response<String> = e.into();
        });
        assert!(logged.len() <= 1, "{logged:?}");
        logged.first().cloned()
    };
    // The type's level for its variants, a variant's own over it.
    let e = level_of(Leveled::NoOrder).unwrap();
    assert_eq!((e.level, field(&e, "error.type")), (Some(Level::WARN), Some("NO_ORDER")));
    assert_eq!(level_of(Leveled::Declined).unwrap().level, Some(Level::INFO));
    assert!(level_of(Leveled::Probe).is_none(), "off: no event");
    // A 4xx at ERROR when asked, with its Display text.
    let e = level_of(Leveled::Login).unwrap();
    assert_eq!((e.level, field(&e, "error")), (Some(Level::ERROR), Some("alice may not read the ledger")));
    // A 5xx below ERROR: status and code, never the hidden detail or its sources.
    let e = level_of(Leveled::Ledger(ConnRefused)).unwrap();
    assert_eq!(e.level, Some(Level::WARN));
    assert_eq!(field(&e, "http.response.status_code"), Some("503"));
    assert_eq!(field(&e, "error.type"), Some("LEDGER"));
    assert!(e.fields.iter().all(|(_, v)| !v.contains("10.0.0")), "{e:?}");
    // Through a transparent variant: the outer variant's level, the inner error's code.
    let e = level_of(Leveled::Api(ApiError::Db(PoolError(ConnRefused)))).unwrap();
    assert_eq!((e.level, field(&e, "error.type")), (Some(Level::TRACE), Some("DB")));
    assert!(e.fields.iter().all(|(_, v)| !v.contains("10.0.0")), "{e:?}");
    // The outer type's level holds through a transparent variant, over an inner type's
    // `skip(tracing)` too: the first level set wins, and the outer type's is set first.
    assert_eq!(level_of(Leveled::Quiet(Unlogged::Db)).unwrap().level, Some(Level::WARN));
}

// ---- otel.status_code on the current span ----

/// A subscriber that keeps the values recorded on its one span.
#[derive(Clone, Default)]
struct SpanFields(Arc<Mutex<Vec<(String, String)>>>);

impl Subscriber for SpanFields {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, attrs: &Attributes<'_>) -> Id {
        attrs.record(&mut Fields(&mut self.0.lock().unwrap()));
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, values: &Record<'_>) {
        values.record(&mut Fields(&mut self.0.lock().unwrap()));
    }
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, _: &Event<'_>) {}
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
    fn current_span(&self) -> tracing_core::span::Current {
        tracing_core::span::Current::new(Id::from_u64(1), SPAN.get().unwrap())
    }
}

static SPAN: std::sync::OnceLock<&'static Metadata<'static>> = std::sync::OnceLock::new();

/// The fields recorded on a server span that declares `otel.status_code` while `f` runs in it.
fn span_fields(f: impl FnOnce()) -> Vec<(String, String)> {
    let subscriber = SpanFields::default();
    tracing::subscriber::with_default(subscriber.clone(), || {
        let span = tracing::info_span!("request", otel.status_code = tracing::field::Empty);
        let _ = SPAN.set(span.metadata().unwrap());
        span.in_scope(f);
    });
    let fields = subscriber.0.lock().unwrap().clone();
    fields
}

#[test]
fn a_5xx_marks_the_span_failed_and_a_4xx_leaves_it_unset() {
    let fields = span_fields(|| {
        let _: http::Response<String> = ApiError::NotFound.into();
        let _: http::Response<String> = Leveled::Login.into();
    });
    assert!(fields.iter().all(|(name, _)| name != "otel.status_code"), "{fields:?}");
    let fields = span_fields(|| {
        let _: http::Response<String> = ApiError::Db(PoolError(ConnRefused)).into();
    });
    assert_eq!(fields, [("otel.status_code".to_owned(), "error".to_owned())]);
    // Whatever the level of the event: the span's status is not the log's.
    let fields = span_fields(|| {
        let _: http::Response<String> = Leveled::Ledger(ConnRefused).into();
    });
    assert_eq!(fields, [("otel.status_code".to_owned(), "error".to_owned())]);
}

// ---- Display impls that fail, and events nobody records ----

/// An error whose Display counts its calls, and fails (after writing half) when `fail`.
#[derive(Debug)]
struct Counting {
    text: &'static str,
    fail: bool,
    calls: Arc<AtomicUsize>,
}

impl fmt::Display for Counting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.calls.fetch_add(1, Ordering::SeqCst);
        f.write_str(self.text)?;
        if self.fail {
            Err(fmt::Error)
        } else {
            Ok(())
        }
    }
}

impl std::error::Error for Counting {}

/// A masked 500 whose source chain is `source` -> `root`.
#[derive(Debug, HttpStatus)]
#[status(500)]
struct Outage {
    display: Counting,
    source: Chained,
}

impl fmt::Display for Outage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.display.fmt(f)
    }
}

impl std::error::Error for Outage {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

#[derive(Debug)]
struct Chained {
    display: Counting,
    root: Counting,
}

impl fmt::Display for Chained {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.display.fmt(f)
    }
}

impl std::error::Error for Chained {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.root)
    }
}

/// An outage whose error, source and root fail as told; all three count into `calls`.
fn outage(fail: [bool; 3], calls: &Arc<AtomicUsize>) -> Outage {
    let counting = |text, fail| Counting { text, fail, calls: Arc::clone(calls) };
    Outage {
        display: counting("database unavailable", fail[0]),
        source: Chained { display: counting("pool exhausted", fail[1]), root: counting("connection refused", fail[2]) },
    }
}

const MASKED_500: &str = r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#;

#[test]
fn a_source_whose_display_fails_is_marked_not_a_panic() {
    let calls = Arc::new(AtomicUsize::new(0));
    let logged = events(|| {
        let r: http::Response<String> = outage([false, true, false], &calls).into();
        assert_eq!(r.body(), MASKED_500);
    });
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert_eq!(field(&logged[0], "error"), Some("database unavailable"));
    // The failing source is marked (not cut or dropped); the chain goes on past it.
    assert_eq!(field(&logged[0], "sources"), Some("<Display failed>: connection refused"));
}

#[test]
fn an_error_whose_display_fails_is_marked_not_a_panic() {
    let calls = Arc::new(AtomicUsize::new(0));
    let logged = events(|| {
        let r: http::Response<String> = outage([true, false, true], &calls).into();
        assert_eq!(r.body(), MASKED_500);
    });
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert_eq!(field(&logged[0], "error"), Some("<Display failed>"));
    assert_eq!(field(&logged[0], "sources"), Some("pool exhausted: <Display failed>"));
}

/// A subscriber that takes every event except those at error level.
struct NoErrors(Capture);

impl Subscriber for NoErrors {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        *metadata.level() != Level::ERROR
    }
    fn new_span(&self, attrs: &Attributes<'_>) -> Id {
        self.0.new_span(attrs)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        self.0.event(event)
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

/// When no one takes the event, nothing is formatted: neither the error's Display nor its
/// sources' run (building the response does not need them for a masked 5xx).
#[test]
fn nothing_is_formatted_when_the_event_is_disabled() {
    let calls = Arc::new(AtomicUsize::new(0));
    let capture = Capture::default();
    tracing::subscriber::with_default(NoErrors(capture.clone()), || {
        let r: http::Response<String> = outage([false; 3], &calls).into();
        assert_eq!(r.body(), MASKED_500);
    });
    assert!(capture.0.lock().unwrap().is_empty());
    assert_eq!(calls.load(Ordering::SeqCst), 0, "Display calls with error events filtered out");

    tracing::subscriber::with_default(tracing::subscriber::NoSubscriber::default(), || {
        let r: http::Response<String> = outage([false; 3], &calls).into();
        assert_eq!(r.body(), MASKED_500);
    });
    assert_eq!(calls.load(Ordering::SeqCst), 0, "Display calls without a subscriber");

    // The same error, logged: each Display runs once.
    let logged = events(|| {
        let _: http::Response<String> = outage([false; 3], &calls).into();
    });
    assert_eq!(field(&logged[0], "sources"), Some("pool exhausted: connection refused"));
    assert_eq!(calls.load(Ordering::SeqCst), 3);
}

// ---- skip(tracing) is per type ----

#[derive(Debug, thiserror::Error, HttpStatus)]
#[errstatus(skip(tracing))]
enum Unlogged {
    #[error("database unavailable")]
    #[status(503)]
    Db,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum LogsItsOwn {
    #[error(transparent)]
    #[status(transparent)]
    Inner(Unlogged),
    #[error("disk full")]
    #[status(507)]
    Disk,
}

#[test]
fn skip_tracing_means_no_event_for_the_types_responses() {
    let logged = events(|| {
        let r: http::Response<String> = Unlogged::Db.into();
        assert_eq!(r.status(), 503);
        let r: http::Response<String> = LogsItsOwn::Inner(Unlogged::Db).into();
        assert_eq!(r.status(), 503);
    });
    assert!(logged.is_empty(), "{logged:?}");
    // The type beside it still logs.
    let logged = events(|| {
        let _: http::Response<String> = LogsItsOwn::Disk.into();
    });
    assert_eq!(logged.len(), 1, "{logged:?}");
}
