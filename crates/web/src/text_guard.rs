//! Refuses control characters (NUL and the like; tab and line breaks are
//! fine) in query strings and form bodies before any handler sees them.
//! PostgreSQL cannot store NUL in text, and no person types these: without
//! this guard such input would surface as a server error deep in a write.
//! The answer names the field, and nothing is saved. Multipart bodies carry
//! files: their text parts are screened as they are read
//! ([`crate::multipart_form`]).

use crate::AppState;
use crate::error::WebError;
use crate::form_body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use miti_domain::{DomainError, FieldErrors};

/// The code of the field error (`field-control-character` in the catalogues).
pub const CODE: &str = "control_character";

fn is_bad(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Whether `text` holds a control character other than tab and line breaks.
pub fn has_control(text: &str) -> bool {
    text.chars().any(is_bad)
}

/// The fields of an `application/x-www-form-urlencoded` text whose name or
/// value holds a control character, in order, each once.
pub fn bad_fields(encoded: &[u8]) -> Vec<String> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(encoded).unwrap_or_default();
    let mut out: Vec<String> = Vec::new();
    for (name, value) in pairs {
        if (has_control(&name) || has_control(&value)) && !out.contains(&name) {
            out.push(name.chars().filter(|c| !is_bad(*c)).collect());
        }
    }
    out
}

/// The 422 naming each of `fields`.
pub fn refusal(fields: Vec<String>) -> WebError {
    let mut errors = FieldErrors::new();
    for f in fields {
        errors.add(f, CODE);
    }
    WebError::Domain(DomainError::Invalid(errors))
}

fn refuse(fields: Vec<String>) -> Response {
    refusal(fields).into_response()
}

pub async fn check(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if let Some(q) = request.uri().query() {
        let bad = bad_fields(q.as_bytes());
        if !bad.is_empty() {
            return refuse(bad);
        }
    }
    if !form_body::is_form(&request) {
        return next.run(request).await;
    }
    let (parts, bytes) = match form_body::read(request, state.config.body_limit).await {
        Ok(read) => read,
        Err(too_large) => return too_large,
    };
    let bad = bad_fields(&bytes);
    if !bad.is_empty() {
        return refuse(bad);
    }
    next.run(form_body::rebuild(parts, bytes)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_each_field_with_a_control_character_once() {
        assert_eq!(
            bad_fields(b"name=Ada%00&city=Paris&bio=a%07b&name=x%00"),
            vec!["name".to_string(), "bio".to_string()]
        );
    }

    #[test]
    fn tabs_line_breaks_and_any_script_pass() {
        assert!(
            bad_fields("a=line%0D%0Anext%09tab&b=%D8%B3%D9%84%D8%A7%D9%85&c=%ED%95%9C".as_bytes())
                .is_empty()
        );
        assert!(bad_fields(b"").is_empty());
    }

    #[test]
    fn a_control_character_in_a_name_is_reported_without_it() {
        assert_eq!(bad_fields(b"na%00me=x"), vec!["name".to_string()]);
    }
}
