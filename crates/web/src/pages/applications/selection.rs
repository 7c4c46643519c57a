//! The cohort: the engine's proposal on the call's real data with every
//! decision explained, overrides, confirmation, answers and the waitlist.

use crate::AppState;
use crate::context::Req;
use crate::error::WebError;
use crate::page::Page;
use crate::pages::applications::reasons::Reasons;
use crate::pages::{render, see_other};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use miti_domain::Id;
use miti_domain::application::Outcome;
use miti_domain::policy::Action;
use miti_selection::Status;
use miti_store::ApplicationFilter;

pub struct ExplainedLine {
    pub id: String,
    pub name: String,
    pub city: String,
    pub score: String,
    pub status: String,
    pub status_code: &'static str,
    pub reason: String,
}

pub struct RuleLine {
    pub rule: String,
    pub kind: String,
    pub detail: String,
}

pub struct SeatLine {
    pub id: Id,
    pub name: String,
    pub outcome: String,
    pub respond_by: String,
    pub logistics: String,
}

#[derive(Template)]
#[template(path = "selection.html")]
struct SelectionPage {
    page: Page,
    programme_id: Id,
    capacity: i32,
    run_id: Option<Id>,
    run_at: String,
    optimal: bool,
    objective: String,
    confirmed: bool,
    selected: usize,
    lines: Vec<ExplainedLine>,
    violations: Vec<RuleLine>,
    seats_taken: usize,
    participants: Vec<SeatLine>,
}

fn status_code(s: &Status) -> &'static str {
    match s {
        Status::Selected => "selected",
        Status::Waitlisted => "waitlisted",
        Status::NotSelected => "not_selected",
        Status::Ineligible => "ineligible",
    }
}

pub async fn show(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    let programme = s.services.managed_programme(&req.ctx, id).await?;
    let proposal = s.services.proposal(&req.ctx, id).await?;
    let apps = s
        .services
        .managed_applications(
            &req.ctx,
            &ApplicationFilter {
                programme_id: Some(id),
                ..Default::default()
            },
        )
        .await?;
    let tr = &req.tr;
    let name = |cid: &str| {
        apps.iter()
            .find(|a| a.id.to_string() == cid)
            .and_then(|a| a.profile.as_ref())
            .map(|p| {
                (
                    p.passport_name.clone(),
                    format!("{} ({})", p.city_name, p.country),
                )
            })
            .unwrap_or_default()
    };
    let title_text = programme.input.title.get(tr.lang()).to_string();
    let title = |_: &str| title_text.clone();
    let reasons = Reasons {
        tr: *tr,
        title: &title,
    };
    let (mut lines, mut violations, mut selected) = (vec![], vec![], 0);
    if let Some(p) = &proposal {
        for (c, input) in p.output.candidates.iter().zip(p.input.candidates.iter()) {
            let (n, city) = name(&c.id);
            let code = status_code(&c.status);
            if code == "selected" {
                selected += 1;
            }
            lines.push(ExplainedLine {
                id: c.id.clone(),
                name: n,
                city,
                score: tr.decimal(input.score, 2),
                status: tr.t(&format!("selection-status-{}", code.replace('_', "-"))),
                status_code: code,
                reason: reasons.explain(&c.reason_code, &c.reason_params, &c.reason),
            });
        }
        lines.sort_by_key(|l| match l.status_code {
            "selected" => 0,
            "waitlisted" => 1,
            "not_selected" => 2,
            _ => 3,
        });
        for prog in &p.output.programmes {
            for v in &prog.violations {
                let (rule, kind, detail) = reasons.violation(v);
                violations.push(RuleLine { rule, kind, detail });
            }
        }
    }
    let seats = s.services.seats(&req.ctx, id).await?;
    let participants = apps
        .iter()
        .filter_map(|a| {
            let d = a.decision.as_ref()?;
            matches!(d.outcome, Outcome::Offered | Outcome::Confirmed).then(|| SeatLine {
                id: a.id,
                name: a
                    .profile
                    .as_ref()
                    .map(|p| p.passport_name.clone())
                    .unwrap_or_default(),
                outcome: tr.t(&format!("outcome-{}", d.outcome.as_str())),
                respond_by: d
                    .respond_by
                    .map(|t| tr.datetime(t, req.tz))
                    .unwrap_or_default(),
                logistics: a
                    .logistics
                    .as_ref()
                    .map(|l| {
                        format!(
                            "{} → {} · {} · {}",
                            l.arrival_date,
                            l.departure_date,
                            l.lodging_nights,
                            l.dietary.clone().unwrap_or_default()
                        )
                    })
                    .unwrap_or_default(),
            })
        })
        .collect();
    render(SelectionPage {
        page: Page::titled(
            &req,
            format!(
                "{} — {}",
                tr.t("selection-title"),
                programme.input.title.get(tr.lang())
            ),
        ),
        programme_id: id,
        capacity: programme.input.capacity,
        run_id: proposal.as_ref().map(|p| p.run.id),
        run_at: proposal
            .as_ref()
            .map(|p| tr.datetime(p.run.created_at, req.tz))
            .unwrap_or_default(),
        optimal: proposal.as_ref().is_some_and(|p| p.output.optimal),
        objective: proposal
            .as_ref()
            .map(|p| tr.decimal(p.output.objective, 2))
            .unwrap_or_default(),
        confirmed: !seats.is_empty(),
        selected,
        lines,
        violations,
        seats_taken: seats.iter().filter(|(_, h)| h.is_some()).count(),
        participants,
    })
}

pub async fn run(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    s.services.run_selection(&req.ctx, id).await?;
    Ok(see_other(&format!(
        "/programmes/{id}/selection?done=selection-run"
    )))
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct ConfirmForm {
    pub run_id: Id,
}

pub async fn confirm(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    Form(f): Form<ConfirmForm>,
) -> Result<Response, WebError> {
    s.services.confirm_selection(&req.ctx, id, f.run_id).await?;
    Ok(see_other(&format!(
        "/programmes/{id}/selection?done=selection-confirmed"
    )))
}

pub async fn expire(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    s.services.expire_overdue_offers(&req.ctx, id).await?;
    Ok(see_other(&format!(
        "/programmes/{id}/selection?done=offers-expired"
    )))
}
