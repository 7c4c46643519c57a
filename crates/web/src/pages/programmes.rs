//! The programme catalogue: staff pages (list, create, edit, show, status),
//! the theme list, and the public catalogue and programme page.

use super::{Choice, render, see_other};
use crate::AppState;
use crate::context::Req;
use crate::error::WebError;
use crate::page::{Errors, Page};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use miti_domain::policy::Action;
use miti_domain::programme::{Programme, ProgrammeForm, ProgrammeStatus, Theme, ThemeForm};
use miti_domain::text::Localized;
use miti_domain::{DomainError, FieldErrors, Id};
use miti_i18n::Tr;
use miti_service::catalogue::TransitionForm;
use std::collections::HashMap;

/// The language a localized text is shown in (it may be a fallback).
fn shown_lang(t: &Localized, lang: &str) -> String {
    if t.has(lang) {
        lang.to_string()
    } else if t.has(&t.main) {
        t.main.clone()
    } else if t.has("en") {
        "en".into()
    } else {
        t.texts
            .keys()
            .next()
            .cloned()
            .unwrap_or_else(|| lang.into())
    }
}

pub fn status_label(tr: &Tr, s: ProgrammeStatus) -> String {
    tr.t(&format!(
        "programme-status-{}",
        s.as_str().replace('_', "-")
    ))
}

/// A programme as pages show it, in the viewer's language.
pub struct ProgrammeRow {
    pub id: Id,
    pub title: String,
    pub title_lang: String,
    pub summary: String,
    pub summary_lang: String,
    pub description: String,
    pub description_lang: String,
    pub host_id: Id,
    pub host: String,
    pub themes: String,
    pub dates: String,
    pub official_days: String,
    pub lodging_nights: i32,
    pub venue: String,
    pub timezone: String,
    pub working_languages: String,
    pub interpretation: String,
    pub capacity: i32,
    pub status: String,
    pub status_code: &'static str,
    pub cancel_reason: String,
    pub members_only: bool,
    pub seniority: String,
    pub max_per_city: String,
    pub min_member_share_pct: i32,
    pub gender_target: String,
    pub meals: bool,
    pub per_diem: String,
    pub fee_waived: bool,
    pub airfare_covered: bool,
    pub partners: String,
    pub contact_email: String,
    pub call_open: bool,
}

pub struct Names {
    orgs: HashMap<Id, String>,
    themes: HashMap<String, String>,
    /// The training centres (id, name), for filters.
    centres: Vec<(Id, String)>,
}

impl Names {
    /// Names only (one light query), not whole organisation records.
    pub async fn load(s: &AppState, tr: &Tr) -> Result<Self, WebError> {
        let lang = tr.lang();
        let all = s.services.organisation_names().await?;
        let centres = all
            .iter()
            .filter(|o| o.kind.is_centre())
            .map(|o| (o.id, o.name.get(lang).to_string()))
            .collect();
        let orgs = all
            .into_iter()
            .map(|o| (o.id, o.name.get(lang).to_string()))
            .collect();
        let themes = s
            .services
            .themes()
            .await?
            .into_iter()
            .map(|t| (t.slug.clone(), t.name.get(lang).to_string()))
            .collect();
        Ok(Self {
            orgs,
            themes,
            centres,
        })
    }
    pub fn org(&self, id: Id) -> String {
        self.orgs.get(&id).cloned().unwrap_or_default()
    }
    pub fn theme(&self, slug: &str) -> String {
        self.themes
            .get(slug)
            .cloned()
            .unwrap_or_else(|| slug.to_string())
    }
}

pub fn row(tr: &Tr, n: &Names, p: &Programme) -> ProgrammeRow {
    let lang = tr.lang();
    let i = &p.input;
    ProgrammeRow {
        id: p.id,
        title: i.title.get(lang).to_string(),
        title_lang: shown_lang(&i.title, lang),
        summary: i.summary.get(lang).to_string(),
        summary_lang: shown_lang(&i.summary, lang),
        description: i.description.get(lang).to_string(),
        description_lang: shown_lang(&i.description, lang),
        host_id: i.host_org_id,
        host: n.org(i.host_org_id),
        themes: i
            .themes
            .iter()
            .map(|t| n.theme(t))
            .collect::<Vec<_>>()
            .join(" · "),
        dates: format!("{} – {}", tr.date(i.arrival), tr.date(i.departure)),
        official_days: p.official_days(),
        lodging_nights: i.support.lodging_nights,
        venue: i.venue.clone(),
        timezone: i.timezone.clone(),
        working_languages: i
            .working_languages
            .iter()
            .map(|l| {
                miti_i18n::Locale::parse(l)
                    .filter(|x| x.code() == l)
                    .map(|x| tr.language_name(x))
                    .unwrap_or_else(|| l.clone())
            })
            .collect::<Vec<_>>()
            .join(", "),
        interpretation: i.interpretation.clone().unwrap_or_default(),
        capacity: i.capacity,
        status: status_label(tr, p.status),
        status_code: p.status.as_str(),
        cancel_reason: p.cancel_reason.clone().unwrap_or_default(),
        members_only: i.eligibility.members_only,
        seniority: i.eligibility.seniority_levels.join(", "),
        max_per_city: i
            .eligibility
            .max_per_city
            .map(|n| n.to_string())
            .unwrap_or_default(),
        min_member_share_pct: i.eligibility.min_member_share_pct,
        gender_target: i
            .eligibility
            .gender_balance_target_pct
            .map(|n| format!("{n} %"))
            .unwrap_or_default(),
        meals: i.support.meals,
        per_diem: match (&i.support.per_diem_minor, &i.support.per_diem_currency) {
            (Some(m), Some(c)) => tr.money(*m, c),
            _ => String::new(),
        },
        fee_waived: i.support.registration_fee_waived,
        airfare_covered: i.support.airfare_covered,
        partners: i
            .partners
            .iter()
            .map(|o| n.org(*o))
            .collect::<Vec<_>>()
            .join(" · "),
        contact_email: i.contact_email.clone(),
        call_open: p.status == ProgrammeStatus::CallOpen,
    }
}

// ---- staff pages ----------------------------------------------------------

#[derive(Template)]
#[template(path = "programme_list.html")]
struct List {
    page: Page,
    rows: Vec<ProgrammeRow>,
}

pub async fn list(State(s): State<AppState>, req: Req) -> Result<Response, WebError> {
    let ps = s.services.staff_programmes(&req.ctx, None).await?;
    let n = Names::load(&s, &req.tr).await?;
    render(List {
        page: Page::new(&req, "programme-list-title"),
        rows: ps.iter().map(|p| row(&req.tr, &n, p)).collect(),
    })
}

#[derive(Template)]
#[template(path = "programme_show.html")]
struct Show {
    page: Page,
    p: ProgrammeRow,
    alignment: super::alignment::AlignmentView,
    next: Vec<Choice>,
    can_cancel: bool,
    errors: Errors,
    form: TransitionForm,
}

async fn show_page(
    s: &AppState,
    req: &Req,
    p: &Programme,
    errors: FieldErrors,
    form: TransitionForm,
) -> Result<Response, WebError> {
    let n = Names::load(s, &req.tr).await?;
    let mut next = vec![];
    if let Some(to) = p.status.next() {
        next.push(Choice {
            value: to.as_str().into(),
            label: status_label(&req.tr, to),
            selected: false,
        });
    }
    if p.status == ProgrammeStatus::Planned && req.ctx.is_network_admin() {
        next.push(Choice {
            value: ProgrammeStatus::Draft.as_str().into(),
            label: status_label(&req.tr, ProgrammeStatus::Draft),
            selected: false,
        });
    }
    let r = row(&req.tr, &n, p);
    let alignment = s.services.alignment_of(p).await?;
    let editable = req.ctx.user.as_ref().is_some_and(|u| {
        miti_domain::policy::in_scope(u, Action::SdgAlignmentEdit, p.input.host_org_id)
    });
    let invalid = !errors.is_empty();
    let mut resp = render(Show {
        page: Page::titled(req, r.title.clone()),
        alignment: super::alignment::view(&req.tr, p.id, alignment.as_ref(), editable),
        p: r,
        next,
        can_cancel: p.status.cancellable(),
        errors: Errors(errors),
        form,
    })?;
    if invalid {
        *resp.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(resp)
}

pub async fn show(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    let p = s.services.staff_programme(&req.ctx, id).await?;
    show_page(&s, &req, &p, FieldErrors::new(), TransitionForm::default()).await
}

pub async fn transition(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    Form(form): Form<TransitionForm>,
) -> Result<Response, WebError> {
    match s.services.move_programme(&req.ctx, id, &form).await {
        Ok(p) => Ok(see_other(&format!("/programmes/{}", p.id))),
        Err(DomainError::Invalid(errs)) => {
            let p = s.services.staff_programme(&req.ctx, id).await?;
            show_page(&s, &req, &p, errs, form).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "programme_form.html")]
struct Edit {
    page: Page,
    action: String,
    form: ProgrammeForm,
    hosts: Vec<Choice>,
    themes: Vec<Choice>,
    texts: Vec<Field>,
    fields: Vec<Field>,
    flags: Vec<Field>,
    errors: Errors,
}

/// One input of the programme form.
pub struct Field {
    name: String,
    label: String,
    value: String,
    input_type: &'static str,
    multiline: bool,
    lang: &'static str,
}

fn field(name: &str, label: String, value: &str, input_type: &'static str) -> Field {
    Field {
        name: name.into(),
        label,
        value: value.into(),
        input_type,
        multiline: false,
        lang: "",
    }
}

fn form_fields(tr: &Tr, f: &ProgrammeForm) -> (Vec<Field>, Vec<Field>, Vec<Field>) {
    let mut texts = vec![];
    let by_lang: [(&str, [&String; 3]); 6] = [
        ("en", [&f.title_en, &f.summary_en, &f.description_en]),
        ("fr", [&f.title_fr, &f.summary_fr, &f.description_fr]),
        ("es", [&f.title_es, &f.summary_es, &f.description_es]),
        ("ko", [&f.title_ko, &f.summary_ko, &f.description_ko]),
        ("ar", [&f.title_ar, &f.summary_ar, &f.description_ar]),
        ("fa", [&f.title_fa, &f.summary_fa, &f.description_fa]),
    ];
    for (i, what) in ["title", "summary", "description"].iter().enumerate() {
        for (lang, values) in &by_lang {
            let locale = miti_i18n::Locale::parse(lang).unwrap_or(miti_i18n::Locale::En);
            texts.push(Field {
                name: format!("{what}_{lang}"),
                label: format!(
                    "{} ({})",
                    tr.t(&format!("programme-{what}")),
                    locale.native_name()
                ),
                value: values.get(i).map(|v| v.to_string()).unwrap_or_default(),
                input_type: "text",
                multiline: *what != "title",
                lang: locale.code(),
            });
        }
    }
    let fields = vec![
        field("arrival", tr.t("programme-arrival"), &f.arrival, "date"),
        field(
            "departure",
            tr.t("programme-departure"),
            &f.departure,
            "date",
        ),
        field(
            "official_days",
            tr.t("programme-official-days"),
            &f.official_days,
            "text",
        ),
        field(
            "lodging_nights",
            tr.t("programme-lodging-nights"),
            &f.lodging_nights,
            "number",
        ),
        field("venue", tr.t("programme-venue"), &f.venue, "text"),
        field("timezone", tr.t("programme-timezone"), &f.timezone, "text"),
        field(
            "working_languages",
            tr.t("programme-working-languages"),
            &f.working_languages,
            "text",
        ),
        field(
            "interpretation",
            tr.t("programme-interpretation"),
            &f.interpretation,
            "text",
        ),
        field(
            "capacity",
            tr.t("programme-capacity"),
            &f.capacity,
            "number",
        ),
        field(
            "seniority_levels",
            tr.t("programme-seniority"),
            &f.seniority_levels,
            "text",
        ),
        field(
            "max_per_city",
            tr.t("programme-max-per-city"),
            &f.max_per_city,
            "number",
        ),
        field(
            "min_member_share_pct",
            tr.t("programme-min-member-share"),
            &f.min_member_share_pct,
            "number",
        ),
        field(
            "gender_balance_target_pct",
            tr.t("programme-gender-target"),
            &f.gender_balance_target_pct,
            "number",
        ),
        field("per_diem", tr.t("programme-per-diem"), &f.per_diem, "text"),
        field(
            "per_diem_currency",
            tr.t("programme-currency"),
            &f.per_diem_currency,
            "text",
        ),
        field(
            "partners",
            tr.t("programme-partner-ids"),
            &f.partners,
            "text",
        ),
        field(
            "contact_email",
            tr.t("programme-contact"),
            &f.contact_email,
            "email",
        ),
    ];
    let flags = vec![
        field(
            "members_only",
            tr.t("programme-members-only"),
            &f.members_only,
            "checkbox",
        ),
        field("meals", tr.t("programme-meals"), &f.meals, "checkbox"),
        field(
            "registration_fee_waived",
            tr.t("programme-fee-waived"),
            &f.registration_fee_waived,
            "checkbox",
        ),
        field(
            "airfare_covered",
            tr.t("programme-airfare-covered"),
            &f.airfare_covered,
            "checkbox",
        ),
    ];
    (texts, fields, flags)
}

async fn form_page(
    s: &AppState,
    req: &Req,
    title_key: &str,
    action: String,
    form: ProgrammeForm,
    errors: FieldErrors,
) -> Result<Response, WebError> {
    let lang = req.tr.lang();
    let hosts = s
        .services
        .host_choices(&req.ctx)
        .await?
        .into_iter()
        .map(|o| Choice {
            selected: form.host_org_id == o.id.to_string(),
            value: o.id.to_string(),
            label: o.name.get(lang).to_string(),
        })
        .collect();
    let themes = s
        .services
        .themes()
        .await?
        .into_iter()
        .map(|t| Choice {
            selected: form.themes.contains(&t.slug),
            label: t.name.get(lang).to_string(),
            value: t.slug,
        })
        .collect();
    let invalid = !errors.is_empty();
    let (texts, fields, flags) = form_fields(&req.tr, &form);
    let mut r = render(Edit {
        page: Page::new(req, title_key),
        action,
        form,
        hosts,
        themes,
        texts,
        fields,
        flags,
        errors: Errors(errors),
    })?;
    if invalid {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

pub async fn new_form(State(s): State<AppState>, req: Req) -> Result<Response, WebError> {
    let hosts = s.services.host_choices(&req.ctx).await?;
    let form = ProgrammeForm {
        main_language: req.tr.lang().into(),
        host_org_id: hosts.first().map(|o| o.id.to_string()).unwrap_or_default(),
        timezone: hosts
            .first()
            .map(|o| o.timezone.clone())
            .unwrap_or_default(),
        ..Default::default()
    };
    form_page(
        &s,
        &req,
        "programme-new",
        "/programmes".into(),
        form,
        FieldErrors::new(),
    )
    .await
}

/// Reads a urlencoded programme form; `themes` may repeat.
fn parse_form(body: &str) -> ProgrammeForm {
    let mut map = serde_json::Map::new();
    let mut themes = vec![];
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(body).unwrap_or_default();
    for (k, v) in pairs {
        if k == "themes" {
            themes.push(v);
        } else {
            map.insert(k, serde_json::Value::String(v));
        }
    }
    // An unchecked box sends nothing: it means "off", not the default.
    for flag in [
        "members_only",
        "meals",
        "registration_fee_waived",
        "airfare_covered",
    ] {
        map.entry(flag.to_string())
            .or_insert_with(|| serde_json::Value::String(String::new()));
    }
    let mut f: ProgrammeForm =
        serde_json::from_value(serde_json::Value::Object(map)).unwrap_or_default();
    f.themes = themes;
    f
}

pub async fn create(
    State(s): State<AppState>,
    req: Req,
    body: String,
) -> Result<Response, WebError> {
    let form = parse_form(&body);
    match s.services.create_programme(&req.ctx, &form).await {
        Ok(p) => Ok(see_other(&format!("/programmes/{}", p.id))),
        Err(DomainError::Invalid(errs)) => {
            form_page(&s, &req, "programme-new", "/programmes".into(), form, errs).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn edit_form(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    let p = s.services.staff_programme(&req.ctx, id).await?;
    form_page(
        &s,
        &req,
        "programme-edit",
        format!("/programmes/{id}"),
        ProgrammeForm::from_programme(&p),
        FieldErrors::new(),
    )
    .await
}

pub async fn update(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    body: String,
) -> Result<Response, WebError> {
    let form = parse_form(&body);
    match s.services.update_programme(&req.ctx, id, &form).await {
        Ok(p) => Ok(see_other(&format!("/programmes/{}", p.id))),
        Err(DomainError::Invalid(errs)) => {
            let mut form = form;
            if errs.get("version").is_some()
                && let Ok(current) = s.services.staff_programme(&req.ctx, id).await
            {
                form.version = current.version.to_string();
            }
            form_page(
                &s,
                &req,
                "programme-edit",
                format!("/programmes/{id}"),
                form,
                errs,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

// ---- themes ---------------------------------------------------------------

pub struct ThemeRow {
    slug: String,
    names: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "themes.html")]
struct Themes {
    page: Page,
    rows: Vec<ThemeRow>,
    form: ThemeForm,
    errors: Errors,
}

async fn themes_page(
    s: &AppState,
    req: &Req,
    form: ThemeForm,
    errors: FieldErrors,
) -> Result<Response, WebError> {
    let rows = s
        .services
        .themes()
        .await?
        .into_iter()
        .map(|t: Theme| ThemeRow {
            slug: t.slug,
            names: t.name.texts.into_iter().collect(),
        })
        .collect();
    let invalid = !errors.is_empty();
    let mut r = render(Themes {
        page: Page::new(req, "theme-list-title"),
        rows,
        form,
        errors: Errors(errors),
    })?;
    if invalid {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

pub async fn themes(State(s): State<AppState>, req: Req) -> Result<Response, WebError> {
    let form = ThemeForm {
        main_language: "en".into(),
        ..Default::default()
    };
    themes_page(&s, &req, form, FieldErrors::new()).await
}

pub async fn create_theme(
    State(s): State<AppState>,
    req: Req,
    Form(form): Form<ThemeForm>,
) -> Result<Response, WebError> {
    match s.services.create_theme(&req.ctx, &form).await {
        Ok(_) => Ok(see_other("/themes")),
        Err(DomainError::Invalid(errs)) => themes_page(&s, &req, form, errs).await,
        Err(e) => Err(e.into()),
    }
}

// ---- public catalogue -----------------------------------------------------

#[derive(serde::Deserialize, Default, Clone)]
#[serde(default)]
pub struct CatalogueQuery {
    pub theme: String,
    pub centre: String,
    /// `YYYY-MM`
    pub month: String,
    pub language: String,
    pub open: String,
}

#[derive(Template)]
#[template(path = "catalogue.html")]
struct Catalogue {
    page: Page,
    rows: Vec<ProgrammeRow>,
    q: CatalogueQuery,
    themes: Vec<Choice>,
    centres: Vec<Choice>,
}

pub async fn catalogue(
    State(s): State<AppState>,
    req: Req,
    Query(q): Query<CatalogueQuery>,
) -> Result<Response, WebError> {
    let filter = miti_service::catalogue::CatalogueFilter {
        theme: Some(q.theme.clone()).filter(|x| !x.is_empty()),
        centre: q.centre.trim().parse().ok(),
        month: Some(q.month.clone()).filter(|x| !x.is_empty()),
        language: Some(q.language.clone()).filter(|x| !x.is_empty()),
        open_calls_only: !q.open.is_empty(),
    };
    let ps = s.services.catalogue(&filter).await?;
    let n = Names::load(&s, &req.tr).await?;
    let lang = req.tr.lang();
    let themes = s
        .services
        .themes()
        .await?
        .into_iter()
        .map(|t| Choice {
            selected: t.slug == q.theme,
            label: t.name.get(lang).to_string(),
            value: t.slug,
        })
        .collect();
    let centres: Vec<Choice> = n
        .centres
        .iter()
        .map(|(id, name)| Choice {
            selected: id.to_string() == q.centre,
            label: name.clone(),
            value: id.to_string(),
        })
        .collect();
    render(Catalogue {
        page: Page::new(&req, "catalogue-title"),
        rows: ps.iter().map(|p| row(&req.tr, &n, p)).collect(),
        q,
        themes,
        centres,
    })
}

#[derive(Template)]
#[template(path = "catalogue_show.html")]
struct PublicShow {
    page: Page,
    p: ProgrammeRow,
    alignment: super::alignment::AlignmentView,
    deadline: Option<Deadline>,
}

pub async fn public_show(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    let (p, alignment) = s.services.public_alignment(id).await?;
    let call = s.services.public_call(id).await?;
    let n = Names::load(&s, &req.tr).await?;
    let r = row(&req.tr, &n, &p);
    render(PublicShow {
        page: Page::titled(&req, r.title.clone()),
        alignment: super::alignment::view(&req.tr, p.id, alignment.as_ref(), false),
        p: r,
        deadline: call.as_ref().map(|c| deadline(&req, c)),
    })
}

// ---- iCalendar feed -------------------------------------------------------

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct IcsQuery {
    pub centre: String,
    pub theme: String,
}

/// `GET /calendar.ics`: the public catalogue as an iCalendar feed, for the
/// whole network or one centre (`?centre=ID`) or theme (`?theme=slug`).
pub async fn calendar_ics(
    State(s): State<AppState>,
    req: Req,
    Query(q): Query<IcsQuery>,
) -> Result<Response, WebError> {
    let centre = match q.centre.trim() {
        "" => None,
        c => Some(
            c.parse::<Id>()
                .map_err(|_| FieldErrors::single("centre", "invalid_choice"))?,
        ),
    };
    let filter = miti_service::catalogue::CatalogueFilter {
        theme: Some(q.theme.trim().to_string()).filter(|t| !t.is_empty()),
        centre,
        ..Default::default()
    };
    let ps = s.services.catalogue(&filter).await?;
    let n = Names::load(&s, &req.tr).await?;
    let base = s
        .services
        .settings
        .public_url
        .trim_end_matches('/')
        .to_string();
    let lang = req.tr.lang();
    let events: Vec<miti_domain::ical::Event> = ps
        .iter()
        .map(|p| {
            let i = &p.input;
            miti_domain::ical::Event {
                uid: format!("programme-{}@miti", p.id),
                summary: i.title.get(lang).to_string(),
                description: i.summary.get(lang).to_string(),
                location: format!("{} — {}", i.venue, n.org(i.host_org_id)),
                first_day: i.arrival,
                last_day: i.departure,
                categories: i.themes.iter().map(|t| n.theme(t)).collect(),
                url: format!("{base}/catalogue/{}", p.id),
                cancelled: p.status == ProgrammeStatus::Cancelled,
                stamp: p.updated_at,
            }
        })
        .collect();
    let body = miti_domain::ical::calendar(&req.tr.t("catalogue-title"), &events);
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "text/calendar; charset=utf-8",
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                "inline; filename=\"miti.ics\"",
            ),
        ],
        body,
    )
        .into_response())
}

// ---- calls for applications -------------------------------------------------

/// The deadline as pages show it: in the host's zone and in the viewer's.
pub struct Deadline {
    pub opens_host: String,
    pub closes_host: String,
    pub closes_viewer: String,
    pub same_zone: bool,
}

fn deadline(req: &Req, call: &miti_domain::call::Call) -> Deadline {
    let host = miti_domain::call::zone(&call.timezone);
    Deadline {
        opens_host: req.tr.datetime(call.opens_at, host),
        closes_host: req.tr.datetime(call.closes_at, host),
        closes_viewer: req.tr.datetime(call.closes_at, req.tz),
        same_zone: host == req.tz,
    }
}

#[derive(Template)]
#[template(path = "call_form.html")]
struct CallEdit {
    page: Page,
    id: Id,
    programme: String,
    timezone: String,
    version: i32,
    form: miti_domain::call::CallForm,
    errors: Errors,
}

async fn call_form_page(
    s: &AppState,
    req: &Req,
    id: Id,
    form: Option<miti_domain::call::CallForm>,
    errors: FieldErrors,
) -> Result<Response, WebError> {
    let (p, call) = s.services.staff_call(&req.ctx, id).await?;
    let tz = miti_domain::call::zone(&p.input.timezone);
    let form = form.unwrap_or_else(|| match &call {
        Some(c) => miti_domain::call::CallForm::from_call(c, tz),
        None => miti_domain::call::CallForm::default(),
    });
    let invalid = !errors.is_empty();
    let mut r = render(CallEdit {
        page: Page::new(req, "call-title"),
        id,
        programme: p.input.title.get(req.tr.lang()).to_string(),
        timezone: p.input.timezone.clone(),
        version: call.map(|c| c.question_version).unwrap_or(0),
        form,
        errors: Errors(errors),
    })?;
    if invalid {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

pub async fn call_form(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    call_form_page(&s, &req, id, None, FieldErrors::new()).await
}

pub async fn save_call(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    Form(form): Form<miti_domain::call::CallForm>,
) -> Result<Response, WebError> {
    match s.services.save_call(&req.ctx, id, &form).await {
        Ok(_) => Ok(see_other(&format!("/programmes/{id}/call/preview"))),
        Err(DomainError::Invalid(errs)) => call_form_page(&s, &req, id, Some(form), errs).await,
        Err(e) => Err(e.into()),
    }
}

/// One question as an applicant sees it.
pub struct PreviewQuestion {
    pub key: String,
    pub label: String,
    pub kind: &'static str,
    pub required: bool,
    pub choices: Vec<(String, String)>,
    pub condition: Option<String>,
    pub hint: String,
}

#[derive(Template)]
#[template(path = "call_preview.html")]
struct CallPreview {
    page: Page,
    id: Id,
    has_call: bool,
    version: i32,
    deadline: Option<Deadline>,
    documents: Vec<(String, bool)>,
    questions: Vec<PreviewQuestion>,
}

pub async fn call_preview(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    let (p, call) = s.services.staff_call(&req.ctx, id).await?;
    let lang = req.tr.lang();
    let title = p.input.title.get(lang).to_string();
    let Some(call) = call else {
        return render(CallPreview {
            page: Page::titled(&req, title),
            id,
            has_call: false,
            version: 0,
            deadline: None,
            documents: vec![],
            questions: vec![],
        });
    };
    let label_of = |key: &str| {
        call.questions
            .iter()
            .find(|q| q.key == key)
            .map(|q| q.label.get(lang).to_string())
            .unwrap_or_else(|| key.to_string())
    };
    let questions = call
        .questions
        .iter()
        .map(|q| {
            let choices = q
                .choices
                .iter()
                .map(|c| (c.value.clone(), c.label.get(lang).to_string()))
                .collect();
            let condition = q.show_if.as_ref().map(|c| {
                let parent = call.questions.iter().find(|x| x.key == c.question);
                let values = c
                    .any_of
                    .iter()
                    .map(|v| {
                        parent
                            .and_then(|x| x.choices.iter().find(|ch| &ch.value == v))
                            .map(|ch| ch.label.get(lang).to_string())
                            .unwrap_or_else(|| v.clone())
                    })
                    .collect::<Vec<_>>()
                    .join(" / ");
                req.tr.ta(
                    "call-shown-when",
                    &[
                        ("question", label_of(&c.question).as_str().into()),
                        ("answer", values.as_str().into()),
                    ],
                )
            });
            let mut hint = vec![];
            if let Some(m) = q.max_len {
                hint.push(
                    req.tr
                        .ta("call-hint-max-len", &[("max", i64::from(m).into())]),
                );
            }
            if let (Some(a), Some(b)) = (q.min, q.max) {
                hint.push(
                    req.tr
                        .ta("call-hint-range", &[("min", a.into()), ("max", b.into())]),
                );
            }
            PreviewQuestion {
                key: q.key.clone(),
                label: q.label.get(lang).to_string(),
                kind: q.kind.as_str(),
                required: q.required,
                choices,
                condition,
                hint: hint.join(" · "),
            }
        })
        .collect();
    render(CallPreview {
        page: Page::titled(&req, title),
        id,
        has_call: true,
        version: call.question_version,
        deadline: Some(deadline(&req, &call)),
        documents: call
            .documents
            .iter()
            .map(|d| (d.label.get(lang).to_string(), d.required))
            .collect(),
        questions,
    })
}
