//! People of an organisation (contact roles), within record scope.

use super::{Choice, choices, render, see_other};
use crate::AppState;
use crate::context::Req;
use crate::error::WebError;
use crate::page::{Errors, Page};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use miti_domain::person::{ContactRole, PersonForm};
use miti_domain::policy::{self, Action};
use miti_domain::{DomainError, FieldErrors, Id, OrgId};
use miti_i18n::Tr;

struct PersonRow {
    id: Id,
    name: String,
    role: String,
    email: String,
    phone: String,
}

fn role_choices(tr: &Tr, current: &str) -> Vec<Choice> {
    choices(ContactRole::ALL, current, ContactRole::as_str, |r| {
        tr.t(&format!("contact-role-{}", r.as_str().replace('_', "-")))
    })
}

#[derive(Template)]
#[template(path = "people.html")]
struct List {
    page: Page,
    org_id: OrgId,
    org_name: String,
    people: Vec<PersonRow>,
    can_edit: bool,
    form_action: String,
    form: PersonForm,
    roles: Vec<Choice>,
    errors: Errors,
}

async fn list_page(
    s: &AppState,
    req: &Req,
    org_id: OrgId,
    form: PersonForm,
    errors: FieldErrors,
) -> Result<Response, WebError> {
    let people = s.services.people(&req.ctx, org_id).await?;
    let org = s.services.organisation(org_id).await?;
    let tr = req.tr;
    let invalid = !errors.is_empty();
    let mut r = render(List {
        page: Page::new(req, "people-title"),
        org_id,
        org_name: org.name.get(tr.lang()).to_string(),
        people: people
            .into_iter()
            .map(|p| PersonRow {
                id: p.id,
                name: p.name,
                role: tr.t(&format!(
                    "contact-role-{}",
                    p.contact_role.as_str().replace('_', "-")
                )),
                email: p.email.unwrap_or_default(),
                phone: p.phone.unwrap_or_default(),
            })
            .collect(),
        can_edit: req
            .ctx
            .user
            .as_ref()
            .is_some_and(|u| policy::in_scope(u, Action::PeopleEdit, org_id)),
        form_action: format!("/organisations/{org_id}/people"),
        roles: role_choices(&tr, &form.contact_role),
        form,
        errors: Errors(errors),
    })?;
    if invalid {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

pub async fn list(
    State(s): State<AppState>,
    req: Req,
    Path(org_id): Path<OrgId>,
) -> Result<Response, WebError> {
    list_page(&s, &req, org_id, PersonForm::default(), FieldErrors::new()).await
}

pub async fn create(
    State(s): State<AppState>,
    req: Req,
    Path(org_id): Path<OrgId>,
    Form(form): Form<PersonForm>,
) -> Result<Response, WebError> {
    match s.services.create_person(&req.ctx, org_id, &form).await {
        Ok(_) => Ok(see_other(&format!("/organisations/{org_id}/people"))),
        Err(DomainError::Invalid(errs)) => list_page(&s, &req, org_id, form, errs).await,
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "person_edit.html")]
struct Edit {
    page: Page,
    form_action: String,
    form: PersonForm,
    roles: Vec<Choice>,
    errors: Errors,
}

fn edit_page(
    req: &Req,
    id: Id,
    form: PersonForm,
    errors: FieldErrors,
) -> Result<Response, WebError> {
    let invalid = !errors.is_empty();
    let mut r = render(Edit {
        page: Page::new(req, "common-edit"),
        form_action: format!("/people/{id}"),
        roles: role_choices(&req.tr, &form.contact_role),
        form,
        errors: Errors(errors),
    })?;
    if invalid {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

pub async fn edit_form(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    let p = s.services.person(&req.ctx, id).await?;
    if !req
        .ctx
        .user
        .as_ref()
        .is_some_and(|u| policy::in_scope(u, Action::PeopleEdit, p.org_id))
    {
        return Err(DomainError::NotFound.into());
    }
    let form = PersonForm {
        name: p.name,
        email: p.email.unwrap_or_default(),
        phone: p.phone.unwrap_or_default(),
        contact_role: p.contact_role.as_str().into(),
    };
    edit_page(&req, id, form, FieldErrors::new())
}

pub async fn update(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
    Form(form): Form<PersonForm>,
) -> Result<Response, WebError> {
    match s.services.update_person(&req.ctx, id, &form).await {
        Ok(p) => Ok(see_other(&format!("/organisations/{}/people", p.org_id))),
        Err(DomainError::Invalid(errs)) => edit_page(&req, id, form, errs),
        Err(e) => Err(e.into()),
    }
}

pub async fn delete(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    let org_id = s.services.delete_person(&req.ctx, id).await?;
    Ok(see_other(&format!("/organisations/{org_id}/people")))
}
