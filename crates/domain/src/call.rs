//! Calls for applications: when a programme takes applications, which
//! documents and answers it asks for, and the rules answers must keep.
//!
//! [`validate_answers`] is the one place where a submission is checked —
//! deadline included — so the applications module calls it as is.

use crate::organisation::string_enum;
use crate::text::Localized;
use crate::{FieldErrors, Id};
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

string_enum!(
    /// The kinds of custom question a call can ask.
    QuestionKind {
        ShortText = "short_text",
        LongText = "long_text",
        SingleChoice = "single_choice",
        MultipleChoice = "multiple_choice",
        Number = "number",
        Date = "date",
        File = "file",
    }
);

/// One option of a choice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionChoice {
    pub value: String,
    pub label: Localized,
}

/// Show a question only when an earlier choice question's answer includes
/// one of `any_of`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    pub question: String,
    pub any_of: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Stable key within the call (the answer's field name).
    pub key: String,
    pub kind: QuestionKind,
    pub label: Localized,
    pub required: bool,
    /// Text length bounds, in characters.
    pub min_len: Option<u32>,
    pub max_len: Option<u32>,
    /// Number bounds, inclusive.
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub choices: Vec<QuestionChoice>,
    pub show_if: Option<Condition>,
}

impl Question {
    /// The longest text answer taken, in characters: `max_len`, else 300
    /// for a short text and 10 000 for a long one.
    pub fn text_max_len(&self) -> u32 {
        self.max_len
            .unwrap_or(if self.kind == QuestionKind::ShortText {
                300
            } else {
                10_000
            })
    }
}

/// A document every application must (or may) carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequiredDocument {
    pub key: String,
    pub label: Localized,
    pub required: bool,
}

/// A programme's call for applications. Times are UTC; `timezone` is the
/// host's zone, in which the deadline is announced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Call {
    pub programme_id: Id,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub timezone: String,
    pub documents: Vec<RequiredDocument>,
    pub questions: Vec<Question>,
    /// The version of the question set; applications pin the version they
    /// answered.
    pub question_version: i32,
}

impl Call {
    /// Whether a submission at `now` is on time: from opening up to and
    /// including the closing second.
    pub fn accepts_at(&self, now: DateTime<Utc>) -> bool {
        now >= self.opens_at && now <= self.closes_at
    }

    /// The deadline in a zone (the host's, or the viewer's).
    pub fn closes_in(&self, tz: Tz) -> DateTime<Tz> {
        self.closes_at.with_timezone(&tz)
    }
}

/// The zone named `name` (validated when the programme was saved); UTC if
/// it is not a zone.
pub fn zone(name: &str) -> Tz {
    name.parse().unwrap_or(Tz::UTC)
}

/// A local wall-clock time in `tz` as UTC. A time that does not exist
/// (skipped by a daylight-saving change) is refused; an ambiguous one (the
/// repeated hour) takes the earlier instant, so a deadline is never later
/// than announced.
pub fn local_to_utc(local: NaiveDateTime, tz: Tz) -> Option<DateTime<Utc>> {
    tz.from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// Checks a question set as staff write it: unique keys, choices where
/// needed, sane bounds, conditions on an earlier choice question and values
/// it offers. Errors name `questions.<index>.<what>`.
pub fn validate_questions(questions: &[Question]) -> Result<(), FieldErrors> {
    let mut errs = FieldErrors::new();
    for (i, q) in questions.iter().enumerate() {
        let f = |what: &str| format!("questions.{i}.{what}");
        if q.key.trim().is_empty() {
            errs.add(f("key"), "required");
        } else if questions.iter().take(i).any(|p| p.key == q.key) {
            errs.add(f("key"), "duplicate_key");
        }
        if q.label.get("en").trim().is_empty() {
            errs.add(f("label"), "required");
        }
        let is_choice = matches!(
            q.kind,
            QuestionKind::SingleChoice | QuestionKind::MultipleChoice
        );
        if is_choice && q.choices.is_empty() {
            errs.add(f("choices"), "required");
        }
        let is_text = matches!(q.kind, QuestionKind::ShortText | QuestionKind::LongText);
        if let (Some(a), Some(b)) = (q.min_len, q.max_len)
            && a > b
        {
            errs.add(f("max_len"), "range_order");
        } else if is_text && q.min_len.unwrap_or(0).max(1) > q.text_max_len() {
            // No answer could pass: a maximum of 0, or a minimum above the
            // default maximum. A blank answer is no answer, so 1 is the
            // least any answer has.
            let field = if q.max_len.is_some() {
                "max_len"
            } else {
                "min_len"
            };
            errs.add(f(field), "range_order");
        }
        if let (Some(a), Some(b)) = (q.min, q.max)
            && a > b
        {
            errs.add(f("max"), "range_order");
        }
        if let Some(c) = &q.show_if {
            let earlier = questions.iter().take(i).find(|p| p.key == c.question);
            let ok = earlier.is_some_and(|p| {
                matches!(
                    p.kind,
                    QuestionKind::SingleChoice | QuestionKind::MultipleChoice
                ) && !c.any_of.is_empty()
                    && c.any_of
                        .iter()
                        .all(|v| p.choices.iter().any(|ch| &ch.value == v))
            });
            if !ok {
                errs.add(f("show_if"), "invalid_condition");
            }
        }
    }
    if errs.is_empty() { Ok(()) } else { Err(errs) }
}

/// The question-set version to store after an edit: unchanged when the
/// questions are the same, or while the call is not yet open (nobody has
/// answered); a new version once the call is open, so that applications
/// already submitted keep the version they answered.
pub fn next_question_version(
    current: i32,
    call_is_open: bool,
    old: &[Question],
    new: &[Question],
) -> i32 {
    if old == new || !call_is_open {
        current
    } else {
        current + 1
    }
}

/// A validated answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum AnswerValue {
    Text(String),
    Choice(String),
    Choices(Vec<String>),
    Number(i64),
    Date(NaiveDate),
    /// A reference to an uploaded file (its stored name or id).
    File(String),
}

/// The answers of one submission that passed [`validate_answers`], for the
/// questions that were shown, with the question-set version they answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidAnswers {
    pub question_version: i32,
    pub answers: BTreeMap<String, AnswerValue>,
}

fn chosen(a: Option<&AnswerValue>) -> Vec<&str> {
    match a {
        Some(AnswerValue::Choice(v)) => vec![v.as_str()],
        Some(AnswerValue::Choices(vs)) => vs.iter().map(String::as_str).collect(),
        _ => vec![],
    }
}

/// Whether `q` is shown, given the answers validated so far.
pub fn is_shown(q: &Question, so_far: &BTreeMap<String, AnswerValue>) -> bool {
    match &q.show_if {
        None => true,
        Some(c) => chosen(so_far.get(&c.question))
            .iter()
            .any(|v| c.any_of.iter().any(|w| w == v)),
    }
}

/// Checks one submission against its call at `now`.
///
/// `answers` maps a question key to what was submitted (several values for
/// a multiple choice). The deadline rule comes first: before opening or
/// after the closing second the submission is refused as a whole (field
/// `call`). Then each question in order: hidden ones (their condition not
/// met by earlier answers) are skipped and anything sent for them dropped;
/// shown ones must keep their kind's rules. Every bad field is named.
pub fn validate_answers(
    questions: &[Question],
    answers: &BTreeMap<String, Vec<String>>,
    now: DateTime<Utc>,
    call: &Call,
) -> Result<ValidAnswers, FieldErrors> {
    let mut errs = FieldErrors::new();
    if now < call.opens_at {
        errs.add("call", "call_not_open");
        return Err(errs);
    }
    if now > call.closes_at {
        errs.add("call", "call_closed");
        return Err(errs);
    }
    let mut out: BTreeMap<String, AnswerValue> = BTreeMap::new();
    for q in questions {
        if !is_shown(q, &out) {
            continue;
        }
        let given: Vec<&str> = answers
            .get(&q.key)
            .map(|v| {
                v.iter()
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let field = q.key.as_str();
        if given.is_empty() {
            if q.required {
                errs.add(field, "required");
            }
            continue;
        }
        let first = given.first().copied().unwrap_or_default();
        match q.kind {
            QuestionKind::ShortText | QuestionKind::LongText => {
                let text = first.to_string();
                let n = text.chars().count() as u32;
                let max = q.text_max_len();
                if n > max {
                    errs.add_with(field, "too_long", &[("max", max.to_string())]);
                } else if let Some(min) = q.min_len
                    && n < min
                {
                    errs.add_with(field, "too_short", &[("min", min.to_string())]);
                } else {
                    out.insert(q.key.clone(), AnswerValue::Text(text));
                }
            }
            QuestionKind::SingleChoice => {
                if given.len() > 1 || !q.choices.iter().any(|c| c.value == first) {
                    errs.add(field, "invalid_choice");
                } else {
                    out.insert(q.key.clone(), AnswerValue::Choice(first.to_string()));
                }
            }
            QuestionKind::MultipleChoice => {
                let mut vs: Vec<String> = vec![];
                let mut bad = false;
                for v in &given {
                    if !q.choices.iter().any(|c| c.value == *v) {
                        bad = true;
                    } else if !vs.iter().any(|x| x == v) {
                        vs.push((*v).to_string());
                    }
                }
                if bad {
                    errs.add(field, "invalid_choice");
                } else {
                    out.insert(q.key.clone(), AnswerValue::Choices(vs));
                }
            }
            QuestionKind::Number => match first.parse::<i64>() {
                Ok(n) if q.min.is_none_or(|m| n >= m) && q.max.is_none_or(|m| n <= m) => {
                    out.insert(q.key.clone(), AnswerValue::Number(n));
                }
                Ok(_) => errs.add_with(
                    field,
                    "out_of_range",
                    &[
                        ("min", q.min.map(|m| m.to_string()).unwrap_or_default()),
                        ("max", q.max.map(|m| m.to_string()).unwrap_or_default()),
                    ],
                ),
                Err(_) => errs.add(field, "invalid_number"),
            },
            QuestionKind::Date => match NaiveDate::parse_from_str(first, "%Y-%m-%d") {
                Ok(d) => {
                    out.insert(q.key.clone(), AnswerValue::Date(d));
                }
                Err(_) => errs.add(field, "invalid_date"),
            },
            QuestionKind::File => {
                out.insert(q.key.clone(), AnswerValue::File(first.to_string()));
            }
        }
    }
    if errs.is_empty() {
        Ok(ValidAnswers {
            question_version: call.question_version,
            answers: out,
        })
    } else {
        Err(errs)
    }
}

/// What staff set for a call, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallInput {
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    pub documents: Vec<RequiredDocument>,
    pub questions: Vec<Question>,
}

/// The call form as typed. Times are wall-clock times in the host's zone
/// (`YYYY-MM-DDTHH:MM`, as `<input type="datetime-local">` sends them).
/// Documents are one per line: `key | required|optional | en=Label | fr=…`.
/// Questions are the JSON form of [`Question`] (an editor for experts; the
/// preview shows the result as applicants see it).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CallForm {
    pub opens_at: String,
    pub closes_at: String,
    pub documents: String,
    pub questions: String,
}

fn local_time(errs: &mut FieldErrors, field: &str, v: &str, tz: Tz) -> Option<DateTime<Utc>> {
    let v = v.trim();
    if v.is_empty() {
        errs.add(field, "required");
        return None;
    }
    let parsed = NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M:%S"));
    let Ok(local) = parsed else {
        errs.add(field, "invalid_date");
        return None;
    };
    let t = local_to_utc(local, tz);
    if t.is_none() {
        errs.add(field, "time_does_not_exist");
    }
    t
}

/// `lang=text` parts as a label; parts with no text are left out, so the
/// main language is the first one with a text.
fn localized_line(parts: &[&str]) -> Localized {
    let mut l = Localized::default();
    for p in parts {
        if let Some((lang, text)) = p.split_once('=')
            && !text.trim().is_empty()
        {
            let lang = lang.trim().to_lowercase();
            if l.main.is_empty() {
                l.main = lang.clone();
            }
            l.texts.insert(lang, text.trim().to_string());
        }
    }
    l
}

impl CallForm {
    /// Parses the form for a call announced in the host's zone `tz`.
    pub fn validate(&self, tz: Tz) -> Result<CallInput, FieldErrors> {
        let mut errs = FieldErrors::new();
        let opens_at = local_time(&mut errs, "opens_at", &self.opens_at, tz);
        let closes_at = local_time(&mut errs, "closes_at", &self.closes_at, tz);
        if let (Some(o), Some(c)) = (opens_at, closes_at)
            && c <= o
        {
            errs.add("closes_at", "date_order");
        }
        let mut documents = vec![];
        for line in self.documents.lines().filter(|l| !l.trim().is_empty()) {
            let parts: Vec<&str> = line.split('|').map(str::trim).collect();
            let key = parts.first().copied().unwrap_or_default().to_string();
            let required = parts.get(1).is_none_or(|r| *r != "optional");
            let label = localized_line(parts.get(2..).unwrap_or_default());
            if key.is_empty() || label.texts.is_empty() {
                errs.add("documents", "invalid_document_line");
                continue;
            }
            if documents.iter().any(|d: &RequiredDocument| d.key == key) {
                errs.add("documents", "duplicate_key");
                continue;
            }
            documents.push(RequiredDocument {
                key,
                label,
                required,
            });
        }
        let questions: Vec<Question> = match self.questions.trim() {
            "" => vec![],
            q => match serde_json::from_str(q) {
                Ok(qs) => qs,
                Err(_) => {
                    errs.add("questions", "invalid_questions");
                    vec![]
                }
            },
        };
        if let Err(e) = validate_questions(&questions) {
            // Name the textarea, keeping the precise code.
            for x in e.0 {
                errs.add("questions", x.code);
            }
        }
        match (opens_at, closes_at) {
            (Some(opens_at), Some(closes_at)) if errs.is_empty() => Ok(CallInput {
                opens_at,
                closes_at,
                documents,
                questions,
            }),
            _ => Err(errs),
        }
    }

    /// The form showing a saved call, in the host's zone.
    pub fn from_call(call: &Call, tz: Tz) -> Self {
        // Minutes, as `datetime-local` shows them; seconds only when set,
        // so that saving the form again keeps a deadline such as 23:59:59.
        let t = |at: DateTime<Utc>| {
            let local = at.with_timezone(&tz);
            let format = if local.second() == 0 {
                "%Y-%m-%dT%H:%M"
            } else {
                "%Y-%m-%dT%H:%M:%S"
            };
            local.format(format).to_string()
        };
        let documents = call
            .documents
            .iter()
            .map(|d| {
                let mut parts = vec![
                    d.key.clone(),
                    if d.required { "required" } else { "optional" }.to_string(),
                ];
                // The main language first, so it stays the main language.
                let mut langs: Vec<&String> = d.label.texts.keys().collect();
                langs.sort_by_key(|l| **l != d.label.main);
                for l in langs {
                    parts.push(format!(
                        "{l}={}",
                        d.label.texts.get(l).cloned().unwrap_or_default()
                    ));
                }
                parts.join(" | ")
            })
            .collect::<Vec<_>>()
            .join("\n");
        Self {
            opens_at: t(call.opens_at),
            closes_at: t(call.closes_at),
            documents,
            questions: serde_json::to_string_pretty(&call.questions).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn q(key: &str, kind: QuestionKind) -> Question {
        Question {
            key: key.into(),
            kind,
            label: Localized::new("en", key),
            required: true,
            min_len: None,
            max_len: None,
            min: None,
            max: None,
            choices: vec![],
            show_if: None,
        }
    }

    fn choice(v: &str) -> QuestionChoice {
        QuestionChoice {
            value: v.into(),
            label: Localized::new("en", v),
        }
    }

    fn questions() -> Vec<Question> {
        let mut interp = q("needs_interpretation", QuestionKind::SingleChoice);
        interp.choices = vec![choice("yes"), choice("no")];
        let mut language = q("interpretation_language", QuestionKind::ShortText);
        language.show_if = Some(Condition {
            question: "needs_interpretation".into(),
            any_of: vec!["yes".into()],
        });
        language.max_len = Some(20);
        let mut years = q("years_in_office", QuestionKind::Number);
        years.min = Some(0);
        years.max = Some(50);
        let mut topics = q("topics", QuestionKind::MultipleChoice);
        topics.choices = vec![choice("water"), choice("transport")];
        topics.required = false;
        let mut motivation = q("motivation", QuestionKind::LongText);
        motivation.min_len = Some(10);
        let start = q("start_of_service", QuestionKind::Date);
        vec![interp, language, years, topics, motivation, start]
    }

    fn call_closing(closes_at: DateTime<Utc>, tz: &str) -> Call {
        Call {
            programme_id: 1,
            opens_at: closes_at - Duration::days(30),
            closes_at,
            timezone: tz.into(),
            documents: vec![],
            questions: questions(),
            question_version: 3,
        }
    }

    fn answers(pairs: &[(&str, &str)]) -> BTreeMap<String, Vec<String>> {
        let mut m: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (k, v) in pairs {
            m.entry((*k).into()).or_default().push((*v).into());
        }
        m
    }

    fn good() -> BTreeMap<String, Vec<String>> {
        answers(&[
            ("needs_interpretation", "yes"),
            ("interpretation_language", "French"),
            ("years_in_office", "12"),
            ("topics", "water"),
            ("topics", "transport"),
            ("motivation", "Our river needs a plan."),
            ("start_of_service", "2014-03-13"),
        ])
    }

    /// Zones of the network and the extremes of the clock (UTC+14, UTC−11,
    /// half-hour offsets, daylight-saving zones).
    const ZONES: &[&str] = &[
        "Asia/Seoul",
        "Africa/Cairo",
        "Asia/Tehran",
        "America/Mexico_City",
        "Europe/Madrid",
        "Europe/Paris",
        "Asia/Kolkata",
        "America/Sao_Paulo",
        "Pacific/Kiritimati",
        "Pacific/Pago_Pago",
        "UTC",
    ];

    #[test]
    fn one_second_after_closing_is_refused_in_every_zone() {
        for zone in ZONES {
            let tz: Tz = zone.parse().unwrap();
            for local in [
                "2026-12-15T23:59:59",
                "2027-01-10T17:00:00",
                "2027-03-28T02:30:00",
            ] {
                let local = NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M:%S").unwrap();
                // A wall time skipped by a DST change has no instant: refused at input.
                let Some(closes) = local_to_utc(local, tz) else {
                    assert!(matches!(*zone, "Europe/Madrid" | "Europe/Paris"), "{zone}");
                    continue;
                };
                assert_eq!(closes.with_timezone(&tz).naive_local(), local, "{zone}");
                let call = call_closing(closes, zone);
                let qs = call.questions.clone();
                assert!(
                    validate_answers(&qs, &good(), closes, &call).is_ok(),
                    "{zone}: at the closing second"
                );
                assert!(
                    validate_answers(&qs, &good(), closes - Duration::seconds(1), &call).is_ok()
                );
                let late = validate_answers(&qs, &good(), closes + Duration::seconds(1), &call)
                    .unwrap_err();
                assert_eq!(
                    late.get("call").map(|e| e.code),
                    Some("call_closed"),
                    "{zone}"
                );
                let early =
                    validate_answers(&qs, &good(), call.opens_at - Duration::seconds(1), &call)
                        .unwrap_err();
                assert_eq!(early.get("call").map(|e| e.code), Some("call_not_open"));
            }
        }
    }

    #[test]
    fn ambiguous_local_times_take_the_earlier_instant() {
        let tz: Tz = "Europe/Madrid".parse().unwrap();
        let local =
            NaiveDateTime::parse_from_str("2026-10-25T02:30:00", "%Y-%m-%dT%H:%M:%S").unwrap();
        let utc = local_to_utc(local, tz).unwrap();
        assert_eq!(utc.to_rfc3339(), "2026-10-25T00:30:00+00:00");
    }

    #[test]
    fn answers_follow_their_question_rules() {
        let qs = questions();
        let call = call_closing(Utc::now() + Duration::days(1), "Asia/Seoul");
        let ok = validate_answers(&qs, &good(), Utc::now(), &call).unwrap();
        assert_eq!(ok.question_version, 3);
        assert_eq!(ok.answers["years_in_office"], AnswerValue::Number(12));
        assert_eq!(
            ok.answers["topics"],
            AnswerValue::Choices(vec!["water".into(), "transport".into()])
        );
        let bad = answers(&[
            ("needs_interpretation", "maybe"),
            ("years_in_office", "99"),
            ("topics", "astrology"),
            ("motivation", "short"),
            ("start_of_service", "13/03/2014"),
        ]);
        let e = validate_answers(&qs, &bad, Utc::now(), &call).unwrap_err();
        let codes: Vec<_> = e.0.iter().map(|x| (x.field.as_str(), x.code)).collect();
        assert_eq!(
            codes,
            [
                ("needs_interpretation", "invalid_choice"),
                ("years_in_office", "out_of_range"),
                ("topics", "invalid_choice"),
                ("motivation", "too_short"),
                ("start_of_service", "invalid_date"),
            ]
        );
        let e = validate_answers(
            &qs,
            &answers(&[("years_in_office", "ten")]),
            Utc::now(),
            &call,
        )
        .unwrap_err();
        assert_eq!(e.get("years_in_office").unwrap().code, "invalid_number");
        assert_eq!(e.get("needs_interpretation").unwrap().code, "required");
        assert!(e.get("topics").is_none(), "optional");
    }

    #[test]
    fn conditional_questions_are_asked_only_when_shown() {
        let qs = questions();
        let call = call_closing(Utc::now() + Duration::days(1), "Asia/Seoul");
        // "yes": the language question is shown and required.
        let mut a = good();
        a.remove("interpretation_language");
        let e = validate_answers(&qs, &a, Utc::now(), &call).unwrap_err();
        assert_eq!(e.get("interpretation_language").unwrap().code, "required");
        // "no": hidden, so not required, and an answer sent anyway is dropped.
        let mut a = good();
        a.insert("needs_interpretation".into(), vec!["no".into()]);
        let ok = validate_answers(&qs, &a, Utc::now(), &call).unwrap();
        assert!(!ok.answers.contains_key("interpretation_language"));
        // A too-long answer to a hidden question is no error either.
        a.insert("interpretation_language".into(), vec!["x".repeat(500)]);
        assert!(validate_answers(&qs, &a, Utc::now(), &call).is_ok());
    }

    #[test]
    fn the_call_form_reads_local_times_documents_and_questions() {
        let tz: Tz = "Asia/Seoul".parse().unwrap();
        let form = CallForm {
            opens_at: "2026-11-01T09:00".into(),
            closes_at: "2027-01-15T18:00".into(),
            documents: "nomination_letter | required | en=Nomination letter | fr=Lettre de nomination\ncv | optional | en=CV".into(),
            questions: serde_json::to_string(&questions()).unwrap(),
        };
        let c = form.validate(tz).unwrap();
        assert_eq!(c.closes_at.to_rfc3339(), "2027-01-15T09:00:00+00:00");
        assert_eq!(c.documents.len(), 2);
        assert!(!c.documents[1].required);
        assert_eq!(c.documents[0].label.get("fr"), "Lettre de nomination");
        let call = Call {
            programme_id: 1,
            opens_at: c.opens_at,
            closes_at: c.closes_at,
            timezone: "Asia/Seoul".into(),
            documents: c.documents.clone(),
            questions: c.questions.clone(),
            question_version: 1,
        };
        let again = CallForm::from_call(&call, tz).validate(tz).unwrap();
        assert_eq!(again, c);
        assert_eq!(CallForm::from_call(&call, tz).closes_at, "2027-01-15T18:00");
        // Found by the round-trip property: the form showed minutes only,
        // so saving it again moved a 23:59:59 deadline to 23:59:00.
        let last_second = CallForm {
            closes_at: "2027-01-15T23:59:59".into(),
            ..form.clone()
        }
        .validate(tz)
        .unwrap();
        let call = Call {
            closes_at: last_second.closes_at,
            ..call
        };
        let shown = CallForm::from_call(&call, tz);
        assert_eq!(shown.closes_at, "2027-01-15T23:59:59");
        assert_eq!(shown.validate(tz).unwrap().closes_at, call.closes_at);
        // Found by the call form property: a line whose labels are all
        // empty made a document with no label at all.
        for line in ["cv | optional | en=", "cv | required | en= | fr= "] {
            let e = CallForm {
                documents: line.into(),
                ..form.clone()
            }
            .validate(tz)
            .unwrap_err();
            assert_eq!(e.get("documents").unwrap().code, "invalid_document_line");
        }
        let c = CallForm {
            documents: "cv | optional | en= | fr=CV".into(),
            ..form.clone()
        }
        .validate(tz)
        .unwrap();
        assert_eq!(c.documents[0].label.main, "fr");
        assert_eq!(c.documents[0].label.get("en"), "CV");
        let bad = CallForm {
            opens_at: "2027-01-15T18:00".into(),
            closes_at: "2026-11-01T09:00".into(),
            documents: "| required".into(),
            questions: "[{".into(),
        };
        let e = bad.validate(tz).unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|x| (x.field.as_str(), x.code)).collect();
        assert_eq!(
            fields,
            [
                ("closes_at", "date_order"),
                ("documents", "invalid_document_line"),
                ("questions", "invalid_questions")
            ]
        );
    }

    #[test]
    fn question_sets_are_checked_and_versioned() {
        let qs = questions();
        assert!(validate_questions(&qs).is_ok());
        let mut broken = qs.clone();
        broken[1].show_if = Some(Condition {
            question: "years_in_office".into(),
            any_of: vec!["yes".into()],
        });
        broken.push(q("motivation", QuestionKind::ShortText));
        let mut empty_choice = q("level", QuestionKind::SingleChoice);
        empty_choice.min = Some(5);
        empty_choice.max = Some(1);
        broken.push(empty_choice);
        let e = validate_questions(&broken).unwrap_err();
        let fields: Vec<_> = e.0.iter().map(|x| x.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "questions.1.show_if",
                "questions.6.key",
                "questions.7.choices",
                "questions.7.max"
            ]
        );
        // Found by the call properties: text bounds no answer can meet
        // (a maximum of 0, a minimum above the default maximum) were saved,
        // and a required question with them made the call unanswerable.
        let mut zero = q("nickname", QuestionKind::ShortText);
        zero.max_len = Some(0);
        let mut above = q("essay", QuestionKind::ShortText);
        above.min_len = Some(301);
        let mut long = q("essay", QuestionKind::LongText);
        long.min_len = Some(301);
        let e = validate_questions(&[zero]).unwrap_err();
        assert_eq!(e.get("questions.0.max_len").unwrap().code, "range_order");
        let e = validate_questions(&[above]).unwrap_err();
        assert_eq!(e.get("questions.0.min_len").unwrap().code, "range_order");
        assert!(validate_questions(&[long]).is_ok());
        // Editing before the call opens keeps the version; once open, a
        // change makes a new version and an unchanged save does not.
        let mut changed = qs.clone();
        changed[2].max = Some(40);
        assert_eq!(next_question_version(1, false, &qs, &changed), 1);
        assert_eq!(next_question_version(1, true, &qs, &changed), 2);
        assert_eq!(next_question_version(2, true, &qs, &qs), 2);
    }
}
