//! The Secretariat's views: the audit trail and the mail outbox.

use super::render;
use crate::AppState;
use crate::context::Req;
use crate::error::WebError;
use crate::page::Page;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use miti_domain::audit::AuditFilter;
use miti_domain::policy::Action;

const PER_PAGE: i64 = 50;

#[derive(serde::Deserialize, Default, Clone)]
#[serde(default)]
pub struct AuditQuery {
    actor: String,
    action: String,
    target: String,
    org: String,
    page: i64,
}

struct AuditRow {
    at: String,
    actor: String,
    org: String,
    action: String,
    target: String,
    details: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct Audit {
    page: Page,
    q: AuditQuery,
    rows: Vec<AuditRow>,
    page_no: i64,
    pages: i64,
    prev_url: String,
    next_url: String,
}

fn nonempty(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|x| !x.is_empty())
}

pub async fn audit(
    State(s): State<AppState>,
    req: Req,
    Query(q): Query<AuditQuery>,
) -> Result<Response, WebError> {
    let filter = AuditFilter {
        actor_email: nonempty(&q.actor).map(|e| e.to_lowercase()),
        org_id: q.org.trim().parse().ok(),
        action: nonempty(&q.action),
        target_kind: nonempty(&q.target),
        since: None,
        until: None,
    };
    let page_no = q.page.max(1);
    let (entries, total) = s
        .services
        .audit_entries(&req.ctx, &filter, page_no, PER_PAGE)
        .await?;
    let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    let url = |p: i64| {
        let qs = serde_urlencoded::to_string([
            ("actor", q.actor.as_str()),
            ("action", q.action.as_str()),
            ("target", q.target.as_str()),
            ("org", q.org.as_str()),
            ("page", p.to_string().as_str()),
        ])
        .unwrap_or_default();
        format!("/audit?{qs}")
    };
    let tr = req.tr;
    render(Audit {
        page: Page::new(&req, "audit-title"),
        rows: entries
            .into_iter()
            .map(|e| AuditRow {
                at: tr.datetime(e.at, req.tz),
                actor: e.actor_email.unwrap_or_else(|| tr.t("audit-system")),
                org: e.actor_org_id.map(|o| o.to_string()).unwrap_or_default(),
                action: e.action,
                target: match e.target_id {
                    Some(id) => format!("{} #{id}", e.target_kind),
                    None => e.target_kind,
                },
                details: e.details,
            })
            .collect(),
        page_no,
        pages,
        prev_url: url(page_no - 1),
        next_url: url(page_no + 1),
        q,
    })
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct PageQuery {
    page: i64,
}

struct MailRow {
    created: String,
    to: String,
    subject: String,
    body: String,
    status: String,
    error: String,
}

#[derive(Template)]
#[template(path = "outbox.html")]
struct Outbox {
    page: Page,
    rows: Vec<MailRow>,
    page_no: i64,
    pages: i64,
}

pub async fn outbox(
    State(s): State<AppState>,
    req: Req,
    Query(q): Query<PageQuery>,
) -> Result<Response, WebError> {
    let page_no = q.page.max(1);
    let (mail, total) = s.services.outbox(&req.ctx, page_no, PER_PAGE).await?;
    let tr = req.tr;
    render(Outbox {
        page: Page::new(&req, "outbox-title"),
        rows: mail
            .into_iter()
            .map(|m| MailRow {
                created: tr.datetime(m.created_at, req.tz),
                to: m.to,
                subject: m.subject,
                body: m.body,
                status: tr.t(&format!("outbox-status-{}", m.status.as_str())),
                error: m.last_error.unwrap_or_default(),
            })
            .collect(),
        page_no,
        pages: ((total + PER_PAGE - 1) / PER_PAGE).max(1),
    })
}
