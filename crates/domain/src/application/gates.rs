//! Who may enter the selection: the gates an application must pass, each
//! failure with a stable code so staff see exactly why.

use super::{
    Application, ApplicationStatus, CallRules, EndorsementStatus, InterviewOutcome, VettingStatus,
};
use crate::call::RequiredDocument;
use crate::programme::Programme;

/// Why an application cannot be selected, in the order the pipeline meets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    NotSubmitted,
    NonMember,
    NotEndorsed,
    DocumentsIncomplete,
    NoReview,
    InterviewNotPassed,
    VettingNotCleared,
}

impl Gate {
    pub fn code(self) -> &'static str {
        match self {
            Gate::NotSubmitted => "not_submitted",
            Gate::NonMember => "non_member",
            Gate::NotEndorsed => "not_endorsed",
            Gate::DocumentsIncomplete => "documents_incomplete",
            Gate::NoReview => "no_review",
            Gate::InterviewNotPassed => "interview_not_passed",
            Gate::VettingNotCleared => "vetting_not_cleared",
        }
    }

    /// An English sentence for the decision record.
    pub fn sentence(self) -> &'static str {
        match self {
            Gate::NotSubmitted => "the application was not submitted or was withdrawn",
            Gate::NonMember => "the course is open to member cities only",
            Gate::NotEndorsed => "the city has not endorsed the application",
            Gate::DocumentsIncomplete => "required documents are missing",
            Gate::NoReview => "no review has been completed",
            Gate::InterviewNotPassed => "the language interview was not passed",
            Gate::VettingNotCleared => "vetting has not cleared the applicant",
        }
    }
}

/// What the gates look at, taken from a whole application
/// ([`GateFacts::of`]) or from a row of the staff's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GateFacts {
    pub status: ApplicationStatus,
    /// The applicant's city was a member on the day of submission.
    pub member: bool,
    pub endorsement: EndorsementStatus,
    /// Every required document of the call is attached.
    pub documents_complete: bool,
    pub interview: Option<InterviewOutcome>,
    pub vetting: VettingStatus,
}

impl GateFacts {
    pub fn of(app: &Application, documents: &[RequiredDocument]) -> Self {
        GateFacts {
            status: app.status,
            member: app.profile.as_ref().is_some_and(|p| p.member),
            endorsement: app.endorsement.status,
            documents_complete: app.documents_complete(documents),
            interview: app.interview.as_ref().map(|i| i.outcome),
            vetting: app.vetting,
        }
    }
}

/// Every gate the application fails (empty = eligible).
pub fn failed_gates(
    app: &Application,
    programme: &Programme,
    rules: &CallRules,
    documents: &[RequiredDocument],
    reviewed: bool,
) -> Vec<Gate> {
    gates_failed_by(&GateFacts::of(app, documents), programme, rules, reviewed)
}

/// Every gate an application with these facts fails (empty = eligible).
pub fn gates_failed_by(
    facts: &GateFacts,
    programme: &Programme,
    rules: &CallRules,
    reviewed: bool,
) -> Vec<Gate> {
    let mut out = vec![];
    if facts.status != ApplicationStatus::Submitted {
        out.push(Gate::NotSubmitted);
    }
    if programme.input.eligibility.members_only && !facts.member {
        out.push(Gate::NonMember);
    }
    if !rules.allow_unendorsed && facts.endorsement != EndorsementStatus::Endorsed {
        out.push(Gate::NotEndorsed);
    }
    if !facts.documents_complete {
        out.push(Gate::DocumentsIncomplete);
    }
    if !reviewed {
        out.push(Gate::NoReview);
    }
    if rules.interview_required && facts.interview != Some(InterviewOutcome::Passed) {
        out.push(Gate::InterviewNotPassed);
    }
    if facts.vetting != VettingStatus::Cleared {
        out.push(Gate::VettingNotCleared);
    }
    out
}
