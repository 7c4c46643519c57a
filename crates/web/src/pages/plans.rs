//! Annual plans: centres submit, the Secretariat comments, asks for changes
//! or endorses.

use super::programmes::{Names, status_label};
use super::{Choice, render, see_other};
use crate::AppState;
use crate::context::Req;
use crate::error::WebError;
use crate::page::{Errors, Page};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use miti_domain::plan::{AnnualPlan, is_late};
use miti_domain::policy::Action;
use miti_domain::{DomainError, FieldErrors, Id};
use miti_service::catalogue::PlanForm;

pub struct PlanRow {
    pub id: Id,
    pub centre: String,
    pub year: i32,
    pub status: String,
    pub submitted: String,
    pub late: bool,
}

fn plan_status(req: &Req, p: &AnnualPlan) -> String {
    req.tr.t(&format!(
        "plan-status-{}",
        p.status.as_str().replace('_', "-")
    ))
}

fn row(req: &Req, n: &Names, p: &AnnualPlan) -> PlanRow {
    PlanRow {
        id: p.id,
        centre: n.org(p.centre_org_id),
        year: p.year,
        status: plan_status(req, p),
        submitted: req.tr.datetime(p.submitted_at, req.tz),
        late: is_late(p.year, p.submitted_at),
    }
}

#[derive(Template)]
#[template(path = "plan_list.html")]
struct List {
    page: Page,
    rows: Vec<PlanRow>,
    centres: Vec<Choice>,
    form: PlanForm,
    errors: Errors,
}

async fn list_page(
    s: &AppState,
    req: &Req,
    form: PlanForm,
    errors: FieldErrors,
) -> Result<Response, WebError> {
    let plans = s.services.plans(&req.ctx).await?;
    let n = Names::load(s, &req.tr).await?;
    let lang = req.tr.lang();
    let centres = s
        .services
        .host_choices(&req.ctx)
        .await?
        .into_iter()
        .map(|o| Choice {
            selected: o.id.to_string() == form.centre,
            value: o.id.to_string(),
            label: o.name.get(lang).to_string(),
        })
        .collect();
    let invalid = !errors.is_empty();
    let mut r = render(List {
        page: Page::new(req, "plan-list-title"),
        rows: plans.iter().map(|p| row(req, &n, p)).collect(),
        centres,
        form,
        errors: Errors(errors),
    })?;
    if invalid {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

pub async fn list(State(s): State<AppState>, req: Req) -> Result<Response, WebError> {
    use chrono::Datelike;
    let form = PlanForm {
        year: (chrono::Utc::now().year() + 1).to_string(),
        ..Default::default()
    };
    list_page(&s, &req, form, FieldErrors::new()).await
}

pub async fn submit(
    State(s): State<AppState>,
    req: Req,
    Form(form): Form<PlanForm>,
) -> Result<Response, WebError> {
    match s.services.submit_plan(&req.ctx, &form).await {
        Ok(p) => Ok(see_other(&format!("/plans/{}", p.id))),
        Err(DomainError::Invalid(errs)) => list_page(&s, &req, form, errs).await,
        Err(e) => Err(e.into()),
    }
}

pub struct EventRow {
    pub at: String,
    pub kind: String,
    pub comment: String,
}

pub struct PlanProgramme {
    pub id: Id,
    pub title: String,
    pub dates: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "plan_show.html")]
struct Show {
    page: Page,
    p: PlanRow,
    events: Vec<EventRow>,
    programmes: Vec<PlanProgramme>,
    can_review: bool,
    form: PlanForm,
    errors: Errors,
}

async fn show_page(
    s: &AppState,
    req: &Req,
    id: Id,
    form: PlanForm,
    errors: FieldErrors,
) -> Result<Response, WebError> {
    let plan = s.services.plan(&req.ctx, id).await?;
    let n = Names::load(s, &req.tr).await?;
    let lang = req.tr.lang();
    let programmes = s
        .services
        .staff_programmes(&req.ctx, Some(plan.year))
        .await?
        .into_iter()
        .filter(|p| p.input.host_org_id == plan.centre_org_id)
        .map(|p| PlanProgramme {
            id: p.id,
            title: p.input.title.get(lang).to_string(),
            dates: format!(
                "{} – {}",
                req.tr.date(p.input.arrival),
                req.tr.date(p.input.departure)
            ),
            status: status_label(&req.tr, p.status),
        })
        .collect();
    let events = plan
        .events
        .iter()
        .map(|e| EventRow {
            at: req.tr.datetime(e.at, req.tz),
            kind: req
                .tr
                .t(&format!("plan-event-{}", e.kind.as_str().replace('_', "-"))),
            comment: e.comment.clone(),
        })
        .collect();
    let invalid = !errors.is_empty();
    let r = row(req, &n, &plan);
    let mut resp = render(Show {
        page: Page::titled(
            req,
            format!("{} {} — {}", req.tr.t("plan-title"), r.year, r.centre),
        ),
        p: r,
        events,
        programmes,
        can_review: miti_domain::policy::may_attempt(req.ctx.user.as_ref(), Action::PlanReview),
        form,
        errors: Errors(errors),
    })?;
    if invalid {
        *resp.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(resp)
}

pub async fn show(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    show_page(&s, &req, id, PlanForm::default(), FieldErrors::new()).await
}

pub async fn review(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    Form(form): Form<PlanForm>,
) -> Result<Response, WebError> {
    match s.services.review_plan(&req.ctx, id, &form).await {
        Ok(_) => Ok(see_other(&format!("/plans/{id}"))),
        Err(DomainError::Invalid(errs)) => show_page(&s, &req, id, form, errs).await,
        Err(e) => Err(e.into()),
    }
}
