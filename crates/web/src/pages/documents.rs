//! Stored documents, served as attachments (never rendered inline).

use crate::AppState;
use crate::context::Req;
use crate::error::WebError;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use miti_domain::Id;

pub async fn download(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    let (doc, bytes) = s.services.download(&req.ctx, id).await?;
    Ok(attachment(bytes, &doc.content_type, &doc.filename))
}

/// A download: never rendered inline, never cached by shared caches.
pub fn attachment(bytes: impl IntoResponse, content_type: &str, filename: &str) -> Response {
    let encoded =
        percent_encoding::utf8_percent_encode(filename, percent_encoding::NON_ALPHANUMERIC);
    let disposition = format!("attachment; filename=\"document\"; filename*=UTF-8''{encoded}");
    let mut r = bytes.into_response();
    let h = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(content_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    r
}
