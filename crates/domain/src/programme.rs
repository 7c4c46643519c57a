//! Training programmes of the catalogue: what a centre offers, to whom, on
//! what terms, and the status workflow from draft to evaluation.

use crate::organisation::string_enum;
use crate::text::Localized;
use crate::validate;
use crate::{DomainError, FieldErrors, Id, OrgId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

string_enum!(
    /// Where a programme stands. The operational chain runs in this order;
    /// `Cancelled` can be reached from any step before completion.
    ProgrammeStatus {
        Draft = "draft",
        Planned = "planned",
        Endorsed = "endorsed",
        CallOpen = "call_open",
        CallClosed = "call_closed",
        Selection = "selection",
        Confirmed = "confirmed",
        Running = "running",
        Completed = "completed",
        Evaluated = "evaluated",
        Cancelled = "cancelled",
    }
);

/// Who asks for a status change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mover {
    /// Staff of the host centre.
    HostStaff,
    /// A network administrator (the Secretariat).
    NetworkAdmin,
}

impl ProgrammeStatus {
    /// The next step of the operational chain, if any.
    pub fn next(self) -> Option<ProgrammeStatus> {
        use ProgrammeStatus::*;
        match self {
            Draft => Some(Planned),
            Planned => Some(Endorsed),
            Endorsed => Some(CallOpen),
            CallOpen => Some(CallClosed),
            CallClosed => Some(Selection),
            Selection => Some(Confirmed),
            Confirmed => Some(Running),
            Running => Some(Completed),
            Completed => Some(Evaluated),
            Evaluated | Cancelled => None,
        }
    }

    /// Whether the programme can still be cancelled.
    pub fn cancellable(self) -> bool {
        use ProgrammeStatus::*;
        !matches!(self, Completed | Evaluated | Cancelled)
    }

    /// Shown in the public catalogue (drafts are the centre's own business).
    pub fn is_public(self) -> bool {
        self != ProgrammeStatus::Draft
    }

    /// Whether the call for applications is open.
    pub fn call_state(self) -> &'static str {
        use ProgrammeStatus::*;
        match self {
            Draft | Planned | Endorsed => "not_open",
            CallOpen => "open",
            Cancelled => "cancelled",
            _ => "closed",
        }
    }
}

/// Checks a status change: the next operational step (endorsement only by
/// network admins, who may also send a planned programme back to draft), or
/// a cancellation with a reason. Refusals name the field `to` (or `reason`).
pub fn check_transition(
    from: ProgrammeStatus,
    to: ProgrammeStatus,
    who: Mover,
    reason: Option<&str>,
) -> Result<(), DomainError> {
    use ProgrammeStatus::*;
    if to == Cancelled {
        if !from.cancellable() {
            return Err(FieldErrors::single("to", "programme_transition_refused"));
        }
        if reason.is_none_or(|r| r.trim().is_empty()) {
            return Err(FieldErrors::single("reason", "cancel_reason_required"));
        }
        return Ok(());
    }
    let forward = from.next() == Some(to);
    let back_to_draft = from == Planned && to == Draft;
    if !forward && !back_to_draft {
        return Err(FieldErrors::single("to", "programme_transition_refused"));
    }
    if (to == Endorsed || back_to_draft) && who != Mover::NetworkAdmin {
        return Err(FieldErrors::single("to", "programme_endorse_admin_only"));
    }
    Ok(())
}

/// A theme of the catalogue (transport, governance, …), editable by admins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    pub slug: String,
    pub name: Localized,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ThemeForm {
    pub slug: String,
    pub main_language: String,
    pub name_en: String,
    pub name_fr: String,
    pub name_es: String,
    pub name_ko: String,
    pub name_ar: String,
    pub name_fa: String,
}

fn localized_from(
    errs: &mut FieldErrors,
    field: &str,
    main: &str,
    by_lang: [(&str, &str); 6],
    max: usize,
    required: bool,
) -> Localized {
    let mut t = Localized {
        main: main.to_string(),
        ..Default::default()
    };
    for (lang, text) in by_lang {
        if let Some(v) = validate::optional(errs, &format!("{field}_{lang}"), text, max) {
            t.texts.insert(lang.to_string(), v);
        }
    }
    if required && !t.has(main) {
        errs.add(format!("{field}_{main}"), "required");
    }
    t
}

fn main_language(errs: &mut FieldErrors, field: &str, v: &str) -> String {
    let v = v.trim();
    if !crate::LANGUAGES.contains(&v) {
        errs.add(field, "invalid_choice");
        return "en".into();
    }
    v.to_string()
}

impl ThemeForm {
    pub fn validate(&self) -> Result<Theme, DomainError> {
        let mut errs = FieldErrors::new();
        let slug = validate::slug(&mut errs, "slug", &self.slug);
        let main = main_language(&mut errs, "main_language", &self.main_language);
        let name = localized_from(
            &mut errs,
            "name",
            &main,
            [
                ("en", &self.name_en),
                ("fr", &self.name_fr),
                ("es", &self.name_es),
                ("ko", &self.name_ko),
                ("ar", &self.name_ar),
                ("fa", &self.name_fa),
            ],
            120,
            true,
        );
        errs.finish(Theme { slug, name })
    }
}

/// Who may apply, and the cohort rules selection will apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Eligibility {
    /// Only officials of Metropolis member cities may apply.
    pub members_only: bool,
    /// Seniority levels sought (e.g. "senior", "middle"); empty means any.
    pub seniority_levels: Vec<String>,
    pub max_per_city: Option<i32>,
    /// Minimum share of the cohort from member cities, in percent.
    pub min_member_share_pct: i32,
    /// Target share of women in the cohort, in percent, if any.
    pub gender_balance_target_pct: Option<i32>,
}

impl Default for Eligibility {
    fn default() -> Self {
        Self {
            members_only: false,
            seniority_levels: vec![],
            max_per_city: None,
            min_member_share_pct: 60,
            gender_balance_target_pct: None,
        }
    }
}

/// What the host pays for. Money is integer minor units + ISO 4217 code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Support {
    pub lodging_nights: i32,
    pub meals: bool,
    pub per_diem_minor: Option<i64>,
    pub per_diem_currency: Option<String>,
    pub registration_fee_waived: bool,
    pub airfare_covered: bool,
}

/// Everything about a programme that its form edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeInput {
    pub host_org_id: OrgId,
    pub themes: Vec<String>,
    pub title: Localized,
    pub summary: Localized,
    pub description: Localized,
    pub arrival: NaiveDate,
    pub departure: NaiveDate,
    /// Official days in tenths: 45 = 4.5 days.
    pub official_days_tenths: i32,
    pub venue: String,
    pub timezone: String,
    pub working_languages: Vec<String>,
    pub interpretation: Option<String>,
    pub capacity: i32,
    pub eligibility: Eligibility,
    pub support: Support,
    pub partners: Vec<OrgId>,
    pub contact_email: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Programme {
    pub id: Id,
    pub status: ProgrammeStatus,
    pub cancel_reason: Option<String>,
    /// Optimistic-locking version, bumped by every write.
    pub version: i64,
    pub input: ProgrammeInput,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Programme {
    pub fn year(&self) -> i32 {
        use chrono::Datelike;
        self.input.arrival.year()
    }
    pub fn official_days(&self) -> String {
        let t = self.input.official_days_tenths;
        if t % 10 == 0 {
            (t / 10).to_string()
        } else {
            format!("{}.{}", t / 10, t % 10)
        }
    }
}

/// The programme form: every field a string, as typed.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct ProgrammeForm {
    pub host_org_id: String,
    pub themes: Vec<String>,
    pub main_language: String,
    pub title_en: String,
    pub title_fr: String,
    pub title_es: String,
    pub title_ko: String,
    pub title_ar: String,
    pub title_fa: String,
    pub summary_en: String,
    pub summary_fr: String,
    pub summary_es: String,
    pub summary_ko: String,
    pub summary_ar: String,
    pub summary_fa: String,
    pub description_en: String,
    pub description_fr: String,
    pub description_es: String,
    pub description_ko: String,
    pub description_ar: String,
    pub description_fa: String,
    pub arrival: String,
    pub departure: String,
    /// Official days as typed: "4.5".
    pub official_days: String,
    pub venue: String,
    pub timezone: String,
    /// Comma-separated language codes.
    pub working_languages: String,
    pub interpretation: String,
    pub capacity: String,
    pub members_only: String,
    pub seniority_levels: String,
    pub max_per_city: String,
    pub min_member_share_pct: String,
    pub gender_balance_target_pct: String,
    pub lodging_nights: String,
    pub meals: String,
    pub per_diem: String,
    pub per_diem_currency: String,
    pub registration_fee_waived: String,
    pub airfare_covered: String,
    /// Comma-separated organisation ids.
    pub partners: String,
    pub contact_email: String,
    /// The version the edit started from.
    pub version: String,
}

impl Default for ProgrammeForm {
    fn default() -> Self {
        Self {
            host_org_id: String::new(),
            themes: vec![],
            main_language: "en".into(),
            title_en: String::new(),
            title_fr: String::new(),
            title_es: String::new(),
            title_ko: String::new(),
            title_ar: String::new(),
            title_fa: String::new(),
            summary_en: String::new(),
            summary_fr: String::new(),
            summary_es: String::new(),
            summary_ko: String::new(),
            summary_ar: String::new(),
            summary_fa: String::new(),
            description_en: String::new(),
            description_fr: String::new(),
            description_es: String::new(),
            description_ko: String::new(),
            description_ar: String::new(),
            description_fa: String::new(),
            arrival: String::new(),
            departure: String::new(),
            official_days: "4.5".into(),
            venue: String::new(),
            timezone: String::new(),
            working_languages: "en".into(),
            interpretation: String::new(),
            capacity: "15".into(),
            members_only: String::new(),
            seniority_levels: String::new(),
            max_per_city: String::new(),
            min_member_share_pct: "60".into(),
            gender_balance_target_pct: String::new(),
            lodging_nights: "7".into(),
            meals: "on".into(),
            per_diem: String::new(),
            per_diem_currency: String::new(),
            registration_fee_waived: String::new(),
            airfare_covered: String::new(),
            partners: String::new(),
            contact_email: String::new(),
            version: String::new(),
        }
    }
}

fn checked(v: &str) -> bool {
    matches!(v.trim(), "on" | "true" | "1" | "yes")
}

fn int_in(
    errs: &mut FieldErrors,
    field: &str,
    v: &str,
    min: i64,
    max: i64,
    required: bool,
) -> Option<i64> {
    let v = v.trim();
    if v.is_empty() {
        if required {
            errs.add(field, "required");
        }
        return None;
    }
    match v.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Some(n),
        Ok(_) => {
            errs.add_with(
                field,
                "out_of_range",
                &[("min", min.to_string()), ("max", max.to_string())],
            );
            None
        }
        Err(_) => {
            errs.add(field, "invalid_number");
            None
        }
    }
}

/// "4.5" → 45 tenths; at most one decimal.
pub fn parse_tenths(v: &str) -> Option<i32> {
    let v = v.trim().replace(',', ".");
    let (whole, frac) = v.split_once('.').unwrap_or((&v, "0"));
    if frac.len() != 1 || whole.is_empty() {
        return None;
    }
    let w: i32 = whole.parse().ok()?;
    let f: i32 = frac.parse().ok()?;
    // "-0.5" parses its whole part as 0: refuse the sign, not just w < 0.
    if whole.starts_with('-') {
        return None;
    }
    w.checked_mul(10)?.checked_add(f)
}

/// A decimal amount ("35.50") in minor units for a currency with `digits`
/// decimals (2 for EUR/USD, 0 for KRW).
pub fn parse_money(v: &str, digits: u32) -> Option<i64> {
    let v = v.trim();
    let (whole, frac) = v.split_once('.').unwrap_or((v, ""));
    if whole.is_empty() || frac.len() > digits as usize {
        return None;
    }
    if !whole.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let w: i64 = whole.parse().ok()?;
    let mut f: i64 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    for _ in frac.len()..digits as usize {
        f *= 10;
    }
    w.checked_mul(10_i64.pow(digits))?.checked_add(f)
}

fn currency_digits(c: &str) -> u32 {
    match c {
        "KRW" | "JPY" | "IRR" => 0,
        "KWD" | "BHD" | "TND" => 3,
        _ => 2,
    }
}

fn code_list(errs: &mut FieldErrors, field: &str, v: &str) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    for c in v.split([',', ' ']).map(str::trim).filter(|c| !c.is_empty()) {
        let c = c.to_lowercase();
        if !validate::language_code(&c) {
            errs.add(field, "invalid_language");
            return out;
        }
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

impl ProgrammeForm {
    /// Parses every field; `known_themes` are the slugs of the theme list.
    pub fn validate(&self, known_themes: &[String]) -> Result<ProgrammeInput, DomainError> {
        let mut errs = FieldErrors::new();
        let host_org_id = match self.host_org_id.trim().parse::<OrgId>() {
            Ok(id) => id,
            Err(_) => {
                errs.add("host_org_id", "required");
                0
            }
        };
        let mut themes = vec![];
        for t in &self.themes {
            let t = t.trim();
            if t.is_empty() {
                continue;
            }
            if !known_themes.iter().any(|k| k == t) {
                errs.add("themes", "invalid_choice");
            } else if !themes.iter().any(|x: &String| x == t) {
                themes.push(t.to_string());
            }
        }
        if themes.is_empty() && !errs.0.iter().any(|e| e.field == "themes") {
            errs.add("themes", "required");
        }
        let main = main_language(&mut errs, "main_language", &self.main_language);
        let title = localized_from(
            &mut errs,
            "title",
            &main,
            [
                ("en", &self.title_en),
                ("fr", &self.title_fr),
                ("es", &self.title_es),
                ("ko", &self.title_ko),
                ("ar", &self.title_ar),
                ("fa", &self.title_fa),
            ],
            300,
            true,
        );
        let summary = localized_from(
            &mut errs,
            "summary",
            &main,
            [
                ("en", &self.summary_en),
                ("fr", &self.summary_fr),
                ("es", &self.summary_es),
                ("ko", &self.summary_ko),
                ("ar", &self.summary_ar),
                ("fa", &self.summary_fa),
            ],
            1000,
            false,
        );
        let description = localized_from(
            &mut errs,
            "description",
            &main,
            [
                ("en", &self.description_en),
                ("fr", &self.description_fr),
                ("es", &self.description_es),
                ("ko", &self.description_ko),
                ("ar", &self.description_ar),
                ("fa", &self.description_fa),
            ],
            20_000,
            false,
        );
        let arrival = validate::date(&mut errs, "arrival", &self.arrival, true);
        let departure = validate::date(&mut errs, "departure", &self.departure, true);
        if let (Some(a), Some(d)) = (arrival, departure)
            && d < a
        {
            errs.add("departure", "date_order");
        }
        let official_days_tenths = match parse_tenths(&self.official_days) {
            Some(t) if t <= 600 => t,
            Some(_) => {
                errs.add_with(
                    "official_days",
                    "out_of_range",
                    &[("min", "0".into()), ("max", "60".into())],
                );
                0
            }
            None => {
                errs.add("official_days", "invalid_number");
                0
            }
        };
        let venue = validate::required(&mut errs, "venue", &self.venue, 300);
        let timezone = validate::timezone(&mut errs, "timezone", &self.timezone);
        let working_languages = code_list(&mut errs, "working_languages", &self.working_languages);
        if working_languages.is_empty() && errs.get("working_languages").is_none() {
            errs.add("working_languages", "required");
        }
        let interpretation =
            validate::optional(&mut errs, "interpretation", &self.interpretation, 300);
        let capacity = int_in(&mut errs, "capacity", &self.capacity, 1, 500, true).unwrap_or(15);
        let seniority_levels = self
            .seniority_levels
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let eligibility = Eligibility {
            members_only: checked(&self.members_only),
            seniority_levels,
            max_per_city: int_in(&mut errs, "max_per_city", &self.max_per_city, 1, 500, false)
                .map(|n| n as i32),
            min_member_share_pct: int_in(
                &mut errs,
                "min_member_share_pct",
                &self.min_member_share_pct,
                0,
                100,
                false,
            )
            .unwrap_or(60) as i32,
            gender_balance_target_pct: int_in(
                &mut errs,
                "gender_balance_target_pct",
                &self.gender_balance_target_pct,
                0,
                100,
                false,
            )
            .map(|n| n as i32),
        };
        let currency = self.per_diem_currency.trim().to_uppercase();
        let per_diem_minor = match self.per_diem.trim() {
            "" => None,
            v => {
                if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
                    errs.add("per_diem_currency", "invalid_currency");
                    None
                } else {
                    let m = parse_money(v, currency_digits(&currency));
                    if m.is_none() {
                        errs.add("per_diem", "invalid_number");
                    }
                    m
                }
            }
        };
        let support = Support {
            lodging_nights: int_in(
                &mut errs,
                "lodging_nights",
                &self.lodging_nights,
                0,
                90,
                false,
            )
            .unwrap_or(0) as i32,
            meals: checked(&self.meals),
            per_diem_currency: per_diem_minor.map(|_| currency),
            per_diem_minor,
            registration_fee_waived: checked(&self.registration_fee_waived),
            airfare_covered: checked(&self.airfare_covered),
        };
        let mut partners = vec![];
        for p in self
            .partners
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            match p.parse::<OrgId>() {
                Ok(id) if !partners.contains(&id) => partners.push(id),
                Ok(_) => {}
                Err(_) => errs.add("partners", "invalid_choice"),
            }
        }
        let contact_email = validate::email(&mut errs, "contact_email", &self.contact_email);
        let (Some(arrival), Some(departure)) = (arrival, departure) else {
            return Err(DomainError::Invalid(errs));
        };
        errs.finish(ProgrammeInput {
            host_org_id,
            themes,
            title,
            summary,
            description,
            arrival,
            departure,
            official_days_tenths,
            venue,
            timezone,
            working_languages,
            interpretation,
            capacity: capacity as i32,
            eligibility,
            support,
            partners,
            contact_email,
        })
    }

    /// The form showing a saved programme, for editing.
    pub fn from_programme(p: &Programme) -> Self {
        let i = &p.input;
        let t = |l: &Localized, lang: &str| l.texts.get(lang).cloned().unwrap_or_default();
        let flag = |b: bool| if b { "on".to_string() } else { String::new() };
        let money = i
            .support
            .per_diem_minor
            .map(|m| {
                let cur = i.support.per_diem_currency.clone().unwrap_or_default();
                let d = currency_digits(&cur);
                if d == 0 {
                    m.to_string()
                } else {
                    let p = 10_i64.pow(d);
                    format!("{}.{:0w$}", m / p, m % p, w = d as usize)
                }
            })
            .unwrap_or_default();
        Self {
            host_org_id: i.host_org_id.to_string(),
            themes: i.themes.clone(),
            main_language: i.title.main.clone(),
            title_en: t(&i.title, "en"),
            title_fr: t(&i.title, "fr"),
            title_es: t(&i.title, "es"),
            title_ko: t(&i.title, "ko"),
            title_ar: t(&i.title, "ar"),
            title_fa: t(&i.title, "fa"),
            summary_en: t(&i.summary, "en"),
            summary_fr: t(&i.summary, "fr"),
            summary_es: t(&i.summary, "es"),
            summary_ko: t(&i.summary, "ko"),
            summary_ar: t(&i.summary, "ar"),
            summary_fa: t(&i.summary, "fa"),
            description_en: t(&i.description, "en"),
            description_fr: t(&i.description, "fr"),
            description_es: t(&i.description, "es"),
            description_ko: t(&i.description, "ko"),
            description_ar: t(&i.description, "ar"),
            description_fa: t(&i.description, "fa"),
            arrival: i.arrival.to_string(),
            departure: i.departure.to_string(),
            official_days: p.official_days(),
            venue: i.venue.clone(),
            timezone: i.timezone.clone(),
            working_languages: i.working_languages.join(", "),
            interpretation: i.interpretation.clone().unwrap_or_default(),
            capacity: i.capacity.to_string(),
            members_only: flag(i.eligibility.members_only),
            seniority_levels: i.eligibility.seniority_levels.join(", "),
            max_per_city: i
                .eligibility
                .max_per_city
                .map(|n| n.to_string())
                .unwrap_or_default(),
            min_member_share_pct: i.eligibility.min_member_share_pct.to_string(),
            gender_balance_target_pct: i
                .eligibility
                .gender_balance_target_pct
                .map(|n| n.to_string())
                .unwrap_or_default(),
            lodging_nights: i.support.lodging_nights.to_string(),
            meals: flag(i.support.meals),
            per_diem: money,
            per_diem_currency: i.support.per_diem_currency.clone().unwrap_or_default(),
            registration_fee_waived: flag(i.support.registration_fee_waived),
            airfare_covered: flag(i.support.airfare_covered),
            partners: i
                .partners
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            contact_email: i.contact_email.clone(),
            version: p.version.to_string(),
        }
    }
}

/// Filters for listing programmes.
#[derive(Debug, Clone, Default)]
pub struct ProgrammeFilter {
    pub host_org_id: Option<OrgId>,
    pub year: Option<i32>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use ProgrammeStatus::*;

    fn form() -> ProgrammeForm {
        ProgrammeForm {
            host_org_id: "2".into(),
            themes: vec!["water-management".into()],
            main_language: "ko".into(),
            title_ko: "물관리".into(),
            title_en: "Water management".into(),
            arrival: "2018-06-17".into(),
            departure: "2018-06-24".into(),
            venue: "SHRDC, Seoul".into(),
            timezone: "Asia/Seoul".into(),
            working_languages: "en, ko".into(),
            contact_email: "miti@seoul.demo".into(),
            per_diem: "35.50".into(),
            per_diem_currency: "usd".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_good_form_parses_with_defaults() {
        let i = form().validate(&["water-management".into()]).unwrap();
        assert_eq!(i.capacity, 15);
        assert_eq!(i.official_days_tenths, 45);
        assert_eq!(i.support.lodging_nights, 7);
        assert_eq!(i.eligibility.min_member_share_pct, 60);
        assert_eq!(i.support.per_diem_minor, Some(3550));
        assert_eq!(i.support.per_diem_currency.as_deref(), Some("USD"));
        assert_eq!(i.title.get("fr"), "물관리");
        assert_eq!(i.working_languages, ["en", "ko"]);
    }

    #[test]
    fn every_bad_field_is_named() {
        let f = ProgrammeForm {
            themes: vec!["astrology".into()],
            title_ko: String::new(),
            departure: "2018-06-01".into(),
            official_days: "four".into(),
            capacity: "0".into(),
            timezone: "Asia/Nowhere".into(),
            contact_email: "nope".into(),
            ..form()
        };
        let Err(DomainError::Invalid(e)) = f.validate(&["water-management".into()]) else {
            panic!()
        };
        let fields: Vec<_> = e.0.iter().map(|x| x.field.as_str()).collect();
        for f in [
            "themes",
            "title_ko",
            "departure",
            "official_days",
            "capacity",
            "timezone",
            "contact_email",
        ] {
            assert!(fields.contains(&f), "{f} in {fields:?}");
        }
    }

    #[test]
    fn the_form_round_trips() {
        let i = form().validate(&["water-management".into()]).unwrap();
        let p = Programme {
            id: 1,
            status: Draft,
            cancel_reason: None,
            version: 1,
            input: i.clone(),
            created_at: Utc::now(),
            updated_at: Utc::now(),
        };
        let again = ProgrammeForm::from_programme(&p)
            .validate(&["water-management".into()])
            .unwrap();
        assert_eq!(again, i);
    }

    #[test]
    fn transitions_by_role() {
        let staff = Mover::HostStaff;
        let admin = Mover::NetworkAdmin;
        assert!(check_transition(Draft, Planned, staff, None).is_ok());
        assert!(check_transition(Planned, Endorsed, staff, None).is_err());
        assert!(check_transition(Planned, Endorsed, admin, None).is_ok());
        assert!(check_transition(Endorsed, CallOpen, staff, None).is_ok());
        assert!(check_transition(Draft, CallOpen, admin, None).is_err());
        assert!(check_transition(Running, Cancelled, staff, None).is_err());
        assert!(check_transition(Running, Cancelled, staff, Some("flood")).is_ok());
        assert!(check_transition(Evaluated, Cancelled, admin, Some("x")).is_err());
        assert!(check_transition(Cancelled, Draft, admin, None).is_err());
        assert_eq!(parse_tenths("4.5"), Some(45));
        assert_eq!(parse_tenths("3"), Some(30));
        assert_eq!(parse_tenths("3.25"), None);
        // Found by the form properties: the whole part times ten overflowed,
        // a panic in debug builds, and in release "429496730" wrapped to 4
        // tenths (0.4 days); negative zero passed as positive.
        assert_eq!(parse_tenths("999999999"), None);
        assert_eq!(parse_tenths("429496730"), None);
        assert_eq!(parse_tenths("214748364.7"), Some(i32::MAX));
        assert_eq!(parse_tenths("-0.5"), None);
        assert_eq!(parse_tenths("-3"), None);
        assert_eq!(parse_money("20000", 0), Some(20000));
        assert_eq!(parse_money("1.5", 2), Some(150));
        assert_eq!(parse_money("1.555", 2), None);
    }
}
