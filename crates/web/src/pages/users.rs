//! Accounts, for network admins: who has which role where; invitations.

use super::{Choice, choices, render, role_label, see_other};
use crate::AppState;
use crate::context::Req;
use crate::error::WebError;
use crate::page::{Errors, Page};
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use miti_domain::account::Role;
use miti_domain::organisation::OrgFilter;
use miti_domain::policy::Action;
use miti_domain::{DomainError, FieldErrors};
use miti_service::auth::InviteForm;
use std::collections::HashMap;

struct UserRow {
    email: String,
    name: String,
    roles: Vec<String>,
}

#[derive(Template)]
#[template(path = "users.html")]
struct Users {
    page: Page,
    rows: Vec<UserRow>,
    form: InviteForm,
    roles: Vec<Choice>,
    orgs: Vec<Choice>,
    errors: Errors,
}

async fn page(
    s: &AppState,
    req: &Req,
    form: InviteForm,
    errors: FieldErrors,
) -> Result<Response, WebError> {
    let tr = req.tr;
    let users = s.services.users(&req.ctx).await?;
    let orgs = s.services.organisations(&OrgFilter::default()).await?;
    let names: HashMap<i64, String> = orgs
        .iter()
        .map(|o| (o.id, o.name.get(tr.lang()).to_string()))
        .collect();
    let rows = users
        .into_iter()
        .map(|u| UserRow {
            roles: u
                .roles
                .iter()
                .map(|g| {
                    format!(
                        "{} · {}",
                        role_label(&tr, g.role),
                        names.get(&g.org_id).cloned().unwrap_or_default()
                    )
                })
                .collect(),
            email: u.email,
            name: u.display_name,
        })
        .collect();
    let mut org_choices: Vec<Choice> = orgs
        .iter()
        .map(|o| Choice {
            value: o.id.to_string(),
            label: o.name.get(tr.lang()).to_string(),
            selected: form.org_id == o.id.to_string(),
        })
        .collect();
    org_choices.sort_by(|a, b| a.label.cmp(&b.label));
    let invalid = !errors.is_empty();
    let mut r = render(Users {
        page: Page::new(req, "users-title"),
        rows,
        roles: choices(Role::ALL, &form.role, Role::as_str, |r| role_label(&tr, r)),
        orgs: org_choices,
        form,
        errors: Errors(errors),
    })?;
    if invalid {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

pub async fn list(State(s): State<AppState>, req: Req) -> Result<Response, WebError> {
    page(
        &s,
        &req,
        InviteForm {
            role: "centre_staff".into(),
            ..Default::default()
        },
        FieldErrors::new(),
    )
    .await
}

pub async fn invite(
    State(s): State<AppState>,
    req: Req,
    Form(form): Form<InviteForm>,
) -> Result<Response, WebError> {
    match s.services.invite_user(&req.ctx, &form).await {
        Ok(_) => Ok(see_other("/users?done=user-invited")),
        Err(DomainError::Invalid(errs)) => page(&s, &req, form, errs).await,
        Err(e) => Err(e.into()),
    }
}
