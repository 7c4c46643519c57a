//! Organisations of the network and the lifecycle of a regional centre.

use crate::text::Localized;
use crate::validate;
use crate::{FieldErrors, Id, OrgId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vm])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s),+ }
            }
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($s => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use string_enum;

string_enum!(
    /// What an organisation is in the network.
    OrgKind {
        Secretariat = "secretariat",
        Headquarters = "headquarters",
        RegionalCentre = "regional_centre",
        RegionalSecretariat = "regional_secretariat",
        MemberCity = "member_city",
        Partner = "partner",
    }
);

impl OrgKind {
    /// Training centres (HQ and regional) host programmes and have staff.
    pub fn is_centre(self) -> bool {
        matches!(self, OrgKind::Headquarters | OrgKind::RegionalCentre)
    }
}

string_enum!(
    /// The network's world regions (Metropolis' regional structure, with
    /// Middle East and West Asia on its own).
    Region {
        Africa = "africa",
        AsiaPacific = "asia_pacific",
        Europe = "europe",
        LatinAmerica = "latin_america",
        NorthAmerica = "north_america",
        MiddleEastWestAsia = "middle_east_west_asia",
    }
);

string_enum!(
    /// Where an organisation stands. Regional centres move through
    /// candidate → active → withdrawing → withdrawn; others are simply active.
    Status {
        Candidate = "candidate",
        Active = "active",
        Withdrawing = "withdrawing",
        Withdrawn = "withdrawn",
    }
);

impl Status {
    /// The lifecycle moves a regional centre may make. A candidate that is
    /// not taken up is withdrawn; a withdrawing centre may come back.
    pub fn can_move_to(self, to: Status) -> bool {
        use Status::*;
        matches!(
            (self, to),
            (Candidate, Active)
                | (Candidate, Withdrawn)
                | (Active, Withdrawing)
                | (Withdrawing, Withdrawn)
                | (Withdrawing, Active)
        )
    }
}

/// A period of Metropolis membership. `until` is `None` while it lasts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    pub id: Id,
    pub from: NaiveDate,
    pub until: Option<NaiveDate>,
}

impl Membership {
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.from <= day && self.until.is_none_or(|u| day <= u)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: OrgId,
    pub slug: String,
    pub kind: OrgKind,
    pub name: Localized,
    pub country: String,
    pub region: Region,
    pub city: Option<String>,
    pub timezone: String,
    pub website: Option<String>,
    pub working_languages: Vec<String>,
    pub parent_id: Option<OrgId>,
    pub status: Status,
    pub memberships: Vec<Membership>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Incremented by every edit; an edit based on an older version is refused.
    pub version: i64,
}

impl Organisation {
    pub fn is_member_on(&self, day: NaiveDate) -> bool {
        self.memberships.iter().any(|m| m.covers(day))
    }
}

/// A validated create-or-edit of an organisation's own fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgInput {
    pub slug: String,
    pub kind: OrgKind,
    pub name: Localized,
    pub country: String,
    pub region: Region,
    pub city: Option<String>,
    pub timezone: String,
    pub website: Option<String>,
    pub working_languages: Vec<String>,
    pub parent_id: Option<OrgId>,
}

/// The raw form or JSON body, every field a string as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct OrgForm {
    pub slug: String,
    pub kind: String,
    pub main_language: String,
    pub name_en: String,
    pub name_fr: String,
    pub name_es: String,
    pub name_ko: String,
    pub name_ar: String,
    pub name_fa: String,
    pub country: String,
    pub region: String,
    pub city: String,
    pub timezone: String,
    pub website: String,
    /// Comma- or space-separated ISO 639-1 codes.
    pub working_languages: String,
    pub parent_id: String,
    pub version: String,
}

impl OrgForm {
    pub fn from_org(o: &Organisation) -> Self {
        let name = |l: &str| o.name.texts.get(l).cloned().unwrap_or_default();
        OrgForm {
            slug: o.slug.clone(),
            kind: o.kind.as_str().into(),
            main_language: o.name.main.clone(),
            name_en: name("en"),
            name_fr: name("fr"),
            name_es: name("es"),
            name_ko: name("ko"),
            name_ar: name("ar"),
            name_fa: name("fa"),
            country: o.country.clone(),
            region: o.region.as_str().into(),
            city: o.city.clone().unwrap_or_default(),
            timezone: o.timezone.clone(),
            website: o.website.clone().unwrap_or_default(),
            working_languages: o.working_languages.join(", "),
            parent_id: o.parent_id.map(|p| p.to_string()).unwrap_or_default(),
            version: o.version.to_string(),
        }
    }

    pub fn name_field(&self, lang: &str) -> &str {
        match lang {
            "en" => &self.name_en,
            "fr" => &self.name_fr,
            "es" => &self.name_es,
            "ko" => &self.name_ko,
            "ar" => &self.name_ar,
            "fa" => &self.name_fa,
            _ => "",
        }
    }

    pub fn validate(&self) -> Result<OrgInput, crate::DomainError> {
        let mut errs = FieldErrors::new();
        let slug = validate::slug(&mut errs, "slug", &self.slug);
        let kind = validate::choice(&mut errs, "kind", &self.kind, OrgKind::parse);
        let mut name = Localized {
            main: self.main_language.trim().to_string(),
            ..Default::default()
        };
        for lang in crate::LANGUAGES {
            let field = format!("name_{lang}");
            if let Some(t) = validate::optional(&mut errs, &field, self.name_field(lang), 200) {
                name.texts.insert(lang.to_string(), t);
            }
        }
        if !crate::LANGUAGES.contains(&name.main.as_str()) {
            errs.add("main_language", "invalid_choice");
        } else if !name.has(&name.main) {
            // The main language's name is the fallback for everyone: require it.
            errs.add(format!("name_{}", name.main), "required");
        }
        let country = validate::country(&mut errs, "country", &self.country);
        let region = validate::choice(&mut errs, "region", &self.region, Region::parse);
        let city = validate::optional(&mut errs, "city", &self.city, 120);
        let timezone = validate::timezone(&mut errs, "timezone", &self.timezone);
        let website = validate::url(&mut errs, "website", &self.website);
        let working_languages: Vec<String> = self
            .working_languages
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|s| !s.is_empty())
            .map(|s| s.to_lowercase())
            .collect();
        if working_languages
            .iter()
            .any(|l| !validate::language_code(l))
        {
            errs.add("working_languages", "invalid_choice");
        }
        let parent_id = match self.parent_id.trim() {
            "" => None,
            p => match p.parse::<OrgId>() {
                Ok(id) => Some(id),
                Err(_) => {
                    errs.add("parent_id", "invalid_choice");
                    None
                }
            },
        };
        let (Some(kind), Some(region)) = (kind, region) else {
            return Err(crate::DomainError::Invalid(errs));
        };
        errs.finish(OrgInput {
            slug,
            kind,
            name,
            country,
            region,
            city,
            timezone,
            website,
            working_languages,
            parent_id,
        })
    }

    /// The version the form was based on (0 when creating).
    pub fn base_version(&self) -> i64 {
        self.version.trim().parse().unwrap_or(0)
    }
}

/// A dated step in a centre's lifecycle, with an optional supporting document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LifecycleEvent {
    pub id: Id,
    pub org_id: OrgId,
    pub from_status: Status,
    pub to_status: Status,
    pub on: NaiveDate,
    pub note: String,
    pub document_id: Option<Id>,
    pub document_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Filters for browsing the registry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgFilter {
    /// Matched case-insensitively against the name in every language, the city and the slug.
    pub q: Option<String>,
    pub kind: Option<OrgKind>,
    pub region: Option<Region>,
    pub status: Option<Status>,
    pub country: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> OrgForm {
        OrgForm {
            slug: "dakar".into(),
            kind: "member_city".into(),
            main_language: "fr".into(),
            name_fr: "Dakar".into(),
            country: "sn".into(),
            region: "africa".into(),
            timezone: "Africa/Dakar".into(),
            working_languages: "fr, wo".into(),
            ..Default::default()
        }
    }

    #[test]
    fn valid_form_parses() {
        let o = form().validate().unwrap();
        assert_eq!(o.country, "SN");
        assert_eq!(o.working_languages, ["fr", "wo"]);
        assert_eq!(o.name.get("ar"), "Dakar");
    }

    #[test]
    fn every_bad_field_is_named() {
        let mut f = form();
        f.slug = "Dakar City".into();
        f.name_fr = String::new();
        f.country = "Senegal".into();
        f.timezone = "Mars/Olympus".into();
        f.website = "javascript:alert(1)".into();
        let Err(crate::DomainError::Invalid(errs)) = f.validate() else {
            panic!("expected invalid")
        };
        let fields: Vec<_> = errs.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["slug", "name_fr", "country", "timezone", "website"]
        );
    }

    #[test]
    fn lifecycle_moves() {
        use Status::*;
        assert!(Candidate.can_move_to(Active));
        assert!(Active.can_move_to(Withdrawing));
        assert!(Withdrawing.can_move_to(Withdrawn));
        assert!(!Withdrawn.can_move_to(Active));
        assert!(!Active.can_move_to(Candidate));
        assert!(!Active.can_move_to(Active));
    }
}
