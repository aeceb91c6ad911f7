//! The example API on axum.
//!
//! PORT=3000 cargo run --example axum
//! curl -i http://127.0.0.1:3000/users/42
//!
//! `EXAMPLE_OUTAGES=off` (read once, at start-up) turns the simulated outages off: every
//! existing user's `GET /users/{id}/orders` and `GET /exports` then answer 200, not 500 / 503.
//!
//! Each error response prints its `tracing` event and the new total of its
//! `errstatus_errors_total{status, code}` counter.

use std::sync::Arc;

use errstatus_examples::axum_app;
use errstatus_examples::store::Store;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    // errstatus's events and counters, printed (see src/observe.rs).
    errstatus_examples::observe::install();
    let port = errstatus_examples::port_from_env(errstatus_examples::AXUM_PORT);
    let store = Store::with_outages(errstatus_examples::outages_from_env());
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    let addr = listener.local_addr()?;
    println!("listening on http://{addr}");
    axum::serve(listener, axum_app::router_with(Arc::new(store), addr.port())).await
}
