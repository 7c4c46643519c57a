//! The city's focal point: its own city's applicants, endorse or decline
//! with a comment, and rank.

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
use miti_domain::application::EndorsementForm;
use miti_domain::policy::Action;
use miti_domain::{DomainError, FieldErrors, Id};

pub struct NomineeRow {
    pub id: Id,
    pub programme: String,
    pub name: String,
    pub position: String,
    pub endorsement: String,
    pub rank: String,
}

#[derive(Template)]
#[template(path = "nominations.html")]
struct List {
    page: Page,
    rows: Vec<NomineeRow>,
}

pub async fn list(State(s): State<AppState>, req: Req) -> Result<Response, WebError> {
    let lang = req.tr.lang();
    let rows = s
        .services
        .city_nominees(&req.ctx)
        .await?
        .into_iter()
        .map(|(a, p)| NomineeRow {
            id: a.id,
            programme: p.input.title.get(lang).to_string(),
            name: a
                .profile
                .as_ref()
                .map(|p| p.passport_name.clone())
                .unwrap_or_default(),
            position: a
                .profile
                .as_ref()
                .map(|p| p.position.clone())
                .unwrap_or_default(),
            endorsement: req
                .tr
                .t(&format!("endorsement-{}", a.endorsement.status.as_str())),
            rank: a
                .endorsement
                .rank
                .map(|r| r.to_string())
                .unwrap_or_default(),
        })
        .collect();
    render(List {
        page: Page::new(&req, "nomination-title"),
        rows,
    })
}

#[derive(Template)]
#[template(path = "nomination_show.html")]
struct Show {
    page: Page,
    v: AppView,
    form: EndorsementForm,
    errors: Errors,
}

async fn show_page(
    s: &AppState,
    req: &Req,
    id: Id,
    form: Option<EndorsementForm>,
    errors: FieldErrors,
) -> Result<Response, WebError> {
    let seen = s.services.nominee(&req.ctx, id).await?;
    let call = s.services.public_call(seen.app.programme_id).await?;
    let form = form.unwrap_or_else(|| EndorsementForm {
        decision: match seen.app.endorsement.status.as_str() {
            "pending" => String::new(),
            other => other.to_string(),
        },
        comment: seen.app.endorsement.comment.clone().unwrap_or_default(),
        rank: seen
            .app
            .endorsement
            .rank
            .map(|r| r.to_string())
            .unwrap_or_default(),
        version: seen.app.version.to_string(),
    });
    let v = AppView::new(req, &seen, call.as_ref());
    let invalid = !errors.is_empty();
    let mut r = render(Show {
        page: Page::titled(req, format!("{} — {}", v.name, v.programme)),
        v,
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

pub async fn endorse(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    Form(form): Form<EndorsementForm>,
) -> Result<Response, WebError> {
    match s.services.endorse(&req.ctx, id, &form).await {
        Ok(_) => Ok(see_other("/nominations?done=nomination-saved")),
        Err(DomainError::Invalid(e)) => show_page(&s, &req, id, Some(form), e).await,
        Err(e) => Err(e.into()),
    }
}
