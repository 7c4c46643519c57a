//! One error type for the web layer. A handler returns `WebError`; the
//! [`render`] middleware, which knows the request, turns it into a localized
//! page or a JSON body `{"error":{"code","message","fields"}}` for `/api/`.

use crate::context::Req;
use crate::page::{Page, field_message};
use askama::Template;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use miti_domain::DomainError;
use miti_domain::policy::Action;
use miti_i18n::{Locale, Tr, negotiate};
use serde_json::json;

#[derive(Debug)]
pub enum WebError {
    Domain(DomainError),
    /// A missing or foreign CSRF token, or a cross-origin unsafe request.
    Csrf,
}

impl From<DomainError> for WebError {
    fn from(e: DomainError) -> Self {
        WebError::Domain(e)
    }
}

/// Carried in the response until [`render`] formats it.
#[derive(Clone)]
struct Failure(std::sync::Arc<WebError>);

impl WebError {
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::Csrf => StatusCode::FORBIDDEN,
            WebError::Domain(e) => match e {
                DomainError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
                DomainError::NotFound => StatusCode::NOT_FOUND,
                DomainError::Forbidden => StatusCode::FORBIDDEN,
                DomainError::Unauthorized => StatusCode::UNAUTHORIZED,
                DomainError::Conflict(_) => StatusCode::CONFLICT,
                DomainError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
                DomainError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            },
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            WebError::Csrf => "csrf_failed",
            WebError::Domain(e) => e.code(),
        }
    }

    fn message_key(&self) -> &'static str {
        match self {
            WebError::Csrf => "error-csrf",
            WebError::Domain(e) => match e {
                DomainError::Invalid(_) => "error-validation",
                DomainError::NotFound => "error-not-found",
                DomainError::Forbidden => "error-forbidden",
                DomainError::Unauthorized => "error-unauthorized",
                DomainError::Conflict(_) => "error-conflict",
                DomainError::TooManyRequests { .. } => "error-too-many-requests",
                DomainError::Internal(_) => "error-internal",
            },
        }
    }

    /// Used where no [`render`] layer runs yet (the context middleware).
    pub fn into_response_for(self, _req: &Request) -> Response {
        self.into_response()
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        if let WebError::Domain(DomainError::Internal(msg)) = &self {
            tracing::error!(error = %msg, "internal error");
        }
        let mut r = self.status().into_response();
        if let WebError::Domain(DomainError::TooManyRequests { retry_after_secs }) = &self
            && let Ok(v) = HeaderValue::from_str(&retry_after_secs.to_string())
        {
            r.headers_mut().insert(header::RETRY_AFTER, v);
        }
        r.extensions_mut()
            .insert(Failure(std::sync::Arc::new(self)));
        r
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: Page,
    message: String,
    status: u16,
    /// For invalid input that no form re-rendered: each field and what is wrong.
    fields: Vec<(String, String)>,
}

fn json_body(e: &WebError, tr: &Tr) -> serde_json::Value {
    let fields: serde_json::Map<String, serde_json::Value> = match e {
        WebError::Domain(DomainError::Invalid(errs)) => errs
            .0
            .iter()
            .map(|f| {
                (
                    f.field.clone(),
                    json!({"code": f.code, "message": field_message(tr, f)}),
                )
            })
            .collect(),
        _ => Default::default(),
    };
    json!({"error": {"code": e.code(), "message": tr.t(e.message_key()), "fields": fields}})
}

/// Formats failures (and bare 413s from the body limit) for the client.
pub async fn render(request: Request, next: Next) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    let is_htmx = request.headers().contains_key("hx-request");
    let fallback_locale = negotiate(
        None,
        None,
        request
            .headers()
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    );
    let path = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_default();
    let mut response = next.run(request).await;
    let failure = response.extensions_mut().remove::<Failure>();
    let failure = match failure {
        Some(f) => f.0,
        None if response.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            std::sync::Arc::new(WebError::Domain(DomainError::Invalid(Default::default())))
        }
        None => return response,
    };
    let status = response.status();
    let req = response.extensions().get::<Req>().cloned();
    let tr = req
        .as_ref()
        .map(|r| r.tr)
        .unwrap_or(Tr::new(fallback_locale));
    let (code, key) = if status == StatusCode::PAYLOAD_TOO_LARGE {
        ("payload_too_large", "error-too-large")
    } else {
        (failure.code(), failure.message_key())
    };
    let mut out = if is_api {
        let mut body = json_body(&failure, &tr);
        body["error"]["code"] = json!(code);
        body["error"]["message"] = json!(tr.t(key));
        (status, axum::Json(body)).into_response()
    } else if status == StatusCode::UNAUTHORIZED && !is_htmx {
        let next = percent_encoding::utf8_percent_encode(&path, percent_encoding::NON_ALPHANUMERIC);
        Redirect::to(&format!("/login?next={next}")).into_response()
    } else {
        let page = match &req {
            Some(r) => Page::new(r, "error-title"),
            None => Page {
                tr,
                user: None,
                csrf: String::new(),
                title: tr.t("error-title"),
                path,
                notice: None,
            },
        };
        let fields = match &*failure {
            WebError::Domain(DomainError::Invalid(errs)) => errs
                .0
                .iter()
                .map(|f| (f.field.clone(), field_message(&tr, f)))
                .collect(),
            _ => Vec::new(),
        };
        let html = ErrorPage {
            page,
            message: tr.t(key),
            status: status.as_u16(),
            fields,
        }
        .render()
        .unwrap_or_else(|_| tr.t(key));
        (status, Html(html)).into_response()
    };
    for (name, value) in response.headers() {
        if name == header::RETRY_AFTER || name == header::SET_COOKIE {
            out.headers_mut().append(name.clone(), value.clone());
        }
    }
    out
}

/// Default locale for code that has no request.
pub fn default_locale() -> Locale {
    Locale::En
}
