//! Who is asking: the session or API token, the interface language, the
//! client address and the CSRF cookie, resolved once per request.

use crate::AppState;
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use chrono_tz::Tz;
use miti_i18n::{Locale, Tr, negotiate};
use miti_service::{Ctx, DomainError};
use std::net::{IpAddr, SocketAddr};

/// Everything a handler needs to know about the request's origin.
#[derive(Clone)]
pub struct Req {
    pub ctx: Ctx,
    pub tr: Tr,
    /// The viewer's time zone (their setting, else UTC).
    pub tz: Tz,
    /// The CSRF token to put into forms (the cookie's value).
    pub csrf: String,
    /// The raw session token from the cookie, if any.
    pub session_token: Option<String>,
    /// Authenticated by `Authorization: Bearer` (API), not by cookie.
    pub via_api_token: bool,
    /// Path and query, for redirects back after sign-in.
    pub path: String,
}

impl Req {
    pub fn locale(&self) -> Locale {
        self.tr.locale
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Req {
    type Rejection = crate::error::WebError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Req>()
            .cloned()
            .ok_or_else(|| DomainError::Internal("request context missing".into()).into())
    }
}

pub fn cookie_name(secure: bool, base: &str) -> String {
    if secure {
        format!("__Host-{base}")
    } else {
        base.to_string()
    }
}

/// A `Set-Cookie` value with miti's attributes: path `/`, HttpOnly,
/// SameSite=Lax, and Secure in secure mode.
pub fn set_cookie(secure: bool, base: &str, value: &str, max_age_secs: Option<i64>) -> HeaderValue {
    let mut c = format!(
        "{}={}; Path=/; HttpOnly; SameSite=Lax",
        cookie_name(secure, base),
        value
    );
    if secure {
        c.push_str("; Secure");
    }
    if let Some(age) = max_age_secs {
        c.push_str(&format!("; Max-Age={age}"));
    }
    HeaderValue::from_str(&c).unwrap_or_else(|_| HeaderValue::from_static(""))
}

pub fn read_cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
        .filter(|v| !v.is_empty() && v.len() < 200)
}

/// The client's address: the peer, unless the peer is a trusted proxy, in
/// which case the right-most untrusted `X-Forwarded-For` entry.
pub fn client_address(peer: Option<IpAddr>, headers: &HeaderMap, trusted: &[IpAddr]) -> String {
    let Some(peer) = peer else {
        return "unknown".into();
    };
    if !trusted.contains(&peer) {
        return peer.to_string();
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    forwarded
        .iter()
        .rev()
        .find(|ip| !trusted.contains(ip))
        .or(forwarded.first())
        .unwrap_or(&peer)
        .to_string()
}

fn query_lang(query: Option<&str>) -> Option<String> {
    query?
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == "lang")
        .map(|(_, v)| v.to_string())
}

/// Builds [`Req`] and stores it in the request; sets the CSRF and language
/// cookies on the way out when they are new.
pub async fn middleware(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let secure = state.config.secure_cookies;
    let headers = request.headers().clone();
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let address = client_address(peer, &headers, &state.config.trusted_proxies);

    // API tokens authenticate alone: a request carrying one ignores cookies.
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .map(str::to_string);
    let session_token = if bearer.is_some() {
        None
    } else {
        read_cookie(&headers, &cookie_name(secure, "miti_session"))
    };
    let user = match (&bearer, &session_token) {
        (Some(t), _) => state.services.api_token_user(t).await,
        (None, Some(t)) => state.services.session_user(t).await,
        (None, None) => Ok(None),
    };
    let user = match user {
        Ok(u) => u,
        Err(e) => return crate::error::WebError::from(e).into_response_for(&request),
    };
    if bearer.is_some() && user.is_none() {
        return crate::error::WebError::from(DomainError::Unauthorized).into_response_for(&request);
    }

    let lang_param = query_lang(request.uri().query());
    let lang_cookie = read_cookie(&headers, "miti_lang");
    let chosen = lang_param.clone().or(lang_cookie);
    let locale = negotiate(
        user.as_ref().and_then(|u| u.locale.as_deref()),
        chosen.as_deref(),
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    let tz = user
        .as_ref()
        .and_then(|u| u.timezone.as_deref())
        .and_then(|z| z.parse().ok())
        .unwrap_or(Tz::UTC);

    let existing_csrf = read_cookie(&headers, &cookie_name(secure, "miti_csrf"));
    let csrf = existing_csrf
        .clone()
        .unwrap_or_else(miti_service::auth_token);
    let path = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "/".into());
    let via_api_token = bearer.is_some();
    let req = Req {
        ctx: Ctx {
            user,
            address,
            locale,
        },
        tr: Tr::new(locale),
        tz,
        csrf: csrf.clone(),
        session_token,
        via_api_token,
        path,
    };
    request.extensions_mut().insert(req.clone());

    let mut response = next.run(request).await;
    // The error renderer, outside this layer, formats failures in this request's language.
    response.extensions_mut().insert(req);
    if existing_csrf.is_none() && !via_api_token {
        response.headers_mut().append(
            header::SET_COOKIE,
            set_cookie(secure, "miti_csrf", &csrf, None),
        );
    }
    if let Some(l) = lang_param.as_deref().and_then(Locale::parse) {
        // Not HttpOnly-sensitive, but kept HttpOnly: only the server reads it.
        response.headers_mut().append(
            header::SET_COOKIE,
            set_cookie(false, "miti_lang", l.code(), Some(365 * 24 * 3600)),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwarded_for_is_believed_only_from_trusted_proxies() {
        let mut h = HeaderMap::new();
        h.insert(
            "x-forwarded-for",
            HeaderValue::from_static("203.0.113.9, 10.0.0.2"),
        );
        let proxy: IpAddr = "10.0.0.1".parse().unwrap();
        let inner: IpAddr = "10.0.0.2".parse().unwrap();
        assert_eq!(client_address(Some(proxy), &h, &[]), "10.0.0.1");
        assert_eq!(
            client_address(Some(proxy), &h, &[proxy, inner]),
            "203.0.113.9"
        );
        assert_eq!(client_address(Some(proxy), &h, &[proxy]), "10.0.0.2");
    }

    #[test]
    fn cookies_are_read_by_exact_name() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; __Host-miti_session=xyz; b=2"),
        );
        assert_eq!(
            read_cookie(&h, "__Host-miti_session").as_deref(),
            Some("xyz")
        );
        assert_eq!(read_cookie(&h, "miti_session"), None);
    }
}
