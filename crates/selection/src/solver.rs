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

/// Node limit of one tie-break MILP; when it is hit the current (optimal)
/// selection is kept for the candidates concerned and the output says the
/// tie-break was not exhaustive. A node limit (not a time limit) keeps the
/// result deterministic.
const TIE_BREAK_NODES: u64 = 2_000;

/// Node limit of a MILP on a reduced model; past it the whole model is
/// solved instead (deterministic, unlike a time limit).
const CORE_NODES: u64 = 500;

/// Models with at most this many pairs skip the reduction.
pub(crate) const SMALL_MODEL: usize = 2_500;

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
fn initial_core(inst: &Instance, tuning: &Tuning) -> Vec<usize> {
    if inst.pairs.len() <= tuning.small_model {
        return (0..inst.pairs.len()).collect();
    }
    let mut core = BTreeSet::new();
    for (p, list) in inst.prog_pairs.iter().enumerate() {
        let prog = &inst.progs[p];
        let mut sorted = list.clone();
        sorted.sort_by_key(|&j| (-inst.weight[j], inst.id_pos[inst.pairs[j].cand]));
        let per_class = tuning.core_per_class.unwrap_or(2 * prog.cap as usize + 4);
        let overall = 0;
        let mut class_n: BTreeMap<(bool, usize), usize> = BTreeMap::new();
        let mut region_n: BTreeMap<usize, usize> = BTreeMap::new();
        for (k, &j) in sorted.iter().enumerate() {
            let cd = &inst.cands[inst.pairs[j].cand];
            let g = if prog.genders.iter().any(|e| e.0 == cd.gender) {
                cd.gender
            } else {
                usize::MAX
            };
            let n = class_n.entry((cd.member, g)).or_default();
            let mut take = k < overall;
            let _ = k;
            if *n < per_class {
                *n += 1;
                take = true;
            }
            if prog.eff.regions_active {
                let r = region_n.entry(cd.region).or_default();
                if *r < tuning.core_per_class.unwrap_or(3).min(3) {
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

/// Knobs of the pipeline (tests use them to exercise the reduction on small
/// instances; results never depend on them, only the running time does).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tuning {
    pub id_tie_break: bool,
    /// Models with at most this many pairs are solved whole.
    pub small_model: usize,
    /// Pairs per (member, gender) class and programme in the initial core.
    pub core_per_class: Option<usize>,
}

pub(crate) fn optimise(inst: &Instance, tuning: &Tuning) -> Result<Solved, SelectionError> {
    let started = Instant::now();
    let closed = milp::closed_programmes(inst);
    let n_pairs = inst.pairs.len();
    let mut stats = SolveStats {
        pairs_total: n_pairs,
        ..SolveStats::default()
    };
    let mut core = initial_core(inst, tuning);
    let mut optimal;
    let mut warm: Vec<usize> = Vec::new();
    let (selected, bound) = loop {
        stats.milp_solves += 1;
        let t_core = Instant::now();
        // The MILP and the dual LP of the same core are independent: run
        // them on two threads.
        let (out, bound) = std::thread::scope(|scope| {
            let dual = scope.spawn(|| milp::dual_bound(inst, &core, &closed));
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
                    node_limit: (core.len() < n_pairs).then_some(CORE_NODES),
                },
            );
            let bound = dual.join().unwrap_or_else(|_| {
                Err(SelectionError::Solver(
                    "the dual bound thread panicked".into(),
                ))
            });
            (out, bound)
        });
        let out = out?.ok_or_else(|| {
            SelectionError::Solver("the MILP reported the model infeasible".into())
        })?;
        let bound = bound?;
        if !check_pairs(inst, &out.selected) {
            return Err(SelectionError::Solver(
                "the MILP solution breaks a rule in exact arithmetic".into(),
            ));
        }
        optimal = out.optimal;
        if !out.optimal && core.len() < n_pairs {
            // The reduced model is hard for the solver: solve the whole one.
            core = (0..n_pairs).collect();
            warm = out.selected;
            continue;
        }
        let lb = weight_of(inst, &out.selected) as i128 * BOUND_UNIT;
        if std::env::var_os("MITI_SELECTION_DEBUG").is_some() {
            eprintln!(
                "core milp + dual {} pairs {:?}",
                core.len(),
                t_core.elapsed()
            );
        }
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
    if std::env::var_os("MITI_SELECTION_DEBUG").is_some() {
        eprintln!(
            "core {} star {} gap {:?} after {:?}",
            core.len(),
            star.len(),
            bound
                .as_ref()
                .map(|b| (b.ub - lb) as f64 / BOUND_UNIT as f64),
            started.elapsed()
        );
    }
    let selected = if tuning.id_tie_break {
        let (selected, tb_exact) = tie_break(inst, &closed, &star, selected, &mut stats)?;
        stats.tie_break_exact = tb_exact;
        selected
    } else {
        selected
    };

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
///
/// Only pairs in `star` (those that can occur in an optimal selection) are
/// considered. The programmes split into independent components (linked by
/// candidates with star pairs in several programmes); each component is
/// optimal on its own, so each is tie-broken separately.
fn tie_break(
    inst: &Instance,
    closed: &[bool],
    star: &[usize],
    x: Vec<usize>,
    stats: &mut SolveStats,
) -> Result<(Vec<usize>, bool), SelectionError> {
    // Union-find over programmes.
    let mut parent: Vec<usize> = (0..inst.progs.len()).collect();
    fn find(parent: &mut [usize], mut a: usize) -> usize {
        while parent[a] != a {
            parent[a] = parent[parent[a]];
            a = parent[a];
        }
        a
    }
    let mut first_prog: BTreeMap<usize, usize> = BTreeMap::new();
    for &j in star {
        let pr = inst.pairs[j];
        match first_prog.get(&pr.cand) {
            Some(&q) => {
                let (a, b) = (find(&mut parent, q), find(&mut parent, pr.prog));
                parent[a] = b;
            }
            None => {
                first_prog.insert(pr.cand, pr.prog);
            }
        }
    }
    let mut comp_star: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &j in star {
        let root = find(&mut parent, inst.pairs[j].prog);
        comp_star.entry(root).or_default().push(j);
    }
    let mut comp_x: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &j in &x {
        let root = find(&mut parent, inst.pairs[j].prog);
        comp_x.entry(root).or_default().push(j);
    }
    let mut result = Vec::with_capacity(x.len());
    let mut optimal = true;
    for (root, sub) in &comp_star {
        let xc = comp_x.remove(root).unwrap_or_default();
        let (sel, opt) = tie_break_component(inst, closed, sub, xc, stats)?;
        optimal &= opt;
        result.extend(sel);
    }
    // Pairs of X outside every star component cannot exist (X is optimal),
    // but keep them if rounding ever put one there.
    for (_, rest) in comp_x {
        result.extend(rest);
    }
    result.sort_unstable();
    Ok((result, optimal))
}

/// Exchange graph of an assignment of a fixed selected set, ignoring the
/// composition rules (a relaxation: only capacities count). Nodes are the
/// programmes plus a hub `n` standing for "a programme with a free seat
/// absorbs / any programme releases". An edge `a -> b` with cost
/// `rank(d, b) - rank(d, a)` lets candidate `d`, seated in `a`, move to `b`.
struct Exchange {
    n: usize,
    /// (from, to, cost, candidate)
    edges: Vec<(usize, usize, i64, usize)>,
}

impl Exchange {
    fn new(inst: &Instance, sub: &[usize], x: &[usize]) -> Exchange {
        let n = inst.progs.len();
        let mut seat: BTreeMap<usize, usize> = BTreeMap::new();
        let mut size = vec![0u32; n];
        for &j in x {
            seat.insert(inst.pairs[j].cand, j);
            size[inst.pairs[j].prog] += 1;
        }
        for (p, prog) in inst.progs.iter().enumerate() {
            size[p] += prog.forced.len() as u32;
        }
        let mut edges = Vec::new();
        for &j in sub {
            let pr = inst.pairs[j];
            if let Some(&cur) = seat.get(&pr.cand)
                && cur != j
            {
                let from = inst.pairs[cur];
                edges.push((
                    from.prog,
                    pr.prog,
                    pr.rank as i64 - from.rank as i64,
                    pr.cand,
                ));
            }
        }
        let mut progs: BTreeSet<usize> = BTreeSet::new();
        for &j in sub {
            progs.insert(inst.pairs[j].prog);
        }
        for &p in &progs {
            if size[p] < inst.progs[p].eff.cap {
                edges.push((p, n, 0, usize::MAX));
            }
            edges.push((n, p, 0, usize::MAX));
        }
        Exchange { n, edges }
    }

    /// Shortest distances from `src` using only edges whose candidate is
    /// not in `skip`; `None` if a negative cycle is reachable.
    fn distances(&self, src: usize, skip: &BTreeSet<usize>) -> Option<Vec<i64>> {
        let inf = i64::MAX / 4;
        let mut dist = vec![inf; self.n + 1];
        dist[src] = 0;
        for round in 0..=self.n + 1 {
            let mut changed = false;
            for &(a, b, w, d) in &self.edges {
                if d != usize::MAX && skip.contains(&d) {
                    continue;
                }
                if dist[a] < inf && dist[a] + w < dist[b] {
                    dist[b] = dist[a] + w;
                    changed = true;
                }
            }
            if !changed {
                return Some(dist);
            }
            if round == self.n + 1 {
                return None;
            }
        }
        Some(dist)
    }

    /// Whether the assignment has no improving exchange at all.
    fn is_rank_optimal(&self) -> bool {
        self.distances(self.n, &BTreeSet::new())
            .map(|d| d[self.n] >= 0)
            .unwrap_or(false)
    }
}

/// Largest block size whose lexicographic weights `base^(B-1..0)` stay
/// below 1e7 (so that the MILP objective stays exact in f64).
fn block_size(base: u64) -> usize {
    let mut b = 1usize;
    let mut w = base.max(2);
    while w.saturating_mul(base.max(2)) <= 10_000_000 && b < 20 {
        w *= base.max(2);
        b += 1;
    }
    b
}

fn tie_break_component(
    inst: &Instance,
    closed: &[bool],
    star: &[usize],
    mut x: Vec<usize>,
    stats: &mut SolveStats,
) -> Result<(Vec<usize>, bool), SelectionError> {
    let (s_star, r_star) = score_rank(inst, &x);
    let mut optimal = true;
    let accept = |sel: &[usize]| -> bool {
        let (s, r) = score_rank(inst, sel);
        s == s_star && r == r_star && check_pairs(inst, sel)
    };
    let seat_of = |x: &[usize], c: usize| x.iter().copied().find(|&j| inst.pairs[j].cand == c);
    let mut cands: Vec<usize> = star
        .iter()
        .map(|&j| inst.pairs[j].cand)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    cands.sort_by_key(|&c| inst.id_pos[c]);

    // Step A: the selected set, in blocks of candidates by id.
    let block_a = block_size(2);
    let mut status: Vec<(usize, bool)> = Vec::new();
    let mut i = 0;
    while i < cands.len() {
        let c = cands[i];
        if seat_of(&x, c).is_some() {
            status.push((c, true));
            i += 1;
            continue;
        }
        let block: Vec<usize> = cands[i..(i + block_a).min(cands.len())].to_vec();
        let coefs: Vec<f64> = star
            .iter()
            .map(|&j| {
                let cand = inst.pairs[j].cand;
                match block.iter().position(|&b| b == cand) {
                    Some(k) => (1u64 << (block.len() - 1 - k)) as f64,
                    None => 0.0,
                }
            })
            .collect();
        stats.milp_solves += 1;
        let out =
            solve_optimal_restricted(inst, closed, star, &coefs, &status, &[], &x, s_star, r_star)?;
        match out {
            Some((sel, opt)) if accept(&sel) => {
                optimal &= opt;
                x = sel;
                for &b in &block {
                    status.push((b, seat_of(&x, b).is_some()));
                }
                i += block.len();
            }
            other => {
                if let Some((_, opt)) = other {
                    optimal &= opt;
                }
                status.push((c, false));
                i += 1;
            }
        }
    }

    // Step B: the seats of the selected set, in blocks by id.
    let selected: BTreeSet<usize> = x.iter().map(|&j| inst.pairs[j].cand).collect();
    let mut sub: Vec<usize> = star
        .iter()
        .copied()
        .filter(|&j| selected.contains(&inst.pairs[j].cand))
        .collect();
    // With the selected set fixed only the rank sum matters: an exact LP
    // bound on it removes the pairs that no rank-optimal seating can use.
    let neg_rank: Vec<i64> = inst.pairs.iter().map(|pr| -(pr.rank as i64)).collect();
    if sub.len() > x.len()
        && let Some(b) = milp::dual_bound_for(inst, &sub, closed, &neg_rank, &sub, true)?
    {
        let best = -(r_star as i128) * BOUND_UNIT;
        let in_x: BTreeSet<usize> = x.iter().copied().collect();
        let before = sub.len();
        sub.retain(|&j| in_x.contains(&j) || b.ub - b.reduced[j] >= best);
        if std::env::var_os("MITI_SELECTION_DEBUG").is_some() {
            eprintln!(
                "rank bound: gap {} pairs {before} -> {}",
                (b.ub - best) as f64 / BOUND_UNIT as f64,
                sub.len()
            );
        }
    }
    let mut chosen: Vec<usize> = selected.iter().copied().collect();
    chosen.sort_by_key(|&c| inst.id_pos[c]);
    let max_rank = sub.iter().map(|&j| inst.pairs[j].rank).max().unwrap_or(1) as u64;
    let block_b = block_size(max_rank).min(6);
    let status_b: Vec<(usize, bool)> = chosen.iter().map(|&c| (c, true)).collect();
    let best_rank = |c: usize| {
        sub.iter()
            .filter(|&&j| inst.pairs[j].cand == c)
            .map(|&j| inst.pairs[j].rank)
            .min()
            .unwrap_or(u32::MAX)
    };
    // The filter is exact only when the assignment is rank-optimal in the
    // relaxation too (then every assignment with rank sum R* is as well).
    let mut exchange = Some(Exchange::new(inst, &sub, &x)).filter(|e| e.is_rank_optimal());
    if std::env::var_os("MITI_SELECTION_DEBUG").is_some() {
        eprintln!(
            "component: {} star pairs, {} selected, step A solves so far {}, exchange filter {}",
            star.len(),
            chosen.len(),
            stats.milp_solves,
            exchange.is_some()
        );
    }
    let mut fixed: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < chosen.len() {
        let c = chosen[i];
        let Some(cur) = seat_of(&x, c) else {
            i += 1;
            continue;
        };
        if inst.pairs[cur].rank <= best_rank(c) {
            fixed.push(cur);
            i += 1;
            continue;
        }
        // Relaxation filter: if even without the composition rules no
        // exchange of equal rank sum gives `c` a better seat, it keeps it.
        if let Some(ex) = &exchange {
            let mut skip: BTreeSet<usize> = fixed.iter().map(|&j| inst.pairs[j].cand).collect();
            skip.insert(c);
            let from = inst.pairs[cur];
            let improvable = sub.iter().any(|&j| {
                let pr = inst.pairs[j];
                pr.cand == c
                    && pr.rank < from.rank
                    && ex
                        .distances(pr.prog, &skip)
                        .map(|d| pr.rank as i64 - from.rank as i64 + d[from.prog].min(d[ex.n]) <= 0)
                        .unwrap_or(true)
            });
            if !improvable {
                fixed.push(cur);
                i += 1;
                continue;
            }
        }
        let block: Vec<usize> = chosen[i..(i + block_b).min(chosen.len())].to_vec();
        // Minimise sum_k w_k * (rank_k - 1) over the block, with
        // lexicographic weights w_k, among seatings of rank sum R*.
        let weights: Vec<f64> = (0..block.len())
            .map(|k| max_rank.pow((block.len() - 1 - k) as u32) as f64)
            .collect();
        let coefs: Vec<f64> = sub
            .iter()
            .map(|&j| {
                let pr = inst.pairs[j];
                match block.iter().position(|&b| b == pr.cand) {
                    Some(k) => -weights[k] * (pr.rank as f64 - 1.0),
                    None => 0.0,
                }
            })
            .collect();
        stats.milp_solves += 1;
        let t_solve = Instant::now();
        let out = solve_optimal_restricted(
            inst, closed, &sub, &coefs, &status_b, &fixed, &x, s_star, r_star,
        )?;
        if std::env::var_os("MITI_SELECTION_DEBUG").is_some() {
            eprintln!(
                "step B block at {i}/{}: {:?}, exact {:?}",
                chosen.len(),
                t_solve.elapsed(),
                out.as_ref().map(|o| o.1)
            );
        }

        match out {
            Some((sel, opt)) if accept(&sel) => {
                optimal &= opt;
                x = sel;
                if exchange.is_some() {
                    exchange = Some(Exchange::new(inst, &sub, &x));
                }
                for &b in &block {
                    if let Some(j) = seat_of(&x, b) {
                        fixed.push(j);
                    }
                }
                i += block.len();
            }
            other => {
                if let Some((_, opt)) = other {
                    optimal &= opt;
                }
                fixed.push(cur);
                i += 1;
            }
        }
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
            node_limit: Some(TIE_BREAK_NODES),
        },
    );
    match out {
        Ok(out) => Ok(out.map(|o| (o.selected, o.optimal))),
        // Keep the current optimal selection, flagged as not exhaustive.
        Err(SelectionError::Solver(msg)) if msg == milp::LIMIT_REACHED => {
            Ok(Some((warm.to_vec(), false)))
        }
        Err(e) => Err(e),
    }
}
