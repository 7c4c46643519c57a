//! `GET /api/v1/organisations` and `/api/v1/organisations/{id}`: public fields.

use crate::AppState;
use crate::context::Req;
use crate::error::WebError;
use axum::Json;
use axum::extract::{Path, Query, State};
use miti_domain::organisation::{OrgFilter, OrgKind, Organisation, Region, Status};
use miti_domain::{FieldErrors, Id};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An organisation's public fields.
#[derive(Serialize)]
pub struct OrgOut {
    id: Id,
    /// In the requested language (`?lang=` / Accept-Language), with fallback.
    name: String,
    kind: OrgKind,
    country: String,
    region: Region,
    status: Status,
}

/// The detail view adds every language's name, city, languages and membership.
#[derive(Serialize)]
pub struct OrgDetailOut {
    #[serde(flatten)]
    summary: OrgOut,
    slug: String,
    names: BTreeMap<String, String>,
    main_language: String,
    city: Option<String>,
    timezone: String,
    website: Option<String>,
    working_languages: Vec<String>,
    parent_id: Option<Id>,
    member: bool,
    memberships: Vec<MembershipOut>,
}

#[derive(Serialize)]
struct MembershipOut {
    from: chrono::NaiveDate,
    until: Option<chrono::NaiveDate>,
}

fn summary(req: &Req, o: &Organisation) -> OrgOut {
    OrgOut {
        id: o.id,
        name: o.name.get(req.tr.lang()).to_string(),
        kind: o.kind,
        country: o.country.clone(),
        region: o.region,
        status: o.status,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    q: Option<String>,
    kind: Option<String>,
    region: Option<String>,
    status: Option<String>,
    country: Option<String>,
}

#[derive(Serialize)]
pub struct ListOut {
    items: Vec<OrgOut>,
    total: usize,
}

/// Parses an optional enum filter; an unknown value is a 422 naming the parameter.
fn parse_opt<T>(
    errs: &mut FieldErrors,
    field: &str,
    v: &Option<String>,
    f: fn(&str) -> Option<T>,
) -> Option<T> {
    let v = v.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
    let parsed = f(v);
    if parsed.is_none() {
        errs.add(field, "invalid_choice");
    }
    parsed
}

pub async fn list(
    State(s): State<AppState>,
    req: Req,
    Query(q): Query<ListQuery>,
) -> Result<Json<ListOut>, WebError> {
    let mut errs = FieldErrors::new();
    let filter = OrgFilter {
        q: q.q.clone().filter(|x| !x.trim().is_empty()),
        kind: parse_opt(&mut errs, "kind", &q.kind, OrgKind::parse),
        region: parse_opt(&mut errs, "region", &q.region, Region::parse),
        status: parse_opt(&mut errs, "status", &q.status, Status::parse),
        country: q
            .country
            .as_ref()
            .map(|c| c.trim().to_uppercase())
            .filter(|c| !c.is_empty()),
    };
    errs.finish(())?;
    let orgs = s.services.organisations(&filter).await?;
    let items: Vec<OrgOut> = orgs.iter().map(|o| summary(&req, o)).collect();
    Ok(Json(ListOut {
        total: items.len(),
        items,
    }))
}

pub async fn show(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Json<OrgDetailOut>, WebError> {
    let o = s.services.organisation(id).await?;
    Ok(Json(OrgDetailOut {
        summary: summary(&req, &o),
        slug: o.slug.clone(),
        names: o.name.texts.clone(),
        main_language: o.name.main.clone(),
        city: o.city.clone(),
        timezone: o.timezone.clone(),
        website: o.website.clone(),
        working_languages: o.working_languages.clone(),
        parent_id: o.parent_id,
        member: o.is_member_on(chrono::Utc::now().date_naive()),
        memberships: o
            .memberships
            .iter()
            .map(|m| MembershipOut {
                from: m.from,
                until: m.until,
            })
            .collect(),
    }))
}
