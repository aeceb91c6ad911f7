//! The example service wired to `tracing` and `metrics` (src/observe.rs): requests through the
//! axum Router count into `errstatus_errors_total{status, code}` and leave one event each, a
//! 4xx at DEBUG with its code, a 5xx at ERROR with the hidden detail.

use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::Request;
use errstatus_examples::axum_app;
use errstatus_examples::observe::ErrorCounters;
use errstatus_examples::store::Store;
use tower::ServiceExt;
use tracing_subscriber::fmt::MakeWriter;

/// A writer the subscriber prints into, for the test to read.
#[derive(Clone, Default)]
struct Lines(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Lines {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Lines {
    type Writer = Lines;
    fn make_writer(&'a self) -> Lines {
        self.clone()
    }
}

#[test]
fn the_service_counts_and_logs_each_error_response() {
    let counters = ErrorCounters::default();
    let lines = Lines::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .with_writer(lines.clone())
        .finish();
    let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    let app = axum_app::router_with(Arc::new(Store::new()), errstatus_examples::AXUM_PORT);
    tracing::subscriber::with_default(subscriber, || {
        metrics::with_local_recorder(&counters, || {
            runtime.block_on(async {
                for uri in ["/users/1", "/users/999", "/users/998", "/users/1/orders", "/nowhere"] {
                    let request = Request::get(uri).body(Body::empty()).unwrap();
                    app.clone().oneshot(request).await.unwrap();
                }
            })
        })
    });
    assert_eq!(
        counters.counts(),
        [
            ("errstatus_errors_total{status=404,code=NOT_FOUND}".to_owned(), 1),
            ("errstatus_errors_total{status=404,code=USER_NOT_FOUND}".to_owned(), 2),
            ("errstatus_errors_total{status=500,code=DATABASE}".to_owned(), 1),
        ]
    );
    let text = String::from_utf8(lines.0.lock().unwrap().clone()).unwrap();
    let events: Vec<&str> = text.lines().filter(|l| l.contains("errstatus")).collect();
    assert_eq!(events.len(), 4, "{text}");
    assert!(events[0].contains("DEBUG") && events[0].contains(r#"error.type="USER_NOT_FOUND""#), "{text}");
    let database = events.iter().find(|l| l.contains("DATABASE")).unwrap();
    assert!(database.contains("ERROR") && database.contains("http.response.status_code=500"), "{text}");
    assert!(database.contains("the error detail is hidden from the client"), "{text}");
}
