//! Tests of the message catalogue itself: the .ftl files are parsed into an
//! AST and compared across locales; every message is formatted in every
//! locale. Failures list every problem as `locale: key: problem`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;
use fluent_templates::fluent_bundle::FluentValue;

use crate::translate::{FSI, PDI, lookup_exact};
use crate::{Locale, Tr, Value, has_key, tr, tr_args, tr_args_plain};

/// One parsed message: its file and the variables it references.
struct MessageInfo {
    file: String,
    variables: BTreeSet<String>,
}

fn locale_dir(locale: Locale) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(locale.code())
}

fn ftl_files(locale: Locale) -> Vec<(String, String)> {
    let dir = locale_dir(locale);
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{locale}: cannot read {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).unwrap();
            (name, text)
        })
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "{locale}: no .ftl files in {}",
        dir.display()
    );
    files
}

/// Parses every .ftl file of a locale. Syntax errors, junk, duplicate ids
/// and messages without a value are reported in `problems`.
fn parse_locale(locale: Locale, problems: &mut Vec<String>) -> BTreeMap<String, MessageInfo> {
    let mut messages = BTreeMap::new();
    for (file, text) in ftl_files(locale) {
        let resource = match fluent_syntax::parser::parse(text.as_str()) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    problems.push(format!("{locale}: {file}: syntax error {e:?}"));
                }
                r
            }
        };
        for entry in resource.body {
            match entry {
                ast::Entry::Message(m) => {
                    let id = m.id.name.to_owned();
                    let Some(value) = &m.value else {
                        problems.push(format!("{locale}: {id}: message has no value ({file})"));
                        continue;
                    };
                    let mut variables = BTreeSet::new();
                    collect_pattern(value, &mut variables);
                    for attr in &m.attributes {
                        collect_pattern(&attr.value, &mut variables);
                    }
                    let info = MessageInfo {
                        file: file.clone(),
                        variables,
                    };
                    if let Some(prev) = messages.insert(id.clone(), info) {
                        problems.push(format!(
                            "{locale}: {id}: defined twice ({} and {file})",
                            prev.file
                        ));
                    }
                }
                ast::Entry::Junk { content } => {
                    problems.push(format!("{locale}: {file}: unparsable: {content:?}"));
                }
                _ => {}
            }
        }
    }
    messages
}

fn collect_pattern(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_expression(expression, out);
        }
    }
}

fn collect_expression(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, out);
            for v in variants {
                collect_pattern(&v.value, out);
            }
        }
        ast::Expression::Inline(inline) => collect_inline(inline, out),
    }
}

fn collect_inline(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            collect_arguments(arguments, out);
        }
        ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => collect_arguments(arguments, out),
        ast::InlineExpression::Placeable { expression } => collect_expression(expression, out),
        _ => {}
    }
}

fn collect_arguments(arguments: &ast::CallArguments<&str>, out: &mut BTreeSet<String>) {
    for p in &arguments.positional {
        collect_inline(p, out);
    }
    for n in &arguments.named {
        collect_inline(&n.value, out);
    }
}

fn catalogue() -> (BTreeMap<Locale, BTreeMap<String, MessageInfo>>, Vec<String>) {
    let mut problems = Vec::new();
    let parsed = Locale::ALL
        .into_iter()
        .map(|l| (l, parse_locale(l, &mut problems)))
        .collect();
    (parsed, problems)
}

fn assert_no_problems(what: &str, problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{what}: {} problem(s):\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

/// Variables that hold numbers; every other variable is text.
const NUMBER_VARIABLES: &[&str] = &["count", "min", "max", "minutes", "page", "pages"];

/// Counts that exercise every CLDR plural category of the six languages.
const SAMPLE_COUNTS: &[f64] = &[
    0.0,
    1.0,
    2.0,
    3.0,
    5.0,
    11.0,
    21.0,
    100.0,
    101.0,
    140.0,
    1_000_000.0,
    1.5,
];

fn sample_args(variables: &BTreeSet<String>, count: f64) -> HashMap<&str, FluentValue<'static>> {
    variables
        .iter()
        .map(|v| {
            let value = if NUMBER_VARIABLES.contains(&v.as_str()) {
                FluentValue::from(count)
            } else {
                FluentValue::from(format!("sample {v}"))
            };
            (v.as_str(), value)
        })
        .collect()
}

#[test]
fn ftl_files_parse_without_errors_or_duplicates() {
    let (_, problems) = catalogue();
    assert_no_problems("syntax", &problems);
}

#[test]
fn every_locale_has_exactly_the_english_keys() {
    let (parsed, mut problems) = catalogue();
    let en: BTreeSet<&String> = parsed[&Locale::En].keys().collect();
    for locale in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
        let keys: BTreeSet<&String> = parsed[&locale].keys().collect();
        for missing in en.difference(&keys) {
            problems.push(format!("{locale}: {missing}: missing (en has it)"));
        }
        for extra in keys.difference(&en) {
            problems.push(format!("{locale}: {extra}: not in en"));
        }
    }
    assert_no_problems("key parity", &problems);
}

#[test]
fn translations_use_the_same_variables_as_english() {
    let (parsed, mut problems) = catalogue();
    let en = &parsed[&Locale::En];
    for locale in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
        for (key, info) in &parsed[&locale] {
            let Some(reference) = en.get(key) else {
                continue; // reported by the key-parity test
            };
            for missing in reference.variables.difference(&info.variables) {
                problems.push(format!("{locale}: {key}: does not use ${missing}"));
            }
            for extra in info.variables.difference(&reference.variables) {
                problems.push(format!("{locale}: {key}: uses ${extra}, which en does not"));
            }
        }
    }
    assert_no_problems("variables", &problems);
}

#[test]
fn every_message_formats_in_every_locale() {
    let (parsed, mut problems) = catalogue();
    let en = &parsed[&Locale::En];
    for locale in Locale::ALL {
        for (key, info) in en {
            for &count in SAMPLE_COUNTS {
                let args = sample_args(&info.variables, count);
                match lookup_exact(locale, key, Some(&args)) {
                    Ok(text) => {
                        if text.trim().is_empty() {
                            problems.push(format!("{locale}: {key}: empty for count {count}"));
                        }
                        if text.contains('{') || text.contains('}') {
                            problems.push(format!("{locale}: {key}: unresolved placeable: {text}"));
                        }
                        for v in &info.variables {
                            if !NUMBER_VARIABLES.contains(&v.as_str())
                                && !text.contains(&format!("sample {v}"))
                            {
                                problems.push(format!("{locale}: {key}: ${v} not shown"));
                            }
                        }
                    }
                    Err(e) => problems.push(format!("{locale}: {key}: {e}")),
                }
                if info.variables.is_empty() {
                    break;
                }
            }
        }
    }
    assert_no_problems("formatting", &problems);
}

/// Every key the brief for the web crate relies on.
const REQUIRED_KEYS: &[&str] = &[
    "app-name",
    "app-tagline",
    "nav-home",
    "nav-catalogue",
    "nav-network",
    "nav-organisations",
    "nav-people",
    "nav-mous",
    "nav-audit",
    "nav-outbox",
    "nav-account",
    "nav-tokens",
    "nav-sign-in",
    "nav-sign-out",
    "nav-language",
    "nav-skip-to-content",
    "nav-admin",
    "home-title",
    "home-intro",
    "home-centres",
    "home-members-count",
    "home-signed-in-as",
    "home-your-roles",
    "login-title",
    "login-email",
    "login-password",
    "login-submit",
    "login-failed",
    "login-rate-limited",
    "logout-done",
    "forgot-password-link",
    "reset-request-title",
    "reset-request-intro",
    "reset-request-submit",
    "reset-request-sent",
    "reset-title",
    "reset-new-password",
    "reset-confirm-password",
    "reset-submit",
    "reset-done",
    "reset-invalid-token",
    "password-too-short",
    "password-too-common",
    "password-mismatch",
    "account-title",
    "account-language",
    "account-timezone",
    "account-save",
    "account-saved",
    "tokens-title",
    "tokens-intro",
    "token-name",
    "token-create",
    "token-created-once",
    "token-revoke",
    "token-revoked",
    "token-none",
    "token-last-used",
    "token-never-used",
    "org-list-title",
    "org-search",
    "org-search-placeholder",
    "org-filter-kind",
    "org-filter-region",
    "org-filter-status",
    "org-count",
    "org-none",
    "org-kind-secretariat",
    "org-kind-headquarters",
    "org-kind-regional-centre",
    "org-kind-regional-secretariat",
    "org-kind-member-city",
    "org-kind-partner",
    "org-name",
    "org-names-intro",
    "org-main-language",
    "org-kind",
    "org-country",
    "org-region",
    "org-city",
    "org-website",
    "org-timezone",
    "org-working-languages",
    "org-status",
    "org-membership",
    "org-member",
    "org-not-member",
    "org-member-since",
    "org-member-until",
    "org-membership-add",
    "org-new",
    "org-edit",
    "org-save",
    "org-created",
    "org-updated",
    "org-details",
    "org-parent",
    "region-africa",
    "region-asia-pacific",
    "region-europe",
    "region-latin-america",
    "region-north-america",
    "region-middle-east-west-asia",
    "lifecycle-title",
    "lifecycle-candidate",
    "lifecycle-active",
    "lifecycle-withdrawing",
    "lifecycle-withdrawn",
    "lifecycle-event-add",
    "lifecycle-to-status",
    "lifecycle-date",
    "lifecycle-note",
    "lifecycle-document",
    "lifecycle-invalid-transition",
    "people-title",
    "person-name",
    "person-email",
    "person-phone",
    "person-organisation",
    "person-contact-role",
    "person-add",
    "person-none",
    "contact-role-focal-point",
    "contact-role-director",
    "contact-role-coordinator",
    "contact-role-international-relations",
    "contact-role-other",
    "mou-title",
    "mou-list-title",
    "mou-name",
    "mou-parties",
    "mou-signed-on",
    "mou-overseen-by",
    "mou-valid-until",
    "mou-open-ended",
    "mou-file",
    "mou-download",
    "mou-add",
    "mou-none",
    "audit-title",
    "audit-actor",
    "audit-organisation",
    "audit-action",
    "audit-target",
    "audit-time",
    "audit-filter",
    "audit-none",
    "audit-system",
    "outbox-title",
    "outbox-to",
    "outbox-subject",
    "outbox-status",
    "outbox-status-pending",
    "outbox-status-sent",
    "outbox-status-failed",
    "outbox-created",
    "outbox-none",
    "role-network-admin",
    "role-centre-staff",
    "role-focal-point",
    "role-applicant",
    "role-expert",
    "error-title",
    "error-not-found",
    "error-forbidden",
    "error-csrf",
    "error-validation",
    "error-internal",
    "error-too-large",
    "error-unauthorized",
    "error-too-many-requests",
    "error-conflict",
    "error-bad-request",
    "field-required",
    "field-invalid-email",
    "field-too-long",
    "field-invalid-date",
    "field-invalid-choice",
    "field-invalid-url",
    "field-invalid-country",
    "field-invalid-timezone",
    "field-date-order",
    "common-save",
    "common-cancel",
    "common-edit",
    "common-delete",
    "common-search",
    "common-filter",
    "common-all",
    "common-yes",
    "common-no",
    "common-back",
    "common-actions",
    "common-page",
    "common-previous",
    "common-next",
    "common-none",
    "common-download",
    "common-optional",
    "common-required",
    "common-language-en",
    "common-language-fr",
    "common-language-es",
    "common-language-ko",
    "common-language-ar",
    "common-language-fa",
    "email-reset-subject",
    "email-reset-body",
    "email-footer",
];

/// The variables each message with arguments takes (the contract with callers).
const REQUIRED_VARIABLES: &[(&str, &[&str])] = &[
    ("home-members-count", &["count"]),
    ("home-signed-in-as", &["email"]),
    ("login-rate-limited", &["minutes"]),
    ("password-too-short", &["min"]),
    ("org-count", &["count"]),
    ("lifecycle-invalid-transition", &["from", "to"]),
    ("field-too-long", &["max"]),
    ("field-file-too-large", &["max"]),
    ("sdg-goal", &["number"]),
    ("sdg-target", &["code"]),
    ("sdg-indicator", &["code"]),
    ("common-page", &["page", "pages"]),
    ("email-reset-body", &["link", "minutes"]),
    ("email-welcome-body", &["name", "link", "days"]),
    ("application-question-conditional", &["question"]),
    ("email-application-submitted-subject", &["programme"]),
    (
        "email-application-submitted-body",
        &["name", "programme", "link"],
    ),
    ("email-offer-subject", &["programme"]),
    (
        "email-offer-body",
        &["name", "programme", "deadline", "link"],
    ),
    ("email-waitlisted-subject", &["programme"]),
    (
        "email-waitlisted-body",
        &["name", "programme", "position", "link"],
    ),
    ("email-not-selected-subject", &["programme"]),
    ("email-not-selected-body", &["name", "programme", "link"]),
    ("email-nominee-decision-subject", &["programme"]),
    (
        "email-nominee-decision-body",
        &["name", "applicant", "programme", "outcome", "link"],
    ),
    ("call-hint-max-len", &["max"]),
    ("call-hint-range", &["min", "max"]),
    ("call-shown-when", &["question", "answer"]),
    ("field-out-of-range", &["min", "max"]),
    ("field-too-short", &["min"]),
    ("field-too-many", &["max"]),
    ("field-sdg-target-not-in-goal", &["target", "goal"]),
    (
        "field-sdg-indicator-not-in-target",
        &["indicator", "target"],
    ),
    ("sdg-alignment-edit-title", &["title"]),
    ("sdg-alignment-row", &["number"]),
    ("sdg-alignment-stakeholder", &["number"]),
    ("sdg-coverage-summary", &["total", "aligned"]),
    ("sdg-coverage-cell", &["group", "goal", "programmes"]),
    ("sdg-coverage-gender-share", &["covered", "total", "share"]),
    (
        "reason-programme-rules-unattainable",
        &["programme", "rule", "shortfall"],
    ),
    ("reason-programme-empty", &["programme"]),
    ("reason-seats-taken-by-overrides", &["programme"]),
    ("reason-lower-score", &["programme", "score", "last"]),
    ("reason-tie-break", &["programme", "score"]),
    ("reason-score-not-positive", &["score"]),
    ("reason-better-overall", &["programme"]),
    ("reason-city-cap", &["cap", "programme", "city"]),
    ("reason-country-cap", &["cap", "programme", "country"]),
    ("reason-member-share", &["programme", "share"]),
    ("reason-gender-share", &["programme", "share", "gender"]),
    ("reason-region-rule", &["programme", "regions"]),
    ("reason-capacity", &["programme", "capacity"]),
    ("reason-override-selected", &["programme", "why"]),
    ("reason-override-excluded", &["why"]),
    ("reason-not-eligible-gates", &["details"]),
    ("reason-selected", &["programme"]),
    (
        "reason-selected-lower-choice",
        &["programme", "rank", "details"],
    ),
    ("reason-waitlisted", &["position", "programme", "details"]),
    ("reason-not-selected", &["details"]),
    ("reason-promoted", &["programme"]),
    ("violation-needed-available", &["needed", "available"]),
    ("violation-needed-actual", &["needed", "actual"]),
    ("violation-limit-actual", &["limit", "actual"]),
    ("violation-limits-cohort", &["max", "size"]),
    ("violation-selected-of", &["selected", "size"]),
    ("violation-short-by", &["shortfall"]),
];

#[test]
fn english_has_every_required_key_with_its_variables() {
    let (parsed, mut problems) = catalogue();
    let en = &parsed[&Locale::En];
    for key in REQUIRED_KEYS {
        if !en.contains_key(*key) {
            problems.push(format!("en: {key}: required but missing"));
        }
        assert!(has_key(key) || !en.contains_key(*key), "{key}");
    }
    for (key, info) in en {
        let want: BTreeSet<String> = REQUIRED_VARIABLES
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, vars)| vars.iter().map(|v| (*v).to_owned()).collect())
            .unwrap_or_default();
        if info.variables != want {
            problems.push(format!(
                "en: {key}: variables {:?}, expected {want:?}",
                info.variables
            ));
        }
    }
    assert!(!has_key("no-such-key"));
    assert!(!has_key(""));
    assert!(has_key("org-count")); // needs $count: still a key
    assert!(has_key("nav-home"));
    assert_no_problems("required keys", &problems);
}

fn has_script(text: &str, locale: Locale) -> bool {
    text.chars().any(|c| match locale {
        Locale::Ko => ('\u{AC00}'..='\u{D7A3}').contains(&c),
        Locale::Ar | Locale::Fa => ('\u{0600}'..='\u{06FF}').contains(&c),
        _ => true,
    })
}

#[test]
fn translations_are_not_english_copies() {
    let (parsed, mut problems) = catalogue();
    let en = &parsed[&Locale::En];
    for locale in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
        for (key, info) in en {
            if key == "app-name" {
                continue;
            }
            let args = sample_args(&info.variables, 3.0);
            let (Ok(english), Ok(text)) = (
                lookup_exact(Locale::En, key, Some(&args)),
                lookup_exact(locale, key, Some(&args)),
            ) else {
                continue; // reported by the formatting test
            };
            if !has_script(&text, locale) {
                problems.push(format!(
                    "{locale}: {key}: not in the locale's script: {text}"
                ));
            }
            // Single words may be cognates (Organisation, Europe, Actions).
            let words = english
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count();
            if text == english && words > 1 {
                problems.push(format!("{locale}: {key}: identical to English: {text}"));
            }
        }
    }
    assert_no_problems("copies", &problems);
}

#[test]
fn files_use_the_right_characters() {
    let mut problems = Vec::new();
    for locale in Locale::ALL {
        for (file, text) in ftl_files(locale) {
            let forbidden: &[(char, &str)] = match locale {
                // Persian uses ی and ک, never the Arabic forms.
                Locale::Fa => &[
                    ('\u{064A}', "Arabic yeh ي"),
                    ('\u{0643}', "Arabic kaf ك"),
                    ('\u{0649}', "alef maksura ى"),
                ],
                Locale::Ar => &[('\u{06CC}', "Persian yeh ی"), ('\u{06A9}', "keheh ک")],
                _ => &[],
            };
            for (c, name) in forbidden {
                if text.contains(*c) {
                    problems.push(format!("{locale}: {file}: contains {name}"));
                }
            }
            for marker in ["_ZW_", "_NN_", "_NB_", "\u{FEFF}", "\r", "\t"] {
                if text.contains(marker) {
                    problems.push(format!("{locale}: {file}: contains {marker:?}"));
                }
            }
        }
    }
    assert_no_problems("characters", &problems);
}

#[test]
fn arabic_uses_all_six_plural_forms() {
    let strip = |s: String| crate::translate::strip_isolation(s);
    let count = |n: i64| {
        strip(tr_args(
            Locale::Ar,
            "home-members-count",
            &[("count", n.into())],
        ))
    };
    assert_eq!(count(0), "لا توجد مدن أعضاء");
    assert_eq!(count(1), "مدينة عضو واحدة");
    assert_eq!(count(2), "مدينتان عضوان");
    assert_eq!(count(3), "٣ مدن أعضاء");
    assert_eq!(count(10), "١٠ مدن أعضاء");
    assert_eq!(count(11), "١١ مدينة عضوًا");
    assert_eq!(count(99), "٩٩ مدينة عضوًا");
    assert_eq!(count(100), "عدد المدن الأعضاء: ١٠٠");
    assert_eq!(count(1002), "عدد المدن الأعضاء: ١٬٠٠٢");
    // CLDR puts 140 in "many" and 103 in "few" (n % 100); intl_pluralrules 7
    // (CLDR 37 tables) drops the modulo and says "other". The "other" wording
    // is correct for any number, so both answers are grammatical.
    assert!(
        ["١٤٠ مدينة عضوًا", "عدد المدن الأعضاء: ١٤٠"].contains(&count(140).as_str()),
        "{}",
        count(140)
    );
    assert!(
        ["١٠٣ مدن أعضاء", "عدد المدن الأعضاء: ١٠٣"].contains(&count(103).as_str()),
        "{}",
        count(103)
    );
    let max = strip(tr_args(
        Locale::Ar,
        "field-too-long",
        &[("max", 200.into())],
    ));
    assert_eq!(max, "يُرجى ألا يتجاوز عدد الأحرف ٢٠٠.");
    let minutes = |n: i64| {
        strip(tr_args(
            Locale::Ar,
            "login-rate-limited",
            &[("minutes", n.into())],
        ))
    };
    assert!(minutes(2).ends_with("بعد دقيقتين."), "{}", minutes(2));
    assert!(minutes(5).ends_with("بعد ٥ دقائق."), "{}", minutes(5));
    assert!(minutes(15).ends_with("بعد ١٥ دقيقة."), "{}", minutes(15));
}

#[test]
fn plurals_and_numbers_in_other_locales() {
    let plain = |l: Locale, key: &str, n: i64| tr_args_plain(l, key, &[("count", n.into())]);
    assert_eq!(plain(Locale::En, "org-count", 1), "1 organisation");
    assert_eq!(plain(Locale::En, "org-count", 0), "0 organisations");
    assert_eq!(plain(Locale::En, "org-count", 1400), "1,400 organisations");
    assert_eq!(plain(Locale::Fr, "org-count", 0), "0 organisation");
    assert_eq!(plain(Locale::Fr, "org-count", 1), "1 organisation");
    assert_eq!(plain(Locale::Fr, "org-count", 2), "2 organisations");
    assert_eq!(
        plain(Locale::Fr, "org-count", 1400),
        "1\u{202F}400 organisations"
    );
    assert_eq!(plain(Locale::Es, "org-count", 1), "1 organización");
    assert_eq!(plain(Locale::Es, "org-count", 1400), "1400 organizaciones");
    assert_eq!(
        plain(Locale::Es, "org-count", 14_000),
        "14.000 organizaciones"
    );
    assert_eq!(plain(Locale::Ko, "org-count", 140), "기관 140곳");
    assert_eq!(plain(Locale::Fa, "home-members-count", 140), "۱۴۰ شهر عضو");
    let page = tr_args_plain(
        Locale::Fa,
        "common-page",
        &[("page", 2.into()), ("pages", 12.into())],
    );
    assert_eq!(page, "صفحهٔ ۲ از ۱۲");
    let min = tr_args_plain(Locale::Fr, "password-too-short", &[("min", 12.into())]);
    assert_eq!(min, "Le mot de passe doit contenir au moins 12 caractères.");
    // decimals inside a message
    let odd = tr_args_plain(
        Locale::Fr,
        "common-page",
        &[("page", 1.5.into()), ("pages", 3.into())],
    );
    assert_eq!(odd, "Page 1,5 sur 3");
}

#[test]
fn isolation_marks_wrap_arguments_in_text_but_not_in_plain() {
    let email = "a.user@example.org";
    for locale in Locale::ALL {
        let html = tr_args(locale, "home-signed-in-as", &[("email", email.into())]);
        assert!(
            html.contains(&format!("{FSI}{email}{PDI}")),
            "{locale}: {html:?}"
        );
        let plain = tr_args_plain(locale, "home-signed-in-as", &[("email", email.into())]);
        assert!(!plain.contains([FSI, PDI]), "{locale}: {plain:?}");
        assert!(plain.contains(email), "{locale}: {plain:?}");
        // messages without arguments never carry marks
        assert!(!tr(locale, "nav-home").contains([FSI, PDI]));
    }
}

#[test]
fn reset_email_keeps_the_link_intact_on_its_own_line() {
    let link = "https://miti.example.org/reset?token=abc_DEF-123";
    for locale in Locale::ALL {
        let body = tr_args_plain(
            locale,
            "email-reset-body",
            &[("link", link.into()), ("minutes", 30.into())],
        );
        assert!(
            body.lines().any(|l| l == link),
            "{locale}: link not alone on a line:\n{body}"
        );
        assert!(!body.contains([FSI, PDI]), "{locale}");
        assert!(body.contains("\n\n"), "{locale}: paragraphs lost:\n{body}");
        let subject = tr(locale, "email-reset-subject");
        assert!(!subject.contains('\n'), "{locale}");
    }
    let en = tr_args_plain(
        Locale::En,
        "email-reset-body",
        &[("link", link.into()), ("minutes", 30.into())],
    );
    assert!(en.contains("within 30 minutes:"), "{en}");
    let fa = tr_args_plain(
        Locale::Fa,
        "email-reset-body",
        &[("link", link.into()), ("minutes", 30.into())],
    );
    assert!(fa.contains("ظرف ۳۰ دقیقه"), "{fa}");
}

#[test]
fn missing_keys_and_arguments_do_not_panic() {
    assert_eq!(tr(Locale::Ko, "no-such-key"), "no-such-key");
    assert_eq!(tr(Locale::En, ""), "");
    assert_eq!(
        tr(Locale::Ar, "nav-home.no-attribute"),
        "nav-home.no-attribute"
    );
    // a message whose argument is missing is a programming error: key back
    assert_eq!(tr(Locale::Fr, "org-count"), "org-count");
    assert_eq!(
        tr_args(Locale::Fr, "org-count", &[("wrong", Value::from(1))]),
        "org-count"
    );
    // extra arguments are harmless
    assert_eq!(
        tr_args(Locale::En, "nav-home", &[("unused", Value::from("x"))]),
        "Home"
    );
    assert_eq!(Tr::new(Locale::Fa).t("nope"), "nope");
}

#[test]
fn language_names_are_complete() {
    for viewer in Locale::ALL {
        let tr = Tr::new(viewer);
        let names: BTreeSet<String> = Locale::ALL.iter().map(|l| tr.language_name(*l)).collect();
        assert_eq!(names.len(), 6, "{viewer}: {names:?}");
        // the viewer's own language, as named in the catalogue, is its native name
        let own = tr.language_name(viewer);
        assert!(
            own.to_lowercase() == viewer.native_name().to_lowercase()
                || own.contains(viewer.native_name()),
            "{viewer}: {own} vs {}",
            viewer.native_name()
        );
    }
}
