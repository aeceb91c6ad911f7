//! The example API on axum.
//!
//! PORT=3000 cargo run --example axum
//! curl -i http://127.0.0.1:3000/users/42

use errstatus_examples::axum_app;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port = errstatus_examples::port_from_env(3000);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, axum_app::router()).await
}
