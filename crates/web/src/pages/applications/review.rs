//! Reviewers: their assignments, the conflict declaration, then scores on
//! the call's rubric.

use super::AppView;
use crate::AppState;
use crate::context::Req;
use crate::error::WebError;
use crate::page::{Errors, Page};
use crate::pages::{render, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use miti_domain::application::ReviewForm;
use miti_domain::policy::Action;
use miti_domain::{DomainError, FieldErrors, Id};

pub struct AssignmentRow {
    pub id: Id,
    pub programme: String,
    pub name: String,
    pub state: String,
}

#[derive(Template)]
#[template(path = "reviews.html")]
struct List {
    page: Page,
    rows: Vec<AssignmentRow>,
}

pub fn state_key(r: &miti_domain::application::Review) -> &'static str {
    match (r.conflict, r.submitted_at) {
        (Some(true), _) => "review-state-conflict",
        (_, Some(_)) => "review-state-done",
        (Some(false), None) => "review-state-to-score",
        (None, _) => "review-state-to-declare",
    }
}

pub async fn list(State(s): State<AppState>, req: Req) -> Result<Response, WebError> {
    let lang = req.tr.lang();
    let rows = s
        .services
        .my_reviews(&req.ctx)
        .await?
        .into_iter()
        .map(|(r, seen)| AssignmentRow {
            id: r.id,
            programme: seen.programme.input.title.get(lang).to_string(),
            name: seen
                .app
                .profile
                .as_ref()
                .map(|p| p.passport_name.clone())
                .unwrap_or_default(),
            state: req.tr.t(state_key(&r)),
        })
        .collect();
    render(List {
        page: Page::new(&req, "review-title"),
        rows,
    })
}

pub struct ScoreField {
    pub key: String,
    pub label: String,
    pub weight: u32,
    pub max: u32,
    pub value: String,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "review_show.html")]
struct Show {
    page: Page,
    v: AppView,
    review_id: Id,
    declared: bool,
    conflicted: bool,
    submitted: bool,
    scores: Vec<ScoreField>,
    form: ReviewForm,
    errors: Errors,
}

async fn show_page(
    s: &AppState,
    req: &Req,
    id: Id,
    form: Option<ReviewForm>,
    errors: FieldErrors,
) -> Result<Response, WebError> {
    let a = s.services.assignment(&req.ctx, id).await?;
    let call = s.services.public_call(a.seen.app.programme_id).await?;
    let form = form.unwrap_or_else(|| ReviewForm {
        conflict: match a.review.conflict {
            Some(true) => "conflict".into(),
            Some(false) => "none".into(),
            None => String::new(),
        },
        conflict_note: a.review.conflict_note.clone().unwrap_or_default(),
        comment: a.review.comment.clone().unwrap_or_default(),
        scores: a
            .review
            .scores
            .iter()
            .map(|(k, v)| (k.clone(), v.to_string()))
            .collect(),
    });
    let scores = a
        .rules
        .rubric
        .iter()
        .map(|c| ScoreField {
            key: c.key.clone(),
            label: c.label.clone(),
            weight: c.weight,
            max: c.max,
            value: form.scores.get(&c.key).cloned().unwrap_or_default(),
            error: errors
                .get(&format!("score.{}", c.key))
                .map(|e| crate::page::field_message(&req.tr, e)),
        })
        .collect();
    let v = AppView::new(req, &a.seen, call.as_ref());
    let invalid = !errors.is_empty();
    let mut r = render(Show {
        page: Page::titled(req, format!("{} — {}", v.name, v.programme)),
        v,
        review_id: id,
        declared: a.review.conflict.is_some(),
        conflicted: a.review.conflict == Some(true),
        submitted: a.review.submitted_at.is_some(),
        scores,
        form,
        errors: Errors(errors),
    })?;
    if invalid {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

pub async fn show(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    show_page(&s, &req, id, None, FieldErrors::new()).await
}

pub async fn declare(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    Form(form): Form<ReviewForm>,
) -> Result<Response, WebError> {
    match s.services.declare_conflict(&req.ctx, id, &form).await {
        Ok(_) => Ok(see_other(&format!("/reviews/{id}"))),
        Err(DomainError::Invalid(e)) => show_page(&s, &req, id, Some(form), e).await,
        Err(e) => Err(e.into()),
    }
}

pub async fn score(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let mut form = ReviewForm::default();
    for (k, v) in pairs {
        match k.as_str() {
            "comment" => form.comment = v,
            _ => {
                if let Some(key) = k.strip_prefix("score.") {
                    form.scores.insert(key.to_string(), v);
                }
            }
        }
    }
    match s.services.score_review(&req.ctx, id, &form).await {
        Ok(_) => Ok(see_other("/reviews?done=review-saved")),
        Err(DomainError::Invalid(e)) => show_page(&s, &req, id, Some(form), e).await,
        Err(e) => Err(e.into()),
    }
}
