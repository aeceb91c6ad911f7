use errstatus::HttpStatus;

// The type's `expose = false` is the default of the variants that take its code: a variant
// with a 4xx code of its own shows its detail, and `expose` there changes nothing.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(404, expose = false)]
pub enum ApiError {
    #[error("hidden")]
    Hidden,
    #[error("gone")]
    #[status(410, expose)]
    Gone,
}

fn main() {}
