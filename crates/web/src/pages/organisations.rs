//! The network registry: browse, show, create, edit, lifecycle, memberships.

use super::{Choice, OrgRow, choices, kind_label, region_label, render, see_other, status_label};
use crate::AppState;
use crate::context::Req;
use crate::error::WebError;
use crate::multipart_form::MultipartForm;
use crate::page::{Errors, Page};
use askama::Template;
use axum::Form;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use miti_domain::organisation::{OrgFilter, OrgForm, OrgKind, Organisation, Region, Status};
use miti_domain::policy::{self, Action};
use miti_domain::{DomainError, FieldErrors, Id, LANGUAGES};
use miti_service::documents::Upload;
use miti_service::registry::{LifecycleForm, MembershipForm};

#[derive(Template)]
#[template(path = "org_list.html")]
struct List {
    page: Page,
    q: String,
    kinds: Vec<Choice>,
    regions: Vec<Choice>,
    statuses: Vec<Choice>,
    rows: Vec<OrgRow>,
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    q: String,
    kind: String,
    region: String,
    status: String,
}

pub async fn list(
    State(s): State<AppState>,
    req: Req,
    Query(q): Query<ListQuery>,
) -> Result<Response, WebError> {
    let filter = OrgFilter {
        q: Some(q.q.trim().to_string()).filter(|x| !x.is_empty()),
        kind: OrgKind::parse(&q.kind),
        region: Region::parse(&q.region),
        status: Status::parse(&q.status),
        country: None,
    };
    let orgs = s.services.organisations(&filter).await?;
    let tr = req.tr;
    let mut rows: Vec<OrgRow> = orgs.iter().map(|o| OrgRow::new(&tr, o)).collect();
    rows.sort_by_key(|r| r.name.to_lowercase());
    render(List {
        page: Page::new(&req, "org-list-title"),
        q: q.q,
        kinds: choices(OrgKind::ALL, &q.kind, OrgKind::as_str, |k| {
            kind_label(&tr, k)
        }),
        regions: choices(Region::ALL, &q.region, Region::as_str, |r| {
            region_label(&tr, r)
        }),
        statuses: choices(Status::ALL, &q.status, Status::as_str, |x| {
            status_label(&tr, x)
        }),
        rows,
    })
}

struct EventRow {
    on: String,
    from: String,
    to: String,
    note: String,
    document_id: Option<Id>,
    document_name: String,
}

struct MembershipRow {
    id: Id,
    from: String,
    until: String,
}

#[derive(Template)]
#[template(path = "org_show.html")]
struct Show {
    page: Page,
    org: OrgRow,
    names: Vec<(String, String)>,
    timezone: String,
    working_languages: String,
    website: Option<String>,
    parent: Option<OrgRow>,
    memberships: Vec<MembershipRow>,
    events: Vec<EventRow>,
    is_centre: bool,
    can_edit: bool,
    can_people: bool,
    can_lifecycle: bool,
    next_statuses: Vec<Choice>,
    errors: Errors,
    lifecycle_form: LifecycleForm,
    membership_form: MembershipForm,
}

async fn show_page(
    s: &AppState,
    req: &Req,
    id: Id,
    errors: FieldErrors,
    lifecycle_form: LifecycleForm,
    membership_form: MembershipForm,
) -> Result<Response, WebError> {
    let o = s.services.organisation(id).await?;
    let tr = req.tr;
    let parent = match o.parent_id {
        Some(p) => s
            .services
            .organisation(p)
            .await
            .ok()
            .map(|p| OrgRow::new(&tr, &p)),
        None => None,
    };
    let events = s
        .services
        .lifecycle_events(id)
        .await?
        .into_iter()
        .map(|e| EventRow {
            on: tr.date(e.on),
            from: status_label(&tr, e.from_status),
            to: status_label(&tr, e.to_status),
            note: e.note,
            document_id: e.document_id,
            document_name: e.document_name.unwrap_or_default(),
        })
        .collect();
    let in_scope = |a: Action| {
        req.ctx
            .user
            .as_ref()
            .is_some_and(|u| policy::in_scope(u, a, id))
    };
    let next: Vec<Status> = Status::ALL
        .iter()
        .copied()
        .filter(|t| o.status.can_move_to(*t))
        .collect();
    let mut page = Page::titled(req, o.name.get(tr.lang()).to_string());
    if !errors.is_empty() {
        page.notice = None;
    }
    let mut r = render(Show {
        page,
        org: OrgRow::new(&tr, &o),
        names: LANGUAGES
            .iter()
            .filter_map(|l| o.name.texts.get(*l).map(|n| (l.to_string(), n.clone())))
            .collect(),
        timezone: o.timezone.clone(),
        working_languages: o.working_languages.join(", "),
        website: o.website.clone(),
        parent,
        memberships: o
            .memberships
            .iter()
            .map(|m| MembershipRow {
                id: m.id,
                from: tr.date(m.from),
                until: m.until.map(|u| tr.date(u)).unwrap_or_default(),
            })
            .collect(),
        events,
        is_centre: matches!(o.kind, OrgKind::RegionalCentre | OrgKind::Headquarters),
        can_edit: in_scope(Action::OrgEdit),
        can_people: in_scope(Action::PeopleView),
        can_lifecycle: in_scope(Action::OrgLifecycle),
        next_statuses: next
            .iter()
            .map(|t| Choice {
                value: t.as_str().into(),
                label: status_label(&tr, *t),
                selected: lifecycle_form.to == t.as_str(),
            })
            .collect(),
        errors: Errors(errors.clone()),
        lifecycle_form,
        membership_form,
    })?;
    if !errors.is_empty() {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

pub async fn show(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    show_page(
        &s,
        &req,
        id,
        FieldErrors::new(),
        LifecycleForm::default(),
        MembershipForm::default(),
    )
    .await
}

#[derive(Template)]
#[template(path = "org_form.html")]
struct Edit {
    page: Page,
    action: String,
    admin: bool,
    form: OrgForm,
    names: Vec<(String, String, String, String)>,
    kinds: Vec<Choice>,
    regions: Vec<Choice>,
    parents: Vec<Choice>,
    errors: Errors,
    alert: Option<String>,
}

async fn form_page(
    s: &AppState,
    req: &Req,
    title_key: &str,
    action: String,
    form: OrgForm,
    errors: FieldErrors,
    alert: Option<String>,
) -> Result<Response, WebError> {
    let tr = req.tr;
    let admin = req.ctx.is_network_admin();
    let parents = if admin {
        let mut all = s.services.organisations(&OrgFilter::default()).await?;
        all.retain(|o| {
            matches!(
                o.kind,
                OrgKind::Secretariat | OrgKind::Headquarters | OrgKind::RegionalCentre
            )
        });
        all.iter()
            .map(|o: &Organisation| Choice {
                value: o.id.to_string(),
                label: o.name.get(tr.lang()).to_string(),
                selected: form.parent_id == o.id.to_string(),
            })
            .collect()
    } else {
        vec![]
    };
    let names = miti_i18n::Locale::ALL
        .iter()
        .map(|l| {
            let field = format!("name_{}", l.code());
            (
                l.code().to_string(),
                l.native_name().to_string(),
                form.name_field(l.code()).to_string(),
                field,
            )
        })
        .collect();
    let invalid = !errors.is_empty() || alert.is_some();
    let mut r = render(Edit {
        page: Page::new(req, title_key),
        action,
        admin,
        kinds: choices(OrgKind::ALL, &form.kind, OrgKind::as_str, |k| {
            kind_label(&tr, k)
        }),
        regions: choices(Region::ALL, &form.region, Region::as_str, |r| {
            region_label(&tr, r)
        }),
        parents,
        names,
        form,
        errors: Errors(errors),
        alert,
    })?;
    if invalid {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

pub async fn new_form(State(s): State<AppState>, req: Req) -> Result<Response, WebError> {
    let form = OrgForm {
        kind: "member_city".into(),
        main_language: req.tr.lang().into(),
        region: "europe".into(),
        ..Default::default()
    };
    form_page(
        &s,
        &req,
        "org-new",
        "/organisations".into(),
        form,
        FieldErrors::new(),
        None,
    )
    .await
}

pub async fn create(
    State(s): State<AppState>,
    req: Req,
    Form(form): Form<OrgForm>,
) -> Result<Response, WebError> {
    match s.services.create_organisation(&req.ctx, &form).await {
        Ok(o) => Ok(see_other(&format!(
            "/organisations/{}?done=org-created",
            o.id
        ))),
        Err(DomainError::Invalid(errs)) => {
            form_page(
                &s,
                &req,
                "org-new",
                "/organisations".into(),
                form,
                errs,
                None,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn edit_form(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    let o = s.services.organisation_for_edit(&req.ctx, id).await?;
    form_page(
        &s,
        &req,
        "org-edit",
        format!("/organisations/{id}"),
        OrgForm::from_org(&o),
        FieldErrors::new(),
        None,
    )
    .await
}

pub async fn update(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    Form(form): Form<OrgForm>,
) -> Result<Response, WebError> {
    match s.services.update_organisation(&req.ctx, id, &form).await {
        Ok(o) => Ok(see_other(&format!(
            "/organisations/{}?done=org-updated",
            o.id
        ))),
        Err(DomainError::Invalid(errs)) => {
            form_page(
                &s,
                &req,
                "org-edit",
                format!("/organisations/{id}"),
                form,
                errs,
                None,
            )
            .await
        }
        // Someone saved in between: keep what this user typed and say so.
        Err(DomainError::Conflict("stale_version")) => {
            let alert = Some(req.tr.t("error-conflict"));
            let mut form = form;
            if let Ok(current) = s.services.organisation(id).await {
                form.version = current.version.to_string();
            }
            form_page(
                &s,
                &req,
                "org-edit",
                format!("/organisations/{id}"),
                form,
                FieldErrors::new(),
                alert,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// Reads a multipart lifecycle form: the text fields and the optional file.
async fn read_lifecycle(
    mp: Multipart,
    body_limit: usize,
) -> Result<(LifecycleForm, Option<Upload>), WebError> {
    let read = MultipartForm::read(mp, body_limit).await?;
    let form = LifecycleForm {
        to: read.text("to"),
        on: read.text("on"),
        note: read.text("note"),
    };
    Ok((form, read.upload))
}

pub async fn lifecycle(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    mp: Multipart,
) -> Result<Response, WebError> {
    let (form, upload) = match read_lifecycle(mp, s.config.body_limit).await {
        Ok(x) => x,
        Err(WebError::Domain(DomainError::Invalid(errs))) => {
            return show_page(
                &s,
                &req,
                id,
                errs,
                LifecycleForm::default(),
                MembershipForm::default(),
            )
            .await;
        }
        Err(e) => return Err(e),
    };
    match s
        .services
        .record_lifecycle_event(&req.ctx, id, &form, upload)
        .await
    {
        Ok(_) => Ok(see_other(&format!("/organisations/{id}?done=org-updated"))),
        Err(DomainError::Invalid(errs)) => {
            show_page(&s, &req, id, errs, form, MembershipForm::default()).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn add_membership(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    Form(form): Form<MembershipForm>,
) -> Result<Response, WebError> {
    match s.services.add_membership(&req.ctx, id, &form).await {
        Ok(()) => Ok(see_other(&format!("/organisations/{id}?done=org-updated"))),
        Err(DomainError::Invalid(errs)) => {
            show_page(&s, &req, id, errs, LifecycleForm::default(), form).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn remove_membership(
    State(s): State<AppState>,
    req: Req,
    Path((id, mid)): Path<(Id, Id)>,
) -> Result<Response, WebError> {
    s.services.remove_membership(&req.ctx, id, mid).await?;
    Ok(see_other(&format!("/organisations/{id}?done=org-updated")))
}
