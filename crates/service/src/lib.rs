//! miti's services: each public method applies the domain's rules to one
//! request and makes one `Store` call (one transaction, with its audit row).
//!
//! Handlers call services; services call the store. Services hold no SQL and
//! know nothing of HTTP: they take a [`Ctx`] (who is asking, from where) and
//! validated input, and answer with domain values or a [`DomainError`].

pub mod alignment;
pub mod applications;
pub mod auth;
pub mod catalogue;
pub mod context;
pub mod dataset;
pub mod documents;
pub mod mail;
pub mod registry;
mod secrets;

pub use context::Ctx;
pub use miti_domain::DomainError;

use miti_store::{Store, StoreError};
use std::sync::Arc;

/// Settings the services need; the app builds them from its configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    /// A session ends after this long without a request…
    pub session_idle: chrono::Duration,
    /// …and in any case this long after sign-in.
    pub session_absolute: chrono::Duration,
    /// Failed sign-ins allowed per account and per client address in `login_window`.
    pub login_max_failures: i64,
    pub login_window: chrono::Duration,
    pub reset_token_ttl: chrono::Duration,
    /// How long an invitation's set-password link stays valid.
    pub invitation_ttl: chrono::Duration,
    /// Public base URL used in emailed links, e.g. `https://miti.example.org`.
    pub public_url: String,
    /// Largest accepted upload, in bytes.
    pub max_upload_bytes: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            session_idle: chrono::Duration::hours(2),
            session_absolute: chrono::Duration::hours(12),
            login_max_failures: 10,
            login_window: chrono::Duration::minutes(15),
            reset_token_ttl: chrono::Duration::minutes(60),
            invitation_ttl: chrono::Duration::days(7),
            public_url: "http://127.0.0.1:8080".into(),
            max_upload_bytes: 10 * 1024 * 1024,
        }
    }
}

/// The services, cheap to clone, shared by every request.
#[derive(Clone)]
pub struct Services {
    pub store: Arc<dyn Store>,
    pub blobs: Arc<dyn object_store::ObjectStore>,
    pub settings: Arc<Settings>,
    /// Every programme, decoded, with the store's stamp it was read at.
    programmes: Arc<std::sync::Mutex<Option<ProgrammesSeen>>>,
}

/// The programme list as last read, and the stamp it was read at.
type ProgrammesSeen = ((i64, i64), Arc<Vec<miti_domain::programme::Programme>>);

impl Services {
    pub fn new(
        store: Arc<dyn Store>,
        blobs: Arc<dyn object_store::ObjectStore>,
        settings: Settings,
    ) -> Self {
        Self {
            store,
            blobs,
            settings: Arc::new(settings),
            programmes: Arc::default(),
        }
    }
}

/// Store errors as the domain sees them: conflicts keep their code.
pub(crate) fn from_store(e: StoreError) -> DomainError {
    match e {
        StoreError::Conflict(code) => DomainError::Conflict(code),
        StoreError::NotFound => DomainError::NotFound,
        StoreError::Backend(msg) => DomainError::Internal(msg),
    }
}

/// A fresh random token (for cookies such as the CSRF token).
pub fn auth_token() -> String {
    secrets::new_token()
}
