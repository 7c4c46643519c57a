//! The UN SDG framework in the viewer's language: goals (with the official
//! colours), targets and indicators.

use super::render;
use crate::context::Req;
use crate::error::WebError;
use crate::page::Page;
use askama::Template;
use axum::extract::Path;
use axum::response::Response;
use miti_domain::DomainError;
use miti_domain::policy::Action;
use miti_sdg::{Framework, Lang};

/// Titles come in the viewer's language where the UN framework has it;
/// `lang` says which language the shown text is in (English as fallback).
fn lang_of(req: &Req, translated: bool) -> (Lang, &'static str) {
    let lang = Lang::from_code(req.tr.lang()).unwrap_or(Lang::En);
    if translated && lang != Lang::Fa {
        (lang, req.tr.lang())
    } else {
        (lang, "en")
    }
}

struct GoalTile {
    number: u8,
    short: String,
    lang: &'static str,
}

struct Line {
    code: String,
    title: String,
    lang: &'static str,
}

struct TargetBlock {
    code: String,
    title: String,
    lang: &'static str,
    indicators: Vec<Line>,
}

#[derive(Template)]
#[template(path = "sdg_index.html")]
struct Index {
    page: Page,
    goals: Vec<GoalTile>,
}

pub async fn index(req: Req) -> Result<Response, WebError> {
    let fw = Framework::get();
    let goals = fw
        .goals()
        .iter()
        .map(|g| {
            let (l, tag) = lang_of(
                &req,
                g.is_translated(Lang::from_code(req.tr.lang()).unwrap_or(Lang::En)),
            );
            GoalTile {
                number: g.number(),
                short: g.short_title(l).to_string(),
                lang: tag,
            }
        })
        .collect();
    render(Index {
        page: Page::new(&req, "sdg-title"),
        goals,
    })
}

fn indicator_lines(req: &Req, fw: &Framework, target: &str) -> Vec<Line> {
    fw.indicators_of(target)
        .into_iter()
        .map(|i| {
            let (l, tag) = lang_of(
                req,
                i.is_translated(Lang::from_code(req.tr.lang()).unwrap_or(Lang::En)),
            );
            Line {
                code: i.code().to_string(),
                title: i.title(l).to_string(),
                lang: tag,
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "sdg_goal.html")]
struct GoalPage {
    page: Page,
    number: u8,
    title: String,
    lang: &'static str,
    translated: bool,
    targets: Vec<TargetBlock>,
}

pub async fn goal(req: Req, Path(n): Path<u8>) -> Result<Response, WebError> {
    let fw = Framework::get();
    let g = fw.goal(n).ok_or(DomainError::NotFound)?;
    let viewer = Lang::from_code(req.tr.lang()).unwrap_or(Lang::En);
    let translated = g.is_translated(viewer) && viewer != Lang::Fa;
    let (l, tag) = lang_of(&req, translated);
    let targets = fw
        .targets_of(n)
        .into_iter()
        .map(|t| {
            let (tl, ttag) = lang_of(&req, t.is_translated(viewer));
            TargetBlock {
                code: t.code().to_string(),
                title: t.title(tl).to_string(),
                lang: ttag,
                indicators: indicator_lines(&req, fw, t.code()),
            }
        })
        .collect();
    let title = format!("{n}. {}", g.short_title(l));
    render(GoalPage {
        page: Page::titled(&req, title),
        number: n,
        title: g.title(l).to_string(),
        lang: tag,
        translated: translated || req.tr.lang() == "en",
        targets,
    })
}

#[derive(Template)]
#[template(path = "sdg_item.html")]
struct ItemPage {
    page: Page,
    goal: u8,
    parent_target: Option<String>,
    heading: String,
    title: String,
    lang: &'static str,
    translated: bool,
    children: Vec<Line>,
    also_under: Vec<String>,
}

pub async fn target(req: Req, Path(code): Path<String>) -> Result<Response, WebError> {
    let fw = Framework::get();
    let t = fw.target(&code).ok_or(DomainError::NotFound)?;
    let viewer = Lang::from_code(req.tr.lang()).unwrap_or(Lang::En);
    let translated = t.is_translated(viewer) && viewer != Lang::Fa;
    let (l, tag) = lang_of(&req, translated);
    let heading = req.tr.ta1("sdg-target", "code", t.code());
    render(ItemPage {
        page: Page::titled(&req, heading.clone()),
        goal: t.goal(),
        parent_target: None,
        heading,
        title: t.title(l).to_string(),
        lang: tag,
        translated: translated || req.tr.lang() == "en",
        children: indicator_lines(&req, fw, t.code()),
        also_under: vec![],
    })
}

pub async fn indicator(req: Req, Path(code): Path<String>) -> Result<Response, WebError> {
    let fw = Framework::get();
    let i = fw.indicator(&code).ok_or(DomainError::NotFound)?;
    let viewer = Lang::from_code(req.tr.lang()).unwrap_or(Lang::En);
    let translated = i.is_translated(viewer) && viewer != Lang::Fa;
    let (l, tag) = lang_of(&req, translated);
    let heading = req.tr.ta1("sdg-indicator", "code", i.code());
    // The same UNSD indicator can stand under two or three targets.
    let also_under = fw
        .indicators_by_unsd_code(i.unsd_code())
        .into_iter()
        .map(|x| x.target().to_string())
        .filter(|t| t != i.target())
        .collect();
    render(ItemPage {
        page: Page::titled(&req, heading.clone()),
        goal: i.goal(),
        parent_target: Some(i.target().to_string()),
        heading,
        title: i.title(l).to_string(),
        lang: tag,
        translated: translated || req.tr.lang() == "en",
        children: vec![],
        also_under,
    })
}
