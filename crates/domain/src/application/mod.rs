//! Applications to a call and everything that happens to them: the
//! applicant's profile and answers, the city's endorsement, reviews on the
//! call's rubric, the language interview, vetting, the documents gate, the
//! selection decision and, for participants, their logistics.
//!
//! Pure rules only; the store keeps the rows and the services decide who may
//! change what.

mod form;
mod gates;
mod logistics;
mod review;
mod rules;
mod steps;

pub use form::*;
pub use gates::*;
pub use logistics::*;
pub use review::*;
pub use rules::*;
pub use steps::*;

use crate::organisation::{Region, string_enum};
use crate::{Id, OrgId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

string_enum!(
    /// Where the applicant stands with their own application.
    ApplicationStatus {
        Draft = "draft",
        Submitted = "submitted",
        Withdrawn = "withdrawn",
    }
);

string_enum!(
    /// The city's word on an application (its focal point decides).
    EndorsementStatus {
        Pending = "pending",
        Endorsed = "endorsed",
        Declined = "declined",
    }
);

string_enum!(
    /// Security and background vetting. Only holders of the vetting role
    /// (and network admins) ever see it.
    VettingStatus {
        Pending = "pending",
        Cleared = "cleared",
        Refused = "refused",
    }
);

string_enum!(
    InterviewOutcome {
        Scheduled = "scheduled",
        Passed = "passed",
        Failed = "failed",
        NoShow = "no_show",
    }
);

string_enum!(
    /// The decision on an application once staff confirm a cohort.
    Outcome {
        /// A seat is offered; the applicant confirms or declines by `respond_by`.
        Offered = "offered",
        /// The participant holds a seat.
        Confirmed = "confirmed",
        Declined = "declined",
        /// The offer ran past its deadline without an answer.
        Expired = "expired",
        Waitlisted = "waitlisted",
        NotSelected = "not_selected",
    }
);

string_enum!(
    /// Gender as the applicant states it. The selection rules can ask for a
    /// minimum share of any of these.
    Gender {
        Female = "female",
        Male = "male",
        Other = "other",
        Undisclosed = "undisclosed",
    }
);

string_enum!(
    /// Language level found at the interview (CEFR).
    LanguageLevel {
        A1 = "a1",
        A2 = "a2",
        B1 = "b1",
        B2 = "b2",
        C1 = "c1",
        C2 = "c2",
        Native = "native",
    }
);

/// Who the applicant is, as validated at submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Full name in Latin letters exactly as in the passport (for visa letters).
    pub passport_name: String,
    pub gender: Gender,
    /// The applicant's city when it is in the registry.
    pub city_org_id: Option<OrgId>,
    /// City name: the registry's English name, or as typed for a city that is not listed.
    pub city_name: String,
    /// ISO 3166 alpha-2, upper case.
    pub country: String,
    pub region: Region,
    /// Whether the city was a member on the day of submission.
    pub member: bool,
    pub position: String,
    pub department: String,
    pub nationality: String,
    /// Language the applicant wants to be interviewed in (one of the
    /// programme's working languages).
    pub interview_language: String,
}

/// One uploaded document of an application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachedDocument {
    pub key: String,
    pub document_id: Id,
    pub filename: String,
    pub size: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Endorsement {
    pub status: EndorsementStatus,
    pub comment: Option<String>,
    /// The city's ranking of its endorsed nominees (1 = first).
    pub rank: Option<i32>,
    pub by: Option<UserId>,
    pub at: Option<DateTime<Utc>>,
}

impl Default for Endorsement {
    fn default() -> Self {
        Self {
            status: EndorsementStatus::Pending,
            comment: None,
            rank: None,
            by: None,
            at: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interview {
    pub slot: DateTime<Utc>,
    pub interviewer_id: UserId,
    /// Any of the programme's working languages.
    pub language: String,
    pub outcome: InterviewOutcome,
    pub level: Option<LanguageLevel>,
    pub notes: Option<String>,
}

/// The decision on an application and, while an offer is open, its deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub outcome: Outcome,
    pub waitlist_position: Option<i32>,
    pub respond_by: Option<DateTime<Utc>>,
    /// Why, in English (the selection engine's explanation or the staff's reason).
    pub reason: String,
    /// Stable code of the reason, for translation.
    pub reason_code: String,
    /// The reason's parameters (programme, scores, caps…), so it can be
    /// told in the reader's language.
    #[serde(default)]
    pub reason_params: BTreeMap<String, serde_json::Value>,
    /// The seat held once confirmed.
    pub seat_no: Option<i32>,
    pub at: DateTime<Utc>,
}

/// One application as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Application {
    pub id: Id,
    pub programme_id: Id,
    pub user_id: UserId,
    pub status: ApplicationStatus,
    /// What the applicant typed last, field by field (drafts keep it as is).
    pub form: BTreeMap<String, Vec<String>>,
    /// Set once submitted: the validated profile and answers.
    pub profile: Option<Profile>,
    pub answers: Option<crate::call::ValidAnswers>,
    pub documents: Vec<AttachedDocument>,
    pub endorsement: Endorsement,
    pub interview: Option<Interview>,
    pub vetting: VettingStatus,
    pub decision: Option<Decision>,
    pub logistics: Option<Logistics>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Optimistic-locking version, bumped by every write.
    pub version: i64,
}

impl Application {
    /// The city key used by the per-city rules: the registry id when known,
    /// else country + name.
    pub fn city_key(&self) -> Option<String> {
        self.profile.as_ref().map(|p| match p.city_org_id {
            Some(id) => format!("org:{id}"),
            None => format!("{}:{}", p.country, p.city_name.to_lowercase()),
        })
    }

    pub fn is_submitted(&self) -> bool {
        self.status == ApplicationStatus::Submitted
    }

    /// Whether every required document of the call is attached.
    pub fn documents_complete(&self, required: &[crate::call::RequiredDocument]) -> bool {
        documents_complete(required, self.documents.iter().map(|a| a.key.as_str()))
    }
}

/// Whether every required document of a call is among the `attached` keys.
pub fn documents_complete<'a>(
    required: &[crate::call::RequiredDocument],
    attached: impl Iterator<Item = &'a str> + Clone,
) -> bool {
    required
        .iter()
        .filter(|d| d.required)
        .all(|d| attached.clone().any(|k| k == d.key))
}

/// A reviewer's assignment to one application.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub id: Id,
    pub application_id: Id,
    pub reviewer_id: UserId,
    pub assigned_by: Option<UserId>,
    pub assigned_at: DateTime<Utc>,
    /// `None` until the reviewer declares; `Some(true)` excludes them.
    pub conflict: Option<bool>,
    pub conflict_note: Option<String>,
    pub scores: BTreeMap<String, u32>,
    pub comment: Option<String>,
    pub submitted_at: Option<DateTime<Utc>>,
}

impl Review {
    pub fn is_counted(&self) -> bool {
        self.conflict == Some(false) && self.submitted_at.is_some()
    }
}

/// A staff override of the selection engine, with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectionOverride {
    pub application_id: Id,
    /// `true` forces a seat, `false` excludes.
    pub include: bool,
    pub reason: String,
    pub by: Option<UserId>,
    pub at: DateTime<Utc>,
}

/// A stored run of the selection engine on a call's real data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SelectionRun {
    pub id: Id,
    pub programme_id: Id,
    pub input: String,
    pub output: String,
    pub created_by: Option<UserId>,
    pub created_at: DateTime<Utc>,
    /// When staff confirmed this run as the cohort.
    pub confirmed_at: Option<DateTime<Utc>>,
}

/// The day an application counts membership on: the day it was submitted.
pub fn membership_day(at: DateTime<Utc>) -> NaiveDate {
    at.date_naive()
}
