#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Properties of the input parser ([`parse_input`], [`solve_json`]); the
//! engine's own properties are in `properties.rs`.
//!
//! * arbitrary bytes and arbitrary JSON never panic, and every error is a
//!   `Json` or an `Invalid` one whose field is a path into the document;
//! * every well-formed input parses, and parses back to itself from its
//!   JSON text;
//! * one bad value in an otherwise good input (negative capacity, share
//!   outside 0..=1, unknown or repeated preference, duplicate id, wrong
//!   type, unknown field) is refused by `parse_input` with an error naming
//!   exactly that field.

use std::collections::BTreeMap;

use miti_selection::{
    Candidate, Input, Override, Programme, SelectionError, parse_input, solve_json,
};
use proptest::prelude::*;
use serde_json::{Value, json};

/// The fields of programmes, candidates and overrides.
const FIELDS: &[&str] = &[
    "id",
    "capacity",
    "min_member_share",
    "max_per_city",
    "max_per_country",
    "min_regions",
    "min_gender_share",
    "waitlist_size",
    "score",
    "city",
    "country",
    "region",
    "member",
    "gender",
    "eligible",
    "preferences",
    "candidate",
    "programme",
    "reason",
];

/// Whether `field` is a path into an input document:
/// `section`, `section[i]`, `section[i].name`, `section[i].name[k]` or
/// `section[i].min_gender_share.<gender>`.
fn is_path(field: &str) -> bool {
    let Some((section, rest)) = ["programmes", "candidates", "overrides"]
        .iter()
        .find_map(|s| field.strip_prefix(s).map(|r| (*s, r)))
    else {
        return false;
    };
    if rest.is_empty() {
        return true;
    }
    let Some(rest) = rest.strip_prefix('[') else {
        return false;
    };
    let Some((index, rest)) = rest.split_once(']') else {
        return false;
    };
    if index.parse::<usize>().is_err() {
        return false;
    }
    if rest.is_empty() {
        return true;
    }
    let Some(rest) = rest.strip_prefix('.') else {
        return false;
    };
    if section == "programmes"
        && let Some(gender) = rest.strip_prefix("min_gender_share.")
    {
        let _ = gender; // any gender label, dots included
        return true;
    }
    let (name, tail) = match rest.split_once('[') {
        Some((n, t)) => (n, Some(t)),
        None => (rest, None),
    };
    FIELDS.contains(&name)
        && tail.is_none_or(|t| {
            t.strip_suffix(']')
                .is_some_and(|k| k.parse::<usize>().is_ok())
        })
}

fn check_error(e: &SelectionError) -> Result<(), TestCaseError> {
    match e {
        SelectionError::Json(m) => prop_assert!(!m.is_empty()),
        SelectionError::Invalid { field, message } => {
            prop_assert!(is_path(field), "not a path: {field:?}");
            prop_assert!(!message.is_empty());
        }
        other => prop_assert!(false, "parser answered {other:?}"),
    }
    Ok(())
}

/// Any JSON value, biased towards the shape of an input document.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        prop::sample::select(vec![-1.5, 0.0, 0.5, 1.0, 1.0000001, 2.0, 1e300, -1e7])
            .prop_map(Value::from),
        ".{0,8}".prop_map(Value::from),
        prop::sample::select(vec!["P0", "P1", "c0", "c1", "f", "m", ""]).prop_map(Value::from),
    ];
    let key = prop::sample::select(
        ["programmes", "candidates", "overrides", "f", "extra"]
            .iter()
            .chain(FIELDS)
            .copied()
            .collect::<Vec<_>>(),
    )
    .prop_map(String::from);
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map(key.clone(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Any text a person could type in a rule or a label, ids included.
fn label() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 _.-]{1,8}",
        "[\\u{0600}-\\u{06FF}\\u{AC00}-\\u{D7A3}]{1,6}",
        ".{0,6}",
    ]
}

fn share() -> impl Strategy<Value = f64> {
    prop_oneof![
        prop::sample::select(vec![0.0, 0.5, 1.0, 0.333_333, 1e-300, 5e-324]),
        0.0f64..=1.0,
    ]
}

fn programme(id: String) -> impl Strategy<Value = Programme> {
    (
        0i64..200,
        prop::option::of(share()),
        prop::option::of(0i64..10),
        prop::option::of(0i64..10),
        prop::option::of(0i64..6),
        prop::collection::btree_map(label(), share(), 0..3),
        prop::option::of(0i64..20),
    )
        .prop_map(
            move |(capacity, member, city, country, regions, genders, waitlist)| Programme {
                id: id.clone(),
                capacity,
                min_member_share: member,
                max_per_city: city,
                max_per_country: country,
                min_regions: regions,
                min_gender_share: genders,
                waitlist_size: waitlist,
            },
        )
}

fn candidate(id: String, programmes: Vec<String>) -> impl Strategy<Value = Candidate> {
    let n = programmes.len();
    (
        prop_oneof![
            -1e6f64..=1e6,
            prop::sample::select(vec![0.0, -0.0, 1e6, -1e6, 0.00005, 12.34565, 1e-9])
        ],
        (label(), label(), label(), label()),
        any::<bool>(),
        any::<bool>(),
        Just(programmes).prop_shuffle(),
        0..=n,
    )
        .prop_map(
            move |(score, (city, country, region, gender), member, eligible, prefs, k)| Candidate {
                id: id.clone(),
                score,
                city,
                country,
                region,
                member,
                gender,
                eligible,
                preferences: prefs.into_iter().take(k).collect(),
            },
        )
}

/// A well-formed input: unique non-blank ids, rules in range, preferences
/// among the programmes, at most one override per candidate.
fn input() -> impl Strategy<Value = Input> {
    (
        prop::collection::btree_set("[A-Za-z][A-Za-z0-9 가-힣]{0,5}", 1..4),
        prop::collection::btree_set("[a-z][a-z0-9-]{0,5}", 0..8),
    )
        .prop_flat_map(|(pids, cids)| {
            let pids: Vec<String> = pids.into_iter().collect();
            let progs: Vec<_> = pids.iter().map(|p| programme(p.clone())).collect();
            let cands: Vec<_> = cids
                .iter()
                .map(|c| candidate(c.clone(), pids.clone()))
                .collect();
            let n = cids.len();
            let overrides = prop::collection::btree_map(
                0..n.max(1),
                (
                    prop::option::of(prop::sample::select(pids.clone())),
                    "[a-z]{1,5}",
                ),
                0..=n.min(3),
            );
            (progs, cands, overrides)
        })
        .prop_map(|(programmes, candidates, overrides)| {
            let overrides = overrides
                .into_iter()
                .filter(|(c, _)| *c < candidates.len())
                .map(|(c, (programme, reason))| Override {
                    candidate: candidates[c].id.clone(),
                    programme,
                    reason,
                })
                .collect();
            Input {
                programmes,
                candidates,
                overrides,
            }
        })
}

/// One bad value put into a good document, and the field it must be
/// reported at.
fn break_one(doc: &mut Value, how: u8, pick: usize) -> Option<String> {
    let np = doc["programmes"].as_array().map_or(0, Vec::len);
    let nc = doc["candidates"].as_array().map_or(0, Vec::len);
    let p = pick % np.max(1);
    let c = pick % nc.max(1);
    match how {
        0 => {
            doc["programmes"][p]["capacity"] = json!(-1 - (pick % 5) as i64);
            Some(format!("programmes[{p}].capacity"))
        }
        1 => {
            doc["programmes"][p]["min_member_share"] = json!(if pick.is_multiple_of(2) {
                1.000_001
            } else {
                -0.25
            });
            Some(format!("programmes[{p}].min_member_share"))
        }
        2 => {
            doc["programmes"][p]["min_gender_share"] = json!({"f": 1.5});
            Some(format!("programmes[{p}].min_gender_share.f"))
        }
        3 => {
            let name = [
                "max_per_city",
                "max_per_country",
                "min_regions",
                "waitlist_size",
            ][pick % 4];
            doc["programmes"][p][name] = json!(-3);
            Some(format!("programmes[{p}].{name}"))
        }
        4 => {
            doc["programmes"][p]["capacity"] = json!("3");
            Some(format!("programmes[{p}].capacity"))
        }
        5 if np >= 2 => {
            let id = doc["programmes"][0]["id"].clone();
            doc["programmes"][np - 1]["id"] = id;
            Some(format!("programmes[{}].id", np - 1))
        }
        6 if nc >= 1 => {
            let prefs = doc["candidates"][c]["preferences"].as_array_mut()?;
            let k = prefs.len();
            prefs.push(json!("no such programme"));
            Some(format!("candidates[{c}].preferences[{k}]"))
        }
        7 if nc >= 1 && !doc["candidates"][c]["preferences"].as_array()?.is_empty() => {
            let prefs = doc["candidates"][c]["preferences"].as_array_mut()?;
            let k = prefs.len();
            let again = prefs[0].clone();
            prefs.push(again);
            Some(format!("candidates[{c}].preferences[{k}]"))
        }
        8 if nc >= 2 => {
            let id = doc["candidates"][0]["id"].clone();
            doc["candidates"][nc - 1]["id"] = id;
            Some(format!("candidates[{}].id", nc - 1))
        }
        9 if nc >= 1 => {
            doc["candidates"][c]["score"] = json!(if pick.is_multiple_of(2) {
                1_000_000.5
            } else {
                -2e6
            });
            Some(format!("candidates[{c}].score"))
        }
        10 if nc >= 1 => {
            doc["candidates"][c]["member"] = json!("yes");
            Some(format!("candidates[{c}].member"))
        }
        11 if nc >= 1 => {
            doc["candidates"][c]["id"] = json!(" ");
            Some(format!("candidates[{c}].id"))
        }
        12 if nc >= 1 => {
            // An unknown field: the element is named, and the message names the field.
            doc["candidates"][c]["favourite"] = json!(true);
            Some(format!("candidates[{c}]"))
        }
        13 if nc >= 1 => {
            doc["candidates"][c].as_object_mut()?.remove("region");
            Some(format!("candidates[{c}]"))
        }
        14 => {
            let overrides = doc
                .as_object_mut()?
                .entry("overrides")
                .or_insert_with(|| json!([]))
                .as_array_mut()?;
            let k = overrides.len();
            overrides.push(json!({"candidate": "nobody", "programme": null, "reason": "x"}));
            Some(format!("overrides[{k}].candidate"))
        }
        15 => {
            doc["programmes"][p]["capacity"] = json!(2.5);
            Some(format!("programmes[{p}].capacity"))
        }
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let text = String::from_utf8_lossy(&bytes);
        if let Err(e) = parse_input(&text) {
            check_error(&e)?;
        }
    }

    /// Arbitrary JSON is refused with a typed error naming a path, or is an
    /// input that the engine takes as it is.
    #[test]
    fn arbitrary_json_never_panics(doc in json_value(), wrap in any::<bool>()) {
        let doc = if wrap { json!({"programmes": [doc.clone()], "candidates": [doc]}) } else { doc };
        let text = doc.to_string();
        match parse_input(&text) {
            Ok(_) => {
                // What parses is solved; small by construction.
                let out = solve_json(&text);
                prop_assert!(out.is_ok(), "{:?}", out);
            }
            Err(e) => {
                check_error(&e)?;
                prop_assert_eq!(solve_json(&text).unwrap_err(), e, "solve_json reports the parser's error");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A well-formed input parses back to itself from its JSON text,
    /// compact or pretty.
    #[test]
    fn well_formed_input_round_trips(input in input()) {
        let text = serde_json::to_string(&input).unwrap();
        let back = parse_input(&text);
        prop_assert!(back.is_ok(), "{:?}\n{}", back, text);
        prop_assert_eq!(&back.unwrap(), &input);
        let pretty = serde_json::to_string_pretty(&input).unwrap();
        prop_assert_eq!(&parse_input(&pretty).unwrap(), &input);
    }

    /// One bad value in a good input is refused at exactly its field.
    #[test]
    fn a_bad_value_is_named(input in input(), how in 0u8..16, pick in any::<usize>()) {
        let mut doc = serde_json::to_value(&input).unwrap();
        let Some(want) = break_one(&mut doc, how, pick) else { return Ok(()) };
        let text = doc.to_string();
        match parse_input(&text) {
            Ok(_) => prop_assert!(false, "accepted a bad {}: {}", want, text),
            Err(SelectionError::Invalid { field, message }) => {
                prop_assert_eq!(&field, &want, "{}", message);
                if how == 12 {
                    prop_assert!(message.contains("favourite"), "{}", message);
                }
                if how == 13 {
                    prop_assert!(message.contains("region"), "{}", message);
                }
            }
            Err(e) => prop_assert!(false, "{} reported as {:?}", want, e),
        }
    }
}

#[test]
fn the_documented_examples_parse() {
    let example = json!({
        "programmes": [{"id": "P1", "capacity": 2, "min_member_share": 0.5,
                        "min_gender_share": {"f": 0.5}, "max_per_city": 1}],
        "candidates": [
            {"id": "a", "score": 9.5, "city": "Seoul", "country": "KR", "region": "Asia",
             "member": true, "gender": "f", "eligible": true, "preferences": ["P1"]},
            {"id": "b", "score": 8.0, "city": "Cairo", "country": "EG", "region": "Africa",
             "member": false, "gender": "m", "eligible": true, "preferences": ["P1"]}
        ],
        "overrides": [{"candidate": "b", "programme": null, "reason": "withdrew"}]
    });
    let input = parse_input(&example.to_string()).unwrap();
    assert_eq!(input.candidates.len(), 2);
    let mut by_field = BTreeMap::new();
    for (text, field) in [
        (r#"{"programmes": 3, "candidates": []}"#, "programmes"),
        (r#"{"programmes": [7], "candidates": []}"#, "programmes[0]"),
    ] {
        match parse_input(text) {
            Err(SelectionError::Invalid { field: f, .. }) => {
                by_field.insert(field, f);
            }
            other => panic!("{text}: {other:?}"),
        }
    }
    assert_eq!(by_field["programmes"], "programmes");
    assert_eq!(by_field["programmes[0]"], "programmes[0]");
}
