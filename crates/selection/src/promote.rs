//! Promotion from the waitlist after a withdrawal.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::error::SelectionError;
use crate::model::{Input, Instance, Output};
use crate::rules::{self, Mode, Tally};

/// The current state of the cohorts (typically taken from an [`Output`] and
/// updated after each promotion).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Selection {
    /// One entry per programme that has a cohort or a waitlist.
    pub programmes: Vec<Cohort>,
}

/// Cohort and waitlist of one programme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cohort {
    /// Programme id.
    pub id: String,
    /// Candidate ids holding a seat.
    pub selected: Vec<String>,
    /// Waitlisted candidate ids, in promotion order.
    #[serde(default)]
    pub waitlist: Vec<String>,
}

impl From<&Output> for Selection {
    fn from(out: &Output) -> Self {
        Selection {
            programmes: out
                .programmes
                .iter()
                .map(|p| Cohort {
                    id: p.id.clone(),
                    selected: p.selected.clone(),
                    waitlist: p.waitlist.clone(),
                })
                .collect(),
        }
    }
}

/// The decision after a withdrawal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Promotion {
    /// Programme that lost a participant.
    pub programme: String,
    /// Candidate who withdrew.
    pub withdrawn: String,
    /// Candidate to promote, if anyone can take the seat without breaking a rule.
    pub promoted: Option<String>,
    /// Whether the promoted candidate came from the published waitlist (false:
    /// the waitlist was exhausted and the next eligible applicant by score
    /// was taken).
    pub from_waitlist: bool,
    /// Stable snake_case code.
    pub reason_code: String,
    /// Parameters of the explanation.
    pub reason_params: BTreeMap<String, Value>,
    /// English sentence.
    pub reason: String,
}

/// Who takes the seat of `withdrawn`: the first candidate on the programme's
/// waitlist (then, if the waitlist is exhausted, the best remaining eligible
/// applicant by score, preference rank and id) such that the cohort without
/// `withdrawn` and with the candidate keeps every rule. Candidates already
/// holding a seat anywhere are never moved.
pub fn promote_after_withdrawal(
    input: &Input,
    current: &Selection,
    withdrawn: &str,
) -> Result<Promotion, SelectionError> {
    let inst = Instance::new(input)?;
    let prog_idx: HashMap<&str, usize> = inst
        .progs
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let cand_idx: HashMap<&str, usize> = inst
        .cands
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let mut seat: Vec<Option<usize>> = vec![None; inst.cands.len()];
    let mut cohorts: Vec<Vec<usize>> = vec![Vec::new(); inst.progs.len()];
    let mut waitlists: Vec<Vec<usize>> = vec![Vec::new(); inst.progs.len()];
    for cohort in &current.programmes {
        let Some(&p) = prog_idx.get(cohort.id.as_str()) else {
            return Err(SelectionError::Selection(format!(
                "unknown programme {:?}",
                cohort.id
            )));
        };
        for id in &cohort.selected {
            let Some(&c) = cand_idx.get(id.as_str()) else {
                return Err(SelectionError::Selection(format!(
                    "unknown candidate {id:?}"
                )));
            };
            if seat[c].is_some() {
                return Err(SelectionError::Selection(format!(
                    "candidate {id:?} holds more than one seat"
                )));
            }
            seat[c] = Some(p);
            cohorts[p].push(c);
        }
        for id in &cohort.waitlist {
            let Some(&c) = cand_idx.get(id.as_str()) else {
                return Err(SelectionError::Selection(format!(
                    "unknown candidate {id:?}"
                )));
            };
            waitlists[p].push(c);
        }
    }
    let Some(&w) = cand_idx.get(withdrawn) else {
        return Err(SelectionError::Selection(format!(
            "unknown candidate {withdrawn:?}"
        )));
    };
    let Some(p) = seat[w] else {
        return Err(SelectionError::Selection(format!(
            "candidate {withdrawn:?} holds no seat"
        )));
    };
    let pid = inst.progs[p].id.clone();
    let mut tally = Tally::of(&inst, &cohorts[p]);
    tally.add(&inst, w, -1);
    seat[w] = None;

    // Published waitlist first, then everyone else by priority.
    let mut others: Vec<(i64, u32, usize, usize)> = inst.prog_pairs[p]
        .iter()
        .map(|&j| inst.pairs[j])
        .map(|pr| {
            (
                -inst.cands[pr.cand].score,
                pr.rank,
                inst.id_pos[pr.cand],
                pr.cand,
            )
        })
        .collect();
    others.sort_unstable();
    let listed: Vec<usize> = inst.prog_pairs[p]
        .iter()
        .map(|&j| inst.pairs[j].cand)
        .collect();
    let order = waitlists[p]
        .iter()
        .map(|&c| (c, true))
        .chain(others.into_iter().map(|e| (e.3, false)));
    let mut considered = std::collections::HashSet::new();
    for (c, from_waitlist) in order {
        if c == w || seat[c].is_some() || !considered.insert(c) {
            continue;
        }
        // Only eligible applicants who listed the programme can be promoted.
        if !listed.contains(&c) {
            continue;
        }
        let mut t = tally.clone();
        t.add(&inst, c, 1);
        if rules::breaches(&inst, p, &t, Mode::Effective).is_empty() {
            let cid = inst.cands[c].id.clone();
            let text = if from_waitlist {
                format!(
                    "{cid} is promoted to {pid} after {withdrawn} withdrew; every rule still holds"
                )
            } else {
                format!(
                    "{cid} is promoted to {pid} after {withdrawn} withdrew (waitlist exhausted, next eligible applicant by score); every rule still holds"
                )
            };
            return Ok(Promotion {
                programme: pid.clone(),
                withdrawn: withdrawn.to_string(),
                promoted: Some(cid.clone()),
                from_waitlist,
                reason_code: "promoted".into(),
                reason_params: obj(
                    json!({"programme": pid, "withdrawn": withdrawn, "promoted": cid, "from_waitlist": from_waitlist}),
                ),
                reason: text,
            });
        }
    }
    let broken: Vec<&'static str> = rules::breaches(&inst, p, &tally, Mode::Effective)
        .iter()
        .map(|b| b.rule())
        .collect();
    let text = if broken.is_empty() {
        format!(
            "nobody can take the seat of {withdrawn} in {pid} without breaking a rule; the seat stays empty"
        )
    } else {
        format!(
            "nobody can take the seat of {withdrawn} in {pid} without breaking a rule; without them the cohort breaks: {}",
            broken.join(", ")
        )
    };
    Ok(Promotion {
        programme: pid.clone(),
        withdrawn: withdrawn.to_string(),
        promoted: None,
        from_waitlist: false,
        reason_code: "no_promotion".into(),
        reason_params: obj(
            json!({"programme": pid, "withdrawn": withdrawn, "cohort_breaks": broken}),
        ),
        reason: text,
    })
}

fn obj(v: Value) -> BTreeMap<String, Value> {
    match v {
        Value::Object(m) => m.into_iter().collect(),
        _ => BTreeMap::new(),
    }
}
