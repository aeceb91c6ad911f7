//! A typed client of the example API: the axum service on a free port, and reqwest calling it.
//! Each error comes back as the `ApiError` the service built (`#[errstatus(decode)]` and
//! `errstatus::reqwest::ResponseExt::error_for_problem`).
//!
//! cargo run --example client

use errstatus::reqwest::ResponseExt;
use errstatus::ClientError;
use errstatus_examples::axum_app;
use errstatus_examples::error::ApiError;
use errstatus_examples::store::ALICE_TOKEN;

#[tokio::main]
async fn main() -> Result<(), ClientError<ApiError>> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a free port");
    let base = format!("http://{}", listener.local_addr().expect("its address"));
    tokio::spawn(async move { axum::serve(listener, axum_app::router()).await });

    let client = reqwest::Client::builder().no_proxy().build()?;
    let requests = [
        client.get(format!("{base}/users/1")),
        client.get(format!("{base}/users/42")),
        client
            .post(format!("{base}/users"))
            .header("content-type", "application/json")
            .body(r#"{"name":"x","email":"x@y"}"#),
        client
            .post(format!("{base}/users"))
            .bearer_auth(ALICE_TOKEN)
            .header("content-type", "application/json")
            .body(r#"{"name":"x","email":"nope"}"#),
        client.get(format!("{base}/exports")),
        client.get(format!("{base}/users/1/orders")),
    ];
    for request in requests {
        let request = request.build()?;
        let line = format!("{} {}", request.method(), request.url().path());
        match client.execute(request).await?.error_for_problem::<ApiError>().await {
            Ok(response) => println!("{line}: {} {}", response.status(), response.text().await?),
            Err(ClientError::Problem(e)) => println!("{line}: {e:?}"),
            Err(ClientError::Undecoded(e)) => println!("{line}: not an ApiError: {e}"),
            Err(e @ ClientError::Transport(_)) => return Err(e),
        }
    }
    Ok(())
}
