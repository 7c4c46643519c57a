//! One error type for the domain layer, with stable snake_case codes.

use serde::Serialize;
use std::collections::BTreeMap;

/// One problem with one input field. `code` is stable snake_case; the UI
/// translates it (Fluent key `field-` + code with `_` → `-`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub code: &'static str,
    /// Named parameters for the message, e.g. `max` for `too_long`.
    pub params: BTreeMap<&'static str, String>,
}

/// Every problem found in one input, in field order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn add(&mut self, field: impl Into<String>, code: &'static str) {
        self.0.push(FieldError {
            field: field.into(),
            code,
            params: BTreeMap::new(),
        });
    }
    pub fn add_with(
        &mut self,
        field: impl Into<String>,
        code: &'static str,
        params: &[(&'static str, String)],
    ) {
        self.0.push(FieldError {
            field: field.into(),
            code,
            params: params.iter().cloned().collect(),
        });
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The first error for `field`, if any.
    pub fn get(&self, field: &str) -> Option<&FieldError> {
        self.0.iter().find(|e| e.field == field)
    }
    /// `Ok(value)` when no error was recorded, else the errors.
    pub fn finish<T>(self, value: T) -> Result<T, DomainError> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(DomainError::Invalid(self))
        }
    }
    pub fn single(field: impl Into<String>, code: &'static str) -> DomainError {
        let mut e = Self::new();
        e.add(field, code);
        DomainError::Invalid(e)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    #[error("invalid input: {0:?}")]
    Invalid(FieldErrors),
    /// Absent, or outside the caller's scope: both answer the same so that
    /// another organisation's records cannot be discovered.
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("sign-in required")]
    Unauthorized,
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64 },
    #[error("internal error: {0}")]
    Internal(String),
}

impl DomainError {
    /// The stable code the API returns and the UI translates.
    pub fn code(&self) -> &'static str {
        match self {
            DomainError::Invalid(_) => "validation_failed",
            DomainError::NotFound => "not_found",
            DomainError::Forbidden => "forbidden",
            DomainError::Unauthorized => "unauthorized",
            DomainError::Conflict(code) => code,
            DomainError::TooManyRequests { .. } => "too_many_requests",
            DomainError::Internal(_) => "internal",
        }
    }
}
