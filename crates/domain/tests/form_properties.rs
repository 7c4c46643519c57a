//! Every form parser takes any input without panicking, and every error it
//! reports names a field of that form with a known code.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use miti_domain::mou::MouForm;
use miti_domain::organisation::OrgForm;
use miti_domain::person::PersonForm;
use miti_domain::{DomainError, FieldErrors};
use proptest::prelude::*;

const CODES: &[&str] = &[
    "required",
    "too_long",
    "invalid_date",
    "invalid_email",
    "invalid_country",
    "invalid_timezone",
    "invalid_url",
    "invalid_choice",
    "invalid_slug",
    "date_order",
    "mou_needs_two_parties",
];

fn errors_of<T>(r: Result<T, DomainError>) -> Option<FieldErrors> {
    match r {
        Ok(_) => None,
        Err(DomainError::Invalid(e)) => Some(e),
        Err(other) => panic!("a form parser answered {other:?}"),
    }
}

fn check(errs: Option<FieldErrors>, fields: &[&str]) {
    if let Some(errs) = errs {
        assert!(
            !errs.is_empty(),
            "an Invalid error lists at least one field"
        );
        for e in errs.0 {
            assert!(
                fields.contains(&e.field.as_str()),
                "unknown field {}",
                e.field
            );
            assert!(CODES.contains(&e.code), "unknown code {}", e.code);
        }
    }
}

/// Any text: ASCII, Arabic, Korean, control characters, very long.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        "[a-z0-9-]{0,12}",
        "[\\u{0600}-\\u{06FF} ]{0,30}",
        "[\\u{AC00}-\\u{D7A3}]{0,20}",
        "[\\x00-\\x1f]{0,5}",
        Just("x".repeat(500)),
        Just("2018-06-17".to_string()),
        Just("Asia/Seoul".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn organisation_form(slug in text(), kind in text(), main in text(), en in text(), ar in text(),
                         country in text(), region in text(), tz in text(), web in text(), langs in text(), parent in text()) {
        let f = OrgForm { slug, kind, main_language: main, name_en: en, name_ar: ar, country, region,
                          timezone: tz, website: web, working_languages: langs, parent_id: parent, ..Default::default() };
        let fields = ["slug", "kind", "main_language", "name_en", "name_fr", "name_es", "name_ko", "name_ar", "name_fa",
                      "country", "region", "city", "timezone", "website", "working_languages", "parent_id"];
        check(errors_of(f.validate()), &fields);
    }

    #[test]
    fn person_form(name in text(), email in text(), phone in text(), role in text()) {
        let f = PersonForm { name, email, phone, contact_role: role };
        check(errors_of(f.validate()), &["name", "email", "phone", "contact_role"]);
    }

    #[test]
    fn mou_form(title in text(), lang in text(), parties in proptest::collection::vec(text(), 0..4),
                signed in text(), overseer in text(), until in text()) {
        let f = MouForm { title, title_language: lang, parties, signed_on: signed, overseen_by: overseer, valid_until: until };
        check(errors_of(f.validate()), &["title", "title_language", "parties", "signed_on", "overseen_by", "valid_until"]);
    }
}

#[test]
fn a_valid_organisation_round_trips_through_its_form() {
    let f = OrgForm {
        slug: "seoul".into(),
        kind: "member_city".into(),
        main_language: "ko".into(),
        name_ko: "서울".into(),
        name_en: "Seoul".into(),
        country: "KR".into(),
        region: "asia_pacific".into(),
        timezone: "Asia/Seoul".into(),
        working_languages: "ko, en".into(),
        ..Default::default()
    };
    let input = f.validate().unwrap();
    assert_eq!(
        input.name.get("fa"),
        "서울",
        "falls back to the main language"
    );
    assert_eq!(input.working_languages, ["ko", "en"]);
}
