#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Unit tests of explanations, violations, overrides and waitlists on
//! small hand-made instances.

use std::collections::BTreeMap;

use miti_selection::{
    Candidate, CandidateResult, Input, Output, Override, Programme, Status, solve,
};
use serde_json::json;

fn prog(id: &str, capacity: i64) -> Programme {
    Programme {
        id: id.into(),
        capacity,
        min_member_share: None,
        max_per_city: None,
        max_per_country: None,
        min_regions: None,
        min_gender_share: BTreeMap::new(),
        waitlist_size: Some(0),
    }
}

fn cand(id: &str, score: f64, city: &str, prefs: &[&str]) -> Candidate {
    Candidate {
        id: id.into(),
        score,
        city: city.into(),
        country: format!("{city}-land"),
        region: "Africa".into(),
        member: true,
        gender: "f".into(),
        eligible: true,
        preferences: prefs.iter().map(|p| p.to_string()).collect(),
    }
}

fn input(programmes: Vec<Programme>, candidates: Vec<Candidate>) -> Input {
    Input {
        programmes,
        candidates,
        overrides: vec![],
    }
}

fn who<'a>(out: &'a Output, id: &str) -> &'a CandidateResult {
    out.candidates.iter().find(|c| c.id == id).unwrap()
}

fn selected(out: &Output, p: &str) -> Vec<String> {
    let mut v = out
        .programmes
        .iter()
        .find(|x| x.id == p)
        .unwrap()
        .selected
        .clone();
    v.sort();
    v
}

#[test]
fn lower_score_names_both_scores() {
    let out = solve(&input(
        vec![prog("P1", 1)],
        vec![
            cand("a", 74.0, "Dakar", &["P1"]),
            cand("b", 71.5, "Lima", &["P1"]),
        ],
    ))
    .unwrap();
    let a = who(&out, "a");
    assert_eq!(a.status, Status::Selected);
    assert_eq!(a.reason_code, "selected");
    assert_eq!(a.reason, "Selected for their first choice P1");
    let b = who(&out, "b");
    assert_eq!(b.status, Status::NotSelected);
    assert_eq!(b.reason_code, "lower_score");
    assert!(
        b.reason
            .contains("lower score than the last selected in P1 (71.5 < 74.0)"),
        "{}",
        b.reason
    );
    assert_eq!(b.reason_params["score"], json!(71.5));
    assert_eq!(b.reason_params["last_selected_score"], json!(74.0));
}

#[test]
fn city_cap_names_the_city() {
    let mut p = prog("P1", 3);
    p.max_per_city = Some(2);
    let out = solve(&input(
        vec![p],
        vec![
            cand("a", 90.0, "Dakar", &["P1"]),
            cand("b", 85.0, "Dakar", &["P1"]),
            cand("c", 80.0, "Dakar", &["P1"]),
            cand("d", 70.0, "Paris", &["P1"]),
        ],
    ))
    .unwrap();
    assert_eq!(selected(&out, "P1"), vec!["a", "b", "d"]);
    let c = who(&out, "c");
    assert_eq!(c.reason_code, "city_cap");
    assert!(
        c.reason
            .contains("city cap of 2 in P1 reached by higher-scored candidates from Dakar"),
        "{}",
        c.reason
    );
    assert_eq!(c.reason_params["by"], json!(["a", "b"]));
}

#[test]
fn member_share_rule_is_named() {
    let mut p = prog("P1", 2);
    p.min_member_share = Some(0.5);
    let mut a = cand("a", 90.0, "Oslo", &["P1"]);
    a.member = false;
    let mut b = cand("b", 85.0, "Rome", &["P1"]);
    b.member = false;
    let c = cand("c", 60.0, "Pune", &["P1"]);
    let out = solve(&input(vec![p], vec![a, b, c])).unwrap();
    assert_eq!(selected(&out, "P1"), vec!["a", "c"]);
    let b = who(&out, "b");
    assert_eq!(b.reason_code, "member_share");
    assert!(b.reason.contains("member share rule"), "{}", b.reason);
}

#[test]
fn gender_and_region_rules_are_named() {
    let mut p = prog("P1", 2);
    p.min_gender_share = BTreeMap::from([("m".to_string(), 0.5)]);
    let a = cand("a", 90.0, "Oslo", &["P1"]);
    let b = cand("b", 85.0, "Rome", &["P1"]);
    let mut c = cand("c", 60.0, "Pune", &["P1"]);
    c.gender = "m".into();
    let out = solve(&input(vec![p], vec![a, b, c])).unwrap();
    assert_eq!(selected(&out, "P1"), vec!["a", "c"]);
    assert_eq!(who(&out, "b").reason_code, "gender_share");

    let mut p = prog("P1", 2);
    p.min_regions = Some(2);
    let a = cand("a", 90.0, "Oslo", &["P1"]);
    let b = cand("b", 85.0, "Rome", &["P1"]);
    let mut c = cand("c", 60.0, "Pune", &["P1"]);
    c.region = "Asia".into();
    let out = solve(&input(vec![p], vec![a, b, c])).unwrap();
    assert_eq!(selected(&out, "P1"), vec!["a", "c"]);
    let b = who(&out, "b");
    assert_eq!(b.reason_code, "region_rule");
    assert_eq!(b.reason_params["min_regions"], json!(2));
}

#[test]
fn ineligible_and_second_choice() {
    let mut x = cand("x", 99.0, "Oslo", &["P1"]);
    x.eligible = false;
    let out = solve(&input(
        vec![prog("P1", 1), prog("P2", 1)],
        vec![
            x,
            cand("a", 80.0, "Rome", &["P1", "P2"]),
            cand("b", 70.0, "Pune", &["P1", "P2"]),
        ],
    ))
    .unwrap();
    let x = who(&out, "x");
    assert_eq!(x.status, Status::Ineligible);
    assert_eq!(x.reason_code, "not_eligible");
    assert_eq!(x.programme, None);
    // a and b both rank P1 first: the tie in rank sum is broken by id (a first).
    assert_eq!(who(&out, "a").programme.as_deref(), Some("P1"));
    let b = who(&out, "b");
    assert_eq!(b.programme.as_deref(), Some("P2"));
    assert!(
        b.reason.starts_with("Selected for their second choice P2"),
        "{}",
        b.reason
    );
    assert!(
        b.reason
            .contains("lower score than the last selected in P1 (70.0 < 80.0)"),
        "{}",
        b.reason
    );
    assert_eq!(b.reason_params["rank"], json!(2));
    assert_eq!(out.rank_sum, 3);
    assert_eq!(out.objective, 150.0);
}

#[test]
fn waitlist_positions() {
    let mut p = prog("P1", 1);
    p.waitlist_size = Some(2);
    let out = solve(&input(
        vec![p],
        vec![
            cand("a", 90.0, "Oslo", &["P1"]),
            cand("b", 80.0, "Rome", &["P1"]),
            cand("c", 85.0, "Pune", &["P1"]),
            cand("d", 70.0, "Lima", &["P1"]),
        ],
    ))
    .unwrap();
    assert_eq!(out.programmes[0].waitlist, vec!["c", "b"]);
    let c = who(&out, "c");
    assert_eq!(c.status, Status::Waitlisted);
    assert_eq!(c.reason_code, "waitlisted");
    assert_eq!(c.reason_params["position"], json!(1));
    assert!(
        c.reason.starts_with("Waitlisted at position 1 for P1"),
        "{}",
        c.reason
    );
    assert_eq!(who(&out, "b").reason_params["position"], json!(2));
    assert_eq!(who(&out, "d").status, Status::NotSelected);
}

#[test]
fn unattainable_rules_are_reported_with_shortfall() {
    let mut p = prog("P1", 3);
    p.min_regions = Some(3);
    let mut b = cand("b", 80.0, "Rome", &["P1"]);
    b.region = "Europe".into();
    let out = solve(&input(vec![p], vec![cand("a", 90.0, "Oslo", &["P1"]), b])).unwrap();
    assert!(out.programmes[0].selected.is_empty());
    let v = &out.programmes[0].violations;
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].rule, "min_regions");
    assert_eq!(v[0].kind, "unattainable");
    assert_eq!(v[0].shortfall, 1);
    let a = who(&out, "a");
    assert_eq!(a.reason_code, "programme_rules_unattainable");
    assert_eq!(a.reason_params["rule"], json!("min_regions"));

    let mut p = prog("P1", 3);
    p.min_gender_share = BTreeMap::from([("f".to_string(), 0.6), ("m".to_string(), 0.6)]);
    let mut b = cand("b", 80.0, "Rome", &["P1"]);
    b.gender = "m".into();
    let out = solve(&input(vec![p], vec![cand("a", 90.0, "Oslo", &["P1"]), b])).unwrap();
    assert!(out.programmes[0].selected.is_empty());
    let v = &out.programmes[0].violations;
    assert!(
        v.iter()
            .all(|v| v.rule == "min_gender_share" && v.kind == "unattainable"),
        "{v:?}"
    );
    assert!(!v.is_empty());
}

#[test]
fn member_share_limits_cohort() {
    let mut p = prog("P1", 5);
    p.min_member_share = Some(0.6);
    let mut cs = Vec::new();
    for i in 0..8 {
        let mut c = cand(
            &format!("c{i}"),
            50.0 + i as f64,
            &format!("City{i}"),
            &["P1"],
        );
        c.member = i < 2;
        cs.push(c);
    }
    let out = solve(&input(vec![p], cs)).unwrap();
    assert_eq!(out.programmes[0].selected.len(), 3);
    let v = &out.programmes[0].violations[0];
    assert_eq!(v.rule, "min_member_share");
    assert_eq!(v.kind, "limits_cohort");
    assert_eq!(v.params["max_cohort"], json!(3));
    assert_eq!(v.params["needed"], json!(3));
    assert_eq!(v.shortfall, 1);
}

#[test]
fn overrides_are_honoured_and_reported() {
    let mut p = prog("P1", 3);
    p.max_per_city = Some(1);
    let mut inp = input(
        vec![p],
        vec![
            cand("a", 90.0, "Dakar", &["P1"]),
            cand("b", 50.0, "Dakar", &["P1"]),
            cand("c", 80.0, "Lima", &["P1"]),
            cand("d", 70.0, "Pune", &["P1"]),
        ],
    );
    inp.overrides = vec![
        Override {
            candidate: "b".into(),
            programme: Some("P1".into()),
            reason: "host city guest".into(),
        },
        Override {
            candidate: "c".into(),
            programme: None,
            reason: "withdrew by phone".into(),
        },
    ];
    let out = solve(&inp).unwrap();
    // b is forced; a (same city) cannot join; c is excluded; d fills up.
    assert_eq!(selected(&out, "P1"), vec!["b", "d"]);
    let b = who(&out, "b");
    assert_eq!(b.reason_code, "override_selected");
    assert!(b.reason.contains("host city guest"));
    let c = who(&out, "c");
    assert_eq!(c.reason_code, "override_excluded");
    assert_eq!(c.status, Status::NotSelected);
    assert_eq!(who(&out, "a").reason_code, "city_cap");
    // The city cap keeps the third seat empty (a is the only one left).
    let v = &out.programmes[0].violations;
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(
        (v[0].rule.as_str(), v[0].kind.as_str()),
        ("max_per_city", "limits_cohort")
    );
    assert!(!v[0].caused_by_override);

    // Forcing two from Dakar breaks the city cap: reported, not refused.
    inp.overrides.push(Override {
        candidate: "a".into(),
        programme: Some("P1".into()),
        reason: "board decision".into(),
    });
    let out = solve(&inp).unwrap();
    assert_eq!(selected(&out, "P1"), vec!["a", "b", "d"]);
    let v = &out.programmes[0].violations;
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].rule, "max_per_city");
    assert_eq!(v[0].kind, "broken");
    assert!(v[0].caused_by_override);
    assert_eq!(v[0].shortfall, 1);
}
