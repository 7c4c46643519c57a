//! The application form: a question set (any, as staff could write it in
//! the call form's JSON editor) and an `application/x-www-form-urlencoded`
//! body, as an applicant's browser would post it.
//!
//! The body is decoded as a web form is, every value of a repeated name
//! kept in order, into the map that `miti_domain::call::validate_answers`
//! takes. `validate_questions` and `validate_answers` must never panic,
//! and the invariants of the domain's call properties must hold: every
//! error names the call or a question; accepted answers are for questions
//! that were shown, with values within their bounds.
//!
//! Extension point: the application form parser (`miti_domain::application`)
//! will take the same body. When it exists, decode `case.body()` with it
//! in `answers_of` below, so that this target fuzzes the real parser and
//! keeps checking the same invariants on what it hands to
//! `validate_answers`.
#![no_main]

use std::collections::BTreeMap;

use arbitrary::Arbitrary;
use chrono::{DateTime, Duration, TimeZone, Utc};
use libfuzzer_sys::fuzz_target;
use miti_domain::call::{
    AnswerValue, Call, Condition, Question, QuestionChoice, QuestionKind, is_shown,
    validate_answers, validate_questions,
};
use miti_domain::text::Localized;

/// Keys are drawn mostly from a small pool, so that answers, conditions
/// and questions meet; sometimes any string.
#[derive(Arbitrary, Debug)]
enum Key {
    Pool(u8),
    Any(String),
}

impl Key {
    fn text(&self) -> String {
        match self {
            Key::Pool(i) => ["a", "b", "c", "d", "call", "", " a"][usize::from(*i) % 7].into(),
            Key::Any(s) => s.clone(),
        }
    }
}

#[derive(Arbitrary, Debug)]
struct FuzzQuestion {
    key: Key,
    kind: u8,
    label: String,
    required: bool,
    min_len: Option<u16>,
    max_len: Option<u16>,
    min: Option<i64>,
    max: Option<i64>,
    choices: Vec<Key>,
    show_if: Option<(Key, Vec<Key>)>,
}

#[derive(Arbitrary, Debug)]
struct Case {
    questions: Vec<FuzzQuestion>,
    /// Name/value pairs the form sends, encoded as a browser does.
    fields: Vec<(Key, String)>,
    /// Raw bytes appended to the body: broken escapes, `&&`, `=` alone…
    tail: String,
    /// Days from the middle of the call (-3..=3 weeks): early, open, late.
    week: i8,
}

impl Case {
    fn body(&self) -> String {
        let mut body = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &self.fields {
            body.append_pair(&k.text(), v);
        }
        let mut body = body.finish();
        if !self.tail.is_empty() {
            body.push('&');
            body.push_str(&self.tail);
        }
        body
    }
}

fn question(q: &FuzzQuestion) -> Question {
    let kinds = QuestionKind::ALL;
    let choice = |k: &Key| QuestionChoice {
        value: k.text(),
        label: Localized::new("en", &k.text()),
    };
    Question {
        key: q.key.text(),
        kind: kinds[usize::from(q.kind) % kinds.len()],
        label: Localized::new("en", &q.label),
        required: q.required,
        min_len: q.min_len.map(u32::from),
        max_len: q.max_len.map(u32::from),
        min: q.min,
        max: q.max,
        choices: q.choices.iter().map(choice).collect(),
        show_if: q.show_if.as_ref().map(|(k, any_of)| Condition {
            question: k.text(),
            any_of: any_of.iter().map(Key::text).collect(),
        }),
    }
}

/// The body as the answers map: every value of a repeated name, in order.
fn answers_of(body: &str) -> BTreeMap<String, Vec<String>> {
    let mut answers: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (k, v) in form_urlencoded::parse(body.as_bytes()) {
        answers
            .entry(k.into_owned())
            .or_default()
            .push(v.into_owned());
    }
    answers
}

fn call(questions: Vec<Question>) -> (Call, DateTime<Utc>) {
    let middle = Utc
        .with_ymd_and_hms(2026, 11, 20, 12, 0, 0)
        .single()
        .expect("a valid instant");
    let call = Call {
        programme_id: 1,
        opens_at: middle - Duration::days(10),
        closes_at: middle + Duration::days(10),
        timezone: "Asia/Seoul".into(),
        documents: vec![],
        questions,
        question_version: 2,
    };
    (call, middle)
}

fuzz_target!(|case: Case| {
    let questions: Vec<Question> = case.questions.iter().take(12).map(question).collect();
    let checked = validate_questions(&questions);
    if let Err(e) = &checked {
        for f in &e.0 {
            assert!(f.field.starts_with("questions."), "{}", f.field);
        }
    }
    let answers = answers_of(&case.body());
    let (call, middle) = call(questions.clone());
    let now = middle + Duration::days(i64::from(case.week.clamp(-3, 3)) * 7);
    match validate_answers(&questions, &answers, now, &call) {
        Err(e) => {
            assert!(!e.is_empty());
            for f in &e.0 {
                assert!(
                    f.field == "call" || questions.iter().any(|q| q.key == f.field),
                    "error field {:?} is neither the call nor a question",
                    f.field
                );
            }
            if !call.accepts_at(now) {
                assert_eq!(e.0.len(), 1);
                assert_eq!(e.0[0].field, "call");
            }
        }
        Ok(valid) => {
            assert!(call.accepts_at(now));
            assert_eq!(valid.question_version, 2);
            for key in valid.answers.keys() {
                assert!(
                    questions.iter().any(|q| &q.key == key),
                    "answer for {key:?}"
                );
            }
            // For a question set the checker accepts (unique keys,
            // conditions on earlier choices), replay in question order:
            // shown questions only, values within their bounds.
            if checked.is_err() {
                return;
            }
            let mut so_far = BTreeMap::new();
            for q in &questions {
                let shown = is_shown(q, &so_far);
                let Some(v) = valid.answers.get(&q.key) else {
                    assert!(!(shown && q.required), "required {} missing", q.key);
                    continue;
                };
                assert!(shown, "hidden {} kept", q.key);
                check_value(q, v);
                so_far.insert(q.key.clone(), v.clone());
            }
        }
    }
});

fn check_value(q: &Question, v: &AnswerValue) {
    match (q.kind, v) {
        (QuestionKind::ShortText | QuestionKind::LongText, AnswerValue::Text(t)) => {
            let n = t.chars().count() as u32;
            assert!(n <= q.text_max_len(), "{}: {n} characters", q.key);
            assert!(n >= q.min_len.unwrap_or(0), "{}: {n} characters", q.key);
            assert!(!t.is_empty() && t.trim() == t);
        }
        (QuestionKind::SingleChoice, AnswerValue::Choice(c)) => {
            assert!(q.choices.iter().any(|x| &x.value == c));
        }
        (QuestionKind::MultipleChoice, AnswerValue::Choices(cs)) => {
            assert!(!cs.is_empty());
            for (i, c) in cs.iter().enumerate() {
                assert!(q.choices.iter().any(|x| &x.value == c));
                assert!(!cs[..i].contains(c), "{} repeated", c);
            }
        }
        (QuestionKind::Number, AnswerValue::Number(n)) => {
            assert!(q.min.is_none_or(|m| *n >= m) && q.max.is_none_or(|m| *n <= m));
        }
        (QuestionKind::Date, AnswerValue::Date(_)) => {}
        (QuestionKind::File, AnswerValue::File(f)) => assert!(!f.is_empty()),
        (k, v) => panic!("{k:?} question answered with {v:?}"),
    }
}
