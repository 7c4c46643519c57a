//! The JSON contract (input and output types) and its validation into the
//! normalised, index-based [`Instance`] the solver works on.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::SelectionError;

/// Fixed-point scale of scores: a score is stored as `round(score * 10^4)`.
pub const SCORE_SCALE: i64 = 10_000;
/// Fixed-point scale of shares: a share is stored in parts per million.
pub const SHARE_SCALE: i64 = 1_000_000;
/// Largest accepted absolute score.
pub const MAX_ABS_SCORE: f64 = 1_000_000.0;

/// The whole selection problem.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// Programmes (courses) to fill.
    pub programmes: Vec<Programme>,
    /// Applicants.
    pub candidates: Vec<Candidate>,
    /// Staff decisions that the solver must honour.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<Override>,
}

/// One programme and its rules. Every rule field is optional: absent means
/// "no such rule".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// Unique programme id.
    pub id: String,
    /// Maximum number of selected participants.
    pub capacity: i64,
    /// Members must make up at least this share (0..=1) of the cohort.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_member_share: Option<f64>,
    /// At most this many participants from one city (city = country + city name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_per_city: Option<i64>,
    /// At most this many participants from one country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_per_country: Option<i64>,
    /// At least this many distinct world regions when anyone is selected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_regions: Option<i64>,
    /// For each gender, the minimum share (0..=1) of the cohort.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub min_gender_share: BTreeMap<String, f64>,
    /// Length of the published waitlist (default: the capacity).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waitlist_size: Option<i64>,
}

/// One applicant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    /// Unique candidate id.
    pub id: String,
    /// Merit score (finite, |score| <= 1e6, used to 4 decimal places).
    pub score: f64,
    /// City name (cities are told apart by country and name).
    pub city: String,
    /// Country name or code.
    pub country: String,
    /// World region.
    pub region: String,
    /// Whether the candidate's city is a Metropolis member.
    pub member: bool,
    /// Gender label, compared exactly with the keys of `min_gender_share`.
    pub gender: String,
    /// Whether the candidate passed the eligibility check.
    pub eligible: bool,
    /// Programme ids, most wanted first (rank 1 = first choice).
    pub preferences: Vec<String>,
}

/// A staff decision: `programme: Some(p)` forces a seat in `p`,
/// `programme: None` forces exclusion from every programme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// Candidate id.
    pub candidate: String,
    /// Programme to seat the candidate in, or `null` to exclude them.
    pub programme: Option<String>,
    /// Recorded reason (required, non-empty).
    pub reason: String,
}

/// Result of a selection run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Output {
    /// True when the solution is proven optimal.
    pub optimal: bool,
    /// Total score of the selected candidates (sum of 4-decimal fixed-point scores).
    pub objective: f64,
    /// The same total in fixed point (score units of 1e-4), exact.
    pub objective_fixed: i64,
    /// Sum of the preference ranks of the selected candidates.
    pub rank_sum: i64,
    /// One entry per input programme, in input order.
    pub programmes: Vec<ProgrammeResult>,
    /// One entry per input candidate, in input order.
    pub candidates: Vec<CandidateResult>,
    /// How the answer was computed.
    pub stats: SolveStats,
}

/// Per-programme result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgrammeResult {
    /// Programme id.
    pub id: String,
    /// Selected candidate ids, by score (desc), then id.
    pub selected: Vec<String>,
    /// Waitlisted candidate ids in promotion order.
    pub waitlist: Vec<String>,
    /// Rules that are broken, cannot be met, or limit the cohort.
    pub violations: Vec<Violation>,
}

/// A rule that is broken (only possible through overrides), cannot be met by
/// any non-empty cohort, or keeps the cohort below capacity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Violation {
    /// Rule name: `capacity`, `max_per_city`, `max_per_country`,
    /// `min_member_share`, `min_gender_share`, `min_regions`, `rules_combined`.
    pub rule: String,
    /// `broken` (the final cohort breaks it), `unattainable` (no non-empty
    /// cohort can meet it, so nobody is selected) or `limits_cohort` (it keeps
    /// the cohort below capacity).
    pub kind: String,
    /// By how many people the rule is missed (or exceeded).
    pub shortfall: i64,
    /// Whether an override caused it.
    pub caused_by_override: bool,
    /// Machine-readable details (rule limits and counts).
    pub params: BTreeMap<String, Value>,
    /// English sentence.
    pub message: String,
}

/// Candidate status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Holds a seat.
    Selected,
    /// On a waitlist.
    Waitlisted,
    /// Eligible but neither selected nor waitlisted.
    NotSelected,
    /// Not eligible (or excluded by an override).
    Ineligible,
}

/// Per-candidate explanation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CandidateResult {
    /// Candidate id.
    pub id: String,
    /// Programme of the seat (selected) or of the waitlist (waitlisted).
    pub programme: Option<String>,
    /// Status.
    pub status: Status,
    /// English explanation.
    pub reason: String,
    /// Stable snake_case code of the explanation.
    pub reason_code: String,
    /// Parameters of the explanation, for translation.
    pub reason_params: BTreeMap<String, Value>,
}

/// Solver statistics.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SolveStats {
    /// Candidate/programme pairs in the full model.
    pub pairs_total: usize,
    /// Pairs in the final (reduced) model given to the MILP solver.
    pub pairs_in_core: usize,
    /// Number of MILP solves (core solves, tie-break solves).
    pub milp_solves: usize,
    /// Number of exact dual-bound certifications that passed.
    pub bound_checks_passed: usize,
    /// Whether the id tie-break was carried out exhaustively (false only if
    /// it was switched off or a tie-break MILP hit its time limit; the
    /// selection is optimal either way).
    pub tie_break_exact: bool,
    /// Wall-clock milliseconds.
    pub millis: u64,
}

/// Parse the input JSON, naming the offending field on error. The rules
/// the engine checks (ranges, unique ids, references between sections)
/// are checked here too, so that an input that parses is one that
/// [`crate::solve`] takes.
pub(crate) fn parse_input(text: &str) -> Result<Input, SelectionError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| SelectionError::Json(e.to_string()))?;
    if let Some(field) = first_type_error(&value) {
        return Err(field);
    }
    let input: Input =
        serde_json::from_value(value).map_err(|e| SelectionError::Json(e.to_string()))?;
    Instance::new(&input)?;
    Ok(input)
}

#[derive(Clone, Copy)]
enum Kind {
    Str,
    Num,
    Int,
    Bool,
    StrArray,
    ShareMap,
    OptNum,
    OptInt,
    OptStr,
}

fn kind_ok(kind: Kind, v: &Value) -> Result<(), &'static str> {
    let ok = match kind {
        Kind::Str => v.is_string(),
        Kind::Num => v.is_number(),
        Kind::Int => v.is_i64() || v.is_u64(),
        Kind::Bool => v.is_boolean(),
        Kind::StrArray => v.as_array().is_some_and(|a| a.iter().all(Value::is_string)),
        Kind::ShareMap => v
            .as_object()
            .is_some_and(|m| m.values().all(Value::is_number)),
        Kind::OptNum => v.is_null() || v.is_number(),
        Kind::OptInt => v.is_null() || v.is_i64() || v.is_u64(),
        Kind::OptStr => v.is_null() || v.is_string(),
    };
    if ok {
        return Ok(());
    }
    Err(match kind {
        Kind::Str => "expected a string",
        Kind::Num => "expected a number",
        Kind::Int => "expected an integer",
        Kind::Bool => "expected true or false",
        Kind::StrArray => "expected an array of strings",
        Kind::ShareMap => "expected an object mapping genders to shares",
        Kind::OptNum => "expected a number or null",
        Kind::OptInt => "expected an integer or null",
        Kind::OptStr => "expected a string or null",
    })
}

/// Type check of the known fields, so that errors name the field; missing
/// and unknown fields are left to serde (whose messages name them).
fn first_type_error(v: &Value) -> Option<SelectionError> {
    let sections: [(&str, &[(&str, Kind)]); 3] = [
        (
            "programmes",
            &[
                ("id", Kind::Str),
                ("capacity", Kind::Int),
                ("min_member_share", Kind::OptNum),
                ("max_per_city", Kind::OptInt),
                ("max_per_country", Kind::OptInt),
                ("min_regions", Kind::OptInt),
                ("min_gender_share", Kind::ShareMap),
                ("waitlist_size", Kind::OptInt),
            ],
        ),
        (
            "candidates",
            &[
                ("id", Kind::Str),
                ("score", Kind::Num),
                ("city", Kind::Str),
                ("country", Kind::Str),
                ("region", Kind::Str),
                ("member", Kind::Bool),
                ("gender", Kind::Str),
                ("eligible", Kind::Bool),
                ("preferences", Kind::StrArray),
            ],
        ),
        (
            "overrides",
            &[
                ("candidate", Kind::Str),
                ("programme", Kind::OptStr),
                ("reason", Kind::Str),
            ],
        ),
    ];
    let obj = v.as_object()?;
    for (section, fields) in sections {
        let Some(items) = obj.get(section) else {
            continue;
        };
        let Some(items) = items.as_array() else {
            return Some(invalid(section.to_string(), "expected an array"));
        };
        for (i, item) in items.iter().enumerate() {
            let Some(item) = item.as_object() else {
                return Some(invalid(format!("{section}[{i}]"), "expected an object"));
            };
            for (name, kind) in fields {
                if let Some(fv) = item.get(*name)
                    && let Err(msg) = kind_ok(*kind, fv)
                {
                    return Some(invalid(
                        format!("{section}[{i}].{name}"),
                        format!("{msg} (got {fv})"),
                    ));
                }
            }
            // Missing or unknown fields: let serde say which, with the element path.
            let res = match section {
                "programmes" => {
                    serde_json::from_value::<Programme>(Value::Object(item.clone())).err()
                }
                "candidates" => {
                    serde_json::from_value::<Candidate>(Value::Object(item.clone())).err()
                }
                _ => serde_json::from_value::<Override>(Value::Object(item.clone())).err(),
            };
            if let Some(e) = res {
                return Some(invalid(format!("{section}[{i}]"), e.to_string()));
            }
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Normalised instance
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
pub(crate) struct Prog {
    pub id: String,
    /// Capacity as given.
    pub cap: u32,
    pub city_cap: Option<u32>,
    pub country_cap: Option<u32>,
    /// ppm, only when > 0.
    pub member_ppm: Option<i64>,
    /// (gender id, ppm), only shares > 0.
    pub genders: Vec<(usize, i64)>,
    /// Shares as given (including zero ones), for messages.
    pub min_regions: u32,
    pub waitlist_size: usize,
    /// Candidates forced into this programme.
    pub forced: Vec<usize>,
    /// Effective rules (relaxed only as far as the forced seats require).
    pub eff: EffRules,
}

/// Rules as the optimiser enforces them: equal to the programme's rules
/// unless overrides force seats that break them, in which case each rule is
/// relaxed exactly by the shortfall the forced seats alone create.
#[derive(Clone, Debug, Default)]
pub(crate) struct EffRules {
    pub cap: u32,
    /// Per city id: effective cap where forced seats exceed the rule.
    pub city_cap_raise: HashMap<usize, u32>,
    pub country_cap_raise: HashMap<usize, u32>,
    pub member_slack: i64,
    pub gender_slack: Vec<i64>,
    /// Whether min_regions is enforced (false when seats are forced).
    pub regions_active: bool,
}

#[derive(Clone, Debug)]
pub(crate) struct Cand {
    pub id: String,
    pub score: i64,
    pub city: usize,
    pub country: usize,
    pub region: usize,
    pub member: bool,
    pub gender: usize,
    pub eligible: bool,
    pub prefs: Vec<usize>,
    pub forced: Option<usize>,
    pub excluded: bool,
    pub override_reason: Option<String>,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Pair {
    pub cand: usize,
    pub prog: usize,
    pub rank: u32,
}

#[derive(Clone, Debug)]
pub(crate) struct Instance {
    pub progs: Vec<Prog>,
    pub cands: Vec<Cand>,
    pub pairs: Vec<Pair>,
    pub prog_pairs: Vec<Vec<usize>>,
    /// Display names of cities, countries and genders (by id).
    pub city_names: Vec<String>,
    pub country_names: Vec<String>,
    pub gender_names: Vec<String>,
    /// Position of each candidate in ascending id order.
    pub id_pos: Vec<usize>,
    /// Combined integer weight of each pair: (score / score_unit) * W - rank,
    /// with W larger than any possible rank sum (so score always wins).
    pub weight: Vec<i64>,
    /// gcd of all scores (fixed point); weights use score / score_unit.
    pub score_unit: i64,
}

struct Interner {
    map: HashMap<String, usize>,
    names: Vec<String>,
}

impl Interner {
    fn new() -> Self {
        Interner {
            map: HashMap::new(),
            names: Vec::new(),
        }
    }
    fn get(&mut self, key: String, name: &str) -> usize {
        if let Some(&i) = self.map.get(&key) {
            return i;
        }
        let i = self.names.len();
        self.names.push(name.to_string());
        self.map.insert(key, i);
        i
    }
}

fn invalid(field: String, message: impl Into<String>) -> SelectionError {
    SelectionError::Invalid {
        field,
        message: message.into(),
    }
}

fn share_ppm(field: String, v: f64) -> Result<i64, SelectionError> {
    if !v.is_finite() || !(0.0..=1.0).contains(&v) {
        return Err(invalid(
            field,
            format!("share must be within 0..=1 (got {v})"),
        ));
    }
    Ok((v * SHARE_SCALE as f64).round() as i64)
}

fn count_field(field: String, v: i64, min: i64) -> Result<u32, SelectionError> {
    if v < min {
        return Err(invalid(field, format!("must be at least {min} (got {v})")));
    }
    u32::try_from(v).map_err(|_| invalid(field, format!("is too large (got {v})")))
}

/// `ceil(ppm * k / 1e6)`: people needed for a share of `ppm` in a cohort of `k`.
pub(crate) fn need(ppm: i64, k: i64) -> i64 {
    (ppm * k + SHARE_SCALE - 1) / SHARE_SCALE
}

fn gcd(a: i64, b: i64) -> i64 {
    let (mut a, mut b) = (a.abs(), b.abs());
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

impl Instance {
    pub(crate) fn new(input: &Input) -> Result<Instance, SelectionError> {
        let mut prog_index: HashMap<&str, usize> = HashMap::new();
        let mut genders = Interner::new();
        let mut progs = Vec::with_capacity(input.programmes.len());
        for (i, p) in input.programmes.iter().enumerate() {
            let f = |name: &str| format!("programmes[{i}].{name}");
            if p.id.trim().is_empty() {
                return Err(invalid(f("id"), "must not be empty"));
            }
            if prog_index.insert(p.id.as_str(), i).is_some() {
                return Err(invalid(
                    f("id"),
                    format!("duplicate programme id {:?}", p.id),
                ));
            }
            let cap = count_field(f("capacity"), p.capacity, 0)?;
            let city_cap = p
                .max_per_city
                .map(|v| count_field(f("max_per_city"), v, 0))
                .transpose()?;
            let country_cap = p
                .max_per_country
                .map(|v| count_field(f("max_per_country"), v, 0))
                .transpose()?;
            let min_regions = p
                .min_regions
                .map(|v| count_field(f("min_regions"), v, 0))
                .transpose()?
                .unwrap_or(0);
            let member_ppm = p
                .min_member_share
                .map(|v| share_ppm(f("min_member_share"), v))
                .transpose()?
                .filter(|&v| v > 0);
            let mut gs = Vec::new();
            for (g, &share) in &p.min_gender_share {
                let ppm = share_ppm(f(&format!("min_gender_share.{g}")), share)?;
                let gid = genders.get(g.clone(), g);
                if ppm > 0 {
                    gs.push((gid, ppm));
                }
            }
            let waitlist_size = match p.waitlist_size {
                Some(v) => count_field(f("waitlist_size"), v, 0)? as usize,
                None => cap as usize,
            };
            progs.push(Prog {
                id: p.id.clone(),
                cap,
                city_cap,
                country_cap,
                member_ppm,
                genders: gs,
                min_regions,
                waitlist_size,
                forced: Vec::new(),
                eff: EffRules::default(),
            });
        }

        let mut cities = Interner::new();
        let mut countries = Interner::new();
        let mut regions = Interner::new();
        let mut cand_index: HashMap<&str, usize> = HashMap::new();
        let mut cands = Vec::with_capacity(input.candidates.len());
        let mut score_unit = 0i64;
        for (i, c) in input.candidates.iter().enumerate() {
            let f = |name: &str| format!("candidates[{i}].{name}");
            if c.id.trim().is_empty() {
                return Err(invalid(f("id"), "must not be empty"));
            }
            if cand_index.insert(c.id.as_str(), i).is_some() {
                return Err(invalid(
                    f("id"),
                    format!("duplicate candidate id {:?}", c.id),
                ));
            }
            if !c.score.is_finite() {
                return Err(invalid(
                    f("score"),
                    format!("must be finite (got {})", c.score),
                ));
            }
            if c.score.abs() > MAX_ABS_SCORE {
                return Err(invalid(
                    f("score"),
                    format!("must be within -1e6..=1e6 (got {})", c.score),
                ));
            }
            let score = (c.score * SCORE_SCALE as f64).round() as i64;
            score_unit = gcd(score_unit, score);
            let mut seen = HashSet::new();
            let mut prefs = Vec::with_capacity(c.preferences.len());
            for (k, pid) in c.preferences.iter().enumerate() {
                let Some(&p) = prog_index.get(pid.as_str()) else {
                    return Err(invalid(
                        format!("candidates[{i}].preferences[{k}]"),
                        format!("unknown programme {pid:?} (candidate {:?})", c.id),
                    ));
                };
                if !seen.insert(p) {
                    return Err(invalid(
                        format!("candidates[{i}].preferences[{k}]"),
                        format!("programme {pid:?} listed twice (candidate {:?})", c.id),
                    ));
                }
                prefs.push(p);
            }
            let city = cities.get(format!("{}\u{1f}{}", c.country, c.city), &c.city);
            let country = countries.get(c.country.clone(), &c.country);
            let region = regions.get(c.region.clone(), &c.region);
            let gender = genders.get(c.gender.clone(), &c.gender);
            cands.push(Cand {
                id: c.id.clone(),
                score,
                city,
                country,
                region,
                member: c.member,
                gender,
                eligible: c.eligible,
                prefs,
                forced: None,
                excluded: false,
                override_reason: None,
            });
        }

        let mut overridden = HashSet::new();
        for (i, o) in input.overrides.iter().enumerate() {
            let f = |name: &str| format!("overrides[{i}].{name}");
            let Some(&c) = cand_index.get(o.candidate.as_str()) else {
                return Err(invalid(
                    f("candidate"),
                    format!("unknown candidate {:?}", o.candidate),
                ));
            };
            if !overridden.insert(c) {
                return Err(invalid(
                    f("candidate"),
                    format!("more than one override for candidate {:?}", o.candidate),
                ));
            }
            if o.reason.trim().is_empty() {
                return Err(invalid(f("reason"), "an override needs a recorded reason"));
            }
            match &o.programme {
                Some(pid) => {
                    let Some(&p) = prog_index.get(pid.as_str()) else {
                        return Err(invalid(
                            f("programme"),
                            format!("unknown programme {pid:?}"),
                        ));
                    };
                    cands[c].forced = Some(p);
                    progs[p].forced.push(c);
                }
                None => cands[c].excluded = true,
            }
            cands[c].override_reason = Some(o.reason.clone());
        }

        let score_unit = if score_unit == 0 { 1 } else { score_unit };

        // Pairs: eligible, not overridden candidates, one per listed programme.
        let mut pairs = Vec::new();
        let mut cand_pairs = vec![Vec::new(); cands.len()];
        let mut prog_pairs = vec![Vec::new(); progs.len()];
        for (ci, c) in cands.iter().enumerate() {
            if !c.eligible || c.excluded || c.forced.is_some() {
                continue;
            }
            for (k, &p) in c.prefs.iter().enumerate() {
                if progs[p].cap == 0 && progs[p].forced.is_empty() {
                    continue;
                }
                let j = pairs.len();
                pairs.push(Pair {
                    cand: ci,
                    prog: p,
                    rank: k as u32 + 1,
                });
                cand_pairs[ci].push(j);
                prog_pairs[p].push(j);
            }
        }

        // Largest possible rank sum of optimised seats bounds the rank part.
        let max_rank = pairs.iter().map(|p| p.rank as i64).max().unwrap_or(0);
        let seats: i64 = progs.iter().map(|p| p.cap as i64).sum();
        let free_cands = cand_pairs.iter().filter(|v| !v.is_empty()).count() as i64;
        let big_w = 1 + max_rank * seats.min(free_cands);
        let weight = pairs
            .iter()
            .map(|pr| (cands[pr.cand].score / score_unit) * big_w - pr.rank as i64)
            .collect();

        let mut by_id: Vec<usize> = (0..cands.len()).collect();
        by_id.sort_by(|&a, &b| cands[a].id.cmp(&cands[b].id));
        let mut id_pos = vec![0; cands.len()];
        for (pos, &c) in by_id.iter().enumerate() {
            id_pos[c] = pos;
        }

        let mut inst = Instance {
            progs,
            cands,
            pairs,
            prog_pairs,
            city_names: cities.names,
            country_names: countries.names,
            gender_names: genders.names,
            id_pos,
            weight,
            score_unit,
        };
        inst.compute_effective_rules();
        Ok(inst)
    }

    fn compute_effective_rules(&mut self) {
        let ngenders = self.gender_names.len();
        for p in 0..self.progs.len() {
            let forced = self.progs[p].forced.clone();
            let prog = &self.progs[p];
            let k = forced.len() as i64;
            let mut eff = EffRules {
                cap: prog.cap.max(forced.len() as u32),
                regions_active: prog.min_regions >= 2 && forced.is_empty(),
                gender_slack: vec![0; ngenders],
                ..EffRules::default()
            };
            let mut city_n: HashMap<usize, u32> = HashMap::new();
            let mut country_n: HashMap<usize, u32> = HashMap::new();
            let mut members = 0i64;
            let mut gender_n = vec![0i64; ngenders];
            for &c in &forced {
                let cd = &self.cands[c];
                *city_n.entry(cd.city).or_default() += 1;
                *country_n.entry(cd.country).or_default() += 1;
                members += cd.member as i64;
                gender_n[cd.gender] += 1;
            }
            if let Some(cap) = prog.city_cap {
                for (&city, &n) in &city_n {
                    if n > cap {
                        eff.city_cap_raise.insert(city, n);
                    }
                }
            }
            if let Some(cap) = prog.country_cap {
                for (&country, &n) in &country_n {
                    if n > cap {
                        eff.country_cap_raise.insert(country, n);
                    }
                }
            }
            if let Some(ppm) = prog.member_ppm {
                eff.member_slack = (need(ppm, k) - members).max(0);
            }
            for &(g, ppm) in &prog.genders {
                eff.gender_slack[g] = (need(ppm, k) - gender_n[g]).max(0);
            }
            self.progs[p].eff = eff;
        }
    }

    /// Effective city cap of programme `p` for city `city`.
    pub(crate) fn city_cap(&self, p: usize, city: usize) -> Option<u32> {
        let prog = &self.progs[p];
        prog.city_cap
            .map(|cap| prog.eff.city_cap_raise.get(&city).copied().unwrap_or(cap))
    }

    /// Effective country cap of programme `p` for `country`.
    pub(crate) fn country_cap(&self, p: usize, country: usize) -> Option<u32> {
        let prog = &self.progs[p];
        prog.country_cap.map(|cap| {
            prog.eff
                .country_cap_raise
                .get(&country)
                .copied()
                .unwrap_or(cap)
        })
    }

    /// Rank of candidate `c` for programme `p` (len(prefs)+1 when not listed).
    pub(crate) fn rank_of(&self, c: usize, p: usize) -> u32 {
        let cd = &self.cands[c];
        cd.prefs
            .iter()
            .position(|&q| q == p)
            .map(|k| k as u32 + 1)
            .unwrap_or(cd.prefs.len() as u32 + 1)
    }
}
