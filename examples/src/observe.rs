//! What the example binaries install to show errstatus's events and counters (features
//! `tracing` and `metrics`): a `tracing` subscriber that prints every event from DEBUG up (so a
//! 4xx's event too, with `http.response.status_code` and `error.type`), and [`ErrorCounters`], a
//! `metrics` recorder that keeps `errstatus_errors_total` by its labels and prints each
//! increment. A service would install its exporter (Prometheus, OpenTelemetry) instead.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use metrics::{Counter, CounterFn, Gauge, Histogram, Key, KeyName, Metadata, Recorder, SharedString, Unit};

/// Installs the printing subscriber and a leaked [`ErrorCounters`] as the global recorder
/// (once per process: a second call leaves the first in place).
pub fn install() -> &'static ErrorCounters {
    let _ = tracing_subscriber::fmt().with_max_level(tracing::Level::DEBUG).try_init();
    let counters: &'static ErrorCounters = Box::leak(Box::new(ErrorCounters::printing()));
    let _ = metrics::set_global_recorder(counters);
    counters
}

/// A `metrics` recorder that keeps every counter by name and labels (`name{k=v,...}`),
/// printing each increment when made with [`ErrorCounters::printing`].
#[derive(Debug, Default)]
pub struct ErrorCounters {
    counts: Mutex<BTreeMap<String, Arc<Count>>>,
    print: bool,
}

#[derive(Debug)]
struct Count {
    key: String,
    value: AtomicU64,
    print: bool,
}

impl CounterFn for Count {
    fn increment(&self, value: u64) {
        let total = self.value.fetch_add(value, Ordering::Relaxed) + value;
        if self.print {
            println!("metric {} = {total}", self.key);
        }
    }

    fn absolute(&self, value: u64) {
        self.value.store(value, Ordering::Relaxed);
    }
}

impl ErrorCounters {
    /// A recorder that prints each increment.
    pub fn printing() -> Self {
        ErrorCounters { print: true, ..ErrorCounters::default() }
    }

    /// Every counter as `(name{k=v,...}, total)`, in key order.
    pub fn counts(&self) -> Vec<(String, u64)> {
        let counts = self.counts.lock().unwrap_or_else(PoisonError::into_inner);
        counts.iter().map(|(key, count)| (key.clone(), count.value.load(Ordering::Relaxed))).collect()
    }
}

impl Recorder for ErrorCounters {
    fn describe_counter(&self, _: KeyName, _: Option<Unit>, _: SharedString) {}
    fn describe_gauge(&self, _: KeyName, _: Option<Unit>, _: SharedString) {}
    fn describe_histogram(&self, _: KeyName, _: Option<Unit>, _: SharedString) {}

    fn register_counter(&self, key: &Key, _: &Metadata<'_>) -> Counter {
        let labels: Vec<String> = key.labels().map(|l| format!("{}={}", l.key(), l.value())).collect();
        let name = format!("{}{{{}}}", key.name(), labels.join(","));
        let mut counts = self.counts.lock().unwrap_or_else(PoisonError::into_inner);
        let count = counts
            .entry(name.clone())
            .or_insert_with(|| Arc::new(Count { key: name, value: AtomicU64::new(0), print: self.print }));
        Counter::from_arc(Arc::clone(count))
    }

    fn register_gauge(&self, _: &Key, _: &Metadata<'_>) -> Gauge {
        Gauge::noop()
    }

    fn register_histogram(&self, _: &Key, _: &Metadata<'_>) -> Histogram {
        Histogram::noop()
    }
}
