//! Records that only the store and services exchange (the domain's own types
//! live in `miti-domain`).

use chrono::{DateTime, NaiveDate, Utc};
use miti_domain::account::RoleGrant;
use miti_domain::application::{
    Application, ApplicationStatus, Decision, EndorsementStatus, EndorsementStep, GateFacts,
    Gender, Interview, InterviewOutcome, Logistics, Outcome, Profile, VettingStatus,
};
use miti_domain::call::RequiredDocument;
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

/// One application as the staff's list of a call shows it
/// ([`crate::Store::application_lines`]): what its columns and the gates
/// need, without the form, answers, interview notes, decision texts and
/// logistics, which a list never shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationLine {
    pub id: Id,
    pub status: ApplicationStatus,
    /// From the profile, once submitted.
    pub applicant: Option<LineApplicant>,
    pub endorsement: EndorsementStatus,
    /// The keys of the attached documents.
    pub document_keys: Vec<String>,
    pub interview: Option<InterviewOutcome>,
    pub vetting: VettingStatus,
    pub outcome: Option<Outcome>,
}

/// The applicant as a line of the list names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineApplicant {
    pub passport_name: String,
    pub city_name: String,
    pub country: String,
    pub member: bool,
    pub gender: Gender,
}

impl ApplicationLine {
    /// The line of a whole application: what the store's light query
    /// must answer for it.
    pub fn of(app: &Application) -> Self {
        ApplicationLine {
            id: app.id,
            status: app.status,
            applicant: app.profile.as_ref().map(|p| LineApplicant {
                passport_name: p.passport_name.clone(),
                city_name: p.city_name.clone(),
                country: p.country.clone(),
                member: p.member,
                gender: p.gender,
            }),
            endorsement: app.endorsement.status,
            document_keys: app.documents.iter().map(|d| d.key.clone()).collect(),
            interview: app.interview.as_ref().map(|i| i.outcome),
            vetting: app.vetting,
            outcome: app.decision.as_ref().map(|d| d.outcome),
        }
    }

    /// What the gates look at, for a call requiring `documents`.
    pub fn gate_facts(&self, documents: &[RequiredDocument]) -> GateFacts {
        GateFacts {
            status: self.status,
            member: self.applicant.as_ref().is_some_and(|a| a.member),
            endorsement: self.endorsement,
            documents_complete: miti_domain::application::documents_complete(
                documents,
                self.document_keys.iter().map(String::as_str),
            ),
            interview: self.interview,
            vetting: self.vetting,
        }
    }
}

/// A call's counters, kept in step by every write that changes them (in
/// the write's own transaction), so a page of the staff's list reads them
/// instead of counting the whole call.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CallCounts {
    /// Applications in any state: drafts and withdrawn ones too.
    pub applications: i64,
    /// Reviewers assigned.
    pub reviews: i64,
    /// Reviews with a declared conflict of interest.
    pub reviews_conflicted: i64,
    /// Reviews that count: no conflict, scores submitted.
    pub reviews_counted: i64,
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

/// The scores of one review that counts (no conflict, scores submitted):
/// what combining an application's score looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewScores {
    pub application_id: Id,
    pub reviewer_id: UserId,
    pub scores: BTreeMap<String, u32>,
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
