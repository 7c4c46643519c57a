//! Cross-site request forgery defence for every unsafe method: the request
//! must come from our own origin (Origin / Sec-Fetch-Site), and carry the
//! token from the `miti_csrf` cookie in a header (`X-CSRF-Token`, sent by htmx),
//! a form field `csrf_token`, or — for multipart uploads, whose body we do not
//! buffer here — the query parameter `csrf_token`. Requests authenticated by
//! an API token carry no cookies and are exempt.

use crate::AppState;
use crate::context::{Req, cookie_name, read_cookie};
use crate::error::WebError;
use crate::form_body;
use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use subtle::ConstantTimeEq;

fn same_origin(request: &Request) -> bool {
    let headers = request.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && !matches!(site, "same-origin" | "none")
    {
        return false;
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        // Browsers send Origin on every unsafe request; a client that sends
        // none is not a browser a third-party page can drive.
        return true;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let origin_host = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
        .unwrap_or("");
    !host.is_empty() && origin_host.eq_ignore_ascii_case(host)
}

fn token_in_query(request: &Request) -> Option<String> {
    request.uri().query()?.split('&').find_map(|kv| {
        kv.strip_prefix("csrf_token=").map(|v| {
            percent_encoding::percent_decode_str(v)
                .decode_utf8_lossy()
                .into_owned()
        })
    })
}

fn equal(a: &str, b: &str) -> bool {
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

#[derive(serde::Deserialize)]
struct TokenField {
    csrf_token: Option<String>,
}

pub async fn check(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    if request
        .extensions()
        .get::<Req>()
        .is_some_and(|r| r.via_api_token)
    {
        return next.run(request).await;
    }
    if !same_origin(&request) {
        return WebError::Csrf.into_response();
    }
    let Some(cookie) = read_cookie(
        request.headers(),
        &cookie_name(state.config.secure_cookies, "miti_csrf"),
    ) else {
        return WebError::Csrf.into_response();
    };
    if let Some(h) = request
        .headers()
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
    {
        return if equal(h, &cookie) {
            next.run(request).await
        } else {
            WebError::Csrf.into_response()
        };
    }
    if let Some(q) = token_in_query(&request) {
        return if equal(&q, &cookie) {
            next.run(request).await
        } else {
            WebError::Csrf.into_response()
        };
    }
    if !form_body::is_form(&request) {
        return WebError::Csrf.into_response();
    }
    // Read the (size-limited) form to find the token, then hand it on intact.
    let (parts, bytes) = match form_body::read(request, state.config.body_limit).await {
        Ok(read) => read,
        Err(too_large) => return too_large,
    };
    let token = serde_urlencoded::from_bytes::<TokenField>(&bytes)
        .ok()
        .and_then(|f| f.csrf_token);
    match token {
        Some(t) if equal(&t, &cookie) => next.run(form_body::rebuild(parts, bytes)).await,
        _ => WebError::Csrf.into_response(),
    }
}
