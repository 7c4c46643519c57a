//! The application form: parsed from what the browser sends, kept as typed
//! in drafts, validated whole at submission.

use super::{Gender, Profile};
use crate::call::{Call, Question, ValidAnswers, validate_answers};
use crate::organisation::{OrgKind, Organisation, Region};
use crate::validate;
use crate::{FieldErrors, OrgId};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// The profile fields of the form, in display order.
pub const PROFILE_FIELDS: &[&str] = &[
    "passport_name",
    "gender",
    "nationality",
    "city_org_id",
    "city_name",
    "country",
    "region",
    "position",
    "department",
    "interview_language",
];

/// Answers to the call's questions are sent as `q.<question key>`.
pub const ANSWER_PREFIX: &str = "q.";

/// `city_org_id` value for "my city is not in the list".
pub const CITY_NOT_LISTED: &str = "other";

/// Most fields and longest value a form may carry; anything beyond is cut,
/// so a hostile draft cannot grow without bound.
const MAX_FIELDS: usize = 200;
const MAX_VALUES_PER_FIELD: usize = 50;
const MAX_VALUE_CHARS: usize = 20_000;

/// Turns url-encoded pairs into the form map: only profile fields and
/// `q.*` answers are kept (a multiple choice repeats its key), values are
/// bounded, and everything else (CSRF token, buttons) is dropped.
pub fn form_map(pairs: &[(String, String)]) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (k, v) in pairs {
        let known = PROFILE_FIELDS.contains(&k.as_str())
            || (k.starts_with(ANSWER_PREFIX) && k.len() > ANSWER_PREFIX.len() && k.len() <= 100);
        if !known || (out.len() >= MAX_FIELDS && !out.contains_key(k)) {
            continue;
        }
        let values = out.entry(k.clone()).or_default();
        if values.len() < MAX_VALUES_PER_FIELD {
            values.push(v.chars().take(MAX_VALUE_CHARS).collect());
        }
    }
    out
}

/// The first value of a field, or "".
pub fn first<'a>(form: &'a BTreeMap<String, Vec<String>>, field: &str) -> &'a str {
    form.get(field)
        .and_then(|v| v.first())
        .map(String::as_str)
        .unwrap_or("")
}

/// What the profile is checked against.
pub struct ProfileContext<'a> {
    /// The programme's working languages (interview language must be one).
    pub working_languages: &'a [String],
    /// The registry organisation named by `city_org_id`, if it exists.
    pub city: Option<&'a Organisation>,
    /// When the submission happens (membership is taken on that day).
    pub now: DateTime<Utc>,
}

/// The registry id in `city_org_id`, if it is one.
pub fn city_org_id(form: &BTreeMap<String, Vec<String>>) -> Option<OrgId> {
    first(form, "city_org_id").trim().parse().ok()
}

/// Checks the profile part of a form.
pub fn validate_profile(
    form: &BTreeMap<String, Vec<String>>,
    ctx: &ProfileContext<'_>,
) -> Result<Profile, FieldErrors> {
    let mut errs = FieldErrors::new();
    let f = |k: &str| first(form, k);
    let passport_name = validate::required(&mut errs, "passport_name", f("passport_name"), 120);
    if !passport_name.is_empty() && !is_latin_name(&passport_name) {
        errs.add("passport_name", "latin_letters_only");
    }
    let gender = validate::choice(&mut errs, "gender", f("gender"), Gender::parse);
    let nationality = validate::country(&mut errs, "nationality", f("nationality"));
    let position = validate::required(&mut errs, "position", f("position"), 200);
    let department = validate::required(&mut errs, "department", f("department"), 200);
    let interview_language = f("interview_language").trim().to_string();
    if interview_language.is_empty() {
        errs.add("interview_language", "required");
    } else if !ctx.working_languages.contains(&interview_language) {
        errs.add("interview_language", "invalid_choice");
    }
    let city_field = f("city_org_id").trim();
    let mut city = None;
    if city_field.is_empty() {
        errs.add("city_org_id", "required");
    } else if city_field == CITY_NOT_LISTED {
        let name = validate::required(&mut errs, "city_name", f("city_name"), 120);
        let country = validate::country(&mut errs, "country", f("country"));
        let region = validate::choice(&mut errs, "region", f("region"), Region::parse);
        if let Some(region) = region {
            city = Some((None, name, country, region, false));
        }
    } else {
        match (city_field.parse::<OrgId>().ok(), ctx.city) {
            (Some(id), Some(org)) if org.id == id && org.kind == OrgKind::MemberCity => {
                city = Some((
                    Some(id),
                    org.name.get("en").to_string(),
                    org.country.clone(),
                    org.region,
                    org.is_member_on(super::membership_day(ctx.now)),
                ));
            }
            _ => errs.add("city_org_id", "unknown_city"),
        }
    }
    match (gender, city) {
        (Some(gender), Some((city_org_id, city_name, country, region, member)))
            if errs.is_empty() =>
        {
            Ok(Profile {
                passport_name,
                gender,
                city_org_id,
                city_name,
                country,
                region,
                member,
                position,
                department,
                nationality,
                interview_language,
            })
        }
        _ => Err(errs),
    }
}

/// Letters of the Latin script (with accents), spaces, hyphens,
/// apostrophes and dots: what machine-readable passports print.
fn is_latin_name(s: &str) -> bool {
    s.chars().all(|c| {
        c == ' '
            || c == '-'
            || c == '\''
            || c == '.'
            || c.is_ascii_alphabetic()
            || ('\u{00C0}'..='\u{024F}').contains(&c) && c != '\u{00D7}' && c != '\u{00F7}'
    }) && s.chars().any(|c| c.is_alphabetic())
}

/// The call's answers within the form, keyed by question key.
pub fn answers_of(form: &BTreeMap<String, Vec<String>>) -> BTreeMap<String, Vec<String>> {
    form.iter()
        .filter_map(|(k, v)| {
            k.strip_prefix(ANSWER_PREFIX)
                .map(|key| (key.to_string(), v.clone()))
        })
        .collect()
}

/// Validates a whole submission (profile and answers) at `now`. Errors name
/// the form's fields (`passport_name`, `q.motivation`, or `call` when the
/// call is not open).
pub fn validate_submission(
    form: &BTreeMap<String, Vec<String>>,
    ctx: &ProfileContext<'_>,
    questions: &[Question],
    call: &Call,
) -> Result<(Profile, ValidAnswers), FieldErrors> {
    let answers = validate_answers(questions, &answers_of(form), ctx.now, call).map_err(|e| {
        let mut named = FieldErrors::new();
        for x in e.0 {
            let field = if x.field == "call" {
                x.field
            } else {
                format!("{ANSWER_PREFIX}{}", x.field)
            };
            let params: Vec<(&'static str, String)> = x.params.into_iter().collect();
            named.add_with(field, x.code, &params);
        }
        named
    });
    // The deadline refuses the whole submission before anything else.
    if let Err(e) = &answers
        && e.get("call").is_some()
    {
        return Err(e.clone());
    }
    let profile = validate_profile(form, ctx);
    match (profile, answers) {
        (Ok(p), Ok(a)) => Ok((p, a)),
        (p, a) => {
            let mut errs = FieldErrors::new();
            if let Err(e) = p {
                errs.0.extend(e.0);
            }
            if let Err(e) = a {
                errs.0.extend(e.0);
            }
            Err(errs)
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::call::{QuestionKind, RequiredDocument};
    use crate::organisation::{Membership, Status};
    use crate::text::Localized;
    use chrono::{NaiveDate, TimeZone};

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    fn dakar() -> Organisation {
        Organisation {
            id: 7,
            slug: "dakar".into(),
            kind: OrgKind::MemberCity,
            name: Localized::new("en", "Dakar"),
            country: "SN".into(),
            region: Region::Africa,
            city: Some("Dakar".into()),
            timezone: "Africa/Dakar".into(),
            website: None,
            working_languages: vec!["fr".into()],
            parent_id: None,
            status: Status::Active,
            memberships: vec![Membership {
                id: 1,
                from: NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
                until: None,
            }],
            created_at: Utc::now(),
            updated_at: Utc::now(),
            version: 1,
        }
    }

    fn call() -> Call {
        Call {
            programme_id: 1,
            opens_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
            closes_at: Utc.with_ymd_and_hms(2026, 12, 31, 0, 0, 0).unwrap(),
            timezone: "Asia/Seoul".into(),
            documents: vec![RequiredDocument {
                key: "cv".into(),
                label: Localized::new("en", "CV"),
                required: true,
            }],
            questions: vec![crate::call::Question {
                key: "motivation".into(),
                kind: QuestionKind::LongText,
                label: Localized::new("en", "Motivation"),
                required: true,
                min_len: Some(10),
                max_len: Some(2000),
                min: None,
                max: None,
                choices: vec![],
                show_if: None,
            }],
            question_version: 1,
        }
    }

    fn full_form() -> Vec<(String, String)> {
        pairs(&[
            ("passport_name", "Aminata Diallo"),
            ("gender", "female"),
            ("nationality", "SN"),
            ("city_org_id", "7"),
            ("position", "Head of urban planning"),
            ("department", "Direction de l'urbanisme"),
            ("interview_language", "fr"),
            ("q.motivation", "I want to bring smart mobility to Dakar."),
            ("csrf", "dropped"),
        ])
    }

    #[test]
    fn form_map_keeps_known_fields_only() {
        let m = form_map(&full_form());
        assert!(!m.contains_key("csrf"));
        assert_eq!(first(&m, "passport_name"), "Aminata Diallo");
        assert_eq!(answers_of(&m)["motivation"].len(), 1);
        let many: Vec<(String, String)> = (0..500)
            .map(|i| (format!("q.k{i}"), "x".repeat(30_000)))
            .collect();
        let m = form_map(&many);
        assert_eq!(m.len(), MAX_FIELDS);
        assert!(m.values().all(|v| v[0].chars().count() == MAX_VALUE_CHARS));
    }

    #[test]
    fn a_complete_submission_validates_with_the_city_from_the_registry() {
        let org = dakar();
        let langs = vec!["en".to_string(), "fr".to_string()];
        let ctx = ProfileContext {
            working_languages: &langs,
            city: Some(&org),
            now: Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap(),
        };
        let c = call();
        let (p, a) = validate_submission(&form_map(&full_form()), &ctx, &c.questions, &c).unwrap();
        assert_eq!(p.city_name, "Dakar");
        assert_eq!(p.country, "SN");
        assert!(p.member);
        assert_eq!(p.gender, Gender::Female);
        assert_eq!(a.answers.len(), 1);
    }

    #[test]
    fn errors_name_profile_fields_and_answers() {
        let org = dakar();
        let langs = vec!["en".to_string()];
        let ctx = ProfileContext {
            working_languages: &langs,
            city: Some(&org),
            now: Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap(),
        };
        let c = call();
        let form = form_map(&pairs(&[
            ("passport_name", "김민수"),
            ("gender", "robot"),
            ("city_org_id", "8"),
            ("interview_language", "fr"),
            ("q.motivation", "short"),
        ]));
        let e = validate_submission(&form, &ctx, &c.questions, &c).unwrap_err();
        assert_eq!(e.get("passport_name").unwrap().code, "latin_letters_only");
        assert_eq!(e.get("gender").unwrap().code, "invalid_choice");
        assert_eq!(e.get("city_org_id").unwrap().code, "unknown_city");
        assert_eq!(e.get("interview_language").unwrap().code, "invalid_choice");
        assert_eq!(e.get("q.motivation").unwrap().code, "too_short");
        assert_eq!(e.get("position").unwrap().code, "required");
    }

    #[test]
    fn an_unlisted_city_needs_name_country_and_region() {
        let langs = vec!["en".to_string()];
        let ctx = ProfileContext {
            working_languages: &langs,
            city: None,
            now: Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).unwrap(),
        };
        let mut form = form_map(&full_form());
        form.insert("city_org_id".into(), vec![CITY_NOT_LISTED.into()]);
        form.insert("interview_language".into(), vec!["en".into()]);
        let e = validate_profile(&form, &ctx).unwrap_err();
        assert!(e.get("city_name").is_some() && e.get("region").is_some());
        form.insert("city_name".into(), vec!["Nairobi".into()]);
        form.insert("country".into(), vec!["KE".into()]);
        form.insert("region".into(), vec!["africa".into()]);
        let p = validate_profile(&form, &ctx).unwrap();
        assert!(!p.member && p.city_org_id.is_none());
    }

    #[test]
    fn after_the_deadline_only_the_call_is_named() {
        let org = dakar();
        let langs = vec!["fr".to_string()];
        let ctx = ProfileContext {
            working_languages: &langs,
            city: Some(&org),
            now: Utc.with_ymd_and_hms(2027, 3, 1, 0, 0, 0).unwrap(),
        };
        let c = call();
        let e = validate_submission(&BTreeMap::new(), &ctx, &c.questions, &c).unwrap_err();
        assert_eq!(e.0.len(), 1);
        assert_eq!(e.0[0].field, "call");
    }

    #[test]
    fn latin_names() {
        assert!(is_latin_name("José Müller-Ñúñez"));
        assert!(is_latin_name("O'Brien Jr."));
        assert!(!is_latin_name("محمد"));
        assert!(!is_latin_name("---"));
    }
}
