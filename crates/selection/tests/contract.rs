#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The JSON contract: field names, error messages naming the bad field.

use miti_selection::{SelectionError, solve, solve_json};
use serde_json::{Value, json};

fn base() -> Value {
    json!({
        "programmes": [
            {"id": "P1", "capacity": 2, "min_member_share": 0.5, "max_per_city": 1,
             "max_per_country": 2, "min_regions": 1, "min_gender_share": {"f": 0.5}},
            {"id": "P2", "capacity": 1}
        ],
        "candidates": [
            {"id": "c1", "score": 80.5, "city": "Dakar", "country": "SN", "region": "Africa",
             "member": true, "gender": "f", "eligible": true, "preferences": ["P1", "P2"]},
            {"id": "c2", "score": 75.25, "city": "Lima", "country": "PE", "region": "LatAm",
             "member": false, "gender": "m", "eligible": true, "preferences": ["P1"]},
            {"id": "c3", "score": 60, "city": "Pune", "country": "IN", "region": "Asia",
             "member": true, "gender": "m", "eligible": false, "preferences": ["P2"]}
        ]
    })
}

fn err(v: Value) -> String {
    solve_json(&v.to_string()).unwrap_err().to_string()
}

#[test]
fn output_has_the_contract_fields() {
    let out: Value = serde_json::from_str(&solve_json(&base().to_string()).unwrap()).unwrap();
    assert_eq!(out["optimal"], json!(true));
    assert_eq!(out["objective"], json!(155.75));
    assert_eq!(out["rank_sum"], json!(2));
    let p1 = &out["programmes"][0];
    assert_eq!(p1["id"], json!("P1"));
    assert_eq!(p1["selected"], json!(["c1", "c2"]));
    assert!(p1["waitlist"].is_array());
    assert!(p1["violations"].is_array());
    let c3 = &out["candidates"][2];
    assert_eq!(c3["id"], json!("c3"));
    assert_eq!(c3["programme"], Value::Null);
    assert_eq!(c3["status"], json!("ineligible"));
    assert!(c3["reason"].is_string());
    assert_eq!(c3["reason_code"], json!("not_eligible"));
    assert_eq!(out["candidates"][0]["status"], json!("selected"));
}

#[test]
fn optional_rules_may_be_absent() {
    let v = json!({"programmes": [{"id": "P", "capacity": 1}],
        "candidates": [{"id": "a", "score": 1, "city": "x", "country": "y", "region": "z",
            "member": false, "gender": "", "eligible": true, "preferences": ["P"]}]});
    let out = solve(&serde_json::from_value(v).unwrap()).unwrap();
    assert_eq!(out.programmes[0].selected, vec!["a"]);
}

#[test]
fn bad_input_names_the_field() {
    let mut v = base();
    v["candidates"][1]["id"] = json!("c1");
    assert!(err(v).contains("candidates[1].id: duplicate candidate id \"c1\""));

    let mut v = base();
    v["programmes"][1]["id"] = json!("P1");
    assert!(err(v).contains("programmes[1].id: duplicate programme id"));

    let mut v = base();
    v["candidates"][0]["preferences"] = json!(["P1", "P9"]);
    let e = err(v);
    assert!(
        e.contains("candidates[0].preferences[1]: unknown programme \"P9\""),
        "{e}"
    );

    let mut v = base();
    v["candidates"][0]["preferences"] = json!(["P1", "P1"]);
    assert!(err(v).contains("listed twice"));

    let mut v = base();
    v["programmes"][0]["min_member_share"] = json!(1.5);
    let e = err(v);
    assert!(
        e.contains("programmes[0].min_member_share: share must be within 0..=1 (got 1.5)"),
        "{e}"
    );

    let mut v = base();
    v["programmes"][0]["min_gender_share"] = json!({"f": -0.1});
    assert!(err(v).contains("programmes[0].min_gender_share.f"));

    let mut v = base();
    v["programmes"][0]["capacity"] = json!(-1);
    let e = err(v);
    assert!(
        e.contains("programmes[0].capacity: must be at least 0 (got -1)"),
        "{e}"
    );

    let mut v = base();
    v["programmes"][0]["max_per_city"] = json!(-2);
    assert!(err(v).contains("programmes[0].max_per_city"));

    let mut v = base();
    v["candidates"][0]["score"] = json!(2e7);
    assert!(err(v).contains("candidates[0].score"));

    let mut v = base();
    v["candidates"][0]["city"] = Value::Null;
    let e = err(v);
    assert!(e.contains("candidates[0].city: expected a string"), "{e}");

    let mut v = base();
    v["candidates"][2].as_object_mut().unwrap().remove("region");
    let e = err(v);
    assert!(
        e.contains("candidates[2]") && e.contains("missing field `region`"),
        "{e}"
    );

    let mut v = base();
    v["programmes"][0]["capacity"] = json!(2.5);
    let e = err(v);
    assert!(
        e.contains("programmes[0].capacity: expected an integer"),
        "{e}"
    );

    let mut v = base();
    v["programmes"][0]["capcity"] = json!(3);
    assert!(err(v).contains("unknown field `capcity`"));

    let mut v = base();
    v["overrides"] = json!([{"candidate": "c9", "programme": null, "reason": "x"}]);
    assert!(err(v).contains("overrides[0].candidate: unknown candidate \"c9\""));

    let mut v = base();
    v["overrides"] = json!([{"candidate": "c1", "programme": "P1", "reason": " "}]);
    assert!(err(v).contains("overrides[0].reason"));

    let mut v = base();
    v["overrides"] = json!([
        {"candidate": "c1", "programme": "P1", "reason": "a"},
        {"candidate": "c1", "programme": null, "reason": "b"}]);
    assert!(err(v).contains("overrides[1].candidate: more than one override"));

    assert!(matches!(
        solve_json("{not json"),
        Err(SelectionError::Json(_))
    ));
}

#[test]
fn non_finite_score_is_rejected() {
    let mut input: miti_selection::Input = serde_json::from_value(base()).unwrap();
    input.candidates[1].score = f64::NAN;
    let e = solve(&input).unwrap_err();
    assert_eq!(
        e,
        SelectionError::Invalid {
            field: "candidates[1].score".into(),
            message: "must be finite (got NaN)".into()
        }
    );
    input.candidates[1].score = f64::INFINITY;
    assert!(
        solve(&input)
            .unwrap_err()
            .to_string()
            .contains("candidates[1].score")
    );
}

#[test]
fn output_round_trips() {
    let text = solve_json(&base().to_string()).unwrap();
    let out: miti_selection::Output = serde_json::from_str(&text).unwrap();
    assert_eq!(serde_json::to_string_pretty(&out).unwrap(), text);
}

#[test]
fn decimal_scores_are_exact() {
    // 0.1 + 0.2 style sums must not drift: 3 x 33.3333 vs 99.9999.
    let v = json!({"programmes": [{"id": "P", "capacity": 3}, {"id": "Q", "capacity": 1}],
    "candidates": [
      {"id": "a", "score": 33.3333, "city": "x", "country": "y", "region": "z", "member": false, "gender": "", "eligible": true, "preferences": ["P"]},
      {"id": "b", "score": 33.3333, "city": "x", "country": "y", "region": "z", "member": false, "gender": "", "eligible": true, "preferences": ["P"]},
      {"id": "c", "score": 33.3333, "city": "x", "country": "y", "region": "z", "member": false, "gender": "", "eligible": true, "preferences": ["P"]},
      {"id": "d", "score": 0.1, "city": "x", "country": "y", "region": "z", "member": false, "gender": "", "eligible": true, "preferences": ["Q"]}
    ]});
    let out = solve(&serde_json::from_value(v).unwrap()).unwrap();
    assert_eq!(out.objective_fixed, 1_000_999);
    assert_eq!(out.objective, 100.0999);
}
