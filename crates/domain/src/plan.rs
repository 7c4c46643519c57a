//! Annual plans: a centre's programmes for a year, submitted to the
//! Secretariat in the second half of the year before, commented on, sent
//! back for changes or endorsed (which endorses the plan's programmes).

use crate::organisation::string_enum;
use crate::{FieldErrors, Id, OrgId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

string_enum!(
    PlanStatus {
        Submitted = "submitted",
        ChangesRequested = "changes_requested",
        Endorsed = "endorsed",
    }
);

string_enum!(
    /// One entry of a plan's history.
    PlanEventKind {
        Submitted = "submitted",
        Comment = "comment",
        ChangesRequested = "changes_requested",
        Endorsed = "endorsed",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanEvent {
    pub at: DateTime<Utc>,
    pub user_id: Option<UserId>,
    pub kind: PlanEventKind,
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnualPlan {
    pub id: Id,
    pub centre_org_id: OrgId,
    pub year: i32,
    pub status: PlanStatus,
    pub submitted_at: DateTime<Utc>,
    pub events: Vec<PlanEvent>,
}

/// Plans are due by the end of the year before: a later submission is
/// accepted but flagged.
pub fn is_late(year: i32, submitted_at: DateTime<Utc>) -> bool {
    NaiveDate::from_ymd_opt(year, 1, 1).is_none_or(|d| submitted_at.date_naive() >= d)
}

/// The status after `kind` on a plan in `status`: comments leave it as it
/// is; changes and endorsement answer a submitted plan; a centre submits
/// again after changes were asked. Refusals name the field `kind`.
pub fn next_status(
    status: Option<PlanStatus>,
    kind: PlanEventKind,
) -> Result<PlanStatus, FieldErrors> {
    use PlanEventKind as K;
    use PlanStatus as S;
    let refused = || {
        let mut e = FieldErrors::new();
        e.add("kind", "plan_step_refused");
        e
    };
    match (status, kind) {
        (None, K::Submitted) | (Some(S::ChangesRequested), K::Submitted) => Ok(S::Submitted),
        (Some(s), K::Comment) => Ok(s),
        (Some(S::Submitted), K::ChangesRequested) => Ok(S::ChangesRequested),
        (Some(S::Submitted), K::Endorsed) => Ok(S::Endorsed),
        _ => Err(refused()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_steps_and_lateness() {
        use PlanEventKind as K;
        use PlanStatus as S;
        assert_eq!(next_status(None, K::Submitted).unwrap(), S::Submitted);
        assert!(next_status(None, K::Endorsed).is_err());
        assert!(next_status(Some(S::Submitted), K::Submitted).is_err());
        assert_eq!(
            next_status(Some(S::Submitted), K::ChangesRequested).unwrap(),
            S::ChangesRequested
        );
        assert_eq!(
            next_status(Some(S::ChangesRequested), K::Submitted).unwrap(),
            S::Submitted
        );
        assert_eq!(
            next_status(Some(S::Endorsed), K::Comment).unwrap(),
            S::Endorsed
        );
        assert!(next_status(Some(S::Endorsed), K::ChangesRequested).is_err());
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        assert!(!is_late(2027, at("2026-09-30T10:00:00Z")));
        assert!(!is_late(2027, at("2026-12-31T23:59:59Z")));
        assert!(is_late(2027, at("2027-01-01T00:00:00Z")));
    }
}
