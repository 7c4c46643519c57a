//! Step reports of a call (page, CSV, XLSX) and the invitation letter PDF.

use crate::AppState;
use crate::context::Req;
use crate::error::WebError;
use crate::page::Page;
use crate::pages::documents::attachment;
use crate::pages::render;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use miti_domain::policy::Action;
use miti_domain::{DomainError, Id};
use miti_reports::{Cell, Report, Table};
use miti_service::applications::report::StepReport;

/// The report's tables with headers and labels in the viewer's language.
fn tables(req: &Req, r: &StepReport) -> Report {
    let tr = &req.tr;
    let counts = |title: &str,
                  key_header: &str,
                  m: &std::collections::BTreeMap<String, usize>,
                  label: &dyn Fn(&str) -> String| Table {
        title: tr.t(title),
        headers: vec![tr.t(key_header), tr.t("report-applications")],
        rows: m
            .iter()
            .map(|(k, n)| vec![Cell::text(label(k)), Cell::Int(*n as i64)])
            .collect(),
    };
    let same = |k: &str| k.to_string();
    let region = |k: &str| tr.t(&format!("region-{}", k.replace('_', "-")));
    let member = |k: &str| {
        tr.t(if k == "member" {
            "application-member"
        } else {
            "application-non-member"
        })
    };
    let gender = |k: &str| tr.t(&format!("gender-{k}"));
    Report {
        name: format!("report-{}", r.programme.id),
        tables: vec![
            Table {
                title: tr.t("report-funnel"),
                headers: vec![tr.t("report-stage"), tr.t("report-applications")],
                rows: r
                    .funnel
                    .iter()
                    .map(|(stage, n)| {
                        vec![
                            Cell::text(tr.t(&format!("funnel-{stage}"))),
                            Cell::Int(*n as i64),
                        ]
                    })
                    .collect(),
            },
            counts("report-by-city", "application-city", &r.by_city, &same),
            counts("report-by-region", "report-region", &r.by_region, &region),
            counts("report-by-member", "report-member", &r.by_member, &member),
            counts(
                "report-by-gender",
                "application-field-gender",
                &r.by_gender,
                &gender,
            ),
        ],
    }
}

pub struct TableView {
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Template)]
#[template(path = "step_report.html")]
struct ReportPage {
    page: Page,
    programme_id: Id,
    tables: Vec<TableView>,
}

fn cell_text(c: &Cell) -> String {
    match c {
        Cell::Text(t) => t.clone(),
        Cell::Int(n) => n.to_string(),
        Cell::Number(x) => format!("{x:.2}"),
        Cell::Date(d) => d.to_string(),
        Cell::Empty => String::new(),
    }
}

pub async fn show(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    let r = s.services.step_report(&req.ctx, id).await?;
    let report = tables(&req, &r);
    render(ReportPage {
        page: Page::titled(
            &req,
            format!(
                "{} — {}",
                req.tr.t("report-title"),
                r.programme.input.title.get(req.tr.lang())
            ),
        ),
        programme_id: id,
        tables: report
            .tables
            .into_iter()
            .map(|t| TableView {
                title: t.title,
                headers: t.headers,
                rows: t
                    .rows
                    .iter()
                    .map(|r| r.iter().map(cell_text).collect())
                    .collect(),
            })
            .collect(),
    })
}

pub async fn csv(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    let r = s.services.step_report(&req.ctx, id).await?;
    let bytes = miti_reports::csv::report_to_csv(&tables(&req, &r));
    Ok(attachment(
        bytes,
        "text/csv; charset=utf-8",
        &format!("report-{id}.csv"),
    ))
}

pub async fn xlsx(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    let r = s.services.step_report(&req.ctx, id).await?;
    let bytes = miti_reports::xlsx::to_xlsx(&tables(&req, &r))
        .map_err(|e| WebError::from(DomainError::Internal(format!("xlsx: {e}"))))?;
    Ok(attachment(
        bytes,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &format!("report-{id}.xlsx"),
    ))
}

pub async fn letter(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    let rendered = s.services.invitation_letter(&req.ctx, id).await?;
    Ok(attachment(
        rendered.bytes,
        "application/pdf",
        &format!("invitation-{id}.pdf"),
    ))
}
