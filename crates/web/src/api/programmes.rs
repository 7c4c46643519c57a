//! `GET /api/v1/programmes` and `/api/v1/programmes/{id}`: the public catalogue.

use crate::AppState;
use crate::context::Req;
use crate::error::WebError;
use axum::Json;
use axum::extract::{Path, Query, State};
use chrono::NaiveDate;
use miti_domain::programme::{Programme, ProgrammeStatus};
use miti_domain::{FieldErrors, Id};
use miti_service::catalogue::CatalogueFilter;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Serialize)]
pub struct ProgrammeOut {
    id: Id,
    /// In the requested language, with fallback to the programme's main language.
    title: String,
    host_id: Id,
    host: String,
    themes: Vec<String>,
    start: NaiveDate,
    end: NaiveDate,
    capacity: i32,
    status: ProgrammeStatus,
    /// `not_open`, `open`, `closed` or `cancelled`.
    call_state: &'static str,
}

#[derive(Serialize)]
pub struct ProgrammeDetailOut {
    #[serde(flatten)]
    summary: ProgrammeOut,
    titles: BTreeMap<String, String>,
    main_language: String,
    summary_text: String,
    description: String,
    official_days: f64,
    venue: String,
    timezone: String,
    working_languages: Vec<String>,
    interpretation: Option<String>,
    eligibility: miti_domain::programme::Eligibility,
    support: miti_domain::programme::Support,
    partners: Vec<Id>,
    contact_email: String,
}

async fn host_names(s: &AppState, lang: &str) -> Result<BTreeMap<Id, String>, WebError> {
    Ok(s.services
        .organisations(&Default::default())
        .await?
        .into_iter()
        .map(|o| (o.id, o.name.get(lang).to_string()))
        .collect())
}

fn summary(lang: &str, hosts: &BTreeMap<Id, String>, p: &Programme) -> ProgrammeOut {
    let i = &p.input;
    ProgrammeOut {
        id: p.id,
        title: i.title.get(lang).to_string(),
        host_id: i.host_org_id,
        host: hosts.get(&i.host_org_id).cloned().unwrap_or_default(),
        themes: i.themes.clone(),
        start: i.arrival,
        end: i.departure,
        capacity: i.capacity,
        status: p.status,
        call_state: p.status.call_state(),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    theme: Option<String>,
    centre: Option<String>,
    month: Option<String>,
    language: Option<String>,
    open: Option<bool>,
}

#[derive(Serialize)]
pub struct ListOut {
    items: Vec<ProgrammeOut>,
    total: usize,
}

pub async fn list(
    State(s): State<AppState>,
    req: Req,
    Query(q): Query<ListQuery>,
) -> Result<Json<ListOut>, WebError> {
    let mut errs = FieldErrors::new();
    let centre = match q.centre.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => match c.parse::<Id>() {
            Ok(id) => Some(id),
            Err(_) => {
                errs.add("centre", "invalid_choice");
                None
            }
        },
        None => None,
    };
    let month = q.month.clone().filter(|m| !m.trim().is_empty());
    if let Some(m) = &month
        && NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").is_err()
    {
        errs.add("month", "invalid_date");
    }
    errs.finish(())?;
    let filter = CatalogueFilter {
        theme: q.theme.clone().filter(|t| !t.trim().is_empty()),
        centre,
        month,
        language: q.language.clone().filter(|l| !l.trim().is_empty()),
        open_calls_only: q.open.unwrap_or(false),
    };
    let ps = s.services.catalogue(&filter).await?;
    let lang = req.tr.lang();
    let hosts = host_names(&s, lang).await?;
    let items: Vec<ProgrammeOut> = ps.iter().map(|p| summary(lang, &hosts, p)).collect();
    Ok(Json(ListOut {
        total: items.len(),
        items,
    }))
}

pub async fn show(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Json<ProgrammeDetailOut>, WebError> {
    let p = s.services.public_programme(id).await?;
    let lang = req.tr.lang();
    let hosts = host_names(&s, lang).await?;
    let i = &p.input;
    Ok(Json(ProgrammeDetailOut {
        summary: summary(lang, &hosts, &p),
        titles: i.title.texts.clone(),
        main_language: i.title.main.clone(),
        summary_text: i.summary.get(lang).to_string(),
        description: i.description.get(lang).to_string(),
        official_days: f64::from(i.official_days_tenths) / 10.0,
        venue: i.venue.clone(),
        timezone: i.timezone.clone(),
        working_languages: i.working_languages.clone(),
        interpretation: i.interpretation.clone(),
        eligibility: i.eligibility.clone(),
        support: i.support.clone(),
        partners: i.partners.clone(),
        contact_email: i.contact_email.clone(),
    }))
}

#[derive(Serialize)]
pub struct AlignmentRowOut {
    strategic_focus: String,
    project_example: String,
    goal: u8,
    /// The goal's short title in the requested language (English fallback).
    goal_title: String,
    target: Option<String>,
    indicator: Option<String>,
}

#[derive(Serialize)]
pub struct AlignmentOut {
    programme_id: Id,
    /// 0 while nothing has been recorded.
    version: i64,
    updated_at: Option<chrono::DateTime<chrono::Utc>>,
    goals: Vec<u8>,
    covers_gender_equality: bool,
    rows: Vec<AlignmentRowOut>,
    stakeholders: Vec<miti_domain::alignment::Stakeholder>,
    answers: miti_domain::alignment::CentreAnswers,
}

/// `GET /api/v1/programmes/{id}/sdg-alignment`: the alignment of a
/// published programme (drafts answer 404, as the programme does).
pub async fn sdg_alignment(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Json<AlignmentOut>, WebError> {
    let (p, a) = s.services.public_alignment(id).await?;
    let fw = miti_sdg::Framework::get();
    let lang = miti_sdg::Lang::from_code(req.tr.lang()).unwrap_or(miti_sdg::Lang::En);
    let input = a.as_ref().map(|a| a.input.clone()).unwrap_or_default();
    Ok(Json(AlignmentOut {
        programme_id: p.id,
        version: a.as_ref().map(|a| a.version).unwrap_or(0),
        updated_at: a.as_ref().map(|a| a.updated_at),
        goals: input.goals().into_iter().collect(),
        covers_gender_equality: input.covers_gender_equality(),
        rows: input
            .rows
            .into_iter()
            .map(|r| AlignmentRowOut {
                goal_title: fw
                    .goal(r.goal)
                    .map(|g| g.short_title(lang).to_string())
                    .unwrap_or_default(),
                strategic_focus: r.strategic_focus,
                project_example: r.project_example,
                goal: r.goal,
                target: r.target,
                indicator: r.indicator,
            })
            .collect(),
        stakeholders: input.stakeholders,
        answers: input.answers,
    }))
}
