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

/// Every gate the application fails (empty = eligible).
pub fn failed_gates(
    app: &Application,
    programme: &Programme,
    rules: &CallRules,
    documents: &[RequiredDocument],
    reviewed: bool,
) -> Vec<Gate> {
    let mut out = vec![];
    if app.status != ApplicationStatus::Submitted {
        out.push(Gate::NotSubmitted);
    }
    if programme.input.eligibility.members_only && !app.profile.as_ref().is_some_and(|p| p.member) {
        out.push(Gate::NonMember);
    }
    if !rules.allow_unendorsed && app.endorsement.status != EndorsementStatus::Endorsed {
        out.push(Gate::NotEndorsed);
    }
    if !app.documents_complete(documents) {
        out.push(Gate::DocumentsIncomplete);
    }
    if !reviewed {
        out.push(Gate::NoReview);
    }
    if rules.interview_required
        && app.interview.as_ref().map(|i| i.outcome) != Some(InterviewOutcome::Passed)
    {
        out.push(Gate::InterviewNotPassed);
    }
    if app.vetting != VettingStatus::Cleared {
        out.push(Gate::VettingNotCleared);
    }
    out
}
