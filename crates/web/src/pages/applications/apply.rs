//! The applicant's pages: sign-up, their applications, the form (drafts
//! autosaved by htmx, plain POST without script), documents, withdrawal,
//! the answer to an offer, logistics and the invitation letter.

use super::{AppView, FormField, question_fields};
use crate::AppState;
use crate::context::Req;
use crate::error::WebError;
use crate::multipart_form::MultipartForm;
use crate::page::{Errors, Page};
use crate::pages::{Choice, render, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use miti_domain::application::{
    CITY_NOT_LISTED, Gender, LogisticsForm, PROFILE_FIELDS, first, form_map,
};
use miti_domain::organisation::{OrgFilter, OrgKind, Region};
use miti_domain::policy::Action;
use miti_domain::{DomainError, FieldErrors, Id};
use miti_service::applications::apply::SignUpForm;
use std::collections::BTreeMap;

#[derive(Template)]
#[template(path = "signup.html")]
struct SignUp {
    page: Page,
    form: SignUpForm,
    cities: Vec<Choice>,
    errors: Errors,
}

async fn member_cities(s: &AppState, req: &Req, selected: &str) -> Result<Vec<Choice>, WebError> {
    let lang = req.tr.lang();
    let mut cities: Vec<Choice> = s
        .services
        .organisations(&OrgFilter {
            kind: Some(OrgKind::MemberCity),
            ..Default::default()
        })
        .await?
        .into_iter()
        .map(|o| Choice {
            selected: o.id.to_string() == selected,
            value: o.id.to_string(),
            label: format!("{} ({})", o.name.get(lang), o.country),
        })
        .collect();
    cities.sort_by(|a, b| a.label.cmp(&b.label));
    cities.push(Choice {
        selected: selected == CITY_NOT_LISTED,
        value: CITY_NOT_LISTED.into(),
        label: req.tr.t("application-city-not-listed"),
    });
    Ok(cities)
}

async fn signup_page(
    s: &AppState,
    req: &Req,
    form: SignUpForm,
    errors: FieldErrors,
) -> Result<Response, WebError> {
    let invalid = !errors.is_empty();
    let cities = member_cities(s, req, &form.city_org_id).await?;
    let mut r = render(SignUp {
        page: Page::new(req, "signup-title"),
        form,
        cities,
        errors: Errors(errors),
    })?;
    if invalid {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

pub async fn signup_form(State(s): State<AppState>, req: Req) -> Result<Response, WebError> {
    signup_page(&s, &req, SignUpForm::default(), FieldErrors::new()).await
}

pub async fn signup(
    State(s): State<AppState>,
    req: Req,
    Form(form): Form<SignUpForm>,
) -> Result<Response, WebError> {
    match s.services.sign_up(&req.ctx, &form).await {
        Ok(()) => Ok(see_other("/login?done=signup-sent")),
        Err(DomainError::Invalid(e)) => signup_page(&s, &req, form, e).await,
        Err(e) => Err(e.into()),
    }
}

pub struct MineRow {
    pub id: Id,
    pub programme: String,
    pub status: String,
    pub outcome: String,
}

#[derive(Template)]
#[template(path = "applications_mine.html")]
struct Mine {
    page: Page,
    rows: Vec<MineRow>,
}

pub async fn mine(State(s): State<AppState>, req: Req) -> Result<Response, WebError> {
    let lang = req.tr.lang();
    let rows = s
        .services
        .my_applications(&req.ctx)
        .await?
        .into_iter()
        .map(|(a, p)| MineRow {
            id: a.id,
            programme: p.input.title.get(lang).to_string(),
            status: req
                .tr
                .t(&format!("application-status-{}", a.status.as_str())),
            outcome: a
                .decision
                .map(|d| {
                    req.tr
                        .t(&format!("outcome-{}", d.outcome.as_str().replace('_', "-")))
                })
                .unwrap_or_default(),
        })
        .collect();
    render(Mine {
        page: Page::new(&req, "application-mine-title"),
        rows,
    })
}

pub async fn start(
    State(s): State<AppState>,
    req: Req,
    Path(programme_id): Path<Id>,
) -> Result<Response, WebError> {
    let app = s.services.start_application(&req.ctx, programme_id).await?;
    Ok(see_other(&format!("/applications/{}", app.id)))
}

#[derive(Template)]
#[template(path = "application_show.html")]
struct Show {
    page: Page,
    v: AppView,
    profile: Vec<FormField>,
    questions: Vec<FormField>,
    editable: bool,
    deadline: String,
    airfare_covered: bool,
    logistics: LogisticsForm,
    errors: Errors,
}

fn text_field(
    req: &Req,
    form: &BTreeMap<String, Vec<String>>,
    errors: &FieldErrors,
    name: &str,
    kind: &'static str,
    choices: Vec<Choice>,
) -> FormField {
    FormField {
        name: name.into(),
        label: req
            .tr
            .t(&format!("application-field-{}", name.replace('_', "-"))),
        kind,
        required: !matches!(name, "city_name" | "country" | "region"),
        value: first(form, name).to_string(),
        values: vec![],
        choices,
        error: errors
            .get(name)
            .map(|e| crate::page::field_message(&req.tr, e)),
        hint: String::new(),
    }
}

async fn profile_fields(
    s: &AppState,
    req: &Req,
    form: &BTreeMap<String, Vec<String>>,
    errors: &FieldErrors,
    languages: &[String],
) -> Result<Vec<FormField>, WebError> {
    let options = |name: &str, opts: Vec<(String, String)>| -> Vec<Choice> {
        let cur = first(form, name);
        opts.into_iter()
            .map(|(value, label)| Choice {
                selected: value == cur,
                value,
                label,
            })
            .collect()
    };
    let mut cities = Some(member_cities(s, req, first(form, "city_org_id")).await?);
    Ok(PROFILE_FIELDS
        .iter()
        .map(|name| {
            let choices = match *name {
                "gender" => options(
                    name,
                    Gender::ALL
                        .iter()
                        .map(|g| {
                            (
                                g.as_str().to_string(),
                                req.tr.t(&format!("gender-{}", g.as_str())),
                            )
                        })
                        .collect(),
                ),
                "region" => options(
                    name,
                    Region::ALL
                        .iter()
                        .map(|r| {
                            (
                                r.as_str().to_string(),
                                crate::pages::region_label(&req.tr, *r),
                            )
                        })
                        .collect(),
                ),
                "interview_language" => options(
                    name,
                    languages.iter().map(|l| (l.clone(), l.clone())).collect(),
                ),
                "city_org_id" => cities.take().unwrap_or_default(),
                _ => vec![],
            };
            let kind = if choices.is_empty() { "text" } else { "select" };
            text_field(req, form, errors, name, kind, choices)
        })
        .collect())
}

async fn show_page(
    s: &AppState,
    req: &Req,
    id: Id,
    typed: Option<BTreeMap<String, Vec<String>>>,
    logistics: Option<LogisticsForm>,
    errors: FieldErrors,
) -> Result<Response, WebError> {
    let seen = s.services.own_application(&req.ctx, id).await?;
    let call = s.services.public_call(seen.app.programme_id).await?;
    let form = typed.unwrap_or_else(|| seen.app.form.clone());
    let questions = call
        .as_ref()
        .map(|c| c.questions.clone())
        .unwrap_or_default();
    let open = call
        .as_ref()
        .is_some_and(|c| c.accepts_at(chrono::Utc::now()));
    let v = AppView::new(req, &seen, call.as_ref());
    let editable = open && !v.is_withdrawn && v.outcome.is_none();
    let logistics = logistics.unwrap_or_else(|| {
        seen.app
            .logistics
            .as_ref()
            .map(LogisticsForm::from_logistics)
            .unwrap_or_else(|| LogisticsForm {
                arrival_date: seen.programme.input.arrival.to_string(),
                departure_date: seen.programme.input.departure.to_string(),
                lodging_nights: seen.programme.input.support.lodging_nights.to_string(),
                ..Default::default()
            })
    });
    let invalid = !errors.is_empty();
    let mut r = render(Show {
        page: Page::titled(req, v.programme.clone()),
        profile: profile_fields(
            s,
            req,
            &form,
            &errors,
            &seen.programme.input.working_languages,
        )
        .await?,
        questions: question_fields(req, &questions, &form, &errors),
        editable,
        deadline: call
            .as_ref()
            .map(|c| req.tr.datetime(c.closes_at, req.tz))
            .unwrap_or_default(),
        airfare_covered: seen.programme.input.support.airfare_covered,
        logistics,
        errors: Errors(errors),
        v,
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
    show_page(&s, &req, id, None, None, FieldErrors::new()).await
}

fn version_of(pairs: &[(String, String)]) -> Option<i64> {
    pairs
        .iter()
        .find(|(k, _)| k == "version")
        .and_then(|(_, v)| v.parse().ok())
}

/// Autosave (htmx, answers 204) or "Save draft" (redirects back).
pub async fn save_draft(
    State(s): State<AppState>,
    req: Req,
    headers: axum::http::HeaderMap,
    Path(id): Path<Id>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    // A draft is the applicant's own latest typing: no version to check.
    let htmx = headers.contains_key("hx-request");
    match s.services.save_draft(&req.ctx, id, &pairs).await {
        Ok(_) if htmx => Ok(StatusCode::NO_CONTENT.into_response()),
        Ok(_) => Ok(see_other(&format!("/applications/{id}?done=draft-saved"))),
        Err(DomainError::Invalid(e)) => {
            show_page(&s, &req, id, Some(form_map(&pairs)), None, e).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn submit(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    match s
        .services
        .submit_application(&req.ctx, id, version_of(&pairs), &pairs)
        .await
    {
        Ok(_) => Ok(see_other(&format!(
            "/applications/{id}?done=application-submitted"
        ))),
        Err(DomainError::Invalid(e)) => {
            show_page(&s, &req, id, Some(form_map(&pairs)), None, e).await
        }
        // Changed since the page was loaded (an edit after submission): keep
        // what was typed, say so, and offer the current version to save on.
        Err(DomainError::Conflict("stale_version")) => {
            let mut e = FieldErrors::new();
            e.add("version", "stale_version");
            let mut r = show_page(&s, &req, id, Some(form_map(&pairs)), None, e).await?;
            *r.status_mut() = StatusCode::CONFLICT;
            Ok(r)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn upload(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    mp: Multipart,
) -> Result<Response, WebError> {
    let read = MultipartForm::read(mp, s.config.body_limit).await?;
    let key = read.text("key");
    let upload = read.upload;
    let Some(upload) = upload else {
        let mut e = FieldErrors::new();
        e.add(format!("doc.{key}"), "required");
        return show_page(&s, &req, id, None, None, e).await;
    };
    match s
        .services
        .upload_application_document(&req.ctx, id, &key, upload)
        .await
    {
        Ok(_) => Ok(see_other(&format!(
            "/applications/{id}?done=document-uploaded"
        ))),
        Err(DomainError::Invalid(e)) => show_page(&s, &req, id, None, None, e).await,
        Err(e) => Err(e.into()),
    }
}

pub async fn withdraw(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    s.services.withdraw_application(&req.ctx, id).await?;
    Ok(see_other(&format!(
        "/applications/{id}?done=application-withdrawn"
    )))
}

#[derive(serde::Deserialize)]
pub struct OfferAnswer {
    pub answer: String,
}

pub async fn answer_offer(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    Form(f): Form<OfferAnswer>,
) -> Result<Response, WebError> {
    let accept = match f.answer.as_str() {
        "confirm" => true,
        "decline" => false,
        _ => return Err(FieldErrors::single("answer", "invalid_choice").into()),
    };
    s.services.respond_to_offer(&req.ctx, id, accept).await?;
    let done = if accept {
        "offer-confirmed"
    } else {
        "offer-declined"
    };
    Ok(see_other(&format!("/applications/{id}?done={done}")))
}

pub async fn logistics(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    Form(f): Form<LogisticsForm>,
) -> Result<Response, WebError> {
    match s.services.save_logistics(&req.ctx, id, &f).await {
        Ok(_) => Ok(see_other(&format!(
            "/applications/{id}?done=logistics-saved"
        ))),
        Err(DomainError::Invalid(e)) => show_page(&s, &req, id, None, Some(f), e).await,
        Err(e) => Err(e.into()),
    }
}

pub async fn document(
    State(s): State<AppState>,
    req: Req,
    Path((id, doc)): Path<(Id, Id)>,
) -> Result<Response, WebError> {
    let (d, bytes) = s.services.application_document(&req.ctx, id, doc).await?;
    Ok(crate::pages::documents::attachment(
        bytes,
        &d.content_type,
        &d.filename,
    ))
}
