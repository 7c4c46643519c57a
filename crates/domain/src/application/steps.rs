//! The staff and city steps on an application (endorsement, interview,
//! vetting) as forms, and the funnel the step reports count.

use super::{
    Application, EndorsementStatus, Interview, InterviewOutcome, LanguageLevel, Outcome,
    VettingStatus,
};
use crate::validate;
use crate::{FieldErrors, UserId};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The focal point's decision on one nominee.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct EndorsementForm {
    /// "endorsed" or "declined".
    pub decision: String,
    pub comment: String,
    /// Required when endorsing: the city's ranking of this nominee (1 = first).
    pub rank: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndorsementStep {
    pub status: EndorsementStatus,
    pub comment: Option<String>,
    pub rank: Option<i32>,
}

impl EndorsementForm {
    pub fn validate(&self) -> Result<EndorsementStep, FieldErrors> {
        let mut errs = FieldErrors::new();
        let status = match self.decision.trim() {
            "endorsed" => Some(EndorsementStatus::Endorsed),
            "declined" => Some(EndorsementStatus::Declined),
            "" => {
                errs.add("decision", "required");
                None
            }
            _ => {
                errs.add("decision", "invalid_choice");
                None
            }
        };
        let comment = validate::optional(&mut errs, "comment", &self.comment, 2000);
        if status == Some(EndorsementStatus::Declined) && comment.is_none() {
            errs.add("comment", "required");
        }
        let rank = match (status, self.rank.trim()) {
            (Some(EndorsementStatus::Endorsed), "") => {
                errs.add("rank", "required");
                None
            }
            (Some(EndorsementStatus::Endorsed), r) => match r.parse::<i32>() {
                Ok(n) if (1..=99).contains(&n) => Some(n),
                Ok(_) => {
                    errs.add_with(
                        "rank",
                        "out_of_range",
                        &[("min", "1".into()), ("max", "99".into())],
                    );
                    None
                }
                Err(_) => {
                    errs.add("rank", "invalid_number");
                    None
                }
            },
            _ => None,
        };
        match status {
            Some(status) if errs.is_empty() => Ok(EndorsementStep {
                status,
                comment,
                rank,
            }),
            _ => Err(errs),
        }
    }
}

/// Staff schedule an interview and, later, record its outcome.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct InterviewForm {
    /// Local time in the host's zone, `YYYY-MM-DDTHH:MM`.
    pub slot: String,
    pub interviewer_id: String,
    pub language: String,
    pub outcome: String,
    pub level: String,
    pub notes: String,
    pub version: String,
}

impl InterviewForm {
    pub fn from_interview(i: &Interview, tz: Tz) -> Self {
        Self {
            slot: i
                .slot
                .with_timezone(&tz)
                .format("%Y-%m-%dT%H:%M")
                .to_string(),
            interviewer_id: i.interviewer_id.to_string(),
            language: i.language.clone(),
            outcome: i.outcome.as_str().into(),
            level: i.level.map(|l| l.as_str().to_string()).unwrap_or_default(),
            notes: i.notes.clone().unwrap_or_default(),
            version: String::new(),
        }
    }

    /// `interviewers` are the users who may interview; `languages` the
    /// programme's working languages.
    pub fn validate(
        &self,
        tz: Tz,
        interviewers: &[UserId],
        languages: &[String],
    ) -> Result<Interview, FieldErrors> {
        let mut errs = FieldErrors::new();
        let slot = match chrono::NaiveDateTime::parse_from_str(self.slot.trim(), "%Y-%m-%dT%H:%M") {
            Ok(local) => {
                let t = crate::call::local_to_utc(local, tz);
                if t.is_none() {
                    errs.add("slot", "nonexistent_local_time");
                }
                t
            }
            Err(_) if self.slot.trim().is_empty() => {
                errs.add("slot", "required");
                None
            }
            Err(_) => {
                errs.add("slot", "invalid_datetime");
                None
            }
        };
        let interviewer = self.interviewer_id.trim().parse::<UserId>().ok();
        if self.interviewer_id.trim().is_empty() {
            errs.add("interviewer_id", "required");
        } else if !interviewer.is_some_and(|i| interviewers.contains(&i)) {
            errs.add("interviewer_id", "invalid_choice");
        }
        let language = self.language.trim().to_string();
        if language.is_empty() {
            errs.add("language", "required");
        } else if !languages.contains(&language) {
            errs.add("language", "invalid_choice");
        }
        let outcome = if self.outcome.trim().is_empty() {
            Some(InterviewOutcome::Scheduled)
        } else {
            validate::choice(&mut errs, "outcome", &self.outcome, InterviewOutcome::parse)
        };
        let level = match self.level.trim() {
            "" => None,
            l => validate::choice(&mut errs, "level", l, LanguageLevel::parse),
        };
        if outcome == Some(InterviewOutcome::Passed)
            && level.is_none()
            && errs.get("level").is_none()
        {
            errs.add("level", "required");
        }
        let notes = validate::optional(&mut errs, "notes", &self.notes, 2000);
        match (slot, interviewer, outcome) {
            (Some(slot), Some(interviewer_id), Some(outcome)) if errs.is_empty() => Ok(Interview {
                slot,
                interviewer_id,
                language,
                outcome,
                level,
                notes,
            }),
            _ => Err(errs),
        }
    }
}

/// Parses the vetting form's single field.
pub fn parse_vetting(v: &str) -> Result<VettingStatus, FieldErrors> {
    let mut errs = FieldErrors::new();
    match validate::choice(&mut errs, "vetting", v, VettingStatus::parse) {
        Some(s) => Ok(s),
        None => Err(errs),
    }
}

/// The funnel's stages, in order.
pub const FUNNEL: [&str; 6] = [
    "applied",
    "endorsed",
    "interviewed",
    "vetted",
    "selected",
    "confirmed",
];

/// How far one application got: one flag per [`FUNNEL`] stage.
pub fn funnel_flags(a: &Application) -> [bool; 6] {
    let applied = a.submitted_at.is_some();
    let endorsed = a.endorsement.status == EndorsementStatus::Endorsed;
    let interviewed = a.interview.as_ref().is_some_and(|i| {
        matches!(
            i.outcome,
            InterviewOutcome::Passed | InterviewOutcome::Failed
        )
    });
    let vetted = a.vetting == VettingStatus::Cleared;
    let outcome = a.decision.as_ref().map(|d| d.outcome);
    let selected = matches!(
        outcome,
        Some(Outcome::Offered | Outcome::Confirmed | Outcome::Declined | Outcome::Expired)
    );
    let confirmed = outcome == Some(Outcome::Confirmed);
    [applied, endorsed, interviewed, vetted, selected, confirmed]
}

/// Counts per funnel stage.
pub fn funnel(apps: &[Application]) -> [usize; 6] {
    let mut out = [0; 6];
    for a in apps {
        for (i, f) in funnel_flags(a).iter().enumerate() {
            if *f {
                out[i] += 1;
            }
        }
    }
    out
}

/// Submitted applications counted by a key (city, region, member status, gender).
pub fn count_by(
    apps: &[Application],
    key: impl Fn(&Application) -> Option<String>,
) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for a in apps.iter().filter(|a| a.submitted_at.is_some()) {
        if let Some(k) = key(a) {
            *out.entry(k).or_insert(0) += 1;
        }
    }
    out
}

/// Whether an open offer can still be answered at `now`.
pub fn offer_open(respond_by: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    respond_by.is_none_or(|t| now <= t)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn endorsement_needs_a_rank_or_a_reason() {
        let e = EndorsementForm {
            decision: "endorsed".into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(e.get("rank").unwrap().code, "required");
        let e = EndorsementForm {
            decision: "declined".into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(e.get("comment").unwrap().code, "required");
        let ok = EndorsementForm {
            decision: "endorsed".into(),
            rank: "2".into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(ok.rank, Some(2));
    }

    #[test]
    fn interview_in_any_working_language() {
        let tz: Tz = "Asia/Seoul".parse().unwrap();
        let langs = vec!["ko".to_string(), "en".to_string()];
        let f = InterviewForm {
            slot: "2026-05-04T10:00".into(),
            interviewer_id: "5".into(),
            language: "ko".into(),
            outcome: "passed".into(),
            level: "b2".into(),
            ..Default::default()
        };
        let i = f.validate(tz, &[5], &langs).unwrap();
        assert_eq!(i.slot.to_rfc3339(), "2026-05-04T01:00:00+00:00");
        assert_eq!(i.language, "ko");
        let bad = InterviewForm {
            slot: "tomorrow".into(),
            interviewer_id: "6".into(),
            language: "fr".into(),
            outcome: "passed".into(),
            ..Default::default()
        };
        let e = bad.validate(tz, &[5], &langs).unwrap_err();
        for f in ["slot", "interviewer_id", "language", "level"] {
            assert!(e.get(f).is_some(), "{f}");
        }
    }
}
