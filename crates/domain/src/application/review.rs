//! Review scores: one reviewer's weighted score on the rubric, and the
//! combined score of an application over its reviewers, optionally with each
//! reviewer's scale normalised.

use super::{Criterion, Review};
use crate::{FieldErrors, Id, UserId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A reviewer's weighted score on a 0–100 scale: Σ wᵢ·sᵢ/maxᵢ / Σ wᵢ × 100.
/// Criteria without a score count as 0.
pub fn weighted_score(rubric: &[Criterion], scores: &BTreeMap<String, u32>) -> f64 {
    let total_weight: u32 = rubric.iter().map(|c| c.weight).sum();
    if total_weight == 0 {
        return 0.0;
    }
    let sum: f64 = rubric
        .iter()
        .map(|c| {
            let s = scores.get(&c.key).copied().unwrap_or(0).min(c.max);
            f64::from(c.weight) * f64::from(s) / f64::from(c.max.max(1))
        })
        .sum();
    100.0 * sum / f64::from(total_weight)
}

/// One application's combined score and how many reviews it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Combined {
    pub score: f64,
    pub reviews: usize,
}

/// Combined score per application: the mean of its counted reviews
/// (declared no conflict and submitted). With `normalise`, each reviewer's
/// scores are first mapped to the pool's scale — z = (s − μᵣ)/σᵣ, then
/// μ + z·σ over all reviews — so a harsh and a lenient reviewer weigh the
/// same. A reviewer with fewer than two reviews or no spread keeps raw
/// scores (there is nothing to learn about their scale).
pub fn combine(
    rubric: &[Criterion],
    reviews: &[Review],
    normalise: bool,
) -> BTreeMap<Id, Combined> {
    combine_counted(
        rubric,
        reviews
            .iter()
            .filter(|r| r.is_counted())
            .map(|r| (r.application_id, r.reviewer_id, &r.scores)),
        normalise,
    )
}

/// [`combine`] over the counted reviews alone, each as (application,
/// reviewer, scores).
pub fn combine_counted<'a>(
    rubric: &[Criterion],
    counted: impl IntoIterator<Item = (Id, UserId, &'a BTreeMap<String, u32>)>,
    normalise: bool,
) -> BTreeMap<Id, Combined> {
    let counted: Vec<(Id, UserId, f64)> = counted
        .into_iter()
        .map(|(a, r, scores)| (a, r, weighted_score(rubric, scores)))
        .collect();
    let adjusted: Vec<(Id, f64)> = if normalise {
        let all: Vec<f64> = counted.iter().map(|x| x.2).collect();
        let (mu, sigma) = mean_sd(&all);
        let mut per_reviewer: BTreeMap<UserId, Vec<f64>> = BTreeMap::new();
        for (_, r, s) in &counted {
            per_reviewer.entry(*r).or_default().push(*s);
        }
        let scale: BTreeMap<UserId, (f64, f64)> =
            per_reviewer.iter().map(|(r, v)| (*r, mean_sd(v))).collect();
        counted
            .iter()
            .map(|(a, r, s)| {
                let n = per_reviewer.get(r).map_or(0, Vec::len);
                let (mr, sr) = scale.get(r).copied().unwrap_or((0.0, 0.0));
                let v = if n >= 2 && sr > 1e-9 && sigma > 1e-9 {
                    (mu + (s - mr) / sr * sigma).clamp(0.0, 100.0)
                } else {
                    *s
                };
                (*a, v)
            })
            .collect()
    } else {
        counted.iter().map(|(a, _, s)| (*a, *s)).collect()
    };
    let mut sums: BTreeMap<Id, (f64, usize)> = BTreeMap::new();
    for (a, s) in adjusted {
        let e = sums.entry(a).or_insert((0.0, 0));
        e.0 += s;
        e.1 += 1;
    }
    sums.into_iter()
        .map(|(a, (sum, n))| {
            (
                a,
                Combined {
                    // Two decimals: what the screen shows is what the engine uses.
                    score: (sum / n as f64 * 100.0).round() / 100.0,
                    reviews: n,
                },
            )
        })
        .collect()
}

fn mean_sd(v: &[f64]) -> (f64, f64) {
    if v.is_empty() {
        return (0.0, 0.0);
    }
    let n = v.len() as f64;
    let mean = v.iter().sum::<f64>() / n;
    let var = v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n;
    (mean, var.sqrt())
}

/// The reviewer's form: first the conflict declaration, then the scores.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewForm {
    /// "none" or "conflict".
    pub conflict: String,
    pub conflict_note: String,
    pub comment: String,
    /// `score.<criterion key>` → value, collected by the handler.
    #[serde(skip)]
    pub scores: BTreeMap<String, String>,
}

/// A validated review step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewStep {
    Declare {
        conflict: bool,
        note: Option<String>,
    },
    Score {
        scores: BTreeMap<String, u32>,
        comment: Option<String>,
    },
}

impl ReviewForm {
    pub fn validate_declaration(&self) -> Result<ReviewStep, FieldErrors> {
        let mut errs = FieldErrors::new();
        let conflict = match self.conflict.trim() {
            "none" => false,
            "conflict" => true,
            "" => {
                errs.add("conflict", "required");
                false
            }
            _ => {
                errs.add("conflict", "invalid_choice");
                false
            }
        };
        let note = crate::validate::optional(&mut errs, "conflict_note", &self.conflict_note, 1000);
        if conflict && note.is_none() {
            errs.add("conflict_note", "required");
        }
        if errs.is_empty() {
            Ok(ReviewStep::Declare { conflict, note })
        } else {
            Err(errs)
        }
    }

    /// Every criterion needs a whole score within 0..=max; errors name `score.<key>`.
    pub fn validate_scores(&self, rubric: &[Criterion]) -> Result<ReviewStep, FieldErrors> {
        let mut errs = FieldErrors::new();
        let mut scores = BTreeMap::new();
        for c in rubric {
            let field = format!("score.{}", c.key);
            match self.scores.get(&c.key).map(|s| s.trim()).unwrap_or("") {
                "" => errs.add(field, "required"),
                v => match v.parse::<u32>() {
                    Ok(n) if n <= c.max => {
                        scores.insert(c.key.clone(), n);
                    }
                    Ok(_) => errs.add_with(
                        field,
                        "out_of_range",
                        &[("min", "0".into()), ("max", c.max.to_string())],
                    ),
                    Err(_) => errs.add(field, "invalid_number"),
                },
            }
        }
        let comment = crate::validate::optional(&mut errs, "comment", &self.comment, 5000);
        if errs.is_empty() {
            Ok(ReviewStep::Score { scores, comment })
        } else {
            Err(errs)
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use chrono::Utc;

    fn rubric() -> Vec<Criterion> {
        vec![
            Criterion {
                key: "a".into(),
                label: "A".into(),
                weight: 3,
                max: 5,
            },
            Criterion {
                key: "b".into(),
                label: "B".into(),
                weight: 1,
                max: 10,
            },
        ]
    }

    fn review(app: Id, reviewer: UserId, a: u32, b: u32) -> Review {
        Review {
            id: app * 100 + reviewer,
            application_id: app,
            reviewer_id: reviewer,
            assigned_by: None,
            assigned_at: Utc::now(),
            conflict: Some(false),
            conflict_note: None,
            scores: [("a".to_string(), a), ("b".to_string(), b)].into(),
            comment: None,
            submitted_at: Some(Utc::now()),
        }
    }

    #[test]
    fn weighted_score_is_on_a_hundred() {
        let r = rubric();
        let full = [("a".to_string(), 5), ("b".to_string(), 10)].into();
        assert!((weighted_score(&r, &full) - 100.0).abs() < 1e-9);
        // a = 3/5 of weight 3, b = 5/10 of weight 1: (1.8 + 0.5) / 4 = 57.5
        let some = [("a".to_string(), 3), ("b".to_string(), 5)].into();
        assert!((weighted_score(&r, &some) - 57.5).abs() < 1e-9);
    }

    #[test]
    fn combined_is_the_mean_of_counted_reviews() {
        let r = rubric();
        let mut conflicted = review(1, 9, 0, 0);
        conflicted.conflict = Some(true);
        let mut unsent = review(1, 8, 0, 0);
        unsent.submitted_at = None;
        let c = combine(
            &r,
            &[review(1, 1, 5, 10), review(1, 2, 3, 5), conflicted, unsent],
            false,
        );
        assert_eq!(c[&1].reviews, 2);
        assert!((c[&1].score - 78.75).abs() < 1e-9);
    }

    #[test]
    fn normalisation_evens_out_a_harsh_reviewer() {
        let r = rubric();
        // Reviewer 1 is lenient, reviewer 2 harsh; each ranks app 10 over app 11
        // by the same margin, and each reviews a different third application.
        let reviews = vec![
            review(10, 1, 5, 10),
            review(11, 1, 4, 8),
            review(12, 2, 2, 4),
            review(13, 2, 1, 2),
        ];
        let raw = combine(&r, &reviews, false);
        assert!(raw[&10].score > raw[&12].score + 40.0);
        let norm = combine(&r, &reviews, true);
        // After normalisation each reviewer's top pick scores the same.
        assert!((norm[&10].score - norm[&12].score).abs() < 0.01);
        assert!((norm[&11].score - norm[&13].score).abs() < 0.01);
    }

    #[test]
    fn review_forms_name_their_fields() {
        let f = ReviewForm {
            conflict: "conflict".into(),
            ..Default::default()
        };
        assert_eq!(
            f.validate_declaration()
                .unwrap_err()
                .get("conflict_note")
                .unwrap()
                .code,
            "required"
        );
        let mut f = ReviewForm::default();
        f.scores.insert("a".into(), "6".into());
        f.scores.insert("b".into(), "x".into());
        let e = f.validate_scores(&rubric()).unwrap_err();
        assert_eq!(e.get("score.a").unwrap().code, "out_of_range");
        assert_eq!(e.get("score.b").unwrap().code, "invalid_number");
    }
}
