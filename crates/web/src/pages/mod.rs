//! Server-rendered pages, one module per area. Each handler: extract the
//! request context and input, call one service, render a template.

pub mod account;
pub mod admin;
pub mod alignment;
pub mod applications;
pub mod auth;
pub mod calendar;
pub mod coverage;
pub mod documents;
pub mod home;
pub mod mous;
pub mod organisations;
pub mod people;
pub mod plans;
pub mod programmes;
pub mod sdg;
pub mod users;

use crate::error::WebError;
use askama::Template;
use axum::response::{Html, IntoResponse, Redirect, Response};
use miti_domain::DomainError;
use miti_domain::account::Role;
use miti_domain::organisation::{OrgKind, Organisation, Region, Status};
use miti_i18n::Tr;

/// Renders a template as an HTML response.
pub fn render<T: Template>(t: T) -> Result<Response, WebError> {
    t.render()
        .map(|html| Html(html).into_response())
        .map_err(|e| DomainError::Internal(format!("template: {e}")).into())
}

/// After a successful POST: back to a page (303, so a reload does not resubmit).
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

fn key(prefix: &str, value: &str) -> String {
    format!("{prefix}-{}", value.replace('_', "-"))
}

pub fn kind_label(tr: &Tr, k: OrgKind) -> String {
    tr.t(&key("org-kind", k.as_str()))
}
pub fn region_label(tr: &Tr, r: Region) -> String {
    tr.t(&key("region", r.as_str()))
}
pub fn status_label(tr: &Tr, s: Status) -> String {
    tr.t(&key("lifecycle", s.as_str()))
}
pub fn role_label(tr: &Tr, r: Role) -> String {
    tr.t(&key("role", r.as_str()))
}

/// An option of a `<select>`: value, label, selected.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub fn choices<T: Copy>(
    all: &[T],
    current: &str,
    value: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> String,
) -> Vec<Choice> {
    all.iter()
        .map(|x| Choice {
            value: value(*x).to_string(),
            label: label(*x),
            selected: value(*x) == current,
        })
        .collect()
}

/// An organisation as lists show it, in the viewer's language.
pub struct OrgRow {
    pub id: i64,
    pub name: String,
    /// The language the name is actually in (it may be a fallback).
    pub name_lang: String,
    pub kind: String,
    pub region: String,
    pub country: String,
    pub city: String,
    pub status: String,
    pub status_code: &'static str,
    pub member: bool,
}

impl OrgRow {
    pub fn new(tr: &Tr, o: &Organisation) -> Self {
        let lang = tr.lang();
        let name_lang = if o.name.has(lang) {
            lang.to_string()
        } else if o.name.has(&o.name.main) {
            o.name.main.clone()
        } else {
            "en".to_string()
        };
        Self {
            id: o.id,
            name: o.name.get(lang).to_string(),
            name_lang,
            kind: kind_label(tr, o.kind),
            region: region_label(tr, o.region),
            country: o.country.clone(),
            city: o.city.clone().unwrap_or_default(),
            status: status_label(tr, o.status),
            status_code: o.status.as_str(),
            member: o.is_member_on(chrono::Utc::now().date_naive()),
        }
    }
}
