//! SDG alignment of a programme: the read-only view on the staff and public
//! programme pages, and the editor with the suggester's suggestions (plain
//! forms, POST-redirect-GET; accepting a suggestion is a GET that adds a
//! prefilled row to the form, rejecting one is remembered).

use super::{Choice, render, see_other};
use crate::AppState;
use crate::context::Req;
use crate::error::WebError;
use crate::page::{Errors, Page, field_message};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use miti_domain::alignment::{
    Alignment, AlignmentForm, Influence, Partnership, RowForm, StakeholderForm, Strength,
};
use miti_domain::policy::Action;
use miti_domain::{DomainError, FieldErrors, Id};
use miti_i18n::Tr;
use miti_sdg::{Framework, Lang};

/// The framework's language for the viewer, and the tag of the shown text
/// (Persian and untranslated titles fall back to English).
fn sdg_lang(tr: &Tr) -> Lang {
    Lang::from_code(tr.lang()).unwrap_or(Lang::En)
}

fn text_lang(tr: &Tr, translated: bool) -> String {
    if translated && sdg_lang(tr) != Lang::Fa {
        tr.lang().to_string()
    } else {
        "en".into()
    }
}

/// A goal as a coloured chip: number, short title, its language.
pub struct GoalChip {
    pub number: u8,
    pub title: String,
    pub lang: String,
}

pub fn goal_chip(tr: &Tr, number: u8) -> GoalChip {
    let fw = Framework::get();
    let lang = sdg_lang(tr);
    match fw.goal(number) {
        Some(g) => GoalChip {
            number,
            title: g.short_title(lang).to_string(),
            lang: text_lang(tr, g.is_translated(lang)),
        },
        None => GoalChip {
            number,
            title: String::new(),
            lang: "en".into(),
        },
    }
}

/// A target or indicator code with its title in the viewer's language.
pub struct Coded {
    pub code: String,
    pub title: String,
    pub lang: String,
}

fn target_of(tr: &Tr, code: &str) -> Coded {
    let lang = sdg_lang(tr);
    let t = Framework::get().target(code);
    Coded {
        code: code.to_string(),
        title: t.map(|t| t.title(lang).to_string()).unwrap_or_default(),
        lang: text_lang(tr, t.is_some_and(|t| t.is_translated(lang))),
    }
}

fn indicator_of(tr: &Tr, code: &str) -> Coded {
    let lang = sdg_lang(tr);
    let i = Framework::get().indicator(code);
    Coded {
        code: code.to_string(),
        title: i.map(|i| i.title(lang).to_string()).unwrap_or_default(),
        lang: text_lang(tr, i.is_some_and(|i| i.is_translated(lang))),
    }
}

pub struct RowView {
    pub strategic_focus: String,
    pub project_example: String,
    pub goal: GoalChip,
    pub target: Option<Coded>,
    pub indicator: Option<Coded>,
}

pub struct StakeholderView {
    pub organisation: String,
    pub role: String,
    pub interest: String,
    pub influence: String,
    pub influence_code: &'static str,
    pub partnership: String,
}

/// The alignment as the programme pages show it.
pub struct AlignmentView {
    pub programme_id: Id,
    pub rows: Vec<RowView>,
    pub stakeholders: Vec<StakeholderView>,
    /// (question, answer), only those answered.
    pub answers: Vec<(String, String)>,
    pub gender: bool,
    /// Show the editor link (staff page).
    pub editable: bool,
}

impl AlignmentView {
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.stakeholders.is_empty() && self.answers.is_empty()
    }
}

fn influence_label(tr: &Tr, i: Influence) -> String {
    tr.t(&format!("sdg-influence-{}", i.as_str()))
}
fn partnership_label(tr: &Tr, p: Partnership) -> String {
    tr.t(&format!("sdg-partnership-{}", p.as_str()))
}
fn strength_label(tr: &Tr, s: Strength) -> String {
    tr.t(&format!("sdg-strength-{}", s.as_str()))
}

pub fn view(tr: &Tr, programme_id: Id, a: Option<&Alignment>, editable: bool) -> AlignmentView {
    let Some(a) = a else {
        return AlignmentView {
            programme_id,
            rows: vec![],
            stakeholders: vec![],
            answers: vec![],
            gender: false,
            editable,
        };
    };
    let i = &a.input;
    let rows = i
        .rows
        .iter()
        .map(|r| RowView {
            strategic_focus: r.strategic_focus.clone(),
            project_example: r.project_example.clone(),
            goal: goal_chip(tr, r.goal),
            target: r.target.as_deref().map(|t| target_of(tr, t)),
            indicator: r.indicator.as_deref().map(|c| indicator_of(tr, c)),
        })
        .collect();
    let stakeholders = i
        .stakeholders
        .iter()
        .map(|s| StakeholderView {
            organisation: s.organisation.clone(),
            role: s.role.clone(),
            interest: s.interest.clone(),
            influence: influence_label(tr, s.influence),
            influence_code: s.influence.as_str(),
            partnership: partnership_label(tr, s.partnership),
        })
        .collect();
    let q = &i.answers;
    let strength = q
        .alignment_strength
        .map(|s| strength_label(tr, s))
        .unwrap_or_default();
    let answers = [
        ("sdg-answer-content-focus", q.content_focus.clone()),
        ("sdg-answer-partners", q.partners.clone()),
        ("sdg-answer-target-audience", q.target_audience.clone()),
        ("sdg-answer-sdg-familiarity", q.sdg_familiarity.clone()),
        ("sdg-answer-alignment-strength", strength),
        ("sdg-answer-alignment-why", q.alignment_why.clone()),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| (tr.t(k), v))
    .collect();
    AlignmentView {
        programme_id,
        rows,
        stakeholders,
        answers,
        gender: i.covers_gender_equality(),
        editable,
    }
}

// ---- the editor -------------------------------------------------------------

/// One input of the editor: label, name, what it holds, its error; a text
/// line, a text area or a select (`choices`, with an empty first option).
pub struct Field {
    pub label: String,
    pub name: String,
    pub value: String,
    pub error: Option<String>,
    pub kind: &'static str,
    pub choices: Vec<Choice>,
    /// A `<datalist>` id offered as completions, or "".
    pub list: &'static str,
}

struct Fields<'a> {
    tr: &'a Tr,
    errors: &'a FieldErrors,
}

impl Fields<'_> {
    fn make(&self, kind: &'static str, label: &str, name: String, value: &str) -> Field {
        Field {
            label: self.tr.t(label),
            error: self.errors.get(&name).map(|e| field_message(self.tr, e)),
            value: value.to_string(),
            name,
            kind,
            choices: vec![],
            list: "",
        }
    }
    fn text(&self, label: &str, name: String, value: &str) -> Field {
        self.make("text", label, name, value)
    }
    fn area(&self, label: &str, name: String, value: &str) -> Field {
        self.make("textarea", label, name, value)
    }
    fn select(&self, label: &str, name: String, value: &str, choices: Vec<Choice>) -> Field {
        Field {
            choices,
            ..self.make("select", label, name, value)
        }
    }
}

/// One entry (table row or stakeholder) of the editor.
pub struct Entry {
    /// 1-based, for labels.
    pub number: usize,
    pub fields: Vec<Field>,
    /// The name of its remove box, and whether it is ticked.
    pub remove: String,
    pub removed: bool,
    /// Added from an accepted suggestion.
    pub accepted: bool,
}

/// One open suggestion: "SDG 6 — 0.91 — ‘wastewater’, ‘water supply’".
pub struct SuggestionView {
    pub goal: GoalChip,
    pub score: String,
    pub evidence: String,
    /// The first suggested target, prefilled on accept.
    pub target: String,
    pub targets: Vec<Coded>,
}

#[derive(Template)]
#[template(path = "sdg_alignment_form.html")]
struct Editor {
    page: Page,
    id: Id,
    programme: String,
    programme_lang: String,
    rows: Vec<Entry>,
    stakeholders: Vec<Entry>,
    answers: Vec<Field>,
    version: String,
    version_error: Option<String>,
    suggestions: Vec<SuggestionView>,
    dismissed: Vec<GoalChip>,
    targets: Vec<Coded>,
    errors: Errors,
    accepted: bool,
}

fn choices_of<T: Copy>(
    all: &[T],
    current: &str,
    code: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> String,
) -> Vec<Choice> {
    all.iter()
        .map(|x| Choice {
            value: code(*x).into(),
            label: label(*x),
            selected: current.trim() == code(*x),
        })
        .collect()
}

fn goal_choices(tr: &Tr, selected: &str) -> Vec<Choice> {
    let goals: Vec<u8> = (1..=17).collect();
    let codes: Vec<String> = goals.iter().map(u8::to_string).collect();
    goals
        .iter()
        .zip(codes)
        .map(|(g, code)| Choice {
            selected: selected.trim() == code,
            label: format!("{g} · {}", goal_chip(tr, *g).title),
            value: code,
        })
        .collect()
}

fn row_entry(f: &Fields, n: usize, r: &RowForm, accepted: bool) -> Entry {
    let at = format!("rows.{n}");
    let mut target = f.text("sdg-alignment-target", format!("{at}.target"), &r.target);
    target.list = "sdg-targets";
    Entry {
        number: n + 1,
        fields: vec![
            f.area(
                "sdg-alignment-strategic-focus",
                format!("{at}.strategic_focus"),
                &r.strategic_focus,
            ),
            f.area(
                "sdg-alignment-project-example",
                format!("{at}.project_example"),
                &r.project_example,
            ),
            f.select(
                "sdg-alignment-goal",
                format!("{at}.goal"),
                &r.goal,
                goal_choices(f.tr, &r.goal),
            ),
            target,
            f.text(
                "sdg-alignment-indicator",
                format!("{at}.indicator"),
                &r.indicator,
            ),
        ],
        remove: format!("{at}.remove"),
        removed: !r.remove.trim().is_empty(),
        accepted,
    }
}

fn stakeholder_entry(f: &Fields, n: usize, s: &StakeholderForm) -> Entry {
    let at = format!("stakeholders.{n}");
    let tr = f.tr;
    Entry {
        number: n + 1,
        fields: vec![
            f.text(
                "sdg-alignment-organisation",
                format!("{at}.organisation"),
                &s.organisation,
            ),
            f.text("sdg-alignment-role", format!("{at}.role"), &s.role),
            f.text(
                "sdg-alignment-interest",
                format!("{at}.interest"),
                &s.interest,
            ),
            f.select(
                "sdg-alignment-influence",
                format!("{at}.influence"),
                &s.influence,
                choices_of(Influence::ALL, &s.influence, Influence::as_str, |x| {
                    influence_label(tr, x)
                }),
            ),
            f.select(
                "sdg-alignment-partnership",
                format!("{at}.partnership"),
                &s.partnership,
                choices_of(Partnership::ALL, &s.partnership, Partnership::as_str, |x| {
                    partnership_label(tr, x)
                }),
            ),
        ],
        remove: format!("{at}.remove"),
        removed: !s.remove.trim().is_empty(),
        accepted: false,
    }
}

fn answer_fields(f: &Fields, form: &AlignmentForm) -> Vec<Field> {
    vec![
        f.area(
            "sdg-answer-content-focus",
            "content_focus".into(),
            &form.content_focus,
        ),
        f.area("sdg-answer-partners", "partners".into(), &form.partners),
        f.area(
            "sdg-answer-target-audience",
            "target_audience".into(),
            &form.target_audience,
        ),
        f.area(
            "sdg-answer-sdg-familiarity",
            "sdg_familiarity".into(),
            &form.sdg_familiarity,
        ),
        f.select(
            "sdg-answer-alignment-strength",
            "alignment_strength".into(),
            &form.alignment_strength,
            choices_of(
                Strength::ALL,
                &form.alignment_strength,
                Strength::as_str,
                |x| strength_label(f.tr, x),
            ),
        ),
        f.area(
            "sdg-answer-alignment-why",
            "alignment_why".into(),
            &form.alignment_why,
        ),
    ]
}

/// Blank entries to add after `len` entries of which the last `trailing`
/// are blank: enough that a few empty ones are always on offer.
fn blanks_wanted(len: usize, trailing: usize) -> usize {
    let want: usize = if len == 0 { 3 } else { 2 };
    want.saturating_sub(trailing)
}

fn trailing<T>(items: &[T], blank: impl Fn(&T) -> bool) -> usize {
    items.iter().rev().take_while(|x| blank(x)).count()
}

/// A suggestion accepted from the list: the goal (and target) of a new row.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct AcceptQuery {
    pub accept: String,
    pub target: String,
}

async fn editor_page(
    s: &AppState,
    req: &Req,
    id: Id,
    form: Option<AlignmentForm>,
    accept: Option<RowForm>,
    errors: FieldErrors,
) -> Result<Response, WebError> {
    let tr = &req.tr;
    let ed = s.services.alignment_editor(&req.ctx, id).await?;
    let mut form = form.unwrap_or_else(|| AlignmentForm::from_alignment(ed.alignment.as_ref()));
    let row_blank = |r: &RowForm| r.goal.trim().is_empty() && r.strategic_focus.trim().is_empty();
    // An accepted suggestion takes the place of the first trailing blank row.
    let mut accepted_at = None;
    if let Some(row) = accept {
        let t = trailing(&form.rows, row_blank);
        form.rows.truncate(form.rows.len() - t);
        accepted_at = Some(form.rows.len());
        form.rows.push(row);
    }
    let extra = blanks_wanted(form.rows.len(), trailing(&form.rows, row_blank));
    form.rows
        .extend(std::iter::repeat_with(RowForm::default).take(extra));
    let person_blank = |p: &StakeholderForm| {
        p.organisation.trim().is_empty() && p.role.trim().is_empty() && p.interest.trim().is_empty()
    };
    let extra = blanks_wanted(
        form.stakeholders.len(),
        trailing(&form.stakeholders, person_blank),
    );
    form.stakeholders
        .extend(std::iter::repeat_with(StakeholderForm::default).take(extra));
    let f = Fields {
        tr,
        errors: &errors,
    };
    let rows = form
        .rows
        .iter()
        .enumerate()
        .map(|(n, r)| row_entry(&f, n, r, accepted_at == Some(n)))
        .collect();
    let stakeholders = form
        .stakeholders
        .iter()
        .enumerate()
        .map(|(n, p)| stakeholder_entry(&f, n, p))
        .collect();
    let answers = answer_fields(&f, &form);
    let suggestions = ed
        .suggestions
        .iter()
        .map(|sg| SuggestionView {
            goal: goal_chip(tr, sg.goal),
            score: tr.decimal(sg.score, 2),
            evidence: sg
                .evidence
                .iter()
                .map(|e| format!("‘{e}’"))
                .collect::<Vec<_>>()
                .join(", "),
            target: sg.targets.first().cloned().unwrap_or_default(),
            targets: sg.targets.iter().map(|t| target_of(tr, t)).collect(),
        })
        .collect();
    let lang = sdg_lang(tr);
    let targets = Framework::get()
        .targets()
        .iter()
        .map(|t| Coded {
            code: t.code().to_string(),
            title: t.title(lang).chars().take(90).collect(),
            lang: String::new(),
        })
        .collect();
    let title = &ed.programme.input.title;
    let invalid = !errors.is_empty();
    let mut r = render(Editor {
        page: Page::titled(
            req,
            tr.ta_plain(
                "sdg-alignment-edit-title",
                &[("title", title.get(tr.lang()).into())],
            ),
        ),
        id,
        programme: title.get(tr.lang()).to_string(),
        programme_lang: if title.has(tr.lang()) {
            tr.lang().to_string()
        } else {
            title.main.clone()
        },
        rows,
        stakeholders,
        answers,
        version: form.version.clone(),
        version_error: errors.get("version").map(|e| field_message(tr, e)),
        suggestions,
        dismissed: ed.dismissed.iter().map(|g| goal_chip(tr, *g)).collect(),
        targets,
        accepted: accepted_at.is_some(),
        errors: Errors(errors),
    })?;
    if invalid {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

/// `GET /programmes/{id}/sdg-alignment[?accept=6&target=6.3]`
pub async fn edit_form(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    Query(q): Query<AcceptQuery>,
) -> Result<Response, WebError> {
    let accept = match q.accept.trim().parse::<u8>() {
        Ok(g @ 1..=17) => Some(RowForm {
            goal: g.to_string(),
            target: Some(q.target.trim().to_string())
                .filter(|t| Framework::get().target_belongs_to_goal(t, g).is_ok())
                .unwrap_or_default(),
            ..Default::default()
        }),
        _ => None,
    };
    editor_page(&s, &req, id, None, accept, FieldErrors::new()).await
}

/// `POST /programmes/{id}/sdg-alignment`
pub async fn save(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    body: String,
) -> Result<Response, WebError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(&body).unwrap_or_default();
    let mut form = AlignmentForm::from_pairs(&pairs);
    match s.services.save_alignment(&req.ctx, id, &form).await {
        Ok(_) => Ok(see_other(&format!(
            "/programmes/{id}?done=sdg-alignment-saved#sdg"
        ))),
        Err(DomainError::Invalid(errs)) => {
            // After a conflict, saving again means overwriting what is there now.
            if errs.get("version").is_some()
                && let Ok(ed) = s.services.alignment_editor(&req.ctx, id).await
            {
                form.version = ed.alignment.map(|a| a.version).unwrap_or(0).to_string();
            }
            editor_page(&s, &req, id, Some(form), None, errs).await
        }
        Err(e) => Err(e.into()),
    }
}

/// An answer to one suggestion: `decision` is `reject` (not suggested
/// again) or `restore` (suggested again).
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct SuggestionAnswer {
    pub goal: String,
    pub decision: String,
}

/// `POST /programmes/{id}/sdg-alignment/suggestions`
pub async fn answer(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    axum::Form(f): axum::Form<SuggestionAnswer>,
) -> Result<Response, WebError> {
    let dismissed = match f.decision.trim() {
        "reject" => true,
        "restore" => false,
        _ => return Err(FieldErrors::single("decision", "invalid_choice").into()),
    };
    s.services
        .answer_suggestion(&req.ctx, id, &f.goal, dismissed)
        .await?;
    Ok(see_other(&format!(
        "/programmes/{id}/sdg-alignment#suggestions"
    )))
}
