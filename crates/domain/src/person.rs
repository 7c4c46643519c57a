//! People of the network's organisations and their contact roles.

use crate::organisation::string_enum;
use crate::validate;
use crate::{DomainError, FieldErrors, Id, OrgId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

string_enum!(
    ContactRole {
        FocalPoint = "focal_point",
        Director = "director",
        Coordinator = "coordinator",
        InternationalRelations = "international_relations",
        Other = "other",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: Id,
    pub org_id: OrgId,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub contact_role: ContactRole,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonInput {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub contact_role: ContactRole,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonForm {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub contact_role: String,
}

impl PersonForm {
    pub fn validate(&self) -> Result<PersonInput, DomainError> {
        let mut errs = FieldErrors::new();
        let name = validate::required(&mut errs, "name", &self.name, 200);
        let email = if self.email.trim().is_empty() {
            None
        } else {
            Some(validate::email(&mut errs, "email", &self.email))
        };
        let phone = validate::optional(&mut errs, "phone", &self.phone, 40);
        let role = validate::choice(
            &mut errs,
            "contact_role",
            &self.contact_role,
            ContactRole::parse,
        );
        let Some(contact_role) = role else {
            return Err(DomainError::Invalid(errs));
        };
        errs.finish(PersonInput {
            name,
            email,
            phone,
            contact_role,
        })
    }
}
