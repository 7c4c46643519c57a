//! The home page, the health check and the static files.

use super::{OrgRow, render, role_label};
use crate::AppState;
use crate::context::Req;
use crate::error::WebError;
use crate::page::Page;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use miti_domain::organisation::OrgFilter;
use miti_domain::policy::Action;

#[derive(Template)]
#[template(path = "home.html")]
struct Home {
    page: Page,
    centres: Vec<OrgRow>,
    members: usize,
    roles: Vec<String>,
}

pub async fn home(State(s): State<AppState>, req: Req) -> Result<Response, WebError> {
    let all = s.services.organisations(&OrgFilter::default()).await?;
    let today = chrono::Utc::now().date_naive();
    let centres = all
        .iter()
        .filter(|o| o.kind.is_centre())
        .map(|o| OrgRow::new(&req.tr, o))
        .collect();
    let members = all.iter().filter(|o| o.is_member_on(today)).count();
    let roles = req
        .ctx
        .user
        .iter()
        .flat_map(|u| u.roles.iter())
        .map(|g| role_label(&req.tr, g.role))
        .collect();
    render(Home {
        page: Page::new(&req, "home-title"),
        centres,
        members,
        roles,
    })
}

/// 200 when the database answers, 503 otherwise.
pub async fn healthz(State(s): State<AppState>) -> Response {
    match s.services.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response()
        }
    }
}

const HTMX: &[u8] = include_bytes!("../../static/htmx-2.0.11.min.js");
const CSS: &[u8] = include_bytes!("../../static/miti.css");

pub async fn static_file(Path(file): Path<String>) -> Response {
    let (body, ctype, cache) = match file.as_str() {
        // The version is in the name, so it may be cached for good.
        "htmx-2.0.11.min.js" => (
            HTMX,
            "text/javascript; charset=utf-8",
            "public, max-age=31536000, immutable",
        ),
        "miti.css" => (CSS, "text/css; charset=utf-8", "public, max-age=3600"),
        _ => return WebError::from(miti_domain::DomainError::NotFound).into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, ctype),
            (header::CACHE_CONTROL, cache),
        ],
        body,
    )
        .into_response()
}
