use errstatus::HttpStatus;

// `Location` carries one value: a second field naming it is an error on the second name.
#[derive(Debug, thiserror::Error, HttpStatus)]
enum ApiError {
    #[error("moved")]
    #[status(301)]
    Moved {
        #[header(LOCATION)]
        to: String,
        #[header("location")]
        also: String,
    },
    // List-valued fields may repeat.
    #[error("login required")]
    #[status(401)]
    Unauthenticated {
        #[header(WWW_AUTHENTICATE)]
        basic: String,
        #[header(WWW_AUTHENTICATE)]
        bearer: String,
    },
}

fn main() {}
