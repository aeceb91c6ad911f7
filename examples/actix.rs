//! The example API on actix-web.
//!
//! PORT=3001 cargo run --example actix
//! curl -i http://127.0.0.1:3001/users/42

use actix_web::{web, App, HttpServer};
use errstatus_examples::actix_app;
use errstatus_examples::store::Store;

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let port = errstatus_examples::port_from_env(3001);
    // One store shared by all workers: created outside the factory closure.
    let store = web::Data::new(Store::new());
    let server = HttpServer::new(move || App::new().app_data(store.clone()).configure(actix_app::configure))
        .bind(("127.0.0.1", port))?;
    for addr in server.addrs() {
        println!("listening on http://{addr}");
    }
    server.run().await
}
