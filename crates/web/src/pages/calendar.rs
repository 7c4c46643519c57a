//! The network calendar: every centre's programmes of a year as a month
//! grid drawn in inline SVG (no JavaScript; printable).

use super::programmes::{Names, status_label};
use super::render;
use crate::AppState;
use crate::context::Req;
use crate::error::WebError;
use crate::page::Page;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use chrono::{Datelike, NaiveDate};
use miti_domain::Id;
use miti_domain::policy::Action;
use miti_domain::programme::{Programme, ProgrammeFilter};

const PALETTE: &[&str] = &[
    "#1f6feb", "#b35900", "#1a7f37", "#8250df", "#bf3989", "#0a7b83", "#6e7781",
];

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One bar: a programme's days within one month.
struct Bar {
    month: u32,
    from: u32,
    to: u32,
    lane: usize,
    id: Id,
    label: String,
    colour: &'static str,
}

/// Draws the year as 12 rows of 31 day columns, one bar per programme and
/// month it touches, stacked in lanes where programmes overlap.
pub fn svg(year: i32, ps: &[Programme], names: &Names, lang: &str, months: &[String]) -> String {
    let mut hosts: Vec<Id> = ps.iter().map(|p| p.input.host_org_id).collect();
    hosts.sort_unstable();
    hosts.dedup();
    let colour = |h: Id| {
        let i = hosts.iter().position(|x| *x == h).unwrap_or(0);
        PALETTE.get(i % PALETTE.len()).copied().unwrap_or("#1f6feb")
    };
    let mut bars: Vec<Bar> = vec![];
    for p in ps {
        for m in 1..=12u32 {
            let Some(first) = NaiveDate::from_ymd_opt(year, m, 1) else {
                continue;
            };
            let last = first
                .checked_add_months(chrono::Months::new(1))
                .and_then(|d| d.pred_opt())
                .unwrap_or(first);
            if p.input.departure < first || p.input.arrival > last {
                continue;
            }
            let from = p.input.arrival.max(first).day();
            let to = p.input.departure.min(last).day();
            let lane = (0..)
                .find(|l| {
                    !bars
                        .iter()
                        .any(|b| b.month == m && b.lane == *l && b.from <= to && from <= b.to)
                })
                .unwrap_or(0);
            bars.push(Bar {
                month: m,
                from,
                to,
                lane,
                id: p.id,
                label: format!(
                    "{} — {}",
                    p.input.title.get(lang),
                    names.org(p.input.host_org_id)
                ),
                colour: colour(p.input.host_org_id),
            });
        }
    }
    let label_w = 110.0;
    let day_w = 28.0;
    let lane_h = 22.0;
    let mut y = 24.0;
    let mut rows = String::new();
    for m in 1..=12u32 {
        let lanes = bars
            .iter()
            .filter(|b| b.month == m)
            .map(|b| b.lane + 1)
            .max()
            .unwrap_or(1);
        let h = lanes as f64 * lane_h + 6.0;
        let name = months.get(m as usize - 1).cloned().unwrap_or_default();
        rows.push_str(&format!(
            r##"<rect x="0" y="{y}" width="{w}" height="{h}" fill="{bg}"/><text x="6" y="{ty}" font-size="13">{name}</text>"##,
            w = label_w + 31.0 * day_w,
            bg = if m % 2 == 0 { "#f6f8fa" } else { "#ffffff" },
            ty = y + 16.0,
            name = esc(&name),
        ));
        for b in bars.iter().filter(|b| b.month == m) {
            let x = label_w + f64::from(b.from - 1) * day_w;
            let w = f64::from(b.to - b.from + 1) * day_w - 2.0;
            let by = y + 3.0 + b.lane as f64 * lane_h;
            rows.push_str(&format!(
                r##"<a href="/catalogue/{id}"><rect x="{x}" y="{by}" width="{w}" height="{bh}" rx="3" fill="{c}"><title>{t}</title></rect><text x="{tx}" y="{tty}" font-size="11" fill="#fff">{t}</text></a>"##,
                id = b.id,
                bh = lane_h - 3.0,
                c = b.colour,
                t = esc(&b.label),
                tx = x + 4.0,
                tty = by + 14.0,
            ));
        }
        y += h;
    }
    let mut head = String::new();
    for d in 1..=31u32 {
        head.push_str(&format!(
            r##"<text x="{x}" y="16" font-size="10" text-anchor="middle" fill="#57606a">{d}</text>"##,
            x = label_w + (f64::from(d) - 0.5) * day_w
        ));
    }
    let width = label_w + 31.0 * day_w;
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {y}" width="100%" role="img" aria-labelledby="cal-title" font-family="sans-serif"><title id="cal-title">{year}</title>{head}{rows}</svg>"##
    )
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct CalendarQuery {
    pub year: Option<i32>,
}

pub struct CalendarRow {
    pub id: Id,
    pub title: String,
    pub host: String,
    pub dates: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "calendar.html")]
struct CalendarPage {
    page: Page,
    year: i32,
    svg: String,
    rows: Vec<CalendarRow>,
    aid: Vec<AidRow>,
}

/// One theme of the planning aid.
pub struct AidRow {
    pub theme: String,
    pub programmes: usize,
    pub seats: i64,
    pub applications_per_seat: Option<String>,
    pub average_evaluation: Option<String>,
}

pub async fn calendar(
    State(s): State<AppState>,
    req: Req,
    Query(q): Query<CalendarQuery>,
) -> Result<Response, WebError> {
    let year = q
        .year
        .filter(|y| (1990..=2100).contains(y))
        .unwrap_or_else(|| chrono::Utc::now().year());
    let ps = s
        .services
        .public_programmes(&ProgrammeFilter {
            host_org_id: None,
            year: Some(year),
        })
        .await?;
    let names = Names::load(&s, &req.tr).await?;
    let months: Vec<String> = (1..=12)
        .map(|m| req.tr.t(&format!("calendar-month-{m}")))
        .collect();
    let lang = req.tr.lang();
    let rows = ps
        .iter()
        .map(|p| CalendarRow {
            id: p.id,
            title: p.input.title.get(lang).to_string(),
            host: names.org(p.input.host_org_id),
            dates: format!(
                "{} – {}",
                req.tr.date(p.input.arrival),
                req.tr.date(p.input.departure)
            ),
            status: status_label(&req.tr, p.status),
        })
        .collect();
    let aid = s
        .services
        .planning_aid(year)
        .await?
        .into_iter()
        .map(|h| AidRow {
            theme: h.theme.name.get(lang).to_string(),
            programmes: h.programmes,
            seats: h.seats,
            applications_per_seat: h.applications_per_seat.map(|x| format!("{x:.1}")),
            average_evaluation: h.average_evaluation.map(|x| format!("{x:.1}")),
        })
        .collect();
    render(CalendarPage {
        aid,
        page: Page::titled(&req, format!("{} {year}", req.tr.t("calendar-title"))),
        svg: svg(year, &ps, &names, lang, &months),
        year,
        rows,
    })
}
