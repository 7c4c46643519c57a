//! Pages of the application pipeline: the applicant's own, the city's
//! nominations, reviews, the staff's pipeline, selection and reports.
//! Every page shows an application through [`AppView`], so each viewer sees
//! the same facts in the same order (and vetting only when allowed).

pub mod apply;
pub mod nominate;
pub mod reasons;
pub mod report;
pub mod review;
pub mod selection;
pub mod staff;

use super::region_label;
use crate::context::Req;
use miti_domain::application::{Application, ApplicationStatus, Gate, Outcome};
use miti_domain::call::{Call, Question, QuestionKind};
use miti_domain::{FieldErrors, Id};
use miti_service::applications::Seen;
use reasons::Reasons;

fn k(prefix: &str, v: &str) -> String {
    format!("{prefix}-{}", v.replace('_', "-"))
}

/// One answer as shown.
pub struct AnswerLine {
    pub label: String,
    pub value: String,
}

/// One document line: attached (with a link) or missing.
pub struct DocLine {
    pub key: String,
    pub label: String,
    pub required: bool,
    pub filename: Option<String>,
    pub document_id: Option<Id>,
}

/// An application as every page shows it.
pub struct AppView {
    pub id: Id,
    pub programme_id: Id,
    pub programme: String,
    pub status: String,
    pub is_draft: bool,
    pub is_submitted: bool,
    pub is_withdrawn: bool,
    pub name: String,
    pub gender: String,
    pub city: String,
    pub region: String,
    pub member: String,
    pub position: String,
    pub department: String,
    pub nationality: String,
    pub interview_language: String,
    pub submitted: String,
    pub answers: Vec<AnswerLine>,
    pub documents: Vec<DocLine>,
    pub documents_complete: bool,
    pub endorsement: String,
    pub endorsement_comment: String,
    pub endorsement_rank: String,
    pub interview: String,
    pub vetting: Option<String>,
    pub outcome: Option<String>,
    pub outcome_code: String,
    pub reason: String,
    pub respond_by: String,
    pub waitlist_position: String,
    pub seat: String,
    pub version: i64,
}

impl AppView {
    pub fn new(req: &Req, seen: &Seen, call: Option<&Call>) -> Self {
        let tr = &req.tr;
        let lang = tr.lang();
        let a: &Application = &seen.app;
        let p = a.profile.as_ref();
        let text =
            |f: &dyn Fn(&miti_domain::application::Profile) -> String| p.map(f).unwrap_or_default();
        let questions: &[Question] = call.map(|c| c.questions.as_slice()).unwrap_or(&[]);
        let answers = a
            .answers
            .as_ref()
            .map(|v| {
                v.answers
                    .iter()
                    .map(|(key, value)| AnswerLine {
                        label: questions
                            .iter()
                            .find(|q| q.key == *key)
                            .map(|q| q.label.get(lang).to_string())
                            .unwrap_or_else(|| key.clone()),
                        value: answer_text(questions.iter().find(|q| q.key == *key), value, lang),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let documents = call
            .map(|c| {
                c.documents
                    .iter()
                    .map(|d| {
                        let att = a.documents.iter().find(|x| x.key == d.key);
                        DocLine {
                            key: d.key.clone(),
                            label: d.label.get(lang).to_string(),
                            required: d.required,
                            filename: att.map(|x| x.filename.clone()),
                            document_id: att.map(|x| x.document_id),
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        let d = a.decision.as_ref();
        Self {
            id: a.id,
            programme_id: a.programme_id,
            programme: seen.programme.input.title.get(lang).to_string(),
            status: tr.t(&k("application-status", a.status.as_str())),
            is_draft: a.status == ApplicationStatus::Draft,
            is_submitted: a.status == ApplicationStatus::Submitted,
            is_withdrawn: a.status == ApplicationStatus::Withdrawn,
            name: p
                .map(|p| p.passport_name.clone())
                .or_else(|| a.form.get("passport_name").and_then(|v| v.first().cloned()))
                .unwrap_or_default(),
            gender: p
                .map(|p| tr.t(&k("gender", p.gender.as_str())))
                .unwrap_or_default(),
            city: text(&|p| format!("{} ({})", p.city_name, p.country)),
            region: p.map(|p| region_label(tr, p.region)).unwrap_or_default(),
            member: p
                .map(|p| {
                    tr.t(if p.member {
                        "application-member"
                    } else {
                        "application-non-member"
                    })
                })
                .unwrap_or_default(),
            position: text(&|p| p.position.clone()),
            department: text(&|p| p.department.clone()),
            nationality: text(&|p| p.nationality.clone()),
            interview_language: text(&|p| p.interview_language.clone()),
            submitted: a
                .submitted_at
                .map(|t| tr.datetime(t, req.tz))
                .unwrap_or_default(),
            answers,
            documents_complete: call.is_none_or(|c| a.documents_complete(&c.documents)),
            documents,
            endorsement: tr.t(&k("endorsement", a.endorsement.status.as_str())),
            endorsement_comment: a.endorsement.comment.clone().unwrap_or_default(),
            endorsement_rank: a
                .endorsement
                .rank
                .map(|r| r.to_string())
                .unwrap_or_default(),
            interview: a
                .interview
                .as_ref()
                .map(|i| {
                    let mut s = format!(
                        "{} · {} · {}",
                        tr.datetime(i.slot, req.tz),
                        i.language,
                        tr.t(&k("interview", i.outcome.as_str()))
                    );
                    if let Some(l) = i.level {
                        s.push_str(&format!(" · {}", l.as_str().to_uppercase()));
                    }
                    s
                })
                .unwrap_or_default(),
            vetting: seen
                .vetting_visible
                .then(|| tr.t(&k("vetting", a.vetting.as_str()))),
            outcome: d.map(|d| tr.t(&k("outcome", d.outcome.as_str()))),
            outcome_code: d
                .map(|d| d.outcome.as_str().to_string())
                .unwrap_or_default(),
            reason: d
                .map(|d| {
                    let title = |_: &str| seen.programme.input.title.get(lang).to_string();
                    Reasons {
                        tr: *tr,
                        title: &title,
                    }
                    .explain(&d.reason_code, &d.reason_params, &d.reason)
                })
                .unwrap_or_default(),
            respond_by: d
                .and_then(|d| d.respond_by)
                .map(|t| tr.datetime(t, req.tz))
                .unwrap_or_default(),
            waitlist_position: d
                .and_then(|d| d.waitlist_position)
                .map(|n| n.to_string())
                .unwrap_or_default(),
            seat: d
                .and_then(|d| d.seat_no)
                .map(|n| n.to_string())
                .unwrap_or_default(),
            version: a.version,
        }
    }

    pub fn is_offered(&self) -> bool {
        self.outcome_code == Outcome::Offered.as_str()
    }
    pub fn is_confirmed(&self) -> bool {
        self.outcome_code == Outcome::Confirmed.as_str()
    }
}

fn answer_text(q: Option<&Question>, v: &miti_domain::call::AnswerValue, lang: &str) -> String {
    use miti_domain::call::AnswerValue as A;
    let label = |value: &str| {
        q.and_then(|q| q.choices.iter().find(|c| c.value == value))
            .map(|c| c.label.get(lang).to_string())
            .unwrap_or_else(|| value.to_string())
    };
    match v {
        A::Text(t) | A::File(t) => t.clone(),
        A::Choice(c) => label(c),
        A::Choices(cs) => cs.iter().map(|c| label(c)).collect::<Vec<_>>().join(", "),
        A::Number(n) => n.to_string(),
        A::Date(d) => d.to_string(),
    }
}

/// A gate as the viewer may see it: vetting shows as "awaiting clearance"
/// to anyone without the vetting permission.
pub fn gate_label(req: &Req, g: Gate, vetting_visible: bool) -> String {
    if g == Gate::VettingNotCleared && !vetting_visible {
        return req.tr.t("gate-clearance");
    }
    req.tr.t(&k("gate", g.code()))
}

/// One input of the application form, with its current value and error.
pub struct FormField {
    pub name: String,
    pub label: String,
    pub kind: &'static str,
    pub required: bool,
    pub value: String,
    pub values: Vec<String>,
    pub choices: Vec<super::Choice>,
    pub error: Option<String>,
    pub hint: String,
}

/// The call's questions as form fields, filled from the form as typed.
pub fn question_fields(
    req: &Req,
    questions: &[Question],
    form: &std::collections::BTreeMap<String, Vec<String>>,
    errors: &FieldErrors,
) -> Vec<FormField> {
    let lang = req.tr.lang();
    questions
        .iter()
        .map(|q| {
            let name = format!("q.{}", q.key);
            let values = form.get(&name).cloned().unwrap_or_default();
            let kind = match q.kind {
                QuestionKind::ShortText | QuestionKind::File => "text",
                QuestionKind::LongText => "textarea",
                QuestionKind::SingleChoice => "select",
                QuestionKind::MultipleChoice => "checkboxes",
                QuestionKind::Number => "number",
                QuestionKind::Date => "date",
            };
            let mut hint = String::new();
            if let Some(c) = &q.show_if {
                hint = req.tr.ta1(
                    "application-question-conditional",
                    "question",
                    c.question.as_str(),
                );
            }
            FormField {
                choices: q
                    .choices
                    .iter()
                    .map(|c| super::Choice {
                        selected: values.contains(&c.value),
                        value: c.value.clone(),
                        label: c.label.get(lang).to_string(),
                    })
                    .collect(),
                value: values.first().cloned().unwrap_or_default(),
                values,
                error: errors
                    .get(&name)
                    .map(|e| crate::page::field_message(&req.tr, e)),
                label: q.label.get(lang).to_string(),
                required: q.required,
                kind,
                name,
                hint,
            }
        })
        .collect()
}
