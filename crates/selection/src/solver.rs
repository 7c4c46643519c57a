//! The exact optimisation pipeline:
//!
//! 1. solve the MILP on a *core* (the strongest pairs of each programme);
//! 2. prove with an exact LP-dual bound that no pair outside the core can be
//!    part of an optimal selection, otherwise grow the core and repeat;
//! 3. break the remaining ties by candidate id with small MILPs restricted to
//!    the pairs that can still occur in an optimal selection.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use crate::error::SelectionError;
use crate::milp::{self, BOUND_UNIT, Objective, Request};
use crate::model::{Instance, SolveStats};
use crate::rules;

/// The optimised assignment.
pub(crate) struct Solved {
    /// Programme of each candidate (forced seats included).
    pub assign: Vec<Option<usize>>,
    pub optimal: bool,
    pub stats: SolveStats,
}

/// Pairs given to the first core MILP when the model is small enough.
const SMALL_MODEL: usize = 2_500;

/// Exact feasibility of a selection of pairs (plus the forced seats).
pub(crate) fn check_pairs(inst: &Instance, selected: &[usize]) -> bool {
    let mut seen = BTreeSet::new();
    let mut cohorts: Vec<Vec<usize>> = inst.progs.iter().map(|p| p.forced.clone()).collect();
    for &j in selected {
        let pr = inst.pairs[j];
        if !seen.insert(pr.cand) {
            return false;
        }
        cohorts[pr.prog].push(pr.cand);
    }
    cohorts
        .iter()
        .enumerate()
        .all(|(p, cohort)| rules::feasible(inst, p, cohort))
}

fn weight_of(inst: &Instance, selected: &[usize]) -> i64 {
    selected.iter().map(|&j| inst.weight[j]).sum()
}

fn score_rank(inst: &Instance, selected: &[usize]) -> (i64, i64) {
    selected.iter().fold((0, 0), |(s, r), &j| {
        let pr = inst.pairs[j];
        (
            s + inst.cands[pr.cand].score / inst.score_unit,
            r + pr.rank as i64,
        )
    })
}

/// Initial core: per programme, the best pairs of every (member, gender)
/// class and of every region, by weight.
fn initial_core(inst: &Instance) -> Vec<usize> {
    if inst.pairs.len() <= SMALL_MODEL {
        return (0..inst.pairs.len()).collect();
    }
    let mut core = BTreeSet::new();
    for (p, list) in inst.prog_pairs.iter().enumerate() {
        let prog = &inst.progs[p];
        let mut sorted = list.clone();
        sorted.sort_by_key(|&j| (-inst.weight[j], inst.id_pos[inst.pairs[j].cand]));
        let per_class = 2 * prog.cap as usize + 4;
        let mut class_n: BTreeMap<(bool, usize), usize> = BTreeMap::new();
        let mut region_n: BTreeMap<usize, usize> = BTreeMap::new();
        for &j in &sorted {
            let cd = &inst.cands[inst.pairs[j].cand];
            let g = if prog.genders.iter().any(|e| e.0 == cd.gender) {
                cd.gender
            } else {
                usize::MAX
            };
            let n = class_n.entry((cd.member, g)).or_default();
            let mut take = false;
            if *n < per_class {
                *n += 1;
                take = true;
            }
            if prog.eff.regions_active {
                let r = region_n.entry(cd.region).or_default();
                if *r < 3 {
                    *r += 1;
                    take = true;
                }
            }
            if take {
                core.insert(j);
            }
        }
    }
    core.into_iter().collect()
}

pub(crate) fn optimise(inst: &Instance) -> Result<Solved, SelectionError> {
    let started = Instant::now();
    let closed = milp::closed_programmes(inst);
    let n_pairs = inst.pairs.len();
    let mut stats = SolveStats {
        pairs_total: n_pairs,
        ..SolveStats::default()
    };
    let mut core = initial_core(inst);
    let mut optimal = true;
    let mut warm: Vec<usize> = Vec::new();
    let (selected, bound) = loop {
        stats.milp_solves += 1;
        let out = milp::solve(
            inst,
            &Request {
                subset: &core,
                closed: &closed,
                objective: Objective::Main,
                keep_optimal: None,
                status: &[],
                fixed: &[],
                warm: Some(&warm),
            },
        )?
        .ok_or_else(|| SelectionError::Solver("the MILP reported the model infeasible".into()))?;
        if !check_pairs(inst, &out.selected) {
            return Err(SelectionError::Solver(
                "the MILP solution breaks a rule in exact arithmetic".into(),
            ));
        }
        optimal &= out.optimal;
        let lb = weight_of(inst, &out.selected) as i128 * BOUND_UNIT;
        let bound = milp::dual_bound(inst, &core, &closed)?;
        if core.len() == n_pairs {
            break (out.selected, bound);
        }
        let Some(b) = bound else {
            core = (0..n_pairs).collect();
            warm = out.selected;
            continue;
        };
        let in_core: BTreeSet<usize> = core.iter().copied().collect();
        let missing: Vec<usize> = (0..n_pairs)
            .filter(|j| !in_core.contains(j) && b.ub - b.reduced[*j] >= lb)
            .collect();
        if missing.is_empty() {
            stats.bound_checks_passed += 1;
            break (out.selected, Some(b));
        }
        let mut grown: BTreeSet<usize> = in_core;
        grown.extend(missing);
        core = if grown.len() * 2 > n_pairs {
            (0..n_pairs).collect()
        } else {
            grown.into_iter().collect()
        };
        warm = out.selected;
    };
    stats.pairs_in_core = core.len();

    // Pairs that can still occur in an optimal selection.
    let lb = weight_of(inst, &selected) as i128 * BOUND_UNIT;
    let star: Vec<usize> = match &bound {
        Some(b) => core
            .iter()
            .copied()
            .filter(|&j| b.ub - b.reduced[j] >= lb)
            .collect(),
        None => core.clone(),
    };
    let (selected, tb_optimal) = tie_break(inst, &closed, &star, selected, &mut stats)?;
    optimal &= tb_optimal;

    let mut assign: Vec<Option<usize>> = inst.cands.iter().map(|c| c.forced).collect();
    for &j in &selected {
        let pr = inst.pairs[j];
        assign[pr.cand] = Some(pr.prog);
    }
    stats.millis = started.elapsed().as_millis() as u64;
    Ok(Solved {
        assign,
        optimal,
        stats,
    })
}

/// Among the optimal selections (same total score and rank sum), pick the
/// one that is lexicographically best by candidate id: first the selected
/// set (at the smallest id where two selections differ, the one selecting
/// that candidate wins), then the seats (at the smallest id where the seats
/// differ, the better preference rank wins).
fn tie_break(
    inst: &Instance,
    closed: &[bool],
    star: &[usize],
    mut x: Vec<usize>,
    stats: &mut SolveStats,
) -> Result<(Vec<usize>, bool), SelectionError> {
    let (s_star, r_star) = score_rank(inst, &x);
    let mut optimal = true;
    let star_set: BTreeSet<usize> = star.iter().copied().collect();
    let mut cands: Vec<usize> = star
        .iter()
        .map(|&j| inst.pairs[j].cand)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    cands.sort_by_key(|&c| inst.id_pos[c]);

    // Constraint "still optimal": score >= S*, rank sum <= R*, expressed as
    // two custom rows through `min_main`-like checks on the result.
    let accept = |sel: &[usize]| -> bool {
        let (s, r) = score_rank(inst, sel);
        s == s_star && r == r_star && check_pairs(inst, sel)
    };

    // Step A: the selected set.
    let mut status: Vec<(usize, bool)> = Vec::new();
    for &c in &cands {
        let in_x = x.iter().any(|&j| inst.pairs[j].cand == c);
        if in_x {
            status.push((c, true));
            continue;
        }
        let coefs: Vec<f64> = star
            .iter()
            .map(|&j| if inst.pairs[j].cand == c { 1.0 } else { 0.0 })
            .collect();
        stats.milp_solves += 1;
        let out = solve_optimal_restricted(inst, closed, star, &coefs, &status, &[], &x, s_star, r_star)?;
        match out {
            Some((sel, opt)) if sel.iter().any(|&j| inst.pairs[j].cand == c) && accept(&sel) => {
                optimal &= opt;
                x = sel;
                status.push((c, true));
            }
            Some((_, opt)) => {
                optimal &= opt;
                status.push((c, false));
            }
            None => status.push((c, false)),
        }
    }

    // Step B: the seats, candidate by candidate in id order.
    let mut chosen: Vec<usize> = x.clone();
    chosen.sort_by_key(|&j| inst.id_pos[inst.pairs[j].cand]);
    let mut fixed: Vec<usize> = Vec::new();
    for j0 in chosen {
        let c = inst.pairs[j0].cand;
        let cur = x
            .iter()
            .copied()
            .find(|&j| inst.pairs[j].cand == c)
            .unwrap_or(j0);
        let cur_rank = inst.pairs[cur].rank;
        let better = inst.cand_pairs[c]
            .iter()
            .any(|j| star_set.contains(j) && inst.pairs[*j].rank < cur_rank);
        if !better {
            fixed.push(cur);
            continue;
        }
        let coefs: Vec<f64> = star
            .iter()
            .map(|&j| {
                if inst.pairs[j].cand == c {
                    -(inst.pairs[j].rank as f64)
                } else {
                    0.0
                }
            })
            .collect();
        stats.milp_solves += 1;
        let out = solve_optimal_restricted(inst, closed, star, &coefs, &status, &fixed, &x, s_star, r_star)?;
        match out {
            Some((sel, opt)) if accept(&sel) => {
                optimal &= opt;
                x = sel;
            }
            Some((_, opt)) => optimal &= opt,
            None => {}
        }
        let now = x
            .iter()
            .copied()
            .find(|&j| inst.pairs[j].cand == c)
            .unwrap_or(cur);
        fixed.push(now);
    }
    Ok((x, optimal))
}

/// Maximise `coefs` over the optimal selections restricted to `subset`
/// (score = S*, rank sum = R*), with candidate statuses and pairs fixed.
#[allow(clippy::too_many_arguments)]
fn solve_optimal_restricted(
    inst: &Instance,
    closed: &[bool],
    subset: &[usize],
    coefs: &[f64],
    status: &[(usize, bool)],
    fixed: &[usize],
    warm: &[usize],
    s_star: i64,
    r_star: i64,
) -> Result<Option<(Vec<usize>, bool)>, SelectionError> {
    let out = milp::solve(
        inst,
        &Request {
            subset,
            closed,
            objective: Objective::Custom(coefs),
            keep_optimal: Some((s_star, r_star)),
            status,
            fixed,
            warm: Some(warm),
        },
    )?;
    Ok(out.map(|o| (o.selected, o.optimal)))
}
