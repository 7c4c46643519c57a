#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Medium instances: the proven reduction agrees with the whole model, no
//! rule is broken, and the answer is reproducible.

mod common;

use std::collections::HashMap;

use miti_selection::{Output, SolveOptions, Status, solve_with};

fn seats(out: &Output) -> Vec<(String, Option<String>)> {
    out.candidates
        .iter()
        .map(|c| {
            (
                c.id.clone(),
                if c.status == Status::Selected {
                    c.programme.clone()
                } else {
                    None
                },
            )
        })
        .collect()
}

#[test]
fn reduction_matches_whole_model_on_a_cycle() {
    let input = common::cycle_instance(4, 800, 11);
    let whole = solve_with(
        &input,
        &SolveOptions {
            reduce_above_pairs: usize::MAX,
            ..Default::default()
        },
    )
    .unwrap();
    let reduced = solve_with(
        &input,
        &SolveOptions {
            reduce_above_pairs: 0,
            core_per_class: None,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(whole.optimal && reduced.optimal);
    assert_eq!(whole.stats.pairs_in_core, whole.stats.pairs_total);
    assert!(
        reduced.stats.pairs_in_core < reduced.stats.pairs_total,
        "{:?}",
        reduced.stats
    );
    assert!(
        reduced.stats.bound_checks_passed >= 1,
        "{:?}",
        reduced.stats
    );
    assert_eq!(whole.objective_fixed, reduced.objective_fixed);
    assert_eq!(whole.rank_sum, reduced.rank_sum);
    assert_eq!(seats(&whole), seats(&reduced));
    assert_eq!(whole.programmes, reduced.programmes);

    // Independent rule check of every cohort.
    let idx: HashMap<&str, usize> = input
        .candidates
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    for (p, prog) in input.programmes.iter().enumerate() {
        let cohort: Vec<usize> = whole.programmes[p]
            .selected
            .iter()
            .map(|c| idx[c.as_str()])
            .collect();
        assert!(common::cohort_ok(&input, prog, &cohort), "{}", prog.id);
        assert_eq!(cohort.len(), 15, "{} is not full", prog.id);
    }
    // Every candidate has an explanation.
    assert!(
        whole
            .candidates
            .iter()
            .all(|c| !c.reason.is_empty() && !c.reason_code.is_empty())
    );
}

#[test]
fn single_programme_is_reproducible() {
    let input = common::single_instance(400, 3);
    let a = solve_with(&input, &SolveOptions::default()).unwrap();
    let b = solve_with(&input, &SolveOptions::default()).unwrap();
    assert!(a.optimal);
    assert_eq!(a.programmes, b.programmes);
    assert_eq!(a.candidates, b.candidates);
    assert_eq!(a.programmes[0].selected.len(), 15);
    assert_eq!(a.programmes[0].waitlist.len(), 15);
}
