//! The signed-in user's own account: language, time zone, API tokens.

use super::{render, see_other};
use crate::AppState;
use crate::context::Req;
use crate::error::WebError;
use crate::page::{Errors, Page};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use miti_domain::policy::Action;
use miti_domain::{DomainError, FieldErrors, Id};

#[derive(Template)]
#[template(path = "account.html")]
struct Account {
    page: Page,
    locale: String,
    timezone: String,
    errors: Errors,
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct PrefsForm {
    locale: String,
    timezone: String,
}

pub async fn show(req: Req) -> Result<Response, WebError> {
    let user = req.ctx.user()?.clone();
    render(Account {
        page: Page::new(&req, "account-title"),
        locale: user.locale.unwrap_or_default(),
        timezone: user.timezone.unwrap_or_default(),
        errors: Errors::default(),
    })
}

pub async fn save(
    State(s): State<AppState>,
    req: Req,
    Form(f): Form<PrefsForm>,
) -> Result<Response, WebError> {
    match s
        .services
        .set_preferences(&req.ctx, &f.locale, &f.timezone)
        .await
    {
        Ok(()) => Ok(see_other("/account?done=saved")),
        Err(DomainError::Invalid(errs)) => {
            let mut r = render(Account {
                page: Page::new(&req, "account-title"),
                locale: f.locale,
                timezone: f.timezone,
                errors: Errors(errs),
            })?;
            *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(r)
        }
        Err(e) => Err(e.into()),
    }
}

struct TokenRow {
    id: Id,
    name: String,
    created: String,
    last_used: String,
    revoked: bool,
}

#[derive(Template)]
#[template(path = "tokens.html")]
struct Tokens {
    page: Page,
    tokens: Vec<TokenRow>,
    created: Option<String>,
    name: String,
    errors: Errors,
}

async fn tokens_page(
    s: &AppState,
    req: &Req,
    created: Option<String>,
    name: String,
    errors: FieldErrors,
) -> Result<Response, WebError> {
    let tr = req.tr;
    let tokens = s
        .services
        .api_tokens(&req.ctx)
        .await?
        .into_iter()
        .map(|t| TokenRow {
            id: t.id,
            name: t.name,
            created: tr.datetime(t.created_at, req.tz),
            last_used: t
                .last_used_at
                .map(|d| tr.datetime(d, req.tz))
                .unwrap_or_else(|| tr.t("token-never-used")),
            revoked: t.revoked_at.is_some(),
        })
        .collect();
    let invalid = !errors.is_empty();
    let mut r = render(Tokens {
        page: Page::new(req, "tokens-title"),
        tokens,
        created,
        name,
        errors: Errors(errors),
    })?;
    if invalid {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

pub async fn tokens(State(s): State<AppState>, req: Req) -> Result<Response, WebError> {
    tokens_page(&s, &req, None, String::new(), FieldErrors::new()).await
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct TokenForm {
    name: String,
}

/// Shows the new secret once, on this response only.
pub async fn create_token(
    State(s): State<AppState>,
    req: Req,
    Form(f): Form<TokenForm>,
) -> Result<Response, WebError> {
    match s.services.create_api_token(&req.ctx, &f.name).await {
        Ok((secret, _)) => {
            tokens_page(&s, &req, Some(secret), String::new(), FieldErrors::new()).await
        }
        Err(DomainError::Invalid(errs)) => tokens_page(&s, &req, None, f.name, errs).await,
        Err(e) => Err(e.into()),
    }
}

pub async fn revoke_token(
    State(s): State<AppState>,
    req: Req,
    Path(id): Path<Id>,
) -> Result<Response, WebError> {
    s.services.revoke_api_token(&req.ctx, id).await?;
    Ok(see_other("/account/tokens?done=token-revoked"))
}
