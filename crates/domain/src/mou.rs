//! Memoranda of understanding between organisations of the network.

use crate::text::Localized;
use crate::validate;
use crate::{DocumentId, DomainError, FieldErrors, Id, OrgId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mou {
    pub id: Id,
    pub title: Localized,
    pub parties: Vec<OrgId>,
    pub signed_on: NaiveDate,
    pub overseen_by: Option<OrgId>,
    pub valid_until: Option<NaiveDate>,
    pub document_id: Option<DocumentId>,
    pub document_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MouInput {
    pub title: Localized,
    pub parties: Vec<OrgId>,
    pub signed_on: NaiveDate,
    pub overseen_by: Option<OrgId>,
    pub valid_until: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct MouForm {
    pub title: String,
    pub title_language: String,
    /// Organisation ids, as selected in a multi-select.
    pub parties: Vec<String>,
    pub signed_on: String,
    pub overseen_by: String,
    pub valid_until: String,
}

impl MouForm {
    pub fn validate(&self) -> Result<MouInput, DomainError> {
        let mut errs = FieldErrors::new();
        let title = validate::required(&mut errs, "title", &self.title, 300);
        let lang = self.title_language.trim();
        if !crate::LANGUAGES.contains(&lang) {
            errs.add("title_language", "invalid_choice");
        }
        let mut parties = Vec::new();
        for p in &self.parties {
            match p.trim().parse::<OrgId>() {
                Ok(id) if !parties.contains(&id) => parties.push(id),
                Ok(_) => {}
                Err(_) => errs.add("parties", "invalid_choice"),
            }
        }
        if parties.len() < 2 {
            errs.add("parties", "mou_needs_two_parties");
        }
        let signed_on = validate::date(&mut errs, "signed_on", &self.signed_on, true);
        let valid_until = validate::date(&mut errs, "valid_until", &self.valid_until, false);
        if let (Some(s), Some(v)) = (signed_on, valid_until)
            && v < s
        {
            errs.add("valid_until", "date_order");
        }
        let overseen_by = match self.overseen_by.trim() {
            "" => None,
            o => match o.parse::<OrgId>() {
                Ok(id) => Some(id),
                Err(_) => {
                    errs.add("overseen_by", "invalid_choice");
                    None
                }
            },
        };
        let Some(signed_on) = signed_on else {
            return Err(DomainError::Invalid(errs));
        };
        errs.finish(MouInput {
            title: Localized::new(lang, &title),
            parties,
            signed_on,
            overseen_by,
            valid_until,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mou_needs_two_parties_and_ordered_dates() {
        let f = MouForm {
            title: "Seoul–Cairo".into(),
            title_language: "en".into(),
            parties: vec!["1".into(), "1".into()],
            signed_on: "2014-03-13".into(),
            valid_until: "2013-01-01".into(),
            ..Default::default()
        };
        let Err(DomainError::Invalid(e)) = f.validate() else {
            panic!()
        };
        let codes: Vec<_> = e.0.iter().map(|x| (x.field.as_str(), x.code)).collect();
        assert_eq!(
            codes,
            [
                ("parties", "mou_needs_two_parties"),
                ("valid_until", "date_order")
            ]
        );
    }
}
