//! miti's HTTP face. Handlers here parse the request, call one service and
//! render the answer (HTML page or JSON); they hold no business rules.
//!
//! Request flow: security headers → body limit → [`context`] (who is asking,
//! in which language, from where) → [`csrf`] (unsafe methods) → the route's
//! policy check ([`routes`]) → handler → service → store.
// The hand-written OpenAPI document is one large `json!` literal.
#![recursion_limit = "256"]

pub mod api;
pub mod context;
pub mod csrf;
pub mod error;
#[cfg(feature = "fault-injection")]
pub mod fault;
pub mod form_body;
pub mod headers;
pub mod multipart_form;
pub mod page;
pub mod pages;
pub mod public_cache;
pub mod routes;
pub mod text_guard;

use miti_service::Services;
use std::net::IpAddr;
use std::sync::Arc;

/// HTTP-level settings.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// `__Host-` cookies with `Secure`. Turn off only for plain-http development
    /// on a non-localhost address (`MITI_INSECURE_COOKIES=true`).
    pub secure_cookies: bool,
    /// Peers whose `X-Forwarded-For` is believed (your load balancers).
    pub trusted_proxies: Vec<IpAddr>,
    /// Largest request body; larger ones answer 413.
    pub body_limit: usize,
    /// How long a public page rendered for anonymous visitors may be served
    /// again ([`public_cache`]); zero turns the cache off.
    pub public_cache_max_age: std::time::Duration,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            secure_cookies: true,
            trusted_proxies: vec![],
            body_limit: 12 * 1024 * 1024,
            public_cache_max_age: std::time::Duration::from_secs(5),
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub services: Services,
    pub config: Arc<WebConfig>,
    pub public_cache: Arc<public_cache::PublicCache>,
}

/// The whole application as an axum router.
pub fn app(services: Services, config: WebConfig) -> axum::Router {
    let state = AppState {
        services,
        public_cache: Arc::new(public_cache::PublicCache::new(config.public_cache_max_age)),
        config: Arc::new(config),
    };
    routes::router(state)
}
