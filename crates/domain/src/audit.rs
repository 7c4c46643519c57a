//! The audit trail: every write records who did what to which record.

use crate::{Id, OrgId, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Who is acting. The system itself (seeding, the mail sender) has no user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub user_id: Option<UserId>,
    /// The organisation in whose name the actor acts (their role's scope).
    pub org_id: Option<OrgId>,
}

impl Actor {
    pub const SYSTEM: Actor = Actor {
        user_id: None,
        org_id: None,
    };
}

/// What a write records, written in the same transaction as the write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    /// Dotted, stable: `organisation.create`, `session.login`, …
    pub action: String,
    pub target_kind: String,
    pub target_id: Option<Id>,
    /// A short JSON summary of what changed.
    pub details: String,
}

impl AuditEvent {
    pub fn new(action: &str, target_kind: &str, target_id: Option<Id>) -> Self {
        Self {
            action: action.into(),
            target_kind: target_kind.into(),
            target_id,
            details: String::new(),
        }
    }
    pub fn with_details(mut self, details: impl Into<String>) -> Self {
        self.details = details.into();
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: Id,
    pub at: DateTime<Utc>,
    pub actor_user_id: Option<UserId>,
    pub actor_email: Option<String>,
    pub actor_org_id: Option<OrgId>,
    pub action: String,
    pub target_kind: String,
    pub target_id: Option<Id>,
    pub details: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    pub actor_email: Option<String>,
    pub org_id: Option<OrgId>,
    /// Prefix match, e.g. `organisation.` for every organisation action.
    pub action: Option<String>,
    pub target_kind: Option<String>,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}
