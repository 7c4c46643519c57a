#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The command-line contracts: `suggest` JSON and `judge` CSV.

use miti_sdg::{Sdg, SdgError, judge_command, suggest_command};
use serde_json::Value;

fn suggest_json(text: &str) -> Vec<Value> {
    let mut out = Vec::new();
    suggest_command(text.as_bytes(), &mut out).unwrap();
    let s = String::from_utf8(out).unwrap();
    assert!(s.ends_with('\n'));
    serde_json::from_str::<Value>(&s)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn suggest_prints_goals_best_first_with_evidence() {
    let v = suggest_json(
        "Municipal water supply and wastewater treatment: managing drinking water \
         utilities, sewerage and sanitation services for growing cities.",
    );
    assert!(!v.is_empty());
    assert_eq!(v[0]["goal"], 6);
    let mut last = f64::INFINITY;
    for s in &v {
        let goal = s["goal"].as_u64().unwrap();
        assert!((1..=17).contains(&goal));
        let score = s["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score));
        assert!(score <= last, "not best first");
        last = score;
        let ev = s["evidence"].as_array().unwrap();
        assert!(!ev.is_empty());
        assert!(ev.iter().all(|e| e.is_string()));
    }
    let ev: Vec<&str> = v[0]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect();
    assert!(ev.contains(&"wastewater"), "{ev:?}");
    assert!(ev.contains(&"water supply"), "{ev:?}");
    let targets: Vec<&str> = v[0]["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect();
    assert!(targets.iter().all(|t| t.starts_with("6.")), "{targets:?}");
}

#[test]
fn suggest_on_unrelated_or_empty_text_is_an_empty_array() {
    assert!(suggest_json("").is_empty());
    assert!(suggest_json("The quick brown fox jumps over the lazy dog.").is_empty());
}

#[test]
fn suggest_finds_other_goals() {
    let cases = [
        (
            "Training for school teachers on early childhood education, literacy and numeracy in primary schools.",
            4,
        ),
        (
            "Reducing greenhouse gas emissions: city climate change mitigation and adaptation plans.",
            13,
        ),
        (
            "Gender equality: ending violence against women and girls and women's participation in local councils.",
            5,
        ),
        (
            "Rooftop solar photovoltaic systems and energy efficiency retrofits in public buildings, renewable energy for municipal electricity.",
            7,
        ),
    ];
    for (text, goal) in cases {
        let v = suggest_json(text);
        assert_eq!(
            v.first().map(|s| s["goal"].clone()),
            Some(goal.into()),
            "{text}: {v:?}"
        );
    }
}

#[test]
fn judge_reads_csv_and_prints_id_prediction() {
    let input = "id,text,sdg,label\n\
        a1,\"Access to safe drinking water, sanitation and wastewater treatment in slums.\",6,True\n\
        a2,\"Access to safe drinking water, sanitation and wastewater treatment in slums.\",14,False\n\
        a3,\"Central bank interest rates and the exchange rate.\",3,False\n";
    let mut out = Vec::new();
    judge_command(input.as_bytes(), &mut out).unwrap();
    let s = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines, ["id,prediction", "a1,true", "a2,false", "a3,false"]);
}

#[test]
fn judge_accepts_columns_in_any_order_without_label() {
    let input = "sdg,id,text\n6,x,\"Water utilities and sewerage tariffs.\"\n";
    let mut out = Vec::new();
    judge_command(input.as_bytes(), &mut out).unwrap();
    let s = String::from_utf8(out).unwrap();
    assert_eq!(s.lines().next(), Some("id,prediction"));
    assert!(s.lines().nth(1).unwrap().starts_with("x,"));
}

#[test]
fn judge_errors_name_row_and_column() {
    let input = "id,text,sdg\nr1,water,6\nr2,water,eighteen\n";
    let e = judge_command(input.as_bytes(), Vec::new()).unwrap_err();
    match &e {
        SdgError::Input { row, column, .. } => assert_eq!((*row, column.as_str()), (2, "sdg")),
        other => panic!("unexpected {other:?}"),
    }
    let msg = e.to_string();
    assert!(
        msg.contains("row 2") && msg.contains("sdg") && msg.contains("eighteen"),
        "{msg}"
    );

    let e = judge_command("id,text,sdg\nr1,water,0\n".as_bytes(), Vec::new()).unwrap_err();
    assert!(e.to_string().contains("row 1, column sdg"), "{e}");

    let e = judge_command("id,text\nr1,water\n".as_bytes(), Vec::new()).unwrap_err();
    assert!(e.to_string().contains("missing column \"sdg\""), "{e}");

    let e = judge_command("id,text,sdg\nr1,water\n".as_bytes(), Vec::new()).unwrap_err();
    assert!(matches!(e, SdgError::Input { row: 1, .. }), "{e}");

    // Text that is not UTF-8 names its column too (found by the CSV
    // properties; it used to say "column (record)").
    let e = judge_command(&b"id,text,sdg\nr1,water,6\nr2,\xff,6\n"[..], Vec::new()).unwrap_err();
    assert!(e.to_string().starts_with("row 2, column text:"), "{e}");
    let e = judge_command(&b"id,text,sdg\nr1,water,6,\xff\n"[..], Vec::new()).unwrap_err();
    assert!(e.to_string().starts_with("row 1, column 4:"), "{e}");
}

#[test]
fn judge_api_rejects_bad_goal() {
    let sdg = Sdg::get().unwrap();
    assert!(matches!(
        sdg.judge("water", 0),
        Err(SdgError::UnknownGoal(0))
    ));
    assert!(
        sdg.judge("Wastewater treatment and drinking water supply", 6)
            .unwrap()
    );
    let p = sdg
        .probability("Wastewater treatment and drinking water supply", 6)
        .unwrap();
    assert!((0.0..=1.0).contains(&p));
}
