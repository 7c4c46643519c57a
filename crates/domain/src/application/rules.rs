//! A call's review and selection settings, next to the programme's own
//! eligibility rules.

use crate::FieldErrors;
use serde::{Deserialize, Serialize};

/// One criterion of the review rubric.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub key: String,
    pub label: String,
    /// Relative weight (1..=10).
    pub weight: u32,
    /// Highest score a reviewer can give (scores are 0..=max).
    pub max: u32,
}

/// How a call is reviewed and its cohort chosen. The programme holds
/// capacity, members-only, minimum member share, per-city cap and gender
/// target; these are the rest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallRules {
    pub programme_id: crate::Id,
    /// Applicants without their city's endorsement may still be selected.
    pub allow_unendorsed: bool,
    /// A passed language interview is required.
    pub interview_required: bool,
    pub rubric: Vec<Criterion>,
    /// Normalise each reviewer's scores (z-score) before combining.
    pub normalise: bool,
    pub max_per_country: Option<i32>,
    pub min_regions: Option<i32>,
    /// Days a selected applicant has to confirm.
    pub respond_days: i32,
    /// Length of the published waitlist.
    pub waitlist_size: i32,
    pub version: i64,
}

impl CallRules {
    /// The network's usual settings for a programme without its own.
    pub fn defaults(programme_id: crate::Id) -> Self {
        let c = |key: &str, label: &str, weight| Criterion {
            key: key.into(),
            label: label.into(),
            weight,
            max: 5,
        };
        Self {
            programme_id,
            allow_unendorsed: false,
            interview_required: true,
            rubric: vec![
                c(
                    "relevance",
                    "Relevance of the applicant's work to the course",
                    3,
                ),
                c("motivation", "Motivation and expected use back home", 2),
                c("experience", "Professional experience", 2),
                c(
                    "sharing",
                    "Ability to share the learning with colleagues",
                    1,
                ),
            ],
            normalise: false,
            max_per_country: None,
            min_regions: None,
            respond_days: 14,
            waitlist_size: 10,
            version: 0,
        }
    }
}

/// The rules form as typed. The rubric is one criterion per line:
/// `key | weight | max | label`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CallRulesForm {
    pub allow_unendorsed: Option<String>,
    pub interview_required: Option<String>,
    pub normalise: Option<String>,
    pub rubric: String,
    pub max_per_country: String,
    pub min_regions: String,
    pub respond_days: String,
    pub waitlist_size: String,
    pub version: String,
}

fn int_field(errs: &mut FieldErrors, field: &str, v: &str, min: i32, max: i32) -> Option<i32> {
    let v = v.trim();
    if v.is_empty() {
        return None;
    }
    match v.parse::<i32>() {
        Ok(n) if (min..=max).contains(&n) => Some(n),
        Ok(_) => {
            errs.add_with(
                field,
                "out_of_range",
                &[("min", min.to_string()), ("max", max.to_string())],
            );
            None
        }
        Err(_) => {
            errs.add(field, "invalid_number");
            None
        }
    }
}

impl CallRulesForm {
    pub fn from_rules(r: &CallRules) -> Self {
        let on = |b: bool| b.then(|| "on".to_string());
        Self {
            allow_unendorsed: on(r.allow_unendorsed),
            interview_required: on(r.interview_required),
            normalise: on(r.normalise),
            rubric: r
                .rubric
                .iter()
                .map(|c| format!("{} | {} | {} | {}", c.key, c.weight, c.max, c.label))
                .collect::<Vec<_>>()
                .join("\n"),
            max_per_country: r.max_per_country.map(|n| n.to_string()).unwrap_or_default(),
            min_regions: r.min_regions.map(|n| n.to_string()).unwrap_or_default(),
            respond_days: r.respond_days.to_string(),
            waitlist_size: r.waitlist_size.to_string(),
            version: r.version.to_string(),
        }
    }

    pub fn validate(&self, programme_id: crate::Id) -> Result<CallRules, FieldErrors> {
        let mut errs = FieldErrors::new();
        let mut rubric: Vec<Criterion> = vec![];
        for line in self.rubric.lines().filter(|l| !l.trim().is_empty()) {
            let parts: Vec<&str> = line.splitn(4, '|').map(str::trim).collect();
            let parsed = match parts.as_slice() {
                [key, w, m, label] if !key.is_empty() && !label.is_empty() => {
                    match (w.parse::<u32>(), m.parse::<u32>()) {
                        (Ok(weight), Ok(max))
                            if (1..=10).contains(&weight) && (1..=100).contains(&max) =>
                        {
                            Some(Criterion {
                                key: key.to_string(),
                                label: label.chars().take(200).collect(),
                                weight,
                                max,
                            })
                        }
                        _ => None,
                    }
                }
                _ => None,
            };
            match parsed {
                Some(c) if rubric.iter().any(|r| r.key == c.key) => {
                    errs.add("rubric", "duplicate_key")
                }
                Some(c) => rubric.push(c),
                None => errs.add("rubric", "invalid_rubric_line"),
            }
        }
        if rubric.is_empty() && errs.get("rubric").is_none() {
            errs.add("rubric", "required");
        }
        let max_per_country =
            int_field(&mut errs, "max_per_country", &self.max_per_country, 1, 500);
        let min_regions = int_field(&mut errs, "min_regions", &self.min_regions, 1, 6);
        let respond_days = int_field(&mut errs, "respond_days", &self.respond_days, 1, 90);
        if self.respond_days.trim().is_empty() {
            errs.add("respond_days", "required");
        }
        let waitlist_size = int_field(&mut errs, "waitlist_size", &self.waitlist_size, 0, 500);
        let version = self.version.trim().parse().unwrap_or(0);
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(CallRules {
            programme_id,
            allow_unendorsed: self.allow_unendorsed.is_some(),
            interview_required: self.interview_required.is_some(),
            normalise: self.normalise.is_some(),
            rubric,
            max_per_country,
            min_regions,
            respond_days: respond_days.unwrap_or(14),
            waitlist_size: waitlist_size.unwrap_or(10),
            version,
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn defaults_round_trip_through_the_form() {
        let r = CallRules::defaults(3);
        let back = CallRulesForm::from_rules(&r).validate(3).unwrap();
        assert_eq!(back, r);
    }

    #[test]
    fn bad_rules_name_their_fields() {
        let f = CallRulesForm {
            rubric: "a | 0 | 5 | x\nb | 1 | 5 | y\nb | 1 | 5 | z".into(),
            max_per_country: "zero".into(),
            min_regions: "9".into(),
            respond_days: "".into(),
            ..Default::default()
        };
        let e = f.validate(1).unwrap_err();
        assert_eq!(e.get("rubric").unwrap().code, "invalid_rubric_line");
        assert!(
            e.0.iter()
                .any(|x| x.field == "rubric" && x.code == "duplicate_key")
        );
        assert_eq!(e.get("max_per_country").unwrap().code, "invalid_number");
        assert_eq!(e.get("min_regions").unwrap().code, "out_of_range");
        assert_eq!(e.get("respond_days").unwrap().code, "required");
    }
}
