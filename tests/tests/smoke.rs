use errstatus::HttpStatus;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("auth failed")]
#[status(403)]
pub struct AuthError;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500)]
pub enum ApiError {
    #[error("user {0} not found")]
    #[status(404)]
    UserNotFound(u64),
    #[error("email {email} already registered")]
    #[status(CONFLICT)]
    Duplicate { email: String },
    #[error("invalid payload")]
    #[status(StatusCode::UNPROCESSABLE_ENTITY)]
    Invalid,
    #[error("slow down")]
    #[status(429)]
    RateLimited { #[header(RETRY_AFTER)] retry_after: u64 },
    #[error("login required")]
    #[status(401)]
    Unauthenticated { #[header(WWW_AUTHENTICATE)] challenge: String },
    #[error(transparent)]
    #[status(transparent)]
    Auth(AuthError),
    #[error("database unavailable: {0}")]
    Db(String),
}

#[test]
fn smoke() {
    assert_eq!(ApiError::UserNotFound(1).status(), 404);
    assert_eq!(ApiError::Auth(AuthError).status(), 403);
    let r: http::Response<String> = ApiError::RateLimited { retry_after: 5 }.into();
    println!("{:?}", r);
    let r: http::Response<String> = ApiError::Db("x\"\n".into()).into();
    println!("{:?}", r);
    let r: http::Response<String> = ApiError::Unauthenticated { challenge: "Bearer\r\nX: y".into() }.into();
    println!("{:?}", r);
}
