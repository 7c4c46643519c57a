//! `GET /sdg/coverage?year=` and `/sdg/coverage.csv?year=`: which goals and
//! targets the year's programmes cover, by centre and by theme, as
//! server-rendered SVG heat maps (no script), the goals no course touches,
//! and SDG 5 across all courses. The counting is
//! `miti_domain::alignment::coverage`; this module only lays it out.

use super::alignment::{Coded, GoalChip, goal_chip};
use super::programmes::Names;
use super::render;
use crate::AppState;
use crate::context::Req;
use crate::error::WebError;
use crate::page::Page;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::Datelike;
use miti_domain::alignment::{CoverageLine, GENDER_EQUALITY, GoalCounts};
use miti_domain::policy::Action;
use miti_domain::{DomainError, FieldErrors, Id};
use miti_i18n::Tr;
use miti_sdg::{Framework, Lang};
use miti_service::alignment::CoverageReport;

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct YearQuery {
    pub year: String,
}

/// The year asked for, or the current one.
fn year_of(q: &YearQuery) -> Result<i32, DomainError> {
    match q.year.trim() {
        "" => Ok(chrono::Utc::now().year()),
        y => match y.parse::<i32>() {
            Ok(y @ 1990..=2100) => Ok(y),
            _ => Err(FieldErrors::single("year", "invalid_number")),
        },
    }
}

// ---- the heat map -----------------------------------------------------------

const LABEL_WIDTH: i32 = 230;
const CELL: i32 = 30;
const HEADER: i32 = 26;
const LABEL_CHARS: usize = 32;

/// One square of a heat map, positioned in SVG user units.
pub struct Cell {
    pub x: i32,
    pub y: i32,
    pub fill: &'static str,
    pub opacity: String,
    pub count: usize,
    pub text_fill: &'static str,
    pub title: String,
}

/// A text placed in the SVG.
pub struct Label {
    pub x: i32,
    pub y: i32,
    pub text: String,
    pub title: String,
}

/// A heat map: lines (centres or themes) × the 17 goals.
pub struct HeatMap {
    pub id: &'static str,
    pub caption: String,
    pub width: i32,
    pub height: i32,
    /// `end` in left-to-right pages, `start` in right-to-left ones.
    pub anchor: &'static str,
    pub header: Vec<Cell>,
    pub labels: Vec<Label>,
    pub cells: Vec<Cell>,
}

fn goal_colour(fw: &Framework, g: u8) -> &'static str {
    fw.goal(g).map(|x| x.colour()).unwrap_or("#888888")
}

fn shorten(s: &str) -> String {
    if s.chars().count() <= LABEL_CHARS {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(LABEL_CHARS - 1).collect();
        t.push('…');
        t
    }
}

/// Lays out `lines` (label, goal counts). Right-to-left pages mirror it:
/// labels on the right, goal 1 next to them.
fn heat_map(
    tr: &Tr,
    id: &'static str,
    caption: String,
    lines: &[(String, GoalCounts)],
    max: usize,
) -> HeatMap {
    let fw = Framework::get();
    let rtl = tr.is_rtl();
    let width = LABEL_WIDTH + 17 * CELL;
    let x_of = |g: u8| {
        let i = i32::from(g) - 1;
        if rtl {
            width - LABEL_WIDTH - (i + 1) * CELL
        } else {
            LABEL_WIDTH + i * CELL
        }
    };
    let header = (1..=17u8)
        .map(|g| Cell {
            x: x_of(g),
            y: 0,
            fill: goal_colour(fw, g),
            opacity: "1".into(),
            count: usize::from(g),
            text_fill: "#ffffff",
            title: goal_chip(tr, g).title,
        })
        .collect();
    let mut labels = vec![];
    let mut cells = vec![];
    for (row, (label, goals)) in lines.iter().enumerate() {
        let y = HEADER + i32::try_from(row).unwrap_or(0) * CELL;
        labels.push(Label {
            x: if rtl {
                width - LABEL_WIDTH + 8
            } else {
                LABEL_WIDTH - 8
            },
            y: y + CELL / 2 + 4,
            text: shorten(label),
            title: label.clone(),
        });
        for g in 1..=17u8 {
            let count = goals[usize::from(g) - 1];
            let ratio = count as f64 / max.max(1) as f64;
            cells.push(Cell {
                x: x_of(g),
                y,
                fill: if count == 0 {
                    "#eef1f5"
                } else {
                    goal_colour(fw, g)
                },
                opacity: if count == 0 {
                    "1".into()
                } else {
                    format!("{:.2}", 0.25 + 0.75 * ratio)
                },
                count,
                text_fill: if ratio >= 0.5 { "#ffffff" } else { "#1d2430" },
                title: tr.ta_plain(
                    "sdg-coverage-cell",
                    &[
                        ("group", label.as_str().into()),
                        ("goal", i64::from(g).into()),
                        ("programmes", count.into()),
                    ],
                ),
            });
        }
    }
    HeatMap {
        id,
        caption,
        width,
        height: HEADER + i32::try_from(lines.len()).unwrap_or(0) * CELL,
        anchor: if rtl { "start" } else { "end" },
        header,
        labels,
        cells,
    }
}

// ---- the page ---------------------------------------------------------------

pub struct TargetGroup {
    pub goal: GoalChip,
    pub targets: Vec<(Coded, usize)>,
}

pub struct CourseLink {
    pub href: String,
    pub title: String,
    pub host: String,
}

pub struct GoalTotal {
    pub goal: GoalChip,
    pub count: usize,
}

#[derive(Template)]
#[template(path = "sdg_coverage.html")]
struct CoveragePage {
    page: Page,
    year: i32,
    programmes: usize,
    aligned: usize,
    totals: Vec<GoalTotal>,
    maps: Vec<HeatMap>,
    targets: Vec<TargetGroup>,
    uncovered: Vec<GoalChip>,
    gender: Vec<CourseLink>,
    gender_share: String,
}

fn centre_lines(n: &Names, lines: &[CoverageLine<Id>]) -> Vec<(String, GoalCounts)> {
    let mut out: Vec<(String, GoalCounts)> =
        lines.iter().map(|l| (n.org(l.key), l.goals)).collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn theme_lines(n: &Names, lines: &[CoverageLine<String>]) -> Vec<(String, GoalCounts)> {
    let mut out: Vec<(String, GoalCounts)> =
        lines.iter().map(|l| (n.theme(&l.key), l.goals)).collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn target_groups(tr: &Tr, targets: &[(String, usize)]) -> Vec<TargetGroup> {
    let fw = Framework::get();
    let lang = Lang::from_code(tr.lang()).unwrap_or(Lang::En);
    let mut groups: Vec<TargetGroup> = vec![];
    for (code, count) in targets {
        let Some(t) = fw.target(code) else { continue };
        let coded = Coded {
            code: code.clone(),
            title: t.title(lang).to_string(),
            lang: if t.is_translated(lang) && lang != Lang::Fa {
                tr.lang().to_string()
            } else {
                "en".into()
            },
        };
        match groups.last_mut() {
            Some(g) if g.goal.number == t.goal() => g.targets.push((coded, *count)),
            _ => groups.push(TargetGroup {
                goal: goal_chip(tr, t.goal()),
                targets: vec![(coded, *count)],
            }),
        }
    }
    groups
}

pub async fn page(
    State(s): State<AppState>,
    req: Req,
    Query(q): Query<YearQuery>,
) -> Result<Response, WebError> {
    let year = year_of(&q)?;
    let CoverageReport {
        programmes,
        coverage: c,
        ..
    } = s.services.sdg_coverage(&req.ctx, year).await?;
    let tr = &req.tr;
    let n = Names::load(&s, tr).await?;
    let max = c.max_cell();
    let maps = vec![
        heat_map(
            tr,
            "by-centre",
            tr.t("sdg-coverage-by-centre"),
            &centre_lines(&n, &c.by_centre),
            max,
        ),
        heat_map(
            tr,
            "by-theme",
            tr.t("sdg-coverage-by-theme"),
            &theme_lines(&n, &c.by_theme),
            max,
        ),
    ];
    let lang = tr.lang();
    let gender = programmes
        .iter()
        .filter(|p| c.gender.contains(&p.id))
        .map(|p| CourseLink {
            href: if p.status.is_public() {
                format!("/catalogue/{}", p.id)
            } else {
                format!("/programmes/{}", p.id)
            },
            title: p.input.title.get(lang).to_string(),
            host: n.org(p.input.host_org_id),
        })
        .collect();
    render(CoveragePage {
        page: Page::new(&req, "sdg-coverage-title"),
        year,
        programmes: c.programmes,
        aligned: c.aligned,
        totals: (1..=17u8)
            .map(|g| GoalTotal {
                goal: goal_chip(tr, g),
                count: c.goals[usize::from(g) - 1],
            })
            .collect(),
        maps,
        targets: target_groups(tr, &c.targets),
        uncovered: c.uncovered.iter().map(|g| goal_chip(tr, *g)).collect(),
        gender,
        gender_share: tr.decimal(c.gender_share() * 100.0, 0),
    })
}

/// The coverage as CSV: `scope,group_id,group,goal,target,programmes`.
/// Scopes: `network` (one row with the number of programmes and an empty
/// goal, then every goal, then every covered target), `centre` and `theme`
/// (every goal for each), `gender_equality` (each course covering SDG 5).
pub async fn csv(
    State(s): State<AppState>,
    req: Req,
    Query(q): Query<YearQuery>,
) -> Result<Response, WebError> {
    let year = year_of(&q)?;
    let report = s.services.sdg_coverage(&req.ctx, year).await?;
    let n = Names::load(&s, &req.tr).await?;
    let body = coverage_csv(&req.tr, &n, &report)
        .map_err(|e| DomainError::Internal(format!("csv: {e}")))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"miti-sdg-coverage-{year}.csv\""),
            ),
        ],
        body,
    )
        .into_response())
}

/// One CSV row per goal for a group.
fn goal_rows(
    w: &mut csv::Writer<Vec<u8>>,
    scope: &str,
    id: &str,
    group: &str,
    counts: &GoalCounts,
) -> Result<(), csv::Error> {
    (1..=17u8).try_for_each(|g| {
        w.write_record([
            scope,
            id,
            group,
            &g.to_string(),
            "",
            &counts[usize::from(g) - 1].to_string(),
        ])
    })
}

fn coverage_csv(tr: &Tr, n: &Names, r: &CoverageReport) -> Result<String, csv::Error> {
    let c = &r.coverage;
    let mut w = csv::Writer::from_writer(vec![]);
    w.write_record(["scope", "group_id", "group", "goal", "target", "programmes"])?;
    let all = tr.t("sdg-coverage-network");
    w.write_record(["network", "", &all, "", "", &c.programmes.to_string()])?;
    goal_rows(&mut w, "network", "", &all, &c.goals)?;
    for (code, count) in &c.targets {
        let goal = code.split('.').next().unwrap_or("");
        w.write_record(["network", "", &all, goal, code, &count.to_string()])?;
    }
    for l in &c.by_centre {
        goal_rows(
            &mut w,
            "centre",
            &l.key.to_string(),
            &n.org(l.key),
            &l.goals,
        )?;
    }
    for l in &c.by_theme {
        goal_rows(&mut w, "theme", &l.key, &n.theme(&l.key), &l.goals)?;
    }
    for p in r.programmes.iter().filter(|p| c.gender.contains(&p.id)) {
        w.write_record([
            "gender_equality",
            &p.id.to_string(),
            p.input.title.get(tr.lang()),
            &GENDER_EQUALITY.to_string(),
            "",
            "1",
        ])?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
