//! The example API on actix-web.
//!
//! PORT=3001 cargo run --example actix
//! curl -i http://127.0.0.1:3001/users/42
//!
//! `EXAMPLE_OUTAGES=off` (read once, at start-up) turns the simulated outages off: every
//! existing user's `GET /users/{id}/orders` and `GET /exports` then answer 200, not 500 / 503.
//!
//! Each error response prints its `tracing` event and the new total of its
//! `errstatus_errors_total{status, code}` counter.

use actix_web::{web, HttpServer};
use errstatus_examples::actix_app;
use errstatus_examples::store::Store;

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    // errstatus's events and counters, printed (see src/observe.rs).
    errstatus_examples::observe::install();
    let outages = errstatus_examples::outages_from_env();
    // Bound first, so that `PORT=0` (any free port) names the real port in the document.
    let listener =
        std::net::TcpListener::bind(("127.0.0.1", errstatus_examples::port_from_env(errstatus_examples::ACTIX_PORT)))?;
    let addr = listener.local_addr()?;
    // One store shared by all workers: created outside the factory closure.
    let store = web::Data::new(Store::with_outages(outages));
    let server = HttpServer::new(move || actix_app::app(store.clone(), addr.port())).listen(listener)?;
    println!("listening on http://{addr}");
    server.run().await
}
