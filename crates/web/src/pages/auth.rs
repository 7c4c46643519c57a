//! Sign-in, sign-out and password reset pages.

use super::{render, see_other};
use crate::AppState;
use crate::context::{Req, set_cookie};
use crate::error::WebError;
use crate::page::{Errors, Page};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::Response;
use miti_domain::policy::Action;
use miti_domain::{DomainError, FieldErrors};

#[derive(Template)]
#[template(path = "login.html")]
struct Login {
    page: Page,
    email: String,
    next: String,
    errors: Errors,
    alert: Option<String>,
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct LoginForm {
    email: String,
    password: String,
    next: String,
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct NextQuery {
    next: String,
}

/// Only same-site paths: `/x`, never `//evil.example` or `https://…`.
fn safe_next(next: &str) -> String {
    if next.starts_with('/') && !next.starts_with("//") && !next.starts_with("/\\") {
        next.to_string()
    } else {
        "/".to_string()
    }
}

pub async fn login_form(req: Req, Query(q): Query<NextQuery>) -> Result<Response, WebError> {
    render(Login {
        page: Page::new(&req, "login-title"),
        email: String::new(),
        next: safe_next(&q.next),
        errors: Errors::default(),
        alert: None,
    })
}

pub async fn login(
    State(s): State<AppState>,
    req: Req,
    Form(f): Form<LoginForm>,
) -> Result<Response, WebError> {
    let secure = s.config.secure_cookies;
    match s
        .services
        .login(
            &req.ctx,
            &f.email,
            &f.password,
            req.session_token.as_deref(),
        )
        .await
    {
        Ok(started) => {
            let mut r = see_other(&safe_next(&f.next));
            let age = (started.expires_at - chrono::Utc::now()).num_seconds();
            let h = r.headers_mut();
            h.append(
                header::SET_COOKIE,
                set_cookie(secure, "miti_session", &started.token, Some(age)),
            );
            // A new CSRF token with the new session.
            h.append(
                header::SET_COOKIE,
                set_cookie(secure, "miti_csrf", &miti_service::auth_token(), None),
            );
            Ok(r)
        }
        Err(e) => {
            let retry_after = match &e {
                DomainError::TooManyRequests { retry_after_secs } => Some(*retry_after_secs),
                _ => None,
            };
            let (status, errors, alert) = match e {
                DomainError::Invalid(errs) => (StatusCode::UNPROCESSABLE_ENTITY, errs, None),
                DomainError::TooManyRequests { retry_after_secs } => (
                    StatusCode::TOO_MANY_REQUESTS,
                    FieldErrors::new(),
                    Some(req.tr.ta1(
                        "login-rate-limited",
                        "minutes",
                        (retry_after_secs / 60).max(1) as i64,
                    )),
                ),
                other => return Err(other.into()),
            };
            let mut r = render(Login {
                page: Page::new(&req, "login-title"),
                email: f.email,
                next: safe_next(&f.next),
                errors: Errors(errors),
                alert,
            })?;
            *r.status_mut() = status;
            if let Some(secs) = retry_after {
                r.headers_mut().insert(header::RETRY_AFTER, secs.into());
            }
            Ok(r)
        }
    }
}

pub async fn logout(State(s): State<AppState>, req: Req) -> Result<Response, WebError> {
    if let Some(token) = &req.session_token {
        s.services.logout(&req.ctx, token).await?;
    }
    let mut r = see_other("/?done=logged-out");
    r.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(s.config.secure_cookies, "miti_session", "", Some(0)),
    );
    Ok(r)
}

#[derive(Template)]
#[template(path = "reset_request.html")]
struct ResetRequest {
    page: Page,
    email: String,
    errors: Errors,
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct EmailForm {
    email: String,
}

pub async fn reset_request_form(req: Req) -> Result<Response, WebError> {
    render(ResetRequest {
        page: Page::new(&req, "reset-request-title"),
        email: String::new(),
        errors: Errors::default(),
    })
}

pub async fn reset_request(
    State(s): State<AppState>,
    req: Req,
    Form(f): Form<EmailForm>,
) -> Result<Response, WebError> {
    match s.services.request_password_reset(&req.ctx, &f.email).await {
        Ok(()) => Ok(see_other("/login?done=reset-sent")),
        Err(DomainError::Invalid(errs)) => {
            let mut r = render(ResetRequest {
                page: Page::new(&req, "reset-request-title"),
                email: f.email,
                errors: Errors(errs),
            })?;
            *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(r)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "reset.html")]
struct Reset {
    page: Page,
    token: String,
    errors: Errors,
    alert: Option<String>,
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct ResetForm {
    password: String,
    confirm: String,
}

pub async fn reset_form(req: Req, Path(token): Path<String>) -> Result<Response, WebError> {
    render(Reset {
        page: Page::new(&req, "reset-title"),
        token: token
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect(),
        errors: Errors::default(),
        alert: None,
    })
}

pub async fn reset(
    State(s): State<AppState>,
    req: Req,
    Path(token): Path<String>,
    Form(f): Form<ResetForm>,
) -> Result<Response, WebError> {
    let (errors, alert) = match s
        .services
        .reset_password(&token, &f.password, &f.confirm)
        .await
    {
        Ok(()) => return Ok(see_other("/login?done=reset-done")),
        Err(DomainError::Invalid(errs)) => (errs, None),
        Err(DomainError::Conflict("invalid_token")) => {
            (FieldErrors::new(), Some(req.tr.t("reset-invalid-token")))
        }
        Err(e) => return Err(e.into()),
    };
    let mut r = render(Reset {
        page: Page::new(&req, "reset-title"),
        token: token
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect(),
        errors: Errors(errors),
        alert,
    })?;
    *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(r)
}
