//! errstatus without a web framework: derive `HttpStatus`, get an `http::Response`.
//!
//! cargo run --example plain

use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500)] // for variants without their own #[status]
enum ApiError {
    #[error("user {0} not found")]
    #[status(404)]
    UserNotFound(u64),

    #[error("slow down")]
    #[status(TOO_MANY_REQUESTS)]
    RateLimited {
        #[header(RETRY_AFTER)]
        retry_after: u64,
    },

    #[error("login required")]
    #[status(401)]
    Unauthenticated {
        #[header(WWW_AUTHENTICATE)]
        challenge: &'static str,
    },

    #[error("database unavailable: {0}")]
    Db(String), // 500: the message stays on the server
}

fn main() {
    let errors = [
        ApiError::UserNotFound(42),
        ApiError::RateLimited { retry_after: 30 },
        ApiError::Unauthenticated { challenge: "Bearer" },
        ApiError::Db("connection to 10.0.0.7:5432 refused".into()),
    ];
    for error in errors {
        println!("{}: {error}", error.status());

        let response: http::Response<String> = error.into();
        for (name, value) in response.headers() {
            println!("  {name}: {}", value.to_str().unwrap_or("<non-ASCII>"));
        }
        println!("  {}\n", response.body());
    }
}
