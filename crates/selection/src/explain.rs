//! Turning an optimal assignment into the output contract: cohorts,
//! waitlists, rule diagnostics and one explanation per candidate.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Value, json};

use crate::model::{
    CandidateResult, Instance, Output, ProgrammeResult, SCORE_SCALE, SHARE_SCALE, Status,
    Violation, need,
};
use crate::rules::{self, Breach, Mode, Tally};
use crate::solver::Solved;

/// Format a fixed-point score: at least one decimal, at most four.
pub(crate) fn fmt_score(v: i64) -> String {
    let neg = v < 0;
    let a = v.unsigned_abs();
    let int = a / SCORE_SCALE as u64;
    let frac = a % SCORE_SCALE as u64;
    let mut f = format!("{frac:04}");
    while f.len() > 1 && f.ends_with('0') {
        f.pop();
    }
    format!("{}{int}.{f}", if neg { "-" } else { "" })
}

fn fmt_share(ppm: i64) -> String {
    let pct = ppm as f64 * 100.0 / SHARE_SCALE as f64;
    let s = format!("{pct:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    format!("{s}%")
}

fn ordinal(rank: u32) -> String {
    match rank {
        1 => "first".into(),
        2 => "second".into(),
        3 => "third".into(),
        4 => "fourth".into(),
        5 => "fifth".into(),
        n => format!("{n}th"),
    }
}

/// An explanation: stable code, parameters, English sentence.
#[derive(Clone, Debug)]
pub(crate) struct Reason {
    pub code: &'static str,
    pub params: BTreeMap<String, Value>,
    pub text: String,
}

fn reason(code: &'static str, params: Value, text: String) -> Reason {
    let params = match params {
        Value::Object(m) => m.into_iter().collect(),
        _ => BTreeMap::new(),
    };
    Reason { code, params, text }
}

/// Order of merit inside a programme: score (desc), then id (asc).
fn merit_key(inst: &Instance, c: usize) -> (i64, usize) {
    (-inst.cands[c].score, inst.id_pos[c])
}

pub(crate) struct Context<'a> {
    pub inst: &'a Instance,
    pub assign: &'a [Option<usize>],
    /// Cohort of each programme, by merit.
    pub cohorts: Vec<Vec<usize>>,
    pub tallies: Vec<Tally>,
    /// Programme violations (computed before explanations).
    pub violations: Vec<Vec<Violation>>,
}

impl<'a> Context<'a> {
    pub(crate) fn new(inst: &'a Instance, assign: &'a [Option<usize>]) -> Context<'a> {
        let mut cohorts: Vec<Vec<usize>> = vec![Vec::new(); inst.progs.len()];
        for (c, a) in assign.iter().enumerate() {
            if let Some(p) = a {
                cohorts[*p].push(c);
            }
        }
        for cohort in &mut cohorts {
            cohort.sort_by_key(|&c| merit_key(inst, c));
        }
        let tallies = cohorts.iter().map(|c| Tally::of(inst, c)).collect();
        let mut ctx = Context {
            inst,
            assign,
            cohorts,
            tallies,
            violations: Vec::new(),
        };
        ctx.violations = (0..inst.progs.len())
            .map(|p| ctx.programme_violations(p))
            .collect();
        ctx
    }

    /// Eligible applicants of `p` who are free for it: not seated elsewhere,
    /// not excluded, not forced elsewhere.
    fn pool(&self, p: usize) -> Vec<usize> {
        let inst = self.inst;
        let mut pool: Vec<usize> = inst.prog_pairs[p]
            .iter()
            .map(|&j| inst.pairs[j].cand)
            .filter(|&c| self.assign[c].is_none() || self.assign[c] == Some(p))
            .collect();
        for &c in &inst.progs[p].forced {
            pool.push(c);
        }
        pool.sort_unstable();
        pool.dedup();
        pool
    }

    fn programme_violations(&self, p: usize) -> Vec<Violation> {
        let inst = self.inst;
        let prog = &inst.progs[p];
        let mut out = Vec::new();
        // Rules the final cohort breaks (only possible through overrides).
        for b in rules::breaches(inst, p, &self.tallies[p], Mode::Original) {
            out.push(self.breach_violation(p, &b, "broken", true));
        }
        // Rules that keep the cohort below what capacity alone would allow.
        let pool = self.pool(p);
        let target = (prog.eff.cap as usize).min(pool.len()) as i64;
        let size = self.cohorts[p].len() as i64;
        if size >= target {
            return out;
        }
        let kind = if size == 0 {
            "unattainable"
        } else {
            "limits_cohort"
        };
        let pt = Tally::of(inst, &pool);
        let mut found = false;
        if prog.eff.regions_active && pt.regions() < prog.min_regions as i64 {
            found = true;
            let (needed, have) = (prog.min_regions as i64, pt.regions());
            out.push(Violation {
                rule: "min_regions".into(),
                kind: kind.into(),
                shortfall: needed - have,
                caused_by_override: false,
                params: obj(json!({"programme": prog.id, "needed": needed, "available": have})),
                message: format!(
                    "{}: needs at least {needed} world regions but the available applicants come from only {have}; short by {}",
                    prog.id,
                    needed - have
                ),
            });
        }
        let share_limit = |ppm: i64, have: i64| -> i64 {
            (0..=target)
                .rev()
                .find(|&k| need(ppm, k) <= have)
                .unwrap_or(0)
        };
        if let Some(ppm) = prog.member_ppm {
            let have = pt.members + prog.eff.member_slack;
            let kmax = share_limit(ppm, have);
            if kmax < target {
                found = true;
                let needed = need(ppm, target);
                out.push(Violation {
                    rule: "min_member_share".into(),
                    kind: kind.into(),
                    shortfall: needed - have,
                    caused_by_override: false,
                    params: obj(json!({"programme": prog.id, "share": ppm as f64 / SHARE_SCALE as f64,
                        "needed": needed, "available": pt.members, "cohort_size": target, "max_cohort": kmax})),
                    message: format!(
                        "{}: a cohort of {target} needs {needed} members ({}) but only {} member applicants are available; short by {}, so at most {kmax} can be selected",
                        prog.id,
                        fmt_share(ppm),
                        pt.members,
                        needed - have
                    ),
                });
            }
        }
        for &(g, ppm) in &prog.genders {
            let avail = pt.gender.get(&g).copied().unwrap_or(0);
            let have = avail + prog.eff.gender_slack[g];
            let kmax = share_limit(ppm, have);
            if kmax < target {
                found = true;
                let needed = need(ppm, target);
                let gname = &inst.gender_names[g];
                out.push(Violation {
                    rule: "min_gender_share".into(),
                    kind: kind.into(),
                    shortfall: needed - have,
                    caused_by_override: false,
                    params: obj(json!({"programme": prog.id, "gender": gname, "share": ppm as f64 / SHARE_SCALE as f64,
                        "needed": needed, "available": avail, "cohort_size": target, "max_cohort": kmax})),
                    message: format!(
                        "{}: a cohort of {target} needs {needed} participants of gender {gname:?} ({}) but only {avail} are available; short by {}, so at most {kmax} can be selected",
                        prog.id,
                        fmt_share(ppm),
                        needed - have
                    ),
                });
            }
        }
        if !found && (prog.city_cap.is_some() || prog.country_cap.is_some()) {
            // Largest cohort the city and country caps allow.
            let mut per_country: HashMap<usize, i64> = HashMap::new();
            for (&city, &n) in &pt.city {
                let c0 = pool.iter().find(|&&c| inst.cands[c].city == city);
                let Some(&c0) = c0 else { continue };
                let country = inst.cands[c0].country;
                let lim = inst.city_cap(p, city).map(|v| v as i64).unwrap_or(i64::MAX);
                *per_country.entry(country).or_default() += n.min(lim);
            }
            let kmax: i64 = per_country
                .iter()
                .map(|(&country, &n)| {
                    n.min(
                        inst.country_cap(p, country)
                            .map(|v| v as i64)
                            .unwrap_or(i64::MAX),
                    )
                })
                .sum();
            if kmax < target {
                found = true;
                out.push(Violation {
                    rule: if prog.country_cap.is_some() { "max_per_country" } else { "max_per_city" }.into(),
                    kind: kind.into(),
                    shortfall: target - kmax,
                    caused_by_override: false,
                    params: obj(json!({"programme": prog.id, "max_cohort": kmax, "cohort_size": target})),
                    message: format!(
                        "{}: the city/country caps allow at most {kmax} of the {target} seats to be filled from the available applicants",
                        prog.id
                    ),
                });
            }
        }
        if !found {
            out.push(Violation {
                rule: "rules_combined".into(),
                kind: kind.into(),
                shortfall: target - size,
                caused_by_override: false,
                params: obj(json!({"programme": prog.id, "selected": size, "cohort_size": target})),
                message: format!(
                    "{}: no single rule explains it, but the rules together (or scores that add nothing) keep the cohort at {size} of {target} possible seats",
                    prog.id
                ),
            });
        }
        out
    }

    fn breach_violation(&self, p: usize, b: &Breach, kind: &str, by_override: bool) -> Violation {
        let inst = self.inst;
        let pid = &inst.progs[p].id;
        let (params, message) = match *b {
            Breach::Capacity { limit, actual } => (
                json!({"programme": pid, "limit": limit, "actual": actual}),
                format!("{pid}: {actual} seats taken, capacity is {limit}"),
            ),
            Breach::City {
                city,
                limit,
                actual,
            } => (
                json!({"programme": pid, "city": inst.city_names[city], "limit": limit, "actual": actual}),
                format!(
                    "{pid}: {actual} participants from {}, the city cap is {limit}",
                    inst.city_names[city]
                ),
            ),
            Breach::Country {
                country,
                limit,
                actual,
            } => (
                json!({"programme": pid, "country": inst.country_names[country], "limit": limit, "actual": actual}),
                format!(
                    "{pid}: {actual} participants from {}, the country cap is {limit}",
                    inst.country_names[country]
                ),
            ),
            Breach::Members {
                needed,
                actual,
                share_ppm,
            } => (
                json!({"programme": pid, "share": share_ppm as f64 / SHARE_SCALE as f64, "needed": needed, "actual": actual}),
                format!(
                    "{pid}: {actual} members selected, the member share of {} needs {needed}",
                    fmt_share(share_ppm)
                ),
            ),
            Breach::Gender {
                gender,
                needed,
                actual,
                share_ppm,
            } => (
                json!({"programme": pid, "gender": inst.gender_names[gender], "share": share_ppm as f64 / SHARE_SCALE as f64, "needed": needed, "actual": actual}),
                format!(
                    "{pid}: {actual} participants of gender {:?} selected, the share of {} needs {needed}",
                    inst.gender_names[gender],
                    fmt_share(share_ppm)
                ),
            ),
            Breach::Regions { needed, actual } => (
                json!({"programme": pid, "needed": needed, "actual": actual}),
                format!("{pid}: {actual} world regions represented, at least {needed} required"),
            ),
        };
        Violation {
            rule: b.rule().into(),
            kind: kind.into(),
            shortfall: b.amount(),
            caused_by_override: by_override,
            params: obj(params),
            message,
        }
    }

    /// Whether the cohort of `p` with `out` removed (if any) and `c` added
    /// keeps every effective rule; returns the first breach otherwise.
    pub(crate) fn try_swap(&self, p: usize, out: Option<usize>, c: usize) -> Option<Breach> {
        let mut t = self.tallies[p].clone();
        if let Some(w) = out {
            t.add(self.inst, w, -1);
        }
        t.add(self.inst, c, 1);
        rules::breaches(self.inst, p, &t, Mode::Effective)
            .into_iter()
            .next()
    }

    /// Promotable applicants of `p` in priority order (score desc, rank,
    /// id), at most `limit`: free candidates who could take a seat after
    /// some single withdrawal (or a free seat) without breaking any rule.
    pub(crate) fn waitlist(&self, p: usize, limit: usize) -> Vec<usize> {
        let inst = self.inst;
        let mut apps: Vec<(i64, u32, usize, usize)> = inst.prog_pairs[p]
            .iter()
            .map(|&j| inst.pairs[j])
            .filter(|pr| self.assign[pr.cand].is_none())
            .map(|pr| {
                (
                    -inst.cands[pr.cand].score,
                    pr.rank,
                    inst.id_pos[pr.cand],
                    pr.cand,
                )
            })
            .collect();
        apps.sort_unstable();
        let cohort = &self.cohorts[p];
        let free_seat = (cohort.len() as u32) < inst.progs[p].eff.cap;
        let mut out = Vec::new();
        for (_, _, _, c) in apps {
            if out.len() >= limit {
                break;
            }
            let fits = (free_seat && self.try_swap(p, None, c).is_none())
                || cohort
                    .iter()
                    .any(|&w| self.try_swap(p, Some(w), c).is_none());
            if fits {
                out.push(c);
            }
        }
        out
    }

    /// Why candidate `c` (not seated in `p`) is not in programme `p`.
    pub(crate) fn why_not(&self, c: usize, p: usize) -> Reason {
        let inst = self.inst;
        let prog = &inst.progs[p];
        let pid = &prog.id;
        let cohort = &self.cohorts[p];
        if cohort.is_empty() {
            if let Some(v) = self.violations[p].first() {
                return reason(
                    "programme_rules_unattainable",
                    json!({"programme": pid, "rule": v.rule, "shortfall": v.shortfall}),
                    format!(
                        "no cohort of {pid} can meet the {} rule ({})",
                        v.rule, v.message
                    ),
                );
            }
            return reason(
                "programme_empty",
                json!({"programme": pid}),
                format!("{pid} selected nobody"),
            );
        }
        let score = inst.cands[c].score;
        let merit: Vec<usize> = cohort
            .iter()
            .copied()
            .filter(|&d| inst.cands[d].forced.is_none())
            .collect();
        let Some(&last) = merit.last() else {
            return reason(
                "seats_taken_by_overrides",
                json!({"programme": pid}),
                format!("all seats of {pid} were assigned by staff overrides"),
            );
        };
        let last_score = inst.cands[last].score;
        if score < last_score {
            return reason(
                "lower_score",
                json!({"programme": pid, "score": score as f64 / SCORE_SCALE as f64, "last_selected_score": last_score as f64 / SCORE_SCALE as f64}),
                format!(
                    "lower score than the last selected in {pid} ({} < {})",
                    fmt_score(score),
                    fmt_score(last_score)
                ),
            );
        }
        // Scores at least the last selected: a rule (or a tie) decided.
        let free_seat = (cohort.len() as u32) < prog.eff.cap;
        let breach = if free_seat {
            self.try_swap(p, None, c)
        } else {
            None
        };
        let victims: Vec<usize> = merit
            .iter()
            .rev()
            .copied()
            .filter(|&d| inst.cands[d].score < score)
            .collect();
        let breach = breach.or_else(|| victims.first().and_then(|&d| self.try_swap(p, Some(d), c)));
        if let Some(b) = breach {
            return self.rule_reason(c, p, &b);
        }
        if score == last_score {
            return reason(
                "tie_break",
                json!({"programme": pid, "score": score as f64 / SCORE_SCALE as f64}),
                format!(
                    "same score as the last selected in {pid} ({}); the tie was decided by preference ranks and candidate ids",
                    fmt_score(score)
                ),
            );
        }
        if score <= 0 {
            return reason(
                "score_not_positive",
                json!({"programme": pid, "score": score as f64 / SCORE_SCALE as f64}),
                format!("a score of {} adds nothing to the total", fmt_score(score)),
            );
        }
        reason(
            "better_overall",
            json!({"programme": pid}),
            format!(
                "giving them a seat in {pid} would lower the total score or break a rule in another programme"
            ),
        )
    }

    fn rule_reason(&self, c: usize, p: usize, b: &Breach) -> Reason {
        let inst = self.inst;
        let pid = &inst.progs[p].id;
        let score = inst.cands[c].score;
        match *b {
            Breach::City { city, limit, .. } => {
                let by: Vec<usize> = self.cohorts[p]
                    .iter()
                    .copied()
                    .filter(|&d| inst.cands[d].city == city)
                    .collect();
                let higher = by.iter().all(|&d| inst.cands[d].score >= score);
                let name = &inst.city_names[city];
                reason(
                    "city_cap",
                    json!({"programme": pid, "city": name, "cap": limit,
                        "by": by.iter().map(|&d| inst.cands[d].id.clone()).collect::<Vec<_>>()}),
                    format!(
                        "city cap of {limit} in {pid} reached by {} candidates from {name}",
                        if higher { "higher-scored" } else { "other" }
                    ),
                )
            }
            Breach::Country { country, limit, .. } => {
                let by: Vec<usize> = self.cohorts[p]
                    .iter()
                    .copied()
                    .filter(|&d| inst.cands[d].country == country)
                    .collect();
                let higher = by.iter().all(|&d| inst.cands[d].score >= score);
                let name = &inst.country_names[country];
                reason(
                    "country_cap",
                    json!({"programme": pid, "country": name, "cap": limit,
                        "by": by.iter().map(|&d| inst.cands[d].id.clone()).collect::<Vec<_>>()}),
                    format!(
                        "country cap of {limit} in {pid} reached by {} candidates from {name}",
                        if higher { "higher-scored" } else { "other" }
                    ),
                )
            }
            Breach::Members { share_ppm, .. } => reason(
                "member_share",
                json!({"programme": pid, "share": share_ppm as f64 / SHARE_SCALE as f64}),
                format!(
                    "member share rule: {pid} needs at least {} participants from member cities, so the seat went to a member",
                    fmt_share(share_ppm)
                ),
            ),
            Breach::Gender {
                gender, share_ppm, ..
            } => {
                let g = &inst.gender_names[gender];
                reason(
                    "gender_share",
                    json!({"programme": pid, "gender": g, "share": share_ppm as f64 / SHARE_SCALE as f64}),
                    format!(
                        "gender balance rule: {pid} needs at least {} participants of gender {g:?}",
                        fmt_share(share_ppm)
                    ),
                )
            }
            Breach::Regions { needed, .. } => reason(
                "region_rule",
                json!({"programme": pid, "min_regions": needed}),
                format!(
                    "region rule: {pid} needs at least {needed} world regions, and the lower-scored selected candidates are needed for that"
                ),
            ),
            Breach::Capacity { limit, .. } => reason(
                "capacity",
                json!({"programme": pid, "capacity": limit}),
                format!("{pid} is full ({limit} seats)"),
            ),
        }
    }
}

fn obj(v: Value) -> BTreeMap<String, Value> {
    match v {
        Value::Object(m) => m.into_iter().collect(),
        _ => BTreeMap::new(),
    }
}

/// Build the output document.
pub(crate) fn build_output(inst: &Instance, solved: &Solved) -> Output {
    let ctx = Context::new(inst, &solved.assign);
    let waitlists: Vec<Vec<usize>> = (0..inst.progs.len())
        .map(|p| ctx.waitlist(p, inst.progs[p].waitlist_size))
        .collect();
    // Position of each candidate on each waitlist.
    let mut wl_pos: HashMap<(usize, usize), usize> = HashMap::new();
    for (p, wl) in waitlists.iter().enumerate() {
        for (i, &c) in wl.iter().enumerate() {
            wl_pos.insert((c, p), i + 1);
        }
    }
    let programmes = inst
        .progs
        .iter()
        .enumerate()
        .map(|(p, prog)| ProgrammeResult {
            id: prog.id.clone(),
            selected: ctx.cohorts[p]
                .iter()
                .map(|&c| inst.cands[c].id.clone())
                .collect(),
            waitlist: waitlists[p]
                .iter()
                .map(|&c| inst.cands[c].id.clone())
                .collect(),
            violations: ctx.violations[p].clone(),
        })
        .collect();

    let mut objective_fixed = 0i64;
    let mut rank_sum = 0i64;
    let mut candidates = Vec::with_capacity(inst.cands.len());
    for (c, cd) in inst.cands.iter().enumerate() {
        if let Some(p) = solved.assign[c] {
            objective_fixed += cd.score;
            rank_sum += inst.rank_of(c, p) as i64;
        }
        let (status, programme, r) = explain_candidate(&ctx, c, &wl_pos);
        candidates.push(CandidateResult {
            id: cd.id.clone(),
            programme: programme.map(|p| inst.progs[p].id.clone()),
            status,
            reason: r.text,
            reason_code: r.code.to_string(),
            reason_params: r.params,
        });
    }
    Output {
        optimal: solved.optimal,
        objective: objective_fixed as f64 / SCORE_SCALE as f64,
        objective_fixed,
        rank_sum,
        programmes,
        candidates,
        stats: solved.stats.clone(),
    }
}

fn explain_candidate(
    ctx: &Context<'_>,
    c: usize,
    wl_pos: &HashMap<(usize, usize), usize>,
) -> (Status, Option<usize>, Reason) {
    let inst = ctx.inst;
    let cd = &inst.cands[c];
    if let Some(p) = cd.forced {
        let why = cd.override_reason.clone().unwrap_or_default();
        let pid = &inst.progs[p].id;
        return (
            Status::Selected,
            Some(p),
            reason(
                "override_selected",
                json!({"programme": pid, "override_reason": why}),
                format!("Selected for {pid} by a staff override: {why}"),
            ),
        );
    }
    if cd.excluded {
        let why = cd.override_reason.clone().unwrap_or_default();
        return (
            Status::NotSelected,
            None,
            reason(
                "override_excluded",
                json!({"override_reason": why}),
                format!("Excluded by a staff override: {why}"),
            ),
        );
    }
    if !cd.eligible {
        return (
            Status::Ineligible,
            None,
            reason("not_eligible", json!({}), "Not eligible".to_string()),
        );
    }
    if cd.prefs.is_empty() {
        return (
            Status::NotSelected,
            None,
            reason(
                "no_preferences",
                json!({}),
                "Not selected because they listed no programme".to_string(),
            ),
        );
    }
    let details = |upto: usize| -> (Vec<Value>, Vec<String>, Option<Reason>) {
        let mut list = Vec::new();
        let mut texts = Vec::new();
        let mut first = None;
        for &p in cd.prefs.iter().take(upto) {
            let r = ctx.why_not(c, p);
            list.push(json!({"programme": inst.progs[p].id, "code": r.code, "params": r.params}));
            texts.push(r.text.clone());
            if first.is_none() {
                first = Some(r);
            }
        }
        (list, texts, first)
    };
    if let Some(p) = ctx.assign[c] {
        let rank = inst.rank_of(c, p);
        let pid = &inst.progs[p].id;
        if rank == 1 {
            return (
                Status::Selected,
                Some(p),
                reason(
                    "selected",
                    json!({"programme": pid, "rank": rank}),
                    format!("Selected for their first choice {pid}"),
                ),
            );
        }
        let (list, texts, _) = details(rank as usize - 1);
        return (
            Status::Selected,
            Some(p),
            reason(
                "selected",
                json!({"programme": pid, "rank": rank, "higher_choices": list}),
                format!(
                    "Selected for their {} choice {pid}; not in a higher choice: {}",
                    ordinal(rank),
                    texts.join("; ")
                ),
            ),
        );
    }
    let (list, texts, first) = details(cd.prefs.len());
    let wl = cd
        .prefs
        .iter()
        .find_map(|&p| wl_pos.get(&(c, p)).map(|&pos| (p, pos)));
    if let Some((p, pos)) = wl {
        let pid = &inst.progs[p].id;
        return (
            Status::Waitlisted,
            Some(p),
            reason(
                "waitlisted",
                json!({"programme": pid, "position": pos, "not_selected_because": list}),
                format!(
                    "Waitlisted at position {pos} for {pid}; not selected because: {}",
                    texts.join("; ")
                ),
            ),
        );
    }
    let first = first.unwrap_or_else(|| reason("not_selected", json!({}), String::new()));
    let mut params = first.params.clone();
    params.insert("per_programme".into(), Value::Array(list));
    (
        Status::NotSelected,
        None,
        Reason {
            code: first.code,
            params,
            text: format!("Not selected: {}", texts.join("; ")),
        },
    )
}
