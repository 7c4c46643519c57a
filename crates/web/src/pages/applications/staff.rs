//! Host-centre staff: a call's applications with scores and gates, one
//! application with its reviews, interview and override, the call's rules,
//! and (for vetting officers) vetting.

use super::{AppView, gate_label, k};
use crate::AppState;
use crate::context::Req;
use crate::error::WebError;
use crate::page::{Errors, Page};
use crate::pages::{Choice, render, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use miti_domain::application::{
    CallRulesForm, Gate, InterviewForm, InterviewOutcome, LanguageLevel, VettingStatus,
};
use miti_domain::call::zone;
use miti_domain::policy::Action;
use miti_domain::{DomainError, FieldErrors, Id};
use std::collections::HashMap;

const PAGE_SIZE: i64 = 50;

pub struct PipelineLine {
    pub id: Id,
    pub name: String,
    pub city: String,
    pub member: bool,
    pub gender: String,
    pub status: String,
    pub endorsement: String,
    pub score: String,
    pub reviews: usize,
    pub gates: String,
    pub eligible: bool,
    pub outcome: String,
}

#[derive(Template)]
#[template(path = "pipeline.html")]
struct PipelinePage {
    page: Page,
    programme_id: Id,
    lines: Vec<PipelineLine>,
    total: i64,
    page_no: i64,
    pages: i64,
    assigned: usize,
    conflicted: usize,
    submitted: usize,
}

/// The labels of one page, each translated once: its 50 lines ask for the
/// same few messages some 300 times.
struct Labels<'a> {
    req: &'a Req,
    vetting_visible: bool,
    seen: HashMap<(&'static str, &'static str), String>,
}

impl<'a> Labels<'a> {
    fn new(req: &'a Req, vetting_visible: bool) -> Self {
        Labels {
            req,
            vetting_visible,
            seen: HashMap::new(),
        }
    }

    /// The message `{prefix}-{code}` (underscores as hyphens).
    fn of(&mut self, prefix: &'static str, code: &'static str) -> String {
        let tr = &self.req.tr;
        self.seen
            .entry((prefix, code))
            .or_insert_with(|| tr.t(&k(prefix, code)))
            .clone()
    }

    /// The gates an application fails, as the viewer may see them.
    fn gates(&mut self, gates: &[Gate]) -> String {
        let (req, vetting_visible) = (self.req, self.vetting_visible);
        let mut out = String::new();
        for g in gates {
            if !out.is_empty() {
                out.push_str(" · ");
            }
            out.push_str(
                self.seen
                    .entry(("gate", g.code()))
                    .or_insert_with(|| gate_label(req, *g, vetting_visible)),
            );
        }
        out
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct PageQuery {
    pub page: Option<i64>,
}

pub async fn pipeline(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    Query(q): Query<PageQuery>,
) -> Result<Response, WebError> {
    let page_no = q.page.unwrap_or(1).max(1);
    let p = s
        .services
        .pipeline_page(&req.ctx, id, PAGE_SIZE, (page_no - 1) * PAGE_SIZE)
        .await?;
    let tr = &req.tr;
    let mut labels = Labels::new(&req, p.vetting_visible);
    let lines = p
        .rows
        .iter()
        .map(|r| {
            let who = r.line.applicant.as_ref();
            PipelineLine {
                id: r.line.id,
                name: who
                    .map(|a| a.passport_name.clone())
                    .unwrap_or_else(|| labels.of("application-status", "draft")),
                city: who
                    .map(|a| format!("{} ({})", a.city_name, a.country))
                    .unwrap_or_default(),
                member: who.is_some_and(|a| a.member),
                gender: who
                    .map(|a| labels.of("gender", a.gender.as_str()))
                    .unwrap_or_default(),
                status: labels.of("application-status", r.line.status.as_str()),
                endorsement: labels.of("endorsement", r.line.endorsement.as_str()),
                score: r.score.map(|c| tr.decimal(c.score, 2)).unwrap_or_default(),
                reviews: r.score.map_or(0, |c| c.reviews),
                gates: labels.gates(&r.gates),
                eligible: r.gates.is_empty(),
                outcome: r
                    .line
                    .outcome
                    .map(|o| labels.of("outcome", o.as_str()))
                    .unwrap_or_default(),
            }
        })
        .collect();
    let count = |n: i64| usize::try_from(n).unwrap_or(0);
    let total = p.counts.applications;
    render(PipelinePage {
        page: Page::titled(
            &req,
            format!(
                "{} — {}",
                tr.t("pipeline-title"),
                p.programme.input.title.get(tr.lang())
            ),
        ),
        programme_id: id,
        lines,
        total,
        page_no,
        pages: (total + PAGE_SIZE - 1) / PAGE_SIZE,
        assigned: count(p.counts.reviews),
        conflicted: count(p.counts.reviews_conflicted),
        submitted: count(p.counts.reviews_counted),
    })
}

pub struct ReviewLine {
    pub reviewer: String,
    pub state: String,
    pub score: String,
    pub comment: String,
}

#[derive(Template)]
#[template(path = "staff_application.html")]
struct Detail {
    page: Page,
    v: AppView,
    reviews: Vec<ReviewLine>,
    reviewers: Vec<Choice>,
    interviewers: Vec<Choice>,
    languages: Vec<Choice>,
    outcomes: Vec<Choice>,
    levels: Vec<Choice>,
    interview: InterviewForm,
    can_vet: bool,
    vetting_choices: Vec<Choice>,
    override_state: String,
    errors: Errors,
}

fn choices(values: Vec<(String, String)>, current: &str) -> Vec<Choice> {
    values
        .into_iter()
        .map(|(value, label)| Choice {
            selected: value == current,
            value,
            label,
        })
        .collect()
}

async fn detail_page(
    s: &AppState,
    req: &Req,
    id: Id,
    interview: Option<InterviewForm>,
    errors: FieldErrors,
) -> Result<Response, WebError> {
    let seen = s.services.managed_application(&req.ctx, id).await?;
    let call = s.services.public_call(seen.app.programme_id).await?;
    let rules = s.services.rules_for(seen.programme.id).await?;
    let progress = s
        .services
        .review_progress(seen.programme.id, &rules)
        .await?;
    let users = s.services.reviewer_choices(&seen.programme).await?;
    let name_of = |uid: Id| {
        users
            .iter()
            .find(|u| u.id == uid)
            .map(|u| u.display_name.clone())
            .unwrap_or_else(|| format!("#{uid}"))
    };
    let tr = &req.tr;
    let reviews = progress
        .by_application
        .get(&id)
        .map(|rs| {
            rs.iter()
                .map(|r| ReviewLine {
                    reviewer: name_of(r.reviewer_id),
                    state: tr.t(super::review::state_key(r)),
                    score: if r.is_counted() {
                        tr.decimal(
                            miti_domain::application::weighted_score(&rules.rubric, &r.scores),
                            2,
                        )
                    } else {
                        String::new()
                    },
                    comment: r
                        .comment
                        .clone()
                        .or(r.conflict_note.clone())
                        .unwrap_or_default(),
                })
                .collect()
        })
        .unwrap_or_default();
    let tz = zone(&seen.programme.input.timezone);
    let interview = interview.unwrap_or_else(|| {
        seen.app
            .interview
            .as_ref()
            .map(|i| InterviewForm::from_interview(i, tz))
            .unwrap_or_else(|| InterviewForm {
                language: seen
                    .app
                    .profile
                    .as_ref()
                    .map(|p| p.interview_language.clone())
                    .unwrap_or_default(),
                ..Default::default()
            })
    });
    let people: Vec<(String, String)> = users
        .iter()
        .map(|u| (u.id.to_string(), u.display_name.clone()))
        .collect();
    let override_state = s
        .services
        .selection_override(&req.ctx, id)
        .await?
        .map(|o| {
            format!(
                "{} — {}",
                tr.t(if o.include {
                    "override-include"
                } else {
                    "override-exclude"
                }),
                o.reason
            )
        })
        .unwrap_or_default();
    let can_vet = seen.vetting_visible;
    let vetting_now = seen.app.vetting.as_str().to_string();
    let v = AppView::new(req, &seen, call.as_ref());
    let invalid = !errors.is_empty();
    let mut r = render(Detail {
        page: Page::titled(req, format!("{} — {}", v.name, v.programme)),
        reviewers: choices(people.clone(), ""),
        interviewers: choices(people, &interview.interviewer_id),
        languages: choices(
            seen.programme
                .input
                .working_languages
                .iter()
                .map(|l| (l.clone(), l.clone()))
                .collect(),
            &interview.language,
        ),
        outcomes: choices(
            InterviewOutcome::ALL
                .iter()
                .map(|o| {
                    (
                        o.as_str().to_string(),
                        tr.t(&format!("interview-{}", o.as_str().replace('_', "-"))),
                    )
                })
                .collect(),
            &interview.outcome,
        ),
        levels: choices(
            LanguageLevel::ALL
                .iter()
                .map(|l| (l.as_str().to_string(), l.as_str().to_uppercase()))
                .collect(),
            &interview.level,
        ),
        vetting_choices: choices(
            VettingStatus::ALL
                .iter()
                .map(|x| {
                    (
                        x.as_str().to_string(),
                        tr.t(&format!("vetting-{}", x.as_str())),
                    )
                })
                .collect(),
            &vetting_now,
        ),
        interview,
        can_vet,
        override_state,
        reviews,
        v,
        errors: Errors(errors),
    })?;
    if invalid {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

pub async fn detail(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    detail_page(&s, &req, id, None, FieldErrors::new()).await
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct AssignForm {
    pub reviewer_id: String,
}

pub async fn assign(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    Form(f): Form<AssignForm>,
) -> Result<Response, WebError> {
    match s
        .services
        .assign_reviewer(&req.ctx, id, &f.reviewer_id)
        .await
    {
        Ok(_) => Ok(see_other(&format!(
            "/applications/{id}/manage?done=reviewer-assigned"
        ))),
        Err(DomainError::Invalid(e)) => detail_page(&s, &req, id, None, e).await,
        Err(e) => Err(e.into()),
    }
}

pub async fn interview(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    Form(f): Form<InterviewForm>,
) -> Result<Response, WebError> {
    match s.services.save_interview(&req.ctx, id, &f).await {
        Ok(_) => Ok(see_other(&format!(
            "/applications/{id}/manage?done=interview-saved"
        ))),
        Err(DomainError::Invalid(e)) => detail_page(&s, &req, id, Some(f), e).await,
        Err(e) => Err(e.into()),
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct OverrideForm {
    /// "include", "exclude" or "clear".
    pub action: String,
    pub reason: String,
}

pub async fn set_override(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    Form(f): Form<OverrideForm>,
) -> Result<Response, WebError> {
    let include = match f.action.as_str() {
        "include" => Some(true),
        "exclude" => Some(false),
        "clear" => None,
        _ => return Err(FieldErrors::single("action", "invalid_choice").into()),
    };
    match s
        .services
        .set_override(&req.ctx, id, include, &f.reason)
        .await
    {
        Ok(()) => Ok(see_other(&format!(
            "/applications/{id}/manage?done=override-saved"
        ))),
        Err(DomainError::Invalid(e)) => detail_page(&s, &req, id, None, e).await,
        Err(e) => Err(e.into()),
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct VettingForm {
    pub vetting: String,
    /// "manage" when sent from the application's staff page (back there).
    pub from: String,
}

pub async fn vet(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    Form(f): Form<VettingForm>,
) -> Result<Response, WebError> {
    s.services.set_vetting(&req.ctx, id, &f.vetting).await?;
    if f.from == "manage" {
        return Ok(see_other(&format!(
            "/applications/{id}/manage?done=vetting-saved"
        )));
    }
    Ok(see_other("/vetting?done=vetting-saved"))
}

pub struct VettingLine {
    pub id: Id,
    pub programme: String,
    pub name: String,
    pub nationality: String,
    pub status: String,
    pub choices: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "vetting.html")]
struct VettingPage {
    page: Page,
    lines: Vec<VettingLine>,
}

pub async fn vetting_queue(State(s): State<AppState>, req: Req) -> Result<Response, WebError> {
    let tr = &req.tr;
    let lines = s
        .services
        .vetting_queue(&req.ctx)
        .await?
        .into_iter()
        .map(|seen| VettingLine {
            id: seen.app.id,
            programme: seen.programme.input.title.get(tr.lang()).to_string(),
            name: seen
                .app
                .profile
                .as_ref()
                .map(|p| p.passport_name.clone())
                .unwrap_or_default(),
            nationality: seen
                .app
                .profile
                .as_ref()
                .map(|p| p.nationality.clone())
                .unwrap_or_default(),
            status: tr.t(&format!("vetting-{}", seen.app.vetting.as_str())),
            choices: choices(
                VettingStatus::ALL
                    .iter()
                    .map(|x| {
                        (
                            x.as_str().to_string(),
                            tr.t(&format!("vetting-{}", x.as_str())),
                        )
                    })
                    .collect(),
                seen.app.vetting.as_str(),
            ),
        })
        .collect();
    render(VettingPage {
        page: Page::new(&req, "vetting-title"),
        lines,
    })
}

#[derive(Template)]
#[template(path = "call_rules.html")]
struct RulesPage {
    page: Page,
    programme_id: Id,
    form: CallRulesForm,
    errors: Errors,
}

async fn rules_page(
    s: &AppState,
    req: &Req,
    id: Id,
    form: Option<CallRulesForm>,
    errors: FieldErrors,
) -> Result<Response, WebError> {
    let p = s.services.managed_programme(&req.ctx, id).await?;
    let form = match form {
        Some(f) => f,
        None => CallRulesForm::from_rules(&s.services.rules_for(id).await?),
    };
    let invalid = !errors.is_empty();
    let mut r = render(RulesPage {
        page: Page::titled(
            req,
            format!(
                "{} — {}",
                req.tr.t("rules-title"),
                p.input.title.get(req.tr.lang())
            ),
        ),
        programme_id: id,
        form,
        errors: Errors(errors),
    })?;
    if invalid {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

pub async fn rules(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    rules_page(&s, &req, id, None, FieldErrors::new()).await
}

pub async fn save_rules(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    Form(f): Form<CallRulesForm>,
) -> Result<Response, WebError> {
    match s.services.save_call_rules(&req.ctx, id, &f).await {
        Ok(_) => Ok(see_other(&format!(
            "/programmes/{id}/applications?done=rules-saved"
        ))),
        Err(DomainError::Invalid(e)) => rules_page(&s, &req, id, Some(f), e).await,
        Err(e) => Err(e.into()),
    }
}
