//! Records that only the store and services exchange (the domain's own types
//! live in `miti-domain`).

use chrono::{DateTime, NaiveDate, Utc};
use miti_domain::account::RoleGrant;
use miti_domain::application::{
    Decision, EndorsementStep, Interview, Logistics, Profile, VettingStatus,
};
use miti_domain::call::ValidAnswers;
use miti_domain::organisation::Status;
use miti_domain::{Id, OrgId, UserId};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub locale: Option<String>,
    pub roles: Vec<RoleGrant>,
}

#[derive(Debug, Clone)]
pub struct NewSession {
    /// SHA-256 of the cookie's token, hex: the token itself is never stored.
    pub token_hash: String,
    pub user_id: UserId,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub address: String,
}

#[derive(Debug, Clone)]
pub struct SessionRecord {
    pub user_id: UserId,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct LoginAttempt {
    pub email: String,
    pub address: String,
    pub at: DateTime<Utc>,
    pub success: bool,
}

#[derive(Debug, Clone)]
pub struct NewPasswordReset {
    pub token_hash: String,
    pub user_id: UserId,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct NewApiToken {
    pub user_id: UserId,
    pub name: String,
    pub token_hash: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ApiToken {
    pub id: Id,
    pub user_id: UserId,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMail {
    pub to: String,
    pub subject: String,
    pub body: String,
    pub locale: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MailStatus {
    Pending,
    Sent,
    Failed,
}

impl MailStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MailStatus::Pending => "pending",
            MailStatus::Sent => "sent",
            MailStatus::Failed => "failed",
        }
    }
    pub fn parse(s: &str) -> Self {
        match s {
            "sent" => MailStatus::Sent,
            "failed" => MailStatus::Failed,
            _ => MailStatus::Pending,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct OutboxMail {
    pub id: Id,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub locale: String,
    pub status: MailStatus,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone)]
pub struct NewLifecycleEvent {
    pub org_id: OrgId,
    pub to: Status,
    pub on: NaiveDate,
    pub note: String,
}

/// An organisation's name and kind: what pages need to name hosts and
/// partners, without the rest of the record.
#[derive(Debug, Clone)]
pub struct OrgName {
    pub id: OrgId,
    pub kind: miti_domain::organisation::OrgKind,
    pub name: miti_domain::text::Localized,
}

/// A file already written to the object store under `storage_key`.
#[derive(Debug, Clone)]
pub struct NewDocument {
    pub org_id: OrgId,
    pub storage_key: String,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub id: Id,
    pub org_id: OrgId,
    pub storage_key: String,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub created_at: DateTime<Utc>,
}

/// Which applications a list shows: always narrowed to a programme, a city
/// or an applicant (the store builds only the conditions given, so each
/// list uses its index).
#[derive(Debug, Clone, Default)]
pub struct ApplicationFilter {
    pub programme_id: Option<Id>,
    pub city_org_id: Option<OrgId>,
    pub user_id: Option<UserId>,
    /// Only submitted applications (no drafts, none withdrawn).
    pub submitted_only: bool,
    pub limit: Option<i64>,
    pub offset: i64,
}

/// One change to an application; the store writes it, bumps the version and
/// audits it in one transaction.
#[derive(Debug, Clone)]
pub enum ApplicationChange {
    /// The form as typed, kept while the application is a draft.
    Draft {
        form: BTreeMap<String, Vec<String>>,
    },
    /// Submit, or edit once submitted: the validated profile and answers.
    Submit {
        form: BTreeMap<String, Vec<String>>,
        profile: Profile,
        answers: ValidAnswers,
        at: DateTime<Utc>,
    },
    /// The applicant withdraws; a held seat is released.
    Withdraw {
        at: DateTime<Utc>,
    },
    Endorse {
        step: EndorsementStep,
        by: UserId,
        at: DateTime<Utc>,
    },
    Interview(Interview),
    Vetting(VettingStatus),
    /// Sets (or clears) the decision; a seat is released unless the new
    /// outcome is `confirmed` (seats are only taken by [`crate::Store::claim_seat`]).
    Decide(Option<Decision>),
    Logistics(Logistics),
}

impl ApplicationChange {
    /// The audit log's action name.
    pub fn audit_action(&self) -> &'static str {
        match self {
            ApplicationChange::Draft { .. } => "application.draft",
            ApplicationChange::Submit { .. } => "application.submit",
            ApplicationChange::Withdraw { .. } => "application.withdraw",
            ApplicationChange::Endorse { .. } => "application.endorse",
            ApplicationChange::Interview(_) => "application.interview",
            ApplicationChange::Vetting(_) => "application.vetting",
            ApplicationChange::Decide(_) => "application.decide",
            ApplicationChange::Logistics(_) => "application.logistics",
        }
    }
}

/// Which reviews to list.
#[derive(Debug, Clone, Default)]
pub struct ReviewFilter {
    pub programme_id: Option<Id>,
    pub application_id: Option<Id>,
    /// Reviews of any of these applications (empty: no such condition).
    pub application_ids: Vec<Id>,
    pub reviewer_id: Option<UserId>,
}

/// One application written whole by a bulk load (`miti dev dataset`, on a
/// throwaway database): the application as it stands, whose `id` and
/// `documents` the store assigns, the documents to record with it (key,
/// file metadata) and, for a confirmed participant, the seat it holds.
#[derive(Debug, Clone)]
pub struct BulkApplication {
    pub app: miti_domain::application::Application,
    pub documents: Vec<(String, NewDocument)>,
    pub seat_no: Option<i32>,
}
