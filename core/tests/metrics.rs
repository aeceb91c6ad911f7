//! Feature `metrics`: every response built increments `errstatus_errors_total` with exactly the
//! labels `status` and `code`, through the recorder the service installs (here a local one).
#![cfg(feature = "metrics")]

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use errstatus::HttpStatus;
use metrics::{Counter, CounterFn, Gauge, Histogram, Key, KeyName, Metadata, Recorder, SharedString, Unit};

/// A counter's name and its labels, in order.
type CounterKey = (String, Vec<(String, String)>);

/// A recorder that keeps each counter by its name and labels.
#[derive(Default)]
struct Counters(Mutex<BTreeMap<CounterKey, Arc<Count>>>);

#[derive(Default)]
struct Count(AtomicU64);

impl CounterFn for Count {
    fn increment(&self, value: u64) {
        self.0.fetch_add(value, Ordering::SeqCst);
    }
    fn absolute(&self, value: u64) {
        self.0.store(value, Ordering::SeqCst);
    }
}

impl Recorder for Counters {
    fn describe_counter(&self, _: KeyName, _: Option<Unit>, _: SharedString) {}
    fn describe_gauge(&self, _: KeyName, _: Option<Unit>, _: SharedString) {}
    fn describe_histogram(&self, _: KeyName, _: Option<Unit>, _: SharedString) {}
    fn register_counter(&self, key: &Key, _: &Metadata<'_>) -> Counter {
        let labels = key.labels().map(|l| (l.key().to_owned(), l.value().to_owned())).collect();
        let mut counters = self.0.lock().unwrap();
        let count = counters.entry((key.name().to_owned(), labels)).or_default();
        Counter::from_arc(Arc::clone(count))
    }
    fn register_gauge(&self, _: &Key, _: &Metadata<'_>) -> Gauge {
        Gauge::noop()
    }
    fn register_histogram(&self, _: &Key, _: &Metadata<'_>) -> Histogram {
        Histogram::noop()
    }
}

impl Counters {
    /// Every counter as `name{status,code} = n`.
    fn read(&self) -> Vec<String> {
        let counters = self.0.lock().unwrap();
        counters
            .iter()
            .map(|((name, labels), n)| {
                let labels: Vec<String> = labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
                format!("{name}{{{}}} = {}", labels.join(","), n.0.load(Ordering::SeqCst))
            })
            .collect()
    }
}

#[derive(Debug, thiserror::Error)]
#[error("inner")]
struct Inner;

#[derive(Debug, thiserror::Error, HttpStatus)]
enum Nested {
    #[error("rate limited")]
    #[status(429)]
    #[problem(code = "RATE_LIMITED")]
    Limited,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("no user {0}")]
    #[status(404)]
    UserNotFound(u64),
    #[error("database down")]
    #[status(503)]
    Database(#[source] Inner),
    #[error(transparent)]
    #[status(transparent)]
    Nested(Nested),
    #[error("teapot")]
    #[status(400)]
    Teapot {
        #[status]
        status: Option<http::StatusCode>,
    },
}

#[test]
fn each_response_built_counts_once_by_status_and_code() {
    let recorder = Counters::default();
    metrics::with_local_recorder(&recorder, || {
        for id in 0..3 {
            let _: http::Response<String> = ApiError::UserNotFound(id).into();
        }
        let _: http::Response<String> = ApiError::Database(Inner).into();
        let _: http::Response<String> = ApiError::Nested(Nested::Limited).into();
        let _ = errstatus::response::<_, String>(&ApiError::Nested(Nested::Limited));
        // A status chosen at run time, of any value.
        let _: http::Response<String> =
            ApiError::Teapot { status: Some(http::StatusCode::from_u16(999).unwrap()) }.into();
        // No response, no count.
        let _ = ApiError::UserNotFound(9).status();
    });
    assert_eq!(
        recorder.read(),
        [
            "errstatus_errors_total{status=404,code=USER_NOT_FOUND} = 3",
            "errstatus_errors_total{status=429,code=RATE_LIMITED} = 2",
            "errstatus_errors_total{status=503,code=DATABASE} = 1",
            "errstatus_errors_total{status=999,code=TEAPOT} = 1",
        ]
    );
}
