//! The example API on axum.
//!
//! PORT=3000 cargo run --example axum
//! curl -i http://127.0.0.1:3000/users/42

use std::sync::Arc;

use errstatus_examples::axum_app;
use errstatus_examples::store::Store;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port = errstatus_examples::port_from_env(errstatus_examples::AXUM_PORT);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    let addr = listener.local_addr()?;
    println!("listening on http://{addr}");
    axum::serve(listener, axum_app::router_with(Arc::new(Store::new()), addr.port())).await
}
