//! Writes the catalogue of the example service's errors as Markdown: every entry its error
//! type can produce (`errstatus::catalog`), for API docs.
//!
//! cargo run --example catalog              # to stdout
//! cargo run --example catalog -- ERRORS.md # to a file

use errstatus_examples::axum_app::ServiceError;

fn main() -> std::io::Result<()> {
    let markdown = format!("# Errors\n\n{}", errstatus::catalog::<ServiceError>().to_markdown());
    match std::env::args_os().nth(1) {
        Some(path) => std::fs::write(path, markdown),
        None => {
            print!("{markdown}");
            Ok(())
        }
    }
}
