//! The selection input: bytes as UTF-8 to `miti_selection::parse_input`;
//! an input that parses and is small is solved, and the output checked.
//!
//! Parsing must never panic and must refuse with a `Json` or an `Invalid`
//! error whose field is a path into the document. Solving is limited to
//! inputs of at most 30 candidates and 4 programmes, so that one execution
//! stays in milliseconds; its output must keep the invariants below.
#![no_main]

use std::collections::{BTreeMap, BTreeSet};

use libfuzzer_sys::fuzz_target;
use miti_selection::{Input, Output, SelectionError, Status, parse_input, solve};

const MAX_CANDIDATES: usize = 30;
const MAX_PROGRAMMES: usize = 4;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let input = match parse_input(text) {
        Ok(input) => input,
        Err(SelectionError::Json(message)) => {
            assert!(!message.is_empty());
            return;
        }
        Err(SelectionError::Invalid { field, message }) => {
            assert!(
                ["programmes", "candidates", "overrides"]
                    .iter()
                    .any(|s| field.starts_with(s)),
                "error field {field:?} is no path into the input"
            );
            assert!(!message.is_empty());
            return;
        }
        Err(other) => panic!("parse_input answered {other:?}"),
    };
    if input.candidates.len() > MAX_CANDIDATES || input.programmes.len() > MAX_PROGRAMMES {
        return;
    }
    match solve(&input) {
        Ok(out) => check(&input, &out),
        Err(e) => panic!("solve refused an input that parse_input took: {e:?}"),
    }
});

/// Invariants of every output.
fn check(input: &Input, out: &Output) {
    // Every candidate explained, in input order.
    assert_eq!(out.candidates.len(), input.candidates.len());
    for (c, r) in input.candidates.iter().zip(&out.candidates) {
        assert_eq!(c.id, r.id);
        assert!(!r.reason.is_empty(), "{} has no reason", r.id);
        assert!(!r.reason_code.is_empty(), "{} has no reason code", r.id);
    }
    assert_eq!(out.programmes.len(), input.programmes.len());

    let forced: BTreeMap<&str, Option<&str>> = input
        .overrides
        .iter()
        .map(|o| (o.candidate.as_str(), o.programme.as_deref()))
        .collect();
    let by_id: BTreeMap<&str, usize> = input
        .candidates
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();

    // No candidate selected twice; seats and statuses agree.
    let mut seated = BTreeSet::new();
    for (p, res) in input.programmes.iter().zip(&out.programmes) {
        assert_eq!(p.id, res.id);
        for id in &res.selected {
            assert!(seated.insert(id.as_str()), "{id} selected twice");
            let c = by_id[id.as_str()];
            let r = &out.candidates[c];
            assert_eq!(r.status, Status::Selected, "{id}");
            assert_eq!(r.programme.as_deref(), Some(p.id.as_str()), "{id}");
            // A seat needs eligibility and a preference, or an override.
            let cand = &input.candidates[c];
            match forced.get(id.as_str()) {
                Some(Some(q)) => assert_eq!(*q, p.id, "{id} forced elsewhere"),
                Some(None) => panic!("{id} was excluded by an override"),
                None => assert!(
                    cand.eligible && cand.preferences.contains(&p.id),
                    "{id} seated in {} without eligibility or preference",
                    p.id
                ),
            }
        }
        // Capacities respected, unless overrides forced more seats (then
        // the broken rule is reported).
        let forced_here = forced
            .values()
            .filter(|q| **q == Some(p.id.as_str()))
            .count();
        let cap = usize::try_from(p.capacity).unwrap_or(usize::MAX);
        assert!(
            res.selected.len() <= cap.max(forced_here),
            "{}: {} seats for capacity {}",
            p.id,
            res.selected.len(),
            p.capacity
        );
        if res.selected.len() > cap {
            assert!(
                res.violations
                    .iter()
                    .any(|v| v.rule == "capacity" && v.kind == "broken" && v.caused_by_override)
            );
        }
        // Waitlists: not seated, within their length, no repeats.
        let wl: BTreeSet<&str> = res.waitlist.iter().map(String::as_str).collect();
        assert_eq!(wl.len(), res.waitlist.len(), "{}: waitlist repeats", p.id);
        let wl_len = p.waitlist_size.unwrap_or(p.capacity);
        assert!(res.waitlist.len() as i64 <= wl_len);
        for id in &res.waitlist {
            assert!(
                !res.selected.contains(id),
                "{id} both seated and waitlisted"
            );
        }
    }
    for r in &out.candidates {
        if r.status == Status::Selected {
            assert!(
                seated.contains(r.id.as_str()),
                "{} selected but in no cohort",
                r.id
            );
        }
    }
    // The objective is the sum of the seated scores (fixed point).
    let total: i64 = seated
        .iter()
        .map(|id| (input.candidates[by_id[id]].score * 10_000.0).round() as i64)
        .sum();
    assert_eq!(out.objective_fixed, total);
    // And it is a document: serialises, and reads back the same.
    let json = serde_json::to_string(out).expect("output serialises");
    let back: Output = serde_json::from_str(&json).expect("output reads back");
    assert_eq!(&back, out);
}
