//! Properties of the call parsers: the question-set checker, the answers
//! validator and the call form.
//!
//! * any question set and any answers never panic, and every error names
//!   the call or one of the questions;
//! * a question set that passes [`validate_questions`] can be answered: a
//!   generated valid answer set is accepted, and keeps exactly the shown
//!   questions, within their text-length and number bounds;
//! * questions hidden by their condition are dropped, whatever was sent;
//! * the call form round-trips through `from_call`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use miti_domain::call::{
    AnswerValue, Call, CallForm, Condition, Question, QuestionChoice, QuestionKind,
    RequiredDocument, is_shown, validate_answers, validate_questions,
};
use miti_domain::text::Localized;
use proptest::prelude::*;

// ---------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------

fn kind() -> impl Strategy<Value = QuestionKind> {
    prop::sample::select(QuestionKind::ALL.to_vec())
}

/// Any text a person or a script could send: empty, blanks, Arabic, Korean,
/// control characters, long.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,12}",
        "[a-z]{0,6}",
        "[ \\t]{0,3}[a-z0-9+-]{0,8}[ \\t]{0,3}",
        "[\\u{0600}-\\u{06FF} ]{0,12}",
        "[\\u{AC00}-\\u{D7A3}]{0,12}",
        "[\\x00-\\x1f]{0,4}",
        "-?[0-9]{1,20}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        Just("x".repeat(301)),
        Just("é".repeat(10_001)),
    ]
}

fn opt<T: std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> impl Strategy<Value = Option<T>> {
    prop_oneof![2 => Just(None), 1 => s.prop_map(Some)]
}

fn loc(t: impl Strategy<Value = String>) -> impl Strategy<Value = Localized> {
    t.prop_map(|t| Localized::new("en", &t))
}

/// Any question set, valid or not: keys from a small pool so that
/// duplicates, conditions on later or unknown questions and answers for
/// unknown keys all happen.
fn any_questions() -> impl Strategy<Value = Vec<Question>> {
    let key = prop::sample::select(vec!["a", "b", "c", "d", " a", "", "call"]);
    let choice = prop::sample::select(vec!["x", "y", "z", ""]);
    let question = (
        key.clone(),
        kind(),
        loc(prop::sample::select(vec!["Label", "", " "]).prop_map(String::from)),
        any::<bool>(),
        (opt(0u32..400), opt(0u32..400)),
        (opt(-5i64..5), opt(-5i64..5)),
        prop::collection::vec(choice.clone(), 0..4),
        opt((key, prop::collection::vec(choice, 0..3))),
    )
        .prop_map(
            |(key, kind, label, required, (min_len, max_len), (min, max), choices, cond)| {
                Question {
                    key: key.into(),
                    kind,
                    label,
                    required,
                    min_len,
                    max_len,
                    min,
                    max,
                    choices: choices
                        .into_iter()
                        .map(|v| QuestionChoice {
                            value: v.into(),
                            label: Localized::new("en", v),
                        })
                        .collect(),
                    show_if: cond.map(|(q, any_of)| Condition {
                        question: q.into(),
                        any_of: any_of.into_iter().map(String::from).collect(),
                    }),
                }
            },
        );
    prop::collection::vec(question, 0..6)
}

/// Answers as a web form sends them: keys from the same pool, one or more
/// values each.
fn any_answers() -> impl Strategy<Value = BTreeMap<String, Vec<String>>> {
    let key = prop::sample::select(vec!["a", "b", "c", "d", " a", "", "call", "zz"]);
    let value = prop_oneof![
        2 => text(),
        1 => prop::sample::select(vec!["x", "y", "z", " x ", "3", "2026-02-29", "2028-02-29"])
            .prop_map(String::from),
    ];
    prop::collection::btree_map(
        key.prop_map(String::from),
        prop::collection::vec(value, 0..4),
        0..6,
    )
}

/// A question set that staff could save: unique keys, choices where
/// needed, bounds in order, conditions on an earlier choice question. Text
/// bounds range over the defaults (300 and 10 000 characters) on purpose,
/// and the few sets the checker refuses are filtered out by the checker
/// itself, so that 'accepted by the checker' is what the properties test.
fn valid_questions() -> impl Strategy<Value = Vec<Question>> {
    let q = (
        kind(),
        any::<bool>(),
        (opt(0u32..320), opt(0u32..320)),
        (opt(-1_000i64..1_000), opt(-1_000i64..1_000)),
        1usize..4,
        any::<prop::sample::Index>(),
        prop::collection::vec(any::<prop::sample::Index>(), 1..3),
        any::<bool>(),
    );
    prop::collection::vec(q, 0..7)
        .prop_map(|raw| {
            let mut out: Vec<Question> = vec![];
            for (i, (kind, required, (a, b), (lo, hi), n, parent, picks, conditional)) in
                raw.into_iter().enumerate()
            {
                let (min_len, max_len) = match (a, b) {
                    (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
                    other => other,
                };
                let (min, max) = match (lo, hi) {
                    (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
                    other => other,
                };
                let is_choice = matches!(
                    kind,
                    QuestionKind::SingleChoice | QuestionKind::MultipleChoice
                );
                let choices = if is_choice {
                    (0..n)
                        .map(|k| QuestionChoice {
                            value: format!("v{k}"),
                            label: Localized::new("en", &format!("Option {k}")),
                        })
                        .collect()
                } else {
                    vec![]
                };
                let parents: Vec<&Question> =
                    out.iter().filter(|p| !p.choices.is_empty()).collect();
                let show_if = (conditional && !parents.is_empty()).then(|| {
                    let p = parent.get(&parents);
                    Condition {
                        question: p.key.clone(),
                        any_of: picks
                            .iter()
                            .map(|k| k.get(&p.choices).value.clone())
                            .collect::<BTreeSet<_>>()
                            .into_iter()
                            .collect(),
                    }
                });
                out.push(Question {
                    key: format!("q{i}"),
                    kind,
                    label: Localized::new("en", &format!("Question {i}")),
                    required,
                    min_len,
                    max_len,
                    min,
                    max,
                    choices,
                    show_if,
                });
            }
            out
        })
        .prop_filter("staff can save it", |qs| validate_questions(qs).is_ok())
}

/// The longest text answer a question takes, in characters.
fn text_max(q: &Question) -> u32 {
    q.max_len.unwrap_or(if q.kind == QuestionKind::ShortText {
        300
    } else {
        10_000
    })
}

/// A valid answer for `q`, drawn from `seed` (for a question that cannot
/// be answered, the nearest try, which the validator then refuses).
fn valid_answer(q: &Question, seed: u64) -> Vec<String> {
    let pick = |n: usize| (seed % n.max(1) as u64) as usize;
    match q.kind {
        QuestionKind::ShortText | QuestionKind::LongText => {
            let lo = q.min_len.unwrap_or(0).max(1);
            let hi = text_max(q).max(lo);
            let n = lo + (seed % u64::from(hi - lo + 1)) as u32;
            // Padded with blanks, which are trimmed away; Korean counts
            // as one character each.
            vec![format!(" {} ", "가".repeat(n as usize))]
        }
        QuestionKind::SingleChoice => vec![q.choices[pick(q.choices.len())].value.clone()],
        QuestionKind::MultipleChoice => {
            let k = pick(q.choices.len());
            // Repeats are allowed and folded.
            q.choices
                .iter()
                .cycle()
                .skip(k)
                .take(q.choices.len() + 1)
                .map(|c| c.value.clone())
                .collect()
        }
        QuestionKind::Number => {
            let lo = q.min.unwrap_or(-1_000_000);
            let hi = q.max.unwrap_or(1_000_000).max(lo);
            let n = lo + (seed % (hi - lo + 1) as u64) as i64;
            vec![n.to_string()]
        }
        QuestionKind::Date => {
            let d = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap()
                + Duration::days((seed % 20_000) as i64);
            vec![d.format("%Y-%m-%d").to_string()]
        }
        QuestionKind::File => vec![format!("upload-{seed}.pdf")],
    }
}

fn open_call(questions: Vec<Question>) -> (Call, DateTime<Utc>) {
    let now = Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0).unwrap();
    let call = Call {
        programme_id: 1,
        opens_at: now - Duration::days(10),
        closes_at: now + Duration::days(10),
        timezone: "Asia/Seoul".into(),
        documents: vec![],
        questions,
        question_version: 4,
    };
    (call, now)
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Anything in, no panic; errors name the call or a question.
    #[test]
    fn any_answers_to_any_questions(qs in any_questions(), answers in any_answers(),
                                    offset in -2i64..=2) {
        let _ = validate_questions(&qs);
        let (call, now) = open_call(qs.clone());
        let at = now + Duration::days(offset * 7);
        match validate_answers(&qs, &answers, at, &call) {
            Ok(valid) => {
                prop_assert!(call.accepts_at(at));
                prop_assert_eq!(valid.question_version, 4);
                for key in valid.answers.keys() {
                    prop_assert!(qs.iter().any(|q| &q.key == key), "answer for unknown key {:?}", key);
                }
            }
            Err(e) => {
                prop_assert!(!e.is_empty());
                for f in &e.0 {
                    prop_assert!(f.field == "call" || qs.iter().any(|q| q.key == f.field),
                        "error field {:?} is neither the call nor a question", f.field);
                }
                if !call.accepts_at(at) {
                    prop_assert_eq!(e.0.len(), 1);
                    prop_assert_eq!(e.0[0].field.as_str(), "call");
                }
            }
        }
    }

    /// Errors of the question checker name `questions.<index>.<what>` of an
    /// existing question.
    #[test]
    fn question_errors_name_a_question(qs in any_questions()) {
        if let Err(e) = validate_questions(&qs) {
            for f in &e.0 {
                let parts: Vec<&str> = f.field.split('.').collect();
                prop_assert_eq!(parts.len(), 3, "{}", f.field);
                prop_assert_eq!(parts[0], "questions");
                let i: usize = parts[1].parse().unwrap();
                prop_assert!(i < qs.len());
                prop_assert!(["key", "label", "choices", "min_len", "max_len", "max", "show_if"].contains(&parts[2]),
                    "{}", f.field);
            }
        }
    }

    /// Every question set staff can save can be answered: a valid answer
    /// to each shown question is accepted, the output holds exactly the
    /// shown, answered questions, and its values keep the bounds.
    #[test]
    fn valid_answers_are_accepted(qs in valid_questions(), seeds in prop::collection::vec(any::<u64>(), 7),
                                  skip in prop::collection::vec(any::<bool>(), 7)) {
        prop_assert!(validate_questions(&qs).is_ok());
        let mut answers = BTreeMap::new();
        for (i, q) in qs.iter().enumerate() {
            if q.required || !skip[i] {
                answers.insert(q.key.clone(), valid_answer(q, seeds[i]));
            }
        }
        let (call, now) = open_call(qs.clone());
        let valid = validate_answers(&qs, &answers, now, &call);
        prop_assert!(valid.is_ok(), "{:?}", valid);
        let valid = valid.unwrap();
        // Replay: each question is in the output iff it is shown given the
        // answers before it, and was answered.
        let mut so_far = BTreeMap::new();
        for q in &qs {
            let shown = is_shown(q, &so_far);
            let got = valid.answers.get(&q.key);
            prop_assert_eq!(got.is_some(), shown && answers.contains_key(&q.key), "{}", q.key);
            let Some(got) = got else { continue };
            match (q.kind, got) {
                (QuestionKind::ShortText | QuestionKind::LongText, AnswerValue::Text(t)) => {
                    let n = t.chars().count() as u32;
                    prop_assert!(n <= text_max(q) && n >= q.min_len.unwrap_or(0));
                    prop_assert_eq!(t.trim(), t.as_str());
                }
                (QuestionKind::SingleChoice, AnswerValue::Choice(v)) => {
                    prop_assert!(q.choices.iter().any(|c| &c.value == v));
                }
                (QuestionKind::MultipleChoice, AnswerValue::Choices(vs)) => {
                    let set: BTreeSet<_> = vs.iter().collect();
                    prop_assert_eq!(set.len(), vs.len(), "no repeats");
                    prop_assert!(vs.iter().all(|v| q.choices.iter().any(|c| &c.value == v)));
                }
                (QuestionKind::Number, AnswerValue::Number(n)) => {
                    prop_assert!(q.min.is_none_or(|m| *n >= m) && q.max.is_none_or(|m| *n <= m));
                }
                (QuestionKind::Date, AnswerValue::Date(_)) | (QuestionKind::File, AnswerValue::File(_)) => {}
                (k, v) => prop_assert!(false, "{k:?} answered with {v:?}"),
            }
            so_far.insert(q.key.clone(), got.clone());
        }
    }

    /// Whatever is sent, an accepted answer set only holds shown questions,
    /// no error ever names a hidden one, and text answers keep their
    /// length limits.
    #[test]
    fn hidden_questions_are_dropped(qs in valid_questions(),
                                    sent in prop::collection::vec((0u8..3, any::<u64>(), prop::collection::vec(text(), 0..3)), 7)) {
        // Per question: a valid answer, anything, or nothing.
        let mut answers: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (q, (how, seed, values)) in qs.iter().zip(&sent) {
            match how {
                0 => { answers.insert(q.key.clone(), valid_answer(q, *seed)); }
                1 => { answers.insert(q.key.clone(), values.clone()); }
                _ => {}
            }
        }
        let (call, now) = open_call(qs.clone());
        let result = validate_answers(&qs, &answers, now, &call);
        // Replay: a question is shown when the answers accepted before it
        // meet its condition; each answer is checked on its own.
        let mut so_far = BTreeMap::new();
        for q in &qs {
            let shown = is_shown(q, &so_far);
            let alone = vec![Question { show_if: None, ..q.clone() }];
            let accepted = validate_answers(&alone, &answers, now, &open_call(alone.clone()).0);
            match &result {
                Ok(v) => {
                    prop_assert_eq!(v.answers.contains_key(&q.key), shown && answers.contains_key(&q.key)
                        && accepted.as_ref().is_ok_and(|a| a.answers.contains_key(&q.key)), "{}", q.key);
                    if let Some(AnswerValue::Text(t)) = v.answers.get(&q.key) {
                        let n = t.chars().count() as u32;
                        prop_assert!(n <= text_max(q) && n >= q.min_len.unwrap_or(0));
                    }
                }
                Err(e) => {
                    prop_assert_eq!(e.get(&q.key).is_some(), shown && accepted.is_err(), "{}", q.key);
                }
            }
            if shown && let Ok(a) = accepted {
                so_far.extend(a.answers);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The call form
// ---------------------------------------------------------------------------

const ZONES: &[&str] = &[
    "Asia/Seoul",
    "Africa/Cairo",
    "Asia/Tehran",
    "Europe/Madrid",
    "America/Mexico_City",
    "Pacific/Kiritimati",
    "UTC",
];

fn local_time_text() -> impl Strategy<Value = String> {
    prop_oneof![
        text(),
        Just("2026-03-29T02:30".to_string()),
        Just("262143-12-31T23:59".to_string()),
        Just("-262143-01-01T00:00".to_string()),
        Just("+262143-12-31T23:59:59".to_string()),
        Just("2026-11-01T09:00:60".to_string()),
        (
            2000i32..2100,
            1u32..13,
            1u32..29,
            0u32..24,
            0u32..60,
            prop::option::of(0u32..60)
        )
            .prop_map(|(y, mo, d, h, mi, s)| match s {
                Some(s) => format!("{y}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}"),
                None => format!("{y}-{mo:02}-{d:02}T{h:02}:{mi:02}"),
            }),
    ]
}

fn document_lines() -> impl Strategy<Value = String> {
    let part = prop_oneof![
        text(),
        Just("required".to_string()),
        Just("optional".to_string()),
        "[a-z]{2}=[A-Za-z ]{0,8}",
        Just("=x".to_string()),
        Just("en=".to_string()),
    ];
    prop::collection::vec(prop::collection::vec(part, 0..5), 0..4).prop_map(|lines| {
        lines
            .into_iter()
            .map(|parts| parts.join(" | "))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

fn questions_text() -> impl Strategy<Value = String> {
    prop_oneof![
        text(),
        Just("[]".to_string()),
        Just("[{".to_string()),
        Just("{}".to_string()),
        Just("[{\"key\":\"a\"}]".to_string()),
        valid_questions().prop_map(|q| serde_json::to_string(&q).unwrap()),
        any_questions().prop_map(|q| serde_json::to_string(&q).unwrap()),
    ]
}

/// A call as staff save it: opening and closing times to the second,
/// documents with labels, a valid question set.
fn saved_call() -> impl Strategy<Value = (Call, Tz)> {
    let doc = (
        "[a-z_]{1,10}",
        any::<bool>(),
        prop::collection::btree_map(
            "[a-z]{2}",
            "[A-Za-z가]([A-Za-z0-9=éü가 ]{0,8}[A-Za-z가])?",
            1..3,
        ),
    );
    (
        prop::sample::select(ZONES.to_vec()),
        0i64..(40 * 365 * 86_400),
        60i64..(400 * 86_400),
        prop::collection::vec(doc, 0..4),
        valid_questions(),
    )
        .prop_map(|(zone, open, len, docs, questions)| {
            let tz: Tz = zone.parse().unwrap();
            let opens_at =
                Utc.with_ymd_and_hms(2010, 1, 1, 0, 0, 0).unwrap() + Duration::seconds(open);
            let closes_at = opens_at + Duration::seconds(len);
            let mut documents: Vec<RequiredDocument> = vec![];
            for (key, required, texts) in docs {
                if documents.iter().any(|d| d.key == key) {
                    continue;
                }
                let main = texts.keys().next().cloned().unwrap_or_default();
                documents.push(RequiredDocument {
                    key,
                    required,
                    label: Localized {
                        main,
                        texts: texts.into_iter().collect(),
                    },
                });
            }
            let call = Call {
                programme_id: 7,
                opens_at,
                closes_at,
                timezone: zone.into(),
                documents,
                questions,
                question_version: 1,
            };
            (call, tz)
        })
}

/// Whether `t` is the instant that the wall-clock reading of `t` in `tz`
/// names (false only for the later of two readings of a repeated hour).
fn is_earliest_reading(t: DateTime<Utc>, tz: Tz) -> bool {
    let local: NaiveDateTime = t.with_timezone(&tz).naive_local();
    tz.from_local_datetime(&local)
        .earliest()
        .map(|x| x.with_timezone(&Utc))
        == Some(t)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any call form, no panic; errors name one of its four fields.
    #[test]
    fn call_form_takes_anything(opens in local_time_text(), closes in local_time_text(),
                                documents in document_lines(), questions in questions_text(),
                                zone in prop::sample::select(ZONES.to_vec())) {
        let tz: Tz = zone.parse().unwrap();
        let form = CallForm { opens_at: opens, closes_at: closes, documents, questions };
        match form.validate(tz) {
            Ok(c) => {
                prop_assert!(c.opens_at < c.closes_at);
                prop_assert!(validate_questions(&c.questions).is_ok());
                for d in &c.documents {
                    prop_assert!(!d.key.is_empty());
                    prop_assert!(!d.label.get("en").trim().is_empty(), "document {} has no label", d.key);
                }
            }
            Err(e) => {
                prop_assert!(!e.is_empty());
                for f in &e.0 {
                    prop_assert!(["opens_at", "closes_at", "documents", "questions"].contains(&f.field.as_str()),
                        "unknown field {}", f.field);
                }
            }
        }
    }

    /// A saved call shown in its form and saved again is the same call:
    /// times to the second, documents and questions.
    #[test]
    fn call_form_round_trips((call, tz) in saved_call()) {
        prop_assume!(is_earliest_reading(call.opens_at, tz) && is_earliest_reading(call.closes_at, tz));
        let form = CallForm::from_call(&call, tz);
        let back = form.validate(tz);
        prop_assert!(back.is_ok(), "{:?} from {:?}", back, form);
        let back = back.unwrap();
        prop_assert_eq!(back.opens_at, call.opens_at);
        prop_assert_eq!(back.closes_at, call.closes_at);
        prop_assert_eq!(&back.documents, &call.documents);
        prop_assert_eq!(&back.questions, &call.questions);
    }
}
