//! The MILP model (good_lp + microlp) and the exact dual bound used to prove
//! that a reduced model (the "core") has the same optimum as the full one.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use good_lp::{
    Expression, ProblemVariables, ResolutionError, Solution, SolverModel, Variable, microlp,
    variable,
};

use crate::error::SelectionError;
use crate::model::{Instance, SHARE_SCALE};

/// A linear row `sum_j A_j x_j <= B` of the optimised part of one programme
/// (counts use scale 1, shares scale 1e6; the LP sees `A/scale`, `B/scale`).
#[derive(Clone, Debug)]
pub(crate) struct Row {
    pub kind: RowKind,
    pub rhs: i64,
    pub scale: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum RowKind {
    Cap(usize),
    City(usize, usize),
    Country(usize, usize),
    Member(usize),
    Gender(usize, usize),
}

impl RowKind {
    /// Integer coefficient of candidate `c` (applying to this row's programme).
    pub(crate) fn coef(&self, inst: &Instance, c: usize) -> i64 {
        let cd = &inst.cands[c];
        match *self {
            RowKind::Cap(_) => 1,
            RowKind::City(_, city) => (cd.city == city) as i64,
            RowKind::Country(_, country) => (cd.country == country) as i64,
            RowKind::Member(p) => {
                inst.progs[p].member_ppm.unwrap_or(0) - if cd.member { SHARE_SCALE } else { 0 }
            }
            RowKind::Gender(p, g) => {
                let ppm = inst.progs[p]
                    .genders
                    .iter()
                    .find(|e| e.0 == g)
                    .map(|e| e.1)
                    .unwrap_or(0);
                ppm - if cd.gender == g { SHARE_SCALE } else { 0 }
            }
        }
    }
}

/// Programmes whose min_regions rule cannot be met by any cohort drawn from
/// all their applicants: they stay empty (unless seats are forced).
pub(crate) fn closed_programmes(inst: &Instance) -> Vec<bool> {
    (0..inst.progs.len())
        .map(|p| {
            let prog = &inst.progs[p];
            if !prog.eff.regions_active {
                return false;
            }
            let regions: BTreeSet<usize> = inst.prog_pairs[p]
                .iter()
                .map(|&j| inst.cands[inst.pairs[j].cand].region)
                .collect();
            (regions.len() as u32) < prog.min_regions
        })
        .collect()
}

/// Count and share rows of every programme, restricted to the pairs in
/// `subset` (rows that cannot bind on the subset are left out).
pub(crate) fn build_rows(
    inst: &Instance,
    subset: &[usize],
    closed: &[bool],
) -> Vec<(Row, Vec<usize>)> {
    let mut by_prog: Vec<Vec<usize>> = vec![Vec::new(); inst.progs.len()];
    for (pos, &j) in subset.iter().enumerate() {
        by_prog[inst.pairs[j].prog].push(pos);
    }
    let mut rows = Vec::new();
    for (p, positions) in by_prog.iter().enumerate() {
        if positions.is_empty() {
            continue;
        }
        let prog = &inst.progs[p];
        let forced = &prog.forced;
        let cap_left = if closed[p] {
            0
        } else {
            prog.eff.cap as i64 - forced.len() as i64
        };
        rows.push((
            Row {
                kind: RowKind::Cap(p),
                rhs: cap_left,
                scale: 1,
            },
            positions.clone(),
        ));
        if prog.city_cap.is_some() {
            let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
            for &pos in positions {
                groups
                    .entry(inst.cands[inst.pairs[subset[pos]].cand].city)
                    .or_default()
                    .push(pos);
            }
            for (city, members) in groups {
                let forced_here = forced
                    .iter()
                    .filter(|&&c| inst.cands[c].city == city)
                    .count();
                let left = inst.city_cap(p, city).unwrap_or(u32::MAX) as i64 - forced_here as i64;
                if (members.len() as i64) > left.min(cap_left) {
                    rows.push((
                        Row {
                            kind: RowKind::City(p, city),
                            rhs: left,
                            scale: 1,
                        },
                        members,
                    ));
                }
            }
        }
        if prog.country_cap.is_some() {
            let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
            for &pos in positions {
                groups
                    .entry(inst.cands[inst.pairs[subset[pos]].cand].country)
                    .or_default()
                    .push(pos);
            }
            for (country, members) in groups {
                let forced_here = forced
                    .iter()
                    .filter(|&&c| inst.cands[c].country == country)
                    .count();
                let left =
                    inst.country_cap(p, country).unwrap_or(u32::MAX) as i64 - forced_here as i64;
                if (members.len() as i64) > left.min(cap_left) {
                    rows.push((
                        Row {
                            kind: RowKind::Country(p, country),
                            rhs: left,
                            scale: 1,
                        },
                        members,
                    ));
                }
            }
        }
        let f_members = forced.iter().filter(|&&c| inst.cands[c].member).count() as i64;
        if let Some(ppm) = prog.member_ppm {
            let kind = RowKind::Member(p);
            if positions
                .iter()
                .any(|&pos| kind.coef(inst, inst.pairs[subset[pos]].cand) > 0)
            {
                let rhs =
                    (f_members + prog.eff.member_slack) * SHARE_SCALE - ppm * forced.len() as i64;
                rows.push((
                    Row {
                        kind,
                        rhs,
                        scale: SHARE_SCALE,
                    },
                    positions.clone(),
                ));
            }
        }
        for &(g, ppm) in &prog.genders {
            let kind = RowKind::Gender(p, g);
            if positions
                .iter()
                .any(|&pos| kind.coef(inst, inst.pairs[subset[pos]].cand) > 0)
            {
                let f_g = forced
                    .iter()
                    .filter(|&&c| inst.cands[c].gender == g)
                    .count() as i64;
                let rhs =
                    (f_g + prog.eff.gender_slack[g]) * SHARE_SCALE - ppm * forced.len() as i64;
                rows.push((
                    Row {
                        kind,
                        rhs,
                        scale: SHARE_SCALE,
                    },
                    positions.clone(),
                ));
            }
        }
    }
    rows
}

/// What to optimise.
pub(crate) enum Objective<'a> {
    /// Maximise the combined weight (score, then rank).
    Main,
    /// Maximise custom coefficients, one per pair of the subset.
    Custom(&'a [f64]),
}

/// Error message of a MILP that hit its node limit without a solution.
pub(crate) const LIMIT_REACHED: &str = "node limit reached before a solution was found";

/// A MILP over a subset of pairs.
pub(crate) struct Request<'a> {
    pub subset: &'a [usize],
    pub closed: &'a [bool],
    pub objective: Objective<'a>,
    /// Keep the selection optimal: total score (in `score_unit`s) at least
    /// the first value and rank sum at most the second.
    pub keep_optimal: Option<(i64, i64)>,
    /// Candidates that must (true) or must not (false) be selected.
    pub status: &'a [(usize, bool)],
    /// Pairs (ids) that must be selected.
    pub fixed: &'a [usize],
    /// Pairs (ids) of a known feasible selection, as a warm start.
    pub warm: Option<&'a [usize]>,
    /// Branch-and-bound node limit (deterministic, unlike a time limit);
    /// the best solution found so far is returned, flagged as not optimal.
    pub node_limit: Option<u64>,
}

pub(crate) struct MilpOutcome {
    /// Selected pair ids.
    pub selected: Vec<usize>,
    pub optimal: bool,
}

pub(crate) fn solver_err(e: ResolutionError) -> SelectionError {
    SelectionError::Solver(e.to_string())
}

/// Solve a MILP (microlp, called directly for its node limit). `Ok(None)`
/// when infeasible.
pub(crate) fn solve(
    inst: &Instance,
    req: &Request<'_>,
) -> Result<Option<MilpOutcome>, SelectionError> {
    use microlp::{ComparisonOp, LinearExpr, OptimizationDirection, Problem};
    let subset = req.subset;
    if subset.is_empty() {
        return Ok(Some(MilpOutcome {
            selected: Vec::new(),
            optimal: true,
        }));
    }
    let mut model = Problem::new(OptimizationDirection::Maximize);
    let x: Vec<microlp::Variable> = match req.objective {
        Objective::Main => subset
            .iter()
            .map(|&j| model.add_binary_var(inst.weight[j] as f64))
            .collect(),
        Objective::Custom(coefs) => coefs.iter().map(|&c| model.add_binary_var(c)).collect(),
    };

    // Region machinery (z = programme non-empty, y = region represented).
    let mut region_groups: Vec<BTreeMap<usize, Vec<usize>>> =
        vec![BTreeMap::new(); inst.progs.len()];
    for (pos, &j) in subset.iter().enumerate() {
        let pr = inst.pairs[j];
        if inst.progs[pr.prog].eff.regions_active {
            region_groups[pr.prog]
                .entry(inst.cands[pr.cand].region)
                .or_default()
                .push(pos);
        }
    }
    let mut z: HashMap<usize, microlp::Variable> = HashMap::new();
    let mut y: Vec<(usize, usize, microlp::Variable, Vec<usize>)> = Vec::new();
    for (p, groups) in region_groups.iter().enumerate() {
        if groups.is_empty() || req.closed[p] || (groups.len() as u32) < inst.progs[p].min_regions {
            continue;
        }
        z.insert(p, model.add_binary_var(0.0));
        for (&r, members) in groups.iter() {
            y.push((p, r, model.add_binary_var(0.0), members.clone()));
        }
    }

    // Candidate rows.
    let mut by_cand: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (pos, &j) in subset.iter().enumerate() {
        by_cand.entry(inst.pairs[j].cand).or_default().push(pos);
    }
    for (c, must) in req.status {
        if *must && !by_cand.contains_key(c) {
            return Ok(None);
        }
    }
    let status: HashMap<usize, bool> = req.status.iter().copied().collect();
    for (c, positions) in &by_cand {
        let e: Vec<(microlp::Variable, f64)> = positions.iter().map(|&pos| (x[pos], 1.0)).collect();
        match status.get(c) {
            Some(true) => model.add_constraint(e, ComparisonOp::Eq, 1.0),
            Some(false) => model.add_constraint(e, ComparisonOp::Eq, 0.0),
            None if positions.len() > 1 => model.add_constraint(e, ComparisonOp::Le, 1.0),
            None => {}
        }
    }
    let pos_of: HashMap<usize, usize> = subset
        .iter()
        .enumerate()
        .map(|(pos, &j)| (j, pos))
        .collect();
    for j in req.fixed {
        let Some(&pos) = pos_of.get(j) else {
            return Ok(None);
        };
        model.add_constraint([(x[pos], 1.0)], ComparisonOp::Eq, 1.0);
    }

    // Programme rows.
    for (row, positions) in build_rows(inst, subset, req.closed) {
        let mut e = LinearExpr::empty();
        for &pos in &positions {
            let a = row.kind.coef(inst, inst.pairs[subset[pos]].cand);
            if a != 0 {
                e.add(x[pos], a as f64 / row.scale as f64);
            }
        }
        let rhs = row.rhs as f64 / row.scale as f64;
        if let RowKind::Cap(p) = row.kind {
            if let Some(&zp) = z.get(&p) {
                e.add(zp, -rhs);
                model.add_constraint(e, ComparisonOp::Le, 0.0);
                continue;
            }
            let regions_short = inst.progs[p].eff.regions_active
                && (region_groups[p].len() as u32) < inst.progs[p].min_regions;
            if regions_short {
                model.add_constraint(e, ComparisonOp::Le, 0.0);
                continue;
            }
        }
        model.add_constraint(e, ComparisonOp::Le, rhs);
    }
    for (_, _, v, members) in &y {
        let mut e = LinearExpr::empty();
        e.add(*v, 1.0);
        for &pos in members {
            e.add(x[pos], -1.0);
        }
        model.add_constraint(e, ComparisonOp::Le, 0.0);
    }
    for (&p, &zp) in &z {
        let mut e = LinearExpr::empty();
        for (q, _, v, _) in &y {
            if *q == p {
                e.add(*v, 1.0);
            }
        }
        e.add(zp, -(inst.progs[p].min_regions as f64));
        model.add_constraint(e, ComparisonOp::Ge, 0.0);
    }
    if let Some((s_star, r_star)) = req.keep_optimal {
        let mut es = LinearExpr::empty();
        let mut er = LinearExpr::empty();
        for (pos, &j) in subset.iter().enumerate() {
            let pr = inst.pairs[j];
            let s = inst.cands[pr.cand].score / inst.score_unit;
            if s != 0 {
                es.add(x[pos], s as f64);
            }
            er.add(x[pos], pr.rank as f64);
        }
        model.add_constraint(es, ComparisonOp::Ge, s_star as f64 - 0.5);
        model.add_constraint(er, ComparisonOp::Le, r_star as f64 + 0.5);
    }

    let mut opts = microlp::SolveOptions::default();
    opts.node_limit = req.node_limit;
    if let Some(warm) = req.warm {
        let chosen: BTreeSet<usize> = warm.iter().copied().collect();
        let mut init: Vec<(microlp::Variable, f64)> = subset
            .iter()
            .enumerate()
            .map(|(pos, j)| (x[pos], if chosen.contains(j) { 1.0 } else { 0.0 }))
            .collect();
        let mut nonempty: BTreeSet<usize> = BTreeSet::new();
        let mut present: BTreeSet<(usize, usize)> = BTreeSet::new();
        for &j in warm {
            let pr = inst.pairs[j];
            nonempty.insert(pr.prog);
            present.insert((pr.prog, inst.cands[pr.cand].region));
        }
        for (&p, &v) in &z {
            init.push((v, if nonempty.contains(&p) { 1.0 } else { 0.0 }));
        }
        for (p, r, v, _) in &y {
            init.push((
                *v,
                if present.contains(&(*p, *r)) {
                    1.0
                } else {
                    0.0
                },
            ));
        }
        opts.warm_start = Some(init);
    }
    let outcome = match model.solve_with(opts) {
        Ok(o) => o,
        Err(microlp::Error::Infeasible) => return Ok(None),
        Err(e) => return Err(SelectionError::Solver(e.to_string())),
    };
    let optimal = outcome.is_optimal();
    let Some(solution) = outcome.solution() else {
        return Err(SelectionError::Solver(LIMIT_REACHED.into()));
    };
    let selected = subset
        .iter()
        .enumerate()
        .filter(|(pos, _)| solution.var_value(x[*pos]) > 0.5)
        .map(|(_, &j)| j)
        .collect();
    Ok(Some(MilpOutcome { selected, optimal }))
}

/// Denominator of the rounded LP duals.
const DUAL_DEN: i128 = 1 << 12;
/// Unit of the exact bound: `DUAL_DEN * SHARE_SCALE` per weight unit.
pub(crate) const BOUND_UNIT: i128 = DUAL_DEN * SHARE_SCALE as i128;

/// An exact upper bound on the combined weight of any feasible selection
/// (over all pairs), with the reduced cost of every pair, in `BOUND_UNIT`s.
/// Any selection containing pair `j` has weight at most `ub - reduced[j]`.
pub(crate) struct DualBound {
    pub ub: i128,
    pub reduced: Vec<i128>,
}

/// Solve the LP dual of the core's relaxation (region rules dropped, which
/// only loosens it), round the row duals, and complete them with exact
/// candidate duals so that the bound holds for the full model.
pub(crate) fn dual_bound(
    inst: &Instance,
    core: &[usize],
    closed: &[bool],
) -> Result<Option<DualBound>, SelectionError> {
    let all: Vec<usize> = (0..inst.pairs.len()).collect();
    dual_bound_for(inst, core, closed, &inst.weight, &all, false)
}

/// General form of [`dual_bound`]: pair weights `weights` (indexed by pair
/// id), a bound valid for every selection using only pairs of `universe`;
/// with `exact`, every candidate of the universe must be selected exactly
/// once (their duals are then free in sign). `reduced` is indexed by pair
/// id and meaningful for universe pairs only.
pub(crate) fn dual_bound_for(
    inst: &Instance,
    core: &[usize],
    closed: &[bool],
    weights: &[i64],
    universe: &[usize],
    exact: bool,
) -> Result<Option<DualBound>, SelectionError> {
    let rows = build_rows(inst, core, closed);
    if rows.is_empty() {
        return Ok(None);
    }
    let mut vars = ProblemVariables::new();
    let yv: Vec<Variable> = rows.iter().map(|_| vars.add(variable().min(0.0))).collect();
    let mut cands: BTreeMap<usize, Variable> = BTreeMap::new();
    for &j in core {
        let c = inst.pairs[j].cand;
        if let std::collections::btree_map::Entry::Vacant(e) = cands.entry(c) {
            e.insert(vars.add(if exact {
                variable()
            } else {
                variable().min(0.0)
            }));
        }
    }
    let mut obj = Expression::with_capacity(rows.len() + cands.len());
    for (i, (row, _)) in rows.iter().enumerate() {
        obj.add_mul(row.rhs as f64 / row.scale as f64, yv[i]);
    }
    for &v in cands.values() {
        obj.add_mul(1.0, v);
    }
    // Column view: for each core position, the rows it appears in.
    let mut col_rows: Vec<Vec<usize>> = vec![Vec::new(); core.len()];
    for (i, (_, positions)) in rows.iter().enumerate() {
        for &pos in positions {
            col_rows[pos].push(i);
        }
    }
    let mut model = vars.minimise(obj).using(microlp);
    for (pos, &j) in core.iter().enumerate() {
        let c = inst.pairs[j].cand;
        let mut e = Expression::with_capacity(col_rows[pos].len() + 1);
        e.add_mul(1.0, cands[&c]);
        for &i in &col_rows[pos] {
            let a = rows[i].0.kind.coef(inst, c);
            if a != 0 {
                e.add_mul(a as f64 / rows[i].0.scale as f64, yv[i]);
            }
        }
        model.add_constraint(e.geq(weights[j] as f64));
    }
    let solution = match model.solve() {
        Ok(s) => s,
        Err(ResolutionError::Infeasible) | Err(ResolutionError::Unbounded) => return Ok(None),
        Err(e) => return Err(solver_err(e)),
    };
    // Exact part: rounded row duals, then per-pair dual prices over ALL pairs.
    let y_int: Vec<i128> = yv
        .iter()
        .map(|&v| ((solution.value(v) * DUAL_DEN as f64).round() as i128).max(0))
        .collect();
    let mut row_index: HashMap<RowKind, usize> = HashMap::new();
    for (i, (row, _)) in rows.iter().enumerate() {
        row_index.insert(row.kind, i);
    }
    // Rows that a pair of programme p may hit.
    let mut prog_rows: Vec<Vec<usize>> = vec![Vec::new(); inst.progs.len()];
    for (i, (row, _)) in rows.iter().enumerate() {
        let p = match row.kind {
            RowKind::Cap(p)
            | RowKind::City(p, _)
            | RowKind::Country(p, _)
            | RowKind::Member(p)
            | RowKind::Gender(p, _) => p,
        };
        prog_rows[p].push(i);
    }
    let price = |j: usize| -> i128 {
        let pr = inst.pairs[j];
        let mut s: i128 = 0;
        for &i in &prog_rows[pr.prog] {
            let (row, _) = &rows[i];
            let a = row.kind.coef(inst, pr.cand) as i128;
            if a != 0 {
                s += a * y_int[i] * (SHARE_SCALE as i128 / row.scale as i128);
            }
        }
        s
    };
    let mut prices: Vec<i128> = vec![0; inst.pairs.len()];
    for &j in universe {
        prices[j] = price(j);
    }
    // Exact candidate duals: the least values keeping every universe pair
    // dual-feasible (never negative unless the candidate must be seated).
    let mut lambda: Vec<Option<i128>> = vec![None; inst.cands.len()];
    for &j in universe {
        let pr = inst.pairs[j];
        let need = weights[j] as i128 * BOUND_UNIT - prices[j];
        let need = if exact { need } else { need.max(0) };
        lambda[pr.cand] = Some(lambda[pr.cand].map_or(need, |l| l.max(need)));
    }
    let mut ub: i128 = lambda.iter().flatten().sum();
    for (i, (row, _)) in rows.iter().enumerate() {
        ub += row.rhs as i128 * y_int[i] * (SHARE_SCALE as i128 / row.scale as i128);
    }
    let mut reduced = vec![0i128; inst.pairs.len()];
    for &j in universe {
        let pr = inst.pairs[j];
        reduced[j] = lambda[pr.cand].unwrap_or(0) + prices[j] - weights[j] as i128 * BOUND_UNIT;
    }
    let _ = row_index;
    Ok(Some(DualBound { ub, reduced }))
}
