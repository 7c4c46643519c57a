//! Every form parser takes any input without panicking, and every error it
//! reports names a field of that form with a known code.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{NaiveDate, TimeZone, Utc};
use miti_domain::account::{PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS, check_password};
use miti_domain::mou::MouForm;
use miti_domain::organisation::OrgForm;
use miti_domain::person::PersonForm;
use miti_domain::programme::{
    Eligibility, Programme, ProgrammeForm, ProgrammeInput, ProgrammeStatus, Support, ThemeForm,
    parse_money, parse_tenths,
};
use miti_domain::text::Localized;
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
    "out_of_range",
    "invalid_number",
    "invalid_language",
    "invalid_currency",
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

/// Numbers as typed: plain, signed, decimal with a point or a comma,
/// beyond every integer type, with blanks.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        text(),
        "-?[0-9]{1,3}",
        "[+-]?[0-9]{0,12}[.,]?[0-9]{0,4}",
        "[0-9]{9,25}(\\.[0-9])?",
        " ?[0-9]{1,2}\\.[0-9] ?",
        Just("4.5".to_string()),
        Just("2147483647".to_string()),
        Just("-0.5".to_string()),
    ]
}

const THEMES: &[&str] = &["governance", "transport", "water"];

fn known_themes() -> Vec<String> {
    THEMES.iter().map(|t| t.to_string()).collect()
}

fn programme_fields() -> Vec<String> {
    let mut f: Vec<String> = [
        "host_org_id",
        "themes",
        "main_language",
        "arrival",
        "departure",
        "official_days",
        "venue",
        "timezone",
        "working_languages",
        "interpretation",
        "capacity",
        "max_per_city",
        "min_member_share_pct",
        "gender_balance_target_pct",
        "lodging_nights",
        "per_diem",
        "per_diem_currency",
        "partners",
        "contact_email",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for field in ["title", "summary", "description"] {
        for lang in miti_domain::LANGUAGES {
            f.push(format!("{field}_{lang}"));
        }
    }
    f
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn theme_form(slug in text(), main in text(), en in text(), fr in text(), ko in text(), ar in text()) {
        let f = ThemeForm { slug, main_language: main, name_en: en, name_fr: fr, name_ko: ko, name_ar: ar,
                            ..Default::default() };
        let fields = ["slug", "main_language", "name_en", "name_fr", "name_es", "name_ko", "name_ar", "name_fa"];
        check(errors_of(f.validate()), &fields);
    }

    /// Every programme field takes anything typed, numbers beyond every
    /// integer type included, without panicking. (One vector of values
    /// rather than a tuple per field: a tuple strategy this wide overflows
    /// the test thread's stack in debug builds.)
    #[test]
    fn programme_form(v in proptest::collection::vec(number(), 22), themes in proptest::collection::vec(text(), 0..3)) {
        let v = |i: usize| v[i].clone();
        let f = ProgrammeForm {
            host_org_id: v(0), themes, main_language: v(1), title_en: v(2), title_ar: v(3),
            summary_ko: v(4), arrival: v(5), departure: v(6), official_days: v(7), venue: v(8),
            timezone: v(9), working_languages: v(10), capacity: v(11), max_per_city: v(12),
            min_member_share_pct: v(13), gender_balance_target_pct: v(14), lodging_nights: v(15),
            per_diem: v(16), per_diem_currency: v(17), partners: v(18), contact_email: v(19),
            meals: v(20), description_fa: v(21),
            ..Default::default()
        };
        check(errors_of(f.validate(&known_themes())), &programme_fields().iter().map(String::as_str).collect::<Vec<_>>());
    }

    #[test]
    fn tenths_and_money(v in number(), digits in 0u32..4) {
        if let Some(t) = parse_tenths(&v) {
            prop_assert!(t >= 0);
        }
        if let Some(m) = parse_money(&v, digits) {
            prop_assert!(m >= 0);
        }
    }

    /// The password rules answer a known code for anything; an accepted
    /// password has an accepted length.
    #[test]
    fn password_rules(password in prop_oneof![text(), ".{10,20}", Just("x".repeat(300))], email in text()) {
        match check_password(&password, &email) {
            Ok(()) => {
                let n = password.chars().count();
                prop_assert!((PASSWORD_MIN_CHARS..=PASSWORD_MAX_CHARS).contains(&n));
            }
            Err(code) => prop_assert!(["password_too_short", "too_long", "password_too_common"].contains(&code)),
        }
    }
}

/// Text that survives trimming: starts and ends with a letter.
fn words(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!(
        "[A-Za-z가-힣ا-ي]([A-Za-z0-9 ,.가-힣ا-ي]{{0,{max}}}[A-Za-z])?"
    ))
    .unwrap()
}

fn localized(main: &'static str, required: bool) -> impl Strategy<Value = Localized> {
    proptest::collection::btree_map(
        proptest::sample::select(miti_domain::LANGUAGES.to_vec()),
        words(30),
        0..3,
    )
    .prop_flat_map(move |texts| {
        let main_text = if required {
            words(30).prop_map(Some).boxed()
        } else {
            Just(None).boxed()
        };
        (Just(texts), main_text)
    })
    .prop_map(move |(texts, main_text)| {
        let mut texts: std::collections::BTreeMap<String, String> =
            texts.into_iter().map(|(l, t)| (l.to_string(), t)).collect();
        if let Some(t) = main_text {
            texts.insert(main.to_string(), t);
        }
        Localized {
            main: main.to_string(),
            texts,
        }
    })
}

/// A programme that the form can produce.
fn saved_programme() -> impl Strategy<Value = Programme> {
    let main = proptest::sample::select(miti_domain::LANGUAGES.to_vec());
    main.prop_flat_map(|main| {
        (
            (
                any::<i64>(),
                proptest::sample::subsequence(THEMES.to_vec(), 1..=3),
            ),
            (
                localized(main, true),
                localized(main, false),
                localized(main, false),
            ),
            (0i64..30_000, 0i64..60, 0i32..=600),
            (
                words(40),
                proptest::sample::select(vec![
                    "Asia/Seoul",
                    "Africa/Cairo",
                    "America/Sao_Paulo",
                    "UTC",
                ]),
            ),
            (
                proptest::sample::subsequence(
                    vec!["en", "fr", "es", "ko", "ar", "fa", "sw", "zh"],
                    1..4,
                ),
                proptest::option::of(words(40)),
            ),
            (
                1i32..=500,
                any::<bool>(),
                proptest::collection::vec("[a-z]([a-z ]{0,8}[a-z])?", 0..3),
                proptest::option::of(1i32..=500),
                0i32..=100,
                proptest::option::of(0i32..=100),
            ),
            (
                0i32..=90,
                any::<bool>(),
                proptest::option::of((
                    0i64..10_000_000,
                    proptest::sample::select(vec!["EUR", "KRW", "KWD", "USD"]),
                )),
                any::<bool>(),
                any::<bool>(),
            ),
            (
                proptest::collection::btree_set(1i64..10_000, 0..3),
                "[a-z]{1,8}@[a-z]{1,8}\\.[a-z]{2,4}",
            ),
        )
    })
    .prop_map(
        |(
            (host, themes),
            (title, summary, description),
            (arrive, stay, tenths),
            (venue, tz),
            (langs, interpretation),
            (capacity, members_only, seniority, per_city, share, gender),
            (nights, meals, per_diem, fee, airfare),
            (partners, email),
        )| {
            let arrival =
                NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Duration::days(arrive);
            let at = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
            Programme {
                id: 1,
                status: ProgrammeStatus::Draft,
                cancel_reason: None,
                version: 3,
                created_at: at,
                updated_at: at,
                input: ProgrammeInput {
                    host_org_id: host,
                    themes: themes.into_iter().map(String::from).collect(),
                    title,
                    summary,
                    description,
                    arrival,
                    departure: arrival + chrono::Duration::days(stay),
                    official_days_tenths: tenths,
                    venue,
                    timezone: tz.into(),
                    working_languages: langs.into_iter().map(String::from).collect(),
                    interpretation,
                    capacity,
                    eligibility: Eligibility {
                        members_only,
                        seniority_levels: seniority,
                        max_per_city: per_city,
                        min_member_share_pct: share,
                        gender_balance_target_pct: gender,
                    },
                    support: Support {
                        lodging_nights: nights,
                        meals,
                        per_diem_minor: per_diem.map(|(m, _)| m),
                        per_diem_currency: per_diem.map(|(_, c)| c.to_string()),
                        registration_fee_waived: fee,
                        airfare_covered: airfare,
                    },
                    partners: partners.into_iter().collect(),
                    contact_email: email,
                },
            }
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A saved programme shown in its form and saved again is unchanged.
    #[test]
    fn a_programme_round_trips_through_its_form(p in saved_programme()) {
        let form = ProgrammeForm::from_programme(&p);
        let back = form.validate(&known_themes());
        prop_assert!(back.is_ok(), "{:?}\nform: {:?}", back, form);
        prop_assert_eq!(back.unwrap(), p.input);
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
