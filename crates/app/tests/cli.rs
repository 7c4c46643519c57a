//! The command-line contracts of `miti select` and `miti sdg`, through the
//! real binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

fn miti(args: &[&str], stdin: &str) -> (bool, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_miti"))
        .args(args)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn select_reads_and_writes_the_documented_json() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.json");
    let output = dir.path().join("out.json");
    // Three candidates for two seats; members must be at least 60%, so the
    // two members win over the higher-scored non-member.
    std::fs::write(&input, r#"{
      "programmes": [{"id": "water-2027", "capacity": 2, "min_member_share": 0.6, "max_per_city": 1}],
      "candidates": [
        {"id": "c1", "score": 90, "city": "Paris", "country": "FR", "region": "europe", "member": false, "gender": "f", "eligible": true, "preferences": ["water-2027"]},
        {"id": "c2", "score": 80, "city": "Dakar", "country": "SN", "region": "africa", "member": true, "gender": "m", "eligible": true, "preferences": ["water-2027"]},
        {"id": "c3", "score": 70, "city": "Cairo", "country": "EG", "region": "africa", "member": true, "gender": "f", "eligible": true, "preferences": ["water-2027"]}
      ]}"#).unwrap();
    let (ok, _, err) = miti(
        &[
            "select",
            "--input",
            input.to_str().unwrap(),
            "--output",
            output.to_str().unwrap(),
        ],
        "",
    );
    assert!(ok, "{err}");
    let out: Value = serde_json::from_str(&std::fs::read_to_string(&output).unwrap()).unwrap();
    assert_eq!(out["optimal"], true);
    assert_eq!(out["objective"].as_f64().unwrap(), 150.0);
    let mut selected: Vec<&str> = out["programmes"][0]["selected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    selected.sort();
    assert_eq!(selected, ["c2", "c3"]);
    let c1 = out["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "c1")
        .unwrap();
    assert_ne!(c1["status"], "selected");
    assert!(
        !c1["reason"].as_str().unwrap().is_empty(),
        "every candidate gets a reason"
    );
    // Bad input names the field.
    std::fs::write(
        &input,
        r#"{"programmes":[{"id":"p","capacity":-1}],"candidates":[]}"#,
    )
    .unwrap();
    let (ok, _, err) = miti(&["select", "--input", input.to_str().unwrap()], "");
    assert!(!ok);
    assert!(err.contains("capacity"), "{err}");
}

#[test]
fn sdg_suggest_and_judge_contracts() {
    let (ok, out, err) = miti(
        &["sdg", "suggest"],
        "Wastewater treatment and safe water supply for informal settlements",
    );
    assert!(ok, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["goal"], 6);
    assert!(v[0]["score"].as_f64().unwrap() > 0.5);
    assert!(!v[0]["evidence"].as_array().unwrap().is_empty());

    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("rows.csv");
    std::fs::write(&csv, "id,text,sdg\na,\"Access to safe drinking water and sanitation in cities\",6\nb,\"Access to safe drinking water and sanitation in cities\",16\n").unwrap();
    let (ok, out, err) = miti(&["sdg", "judge", "--input", csv.to_str().unwrap()], "");
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines, ["id,prediction", "a,true", "b,false"]);
    std::fs::write(&csv, "id,text,sdg\na,x,eighteen\n").unwrap();
    let (ok, _, err) = miti(&["sdg", "judge", "--input", csv.to_str().unwrap()], "");
    assert!(!ok && err.contains("sdg"), "{err}");
}
