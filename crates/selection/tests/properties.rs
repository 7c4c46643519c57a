#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Property tests against an independent brute-force reference.

mod common;

use std::collections::{BTreeMap, HashMap};

use miti_selection::{
    Candidate, Input, Programme, Selection, Status, promote_after_withdrawal, solve,
};
use proptest::prelude::*;

fn programme_strategy(id: String) -> impl Strategy<Value = Programme> {
    (
        prop_oneof![1 => Just(0i64), 8 => 1i64..4],
        prop_oneof![4 => Just(None), 1 => Just(Some(0.0)), 2 => Just(Some(0.5)), 2 => Just(Some(0.6)), 1 => Just(Some(1.0))],
        prop_oneof![3 => Just(None), 1 => Just(Some(1i64)), 1 => Just(Some(2))],
        prop_oneof![3 => Just(None), 1 => Just(Some(1i64)), 1 => Just(Some(2))],
        prop_oneof![4 => Just(None), 1 => Just(Some(1i64)), 2 => Just(Some(2)), 1 => Just(Some(3))],
        prop_oneof![
            4 => Just(BTreeMap::new()),
            2 => Just(BTreeMap::from([("f".to_string(), 0.5)])),
            2 => Just(BTreeMap::from([("f".to_string(), 0.34)])),
            1 => Just(BTreeMap::from([("f".to_string(), 0.5), ("m".to_string(), 0.5)])),
            1 => Just(BTreeMap::from([("f".to_string(), 0.7), ("m".to_string(), 0.7)])),
        ],
    )
        .prop_map(
            move |(capacity, member, city, country, regions, genders)| Programme {
                id: id.clone(),
                capacity,
                min_member_share: member,
                max_per_city: city,
                max_per_country: country,
                min_regions: regions,
                min_gender_share: genders,
                waitlist_size: None,
            },
        )
}

fn candidate_strategy(n_prog: usize) -> impl Strategy<Value = Candidate> {
    (
        prop::sample::select(vec![10.0, 10.5, 12.0, 7.25, 0.0, -1.0, 12.0, 10.0]),
        0usize..4,
        0usize..3,
        any::<bool>(),
        prop::sample::select(vec!["f", "m", "f", "m", "x"]),
        prop::bool::weighted(0.9),
        Just((0..n_prog).collect::<Vec<_>>()).prop_shuffle(),
        prop_oneof![1 => Just(0usize), 6 => 1usize..=n_prog],
    )
        .prop_map(
            |(score, city, region, member, gender, eligible, order, k)| {
                // Cities 0,1 in country A; 2,3 in country B.
                Candidate {
                    id: String::new(),
                    score,
                    city: format!("city{city}"),
                    country: if city < 2 { "A".into() } else { "B".into() },
                    region: format!("R{region}"),
                    member,
                    gender: gender.to_string(),
                    eligible,
                    preferences: order.into_iter().take(k).map(|p| format!("P{p}")).collect(),
                }
            },
        )
}

fn instance_strategy() -> impl Strategy<Value = Input> {
    (1usize..=3).prop_flat_map(|n_prog| {
        let progs: Vec<_> = (0..n_prog)
            .map(|p| programme_strategy(format!("P{p}")))
            .collect();
        (
            progs,
            prop::collection::vec(candidate_strategy(n_prog), 1..=7),
            Just(()).prop_perturb(|_, mut rng| {
                // Random but reproducible candidate id order.
                let mut ids: Vec<u32> = (0..7).collect();
                for i in (1..ids.len()).rev() {
                    let j = (rng.next_u32() as usize) % (i + 1);
                    ids.swap(i, j);
                }
                ids
            }),
        )
            .prop_map(|(programmes, mut candidates, ids)| {
                for (i, c) in candidates.iter_mut().enumerate() {
                    c.id = format!("c{}", ids[i]);
                }
                Input {
                    programmes,
                    candidates,
                    overrides: vec![],
                }
            })
    })
}

fn assignment(input: &Input, out: &miti_selection::Output) -> Vec<Option<usize>> {
    let pidx: HashMap<&str, usize> = input
        .programmes
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    out.candidates
        .iter()
        .map(|c| {
            if c.status == Status::Selected {
                c.programme.as_deref().map(|p| pidx[p])
            } else {
                None
            }
        })
        .collect()
}

fn score_rank(input: &Input, a: &[Option<usize>]) -> (i64, i64) {
    let mut s = 0;
    let mut r = 0;
    for (c, p) in a.iter().enumerate() {
        if let Some(p) = p {
            let cd = &input.candidates[c];
            s += (cd.score * 10_000.0).round() as i64;
            r += cd
                .preferences
                .iter()
                .position(|x| *x == input.programmes[*p].id)
                .unwrap() as i64
                + 1;
        }
    }
    (s, r)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, max_shrink_iters: 200, ..ProptestConfig::default() })]

    /// Objective, rank sum and the id tie-break all equal the brute-force
    /// optimum, and no rule is ever broken.
    #[test]
    fn matches_brute_force(input in instance_strategy()) {
        let out = solve(&input).unwrap();
        prop_assert!(out.optimal);
        let got = assignment(&input, &out);
        let want = common::brute_force(&input);
        // The proven reduction (tiny initial core, grown until the exact
        // dual bound certifies it) gives the very same answer.
        let reduced = miti_selection::solve_with(&input, &miti_selection::SolveOptions {
            reduce_above_pairs: 0,
            core_per_class: Some(1),
            ..Default::default()
        }).unwrap();
        prop_assert!(reduced.optimal);
        prop_assert_eq!(&assignment(&input, &reduced), &got);
        let (gs, gr) = score_rank(&input, &got);
        let (ws, wr) = score_rank(&input, &want);
        prop_assert_eq!(out.objective_fixed, gs);
        prop_assert_eq!(out.rank_sum, gr);
        prop_assert_eq!((gs, gr), (ws, wr), "objective or rank sum differs from brute force");
        prop_assert_eq!(&got, &want, "id tie-break differs from brute force");
        for (p, prog) in input.programmes.iter().enumerate() {
            let cohort: Vec<usize> = (0..got.len()).filter(|&c| got[c] == Some(p)).collect();
            prop_assert!(common::cohort_ok(&input, prog, &cohort), "rule broken in {}", prog.id);
            // Selected candidates are eligible and listed the programme.
            for &c in &cohort {
                prop_assert!(input.candidates[c].eligible);
                prop_assert!(input.candidates[c].preferences.contains(&prog.id));
            }
            prop_assert!(out.programmes[p].violations.iter().all(|v| v.kind != "broken"));
        }
    }

    /// Reordering the input never changes the result (ties are broken by id).
    #[test]
    fn deterministic_under_permutation(input in instance_strategy(), seed in any::<u64>()) {
        let a = solve(&input).unwrap();
        let mut shuffled = input.clone();
        let mut rng = common::Rng::new(seed);
        for i in (1..shuffled.candidates.len()).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            shuffled.candidates.swap(i, j);
        }
        shuffled.programmes.reverse();
        let b = solve(&shuffled).unwrap();
        let sel = |o: &miti_selection::Output| -> BTreeMap<String, Option<String>> {
            o.candidates.iter().map(|c| (c.id.clone(), if c.status == Status::Selected { c.programme.clone() } else { None })).collect()
        };
        prop_assert_eq!(sel(&a), sel(&b));
        prop_assert_eq!(a.rank_sum, b.rank_sum);
        prop_assert_eq!(a.objective_fixed, b.objective_fixed);
        // Same input, same output (explanations included).
        let again = solve(&input).unwrap();
        prop_assert_eq!(a.candidates, again.candidates);
        prop_assert_eq!(a.programmes, again.programmes);
    }

    /// Promotion after any withdrawal keeps every rule.
    #[test]
    fn promotion_keeps_rules(input in instance_strategy()) {
        let out = solve(&input).unwrap();
        let sel = Selection::from(&out);
        let cidx: HashMap<&str, usize> = input.candidates.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
        for (p, prog) in out.programmes.iter().enumerate() {
            for w in &prog.selected {
                let promo = promote_after_withdrawal(&input, &sel, w).unwrap();
                prop_assert_eq!(&promo.programme, &prog.id);
                let mut cohort: Vec<usize> = prog.selected.iter().filter(|c| *c != w).map(|c| cidx[c.as_str()]).collect();
                if let Some(new) = &promo.promoted {
                    let c = cidx[new.as_str()];
                    prop_assert!(out.candidates[c].status != Status::Selected, "promoted a seated candidate");
                    prop_assert!(input.candidates[c].eligible);
                    prop_assert!(input.candidates[c].preferences.contains(&prog.id));
                    cohort.push(c);
                    prop_assert!(common::cohort_ok(&input, &input.programmes[p], &cohort),
                        "promotion of {} after {} breaks {:?}", new, w, common::rule_breaks(&input, &input.programmes[p], &cohort));
                } else {
                    // Nobody on the waitlist fits.
                    for cand in &prog.waitlist {
                        let mut t = cohort.clone();
                        t.push(cidx[cand.as_str()]);
                        prop_assert!(!common::cohort_ok(&input, &input.programmes[p], &t));
                    }
                }
                // The first waitlisted candidate that fits is the one promoted.
                if let Some(first_fit) = prog.waitlist.iter().find(|cand| {
                    let mut t = prog.selected.iter().filter(|c| *c != w).map(|c| cidx[c.as_str()]).collect::<Vec<_>>();
                    t.push(cidx[cand.as_str()]);
                    common::cohort_ok(&input, &input.programmes[p], &t)
                }) {
                    prop_assert_eq!(promo.promoted.as_deref(), Some(first_fit.as_str()));
                }
            }
        }
    }

    /// The JSON contract round-trips.
    #[test]
    fn json_round_trip(input in instance_strategy()) {
        let text = serde_json::to_string(&input).unwrap();
        let back: Input = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&back, &input);
        let out_text = miti_selection::solve_json(&text).unwrap();
        let out: miti_selection::Output = serde_json::from_str(&out_text).unwrap();
        let again = serde_json::to_string_pretty(&out).unwrap();
        prop_assert_eq!(out_text, again);
        prop_assert_eq!(out.candidates.len(), input.candidates.len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Overrides are honoured; the optimiser never breaks a rule that the
    /// forced seats alone keep, and every broken rule is reported.
    #[test]
    fn overrides_are_honoured(input in instance_strategy(), forced in prop::collection::vec((0usize..7, 0usize..4), 0..3)) {
        let mut input = input;
        let mut used = std::collections::BTreeSet::new();
        for (c, p) in forced {
            if c >= input.candidates.len() || !used.insert(c) {
                continue;
            }
            let programme = (p < input.programmes.len()).then(|| input.programmes[p].id.clone());
            input.overrides.push(miti_selection::Override { candidate: input.candidates[c].id.clone(), programme, reason: "staff".into() });
        }
        let out = solve(&input).unwrap();
        let got = assignment(&input, &out);
        let cidx: HashMap<&str, usize> = input.candidates.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
        let pidx: HashMap<&str, usize> = input.programmes.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
        let mut forced_in: Vec<Vec<usize>> = vec![Vec::new(); input.programmes.len()];
        for o in &input.overrides {
            let c = cidx[o.candidate.as_str()];
            match &o.programme {
                Some(p) => {
                    prop_assert_eq!(got[c], Some(pidx[p.as_str()]));
                    forced_in[pidx[p.as_str()]].push(c);
                }
                None => prop_assert_eq!(got[c], None),
            }
        }
        for (p, prog) in input.programmes.iter().enumerate() {
            let cohort: Vec<usize> = (0..got.len()).filter(|&c| got[c] == Some(p)).collect();
            let broken: std::collections::BTreeSet<&str> = common::rule_breaks(&input, prog, &cohort).into_iter().collect();
            let by_forced: std::collections::BTreeSet<&str> = common::rule_breaks(&input, prog, &forced_in[p]).into_iter().collect();
            prop_assert!(broken.is_subset(&by_forced), "{}: broken {:?} but forced seats alone break {:?}", prog.id, broken, by_forced);
            let reported: std::collections::BTreeSet<&str> = out.programmes[p].violations.iter()
                .filter(|v| v.kind == "broken").map(|v| v.rule.as_str()).collect();
            prop_assert_eq!(&broken, &reported);
            prop_assert!(out.programmes[p].violations.iter().filter(|v| v.kind == "broken").all(|v| v.caused_by_override));
        }
    }
}
