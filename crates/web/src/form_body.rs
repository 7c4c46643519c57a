//! The urlencoded form bodies that middleware reads before the handler
//! (the CSRF token, the control-character guard) and then hands on intact.

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{StatusCode, header, request::Parts};
use axum::response::{IntoResponse, Response};

/// Whether the body is an `application/x-www-form-urlencoded` form.
pub fn is_form(request: &Request) -> bool {
    request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"))
}

/// Reads the whole (size-limited) body; 413 when it is over `limit`.
pub async fn read(request: Request, limit: usize) -> Result<(Parts, Bytes), Response> {
    let (parts, body) = request.into_parts();
    match axum::body::to_bytes(body, limit).await {
        Ok(bytes) => Ok((parts, bytes)),
        Err(_) => Err(StatusCode::PAYLOAD_TOO_LARGE.into_response()),
    }
}

/// The request again, with the body that was read.
pub fn rebuild(parts: Parts, bytes: Bytes) -> Request {
    Request::from_parts(parts, Body::from(bytes))
}
