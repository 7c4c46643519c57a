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
