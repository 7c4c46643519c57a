//! The JSON API under `/api/v1`, over the same services as the pages.
//! Errors: `{"error":{"code","message","fields"}}` (see `crate::error`).

mod openapi_doc;
pub mod organisations;
pub mod programmes;

use crate::context::Req;
use crate::error::WebError;
use axum::Json;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

pub async fn openapi() -> Response {
    let mut r = Json(openapi_doc::document()).into_response();
    r.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("public, max-age=300"),
    );
    r
}

#[derive(Serialize)]
pub struct Me {
    id: i64,
    email: String,
    display_name: String,
    locale: Option<String>,
    roles: Vec<RoleOut>,
}

#[derive(Serialize)]
struct RoleOut {
    role: &'static str,
    organisation_id: i64,
}

/// The caller, as their session or token identifies them.
pub async fn me(req: Req) -> Result<Json<Me>, WebError> {
    let u = req.ctx.user()?;
    Ok(Json(Me {
        id: u.id,
        email: u.email.clone(),
        display_name: u.display_name.clone(),
        locale: u.locale.clone(),
        roles: u
            .roles
            .iter()
            .map(|g| RoleOut {
                role: g.role.as_str(),
                organisation_id: g.org_id,
            })
            .collect(),
    }))
}
