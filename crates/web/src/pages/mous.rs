//! Memoranda of understanding.

use super::{Choice, render, see_other};
use crate::AppState;
use crate::context::Req;
use crate::error::WebError;
use crate::multipart_form::MultipartForm;
use crate::page::{Errors, Page};
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use miti_domain::mou::{Mou, MouForm};
use miti_domain::organisation::{OrgFilter, Organisation};
use miti_domain::policy::Action;
use miti_domain::{DomainError, FieldErrors, Id};
use std::collections::HashMap;

struct MouRow {
    id: Id,
    title: String,
    parties: String,
    signed_on: String,
    overseen_by: String,
    valid_until: String,
    document_id: Option<Id>,
}

fn row(req: &Req, m: &Mou, names: &HashMap<Id, String>) -> MouRow {
    let name = |id: &Id| names.get(id).cloned().unwrap_or_default();
    MouRow {
        id: m.id,
        title: m.title.get(req.tr.lang()).to_string(),
        parties: m.parties.iter().map(name).collect::<Vec<_>>().join(" · "),
        signed_on: req.tr.date(m.signed_on),
        overseen_by: m.overseen_by.as_ref().map(name).unwrap_or_default(),
        valid_until: m
            .valid_until
            .map(|d| req.tr.date(d))
            .unwrap_or_else(|| req.tr.t("mou-open-ended")),
        document_id: m.document_id,
    }
}

async fn names(
    s: &AppState,
    req: &Req,
) -> Result<(Vec<Organisation>, HashMap<Id, String>), WebError> {
    let orgs = s.services.organisations(&OrgFilter::default()).await?;
    let map = orgs
        .iter()
        .map(|o| (o.id, o.name.get(req.tr.lang()).to_string()))
        .collect();
    Ok((orgs, map))
}

#[derive(Template)]
#[template(path = "mou_list.html")]
struct List {
    page: Page,
    rows: Vec<MouRow>,
    can_add: bool,
}

pub async fn list(State(s): State<AppState>, req: Req) -> Result<Response, WebError> {
    let mous = s.services.mous(&req.ctx).await?;
    let (_, names) = names(&s, &req).await?;
    render(List {
        page: Page::new(&req, "mou-list-title"),
        rows: mous.iter().map(|m| row(&req, m, &names)).collect(),
        can_add: miti_domain::policy::may_attempt(req.ctx.user.as_ref(), Action::MouEdit),
    })
}

#[derive(Template)]
#[template(path = "mou_show.html")]
struct Show {
    page: Page,
    m: MouRow,
}

pub async fn show(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    let m = s.services.mou(&req.ctx, id).await?;
    let (_, names) = names(&s, &req).await?;
    let m = row(&req, &m, &names);
    render(Show {
        page: Page::titled(&req, m.title.clone()),
        m,
    })
}

#[derive(Template)]
#[template(path = "mou_form.html")]
struct New {
    page: Page,
    form: MouForm,
    orgs: Vec<Choice>,
    overseers: Vec<Choice>,
    errors: Errors,
}

async fn form_page(
    s: &AppState,
    req: &Req,
    form: MouForm,
    errors: FieldErrors,
) -> Result<Response, WebError> {
    let (orgs, _) = names(s, req).await?;
    let lang = req.tr.lang();
    let opts = |selected: &dyn Fn(&str) -> bool| -> Vec<Choice> {
        orgs.iter()
            .map(|o| Choice {
                value: o.id.to_string(),
                label: o.name.get(lang).to_string(),
                selected: selected(&o.id.to_string()),
            })
            .collect()
    };
    let invalid = !errors.is_empty();
    let mut r = render(New {
        page: Page::new(req, "mou-add"),
        orgs: opts(&|v| form.parties.iter().any(|p| p == v)),
        overseers: opts(&|v| form.overseen_by == v),
        form,
        errors: Errors(errors),
    })?;
    if invalid {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

pub async fn new_form(State(s): State<AppState>, req: Req) -> Result<Response, WebError> {
    let form = MouForm {
        title_language: req.tr.lang().into(),
        ..Default::default()
    };
    form_page(&s, &req, form, FieldErrors::new()).await
}

pub async fn create(
    State(s): State<AppState>,
    req: Req,
    mp: Multipart,
) -> Result<Response, WebError> {
    let read = MultipartForm::read(mp, s.config.body_limit).await?;
    let form = MouForm {
        title: read.text("title"),
        title_language: read.text("title_language"),
        parties: read.all("parties"),
        signed_on: read.text("signed_on"),
        overseen_by: read.text("overseen_by"),
        valid_until: read.text("valid_until"),
    };
    let upload = read.upload;
    match s.services.create_mou(&req.ctx, &form, upload).await {
        Ok(m) => Ok(see_other(&format!("/mous/{}", m.id))),
        Err(DomainError::Invalid(errs)) => form_page(&s, &req, form, errs).await,
        Err(e) => Err(e.into()),
    }
}
