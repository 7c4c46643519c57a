//! The selection engine's explanations in the reader's language. The engine
//! (and the decision record) keep a stable code with parameters next to an
//! English sentence; here each code becomes a message of the catalogue
//! (`reason-*`, `rule-*`, `violation-*`), with programme ids replaced by
//! their titles and numbers in the locale's digits. A code this module does
//! not know falls back to the English sentence.

use miti_i18n::{Tr, Value as Arg};
use miti_selection::Violation;
use serde_json::Value;
use std::collections::BTreeMap;

pub type Params = BTreeMap<String, Value>;

/// Tells reasons in one language; `title` names a programme by its id.
pub struct Reasons<'a> {
    pub tr: Tr,
    pub title: &'a (dyn Fn(&str) -> String + Sync),
}

fn kebab(code: &str) -> String {
    code.replace('_', "-")
}

fn text(params: &Params, key: &str) -> Option<String> {
    match params.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

impl Reasons<'_> {
    /// The explanation of `code` with `params`, or `english` when the code
    /// has no message.
    pub fn explain(&self, code: &str, params: &Params, english: &str) -> String {
        let tr = self.tr;
        let list = |key: &str| -> Option<String> {
            let items = params.get(key)?.as_array()?;
            let parts: Vec<String> = items
                .iter()
                .filter_map(|item| {
                    let code = item.get("code")?.as_str()?;
                    let params = item
                        .get("params")
                        .and_then(Value::as_object)
                        .map(|m| m.clone().into_iter().collect())
                        .unwrap_or_default();
                    self.one(code, &params)
                })
                .collect();
            (!parts.is_empty()).then(|| parts.join("; "))
        };
        let with_details = |key: &str, details: String| {
            let mut args = self.args(params);
            args.push(("details", Arg::from(details)));
            tr.ta_plain(key, &args)
        };
        let told = if let Some(details) = list("per_programme") {
            Some(with_details("reason-not-selected", details))
        } else if code == "waitlisted" {
            list("not_selected_because")
                .map(|d| with_details("reason-waitlisted", d))
                .or_else(|| self.one(code, params))
        } else if code == "selected" {
            list("higher_choices")
                .map(|d| with_details("reason-selected-lower-choice", d))
                .or_else(|| self.one(code, params))
        } else if code == "not_eligible" {
            let gates: Vec<String> = params
                .get("gates")
                .and_then(Value::as_array)
                .map(|g| {
                    g.iter()
                        .filter_map(Value::as_str)
                        .map(|g| tr.t(&format!("gate-{}", kebab(g))))
                        .collect()
                })
                .unwrap_or_default();
            if gates.is_empty() {
                self.one(code, params)
            } else {
                Some(with_details("reason-not-eligible-gates", gates.join("; ")))
            }
        } else {
            self.one(code, params)
        };
        told.unwrap_or_else(|| english.to_string())
    }

    /// One reason without nested lists; `None` for an unknown code.
    fn one(&self, code: &str, params: &Params) -> Option<String> {
        let key = format!("reason-{}", kebab(code));
        miti_i18n::has_key(&key).then(|| self.tr.ta_plain(&key, &self.args(params)))
    }

    /// The message arguments of `params`, told for a reader.
    fn args(&self, params: &Params) -> Vec<(&'static str, Arg<'static>)> {
        let tr = self.tr;
        let mut out: Vec<(&'static str, Arg<'static>)> = Vec::new();
        let number = |key: &str| params.get(key).and_then(Value::as_f64);
        if let Some(p) = text(params, "programme") {
            out.push(("programme", Arg::from((self.title)(&p))));
        }
        for (key, name) in [("score", "score"), ("last_selected_score", "last")] {
            if let Some(n) = number(key) {
                out.push((name, Arg::from(tr.decimal(n, 2))));
            }
        }
        if let Some(share) = number("share") {
            out.push(("share", Arg::from(tr.decimal(share * 100.0, 0))));
        }
        for (key, name) in [
            ("cap", "cap"),
            ("capacity", "capacity"),
            ("rank", "rank"),
            ("position", "position"),
            ("min_regions", "regions"),
            ("shortfall", "shortfall"),
        ] {
            if let Some(n) = number(key) {
                out.push((name, Arg::from(tr.decimal(n, 0))));
            }
        }
        for (key, name) in [("city", "city"), ("country", "country")] {
            if let Some(s) = text(params, key) {
                out.push((name, Arg::from(s)));
            }
        }
        if let Some(g) = text(params, "gender") {
            out.push(("gender", Arg::from(self.gender(&g))));
        }
        if let Some(r) = text(params, "rule") {
            out.push(("rule", Arg::from(self.rule(&r))));
        }
        if let Some(w) = text(params, "override_reason") {
            out.push(("why", Arg::from(w)));
        }
        out
    }

    fn gender(&self, code: &str) -> String {
        let key = format!("gender-{}", kebab(code));
        if miti_i18n::has_key(&key) {
            self.tr.t(&key)
        } else {
            code.to_string()
        }
    }

    /// A rule's name (`max_per_city` → "Cap per city").
    pub fn rule(&self, rule: &str) -> String {
        let key = format!("rule-{}", kebab(rule));
        if miti_i18n::has_key(&key) {
            self.tr.t(&key)
        } else {
            rule.to_string()
        }
    }

    /// What a rule problem of the proposal is: the rule, how it fails and
    /// the numbers behind it.
    pub fn violation(&self, v: &Violation) -> (String, String, String) {
        let tr = self.tr;
        let n = |key: &str| {
            v.params
                .get(key)
                .and_then(Value::as_f64)
                .map(|x| Arg::from(tr.decimal(x, 0)))
        };
        let mut parts = Vec::new();
        for name in ["city", "country"] {
            if let Some(s) = text(&v.params, name) {
                parts.push(s);
            }
        }
        if let Some(g) = text(&v.params, "gender") {
            parts.push(self.gender(&g));
        }
        let pairs: [(&str, &str, &str, &str, &str); 5] = [
            (
                "needed",
                "needed",
                "available",
                "available",
                "violation-needed-available",
            ),
            (
                "needed",
                "needed",
                "actual",
                "actual",
                "violation-needed-actual",
            ),
            (
                "limit",
                "limit",
                "actual",
                "actual",
                "violation-limit-actual",
            ),
            (
                "max_cohort",
                "max",
                "cohort_size",
                "size",
                "violation-limits-cohort",
            ),
            (
                "selected",
                "selected",
                "cohort_size",
                "size",
                "violation-selected-of",
            ),
        ];
        for (k1, a1, k2, a2, key) in pairs {
            if let (Some(x), Some(y)) = (n(k1), n(k2)) {
                parts.push(tr.ta_plain(key, &[(a1, x), (a2, y)]));
            }
        }
        parts.push(tr.ta_plain(
            "violation-short-by",
            &[("shortfall", Arg::from(tr.decimal(v.shortfall as f64, 0)))],
        ));
        let kind = {
            let key = format!("violation-kind-{}", kebab(&v.kind));
            if miti_i18n::has_key(&key) {
                tr.t(&key)
            } else {
                v.kind.clone()
            }
        };
        (self.rule(&v.rule), kind, parts.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use miti_i18n::Locale;
    use serde_json::json;

    fn params(v: Value) -> Params {
        v.as_object().unwrap().clone().into_iter().collect()
    }

    fn told(locale: Locale, code: &str, p: Value) -> String {
        let title = |id: &str| format!("Course {id}");
        Reasons {
            tr: Tr::new(locale),
            title: &title,
        }
        .explain(code, &params(p), "ENGLISH FALLBACK")
    }

    #[test]
    fn each_engine_code_has_a_message_in_every_locale() {
        let cases = [
            (
                "programme_rules_unattainable",
                json!({"programme": "7", "rule": "min_member_share", "shortfall": 2}),
            ),
            ("programme_empty", json!({"programme": "7"})),
            ("seats_taken_by_overrides", json!({"programme": "7"})),
            (
                "lower_score",
                json!({"programme": "7", "score": 71.5, "last_selected_score": 80.25}),
            ),
            ("tie_break", json!({"programme": "7", "score": 80.0})),
            (
                "score_not_positive",
                json!({"programme": "7", "score": 0.0}),
            ),
            ("better_overall", json!({"programme": "7"})),
            (
                "city_cap",
                json!({"programme": "7", "city": "Dakar", "cap": 2, "by": ["1", "2"]}),
            ),
            (
                "country_cap",
                json!({"programme": "7", "country": "SN", "cap": 3, "by": []}),
            ),
            ("member_share", json!({"programme": "7", "share": 0.6})),
            (
                "gender_share",
                json!({"programme": "7", "gender": "female", "share": 0.4}),
            ),
            ("region_rule", json!({"programme": "7", "min_regions": 3})),
            ("capacity", json!({"programme": "7", "capacity": 15})),
            (
                "override_selected",
                json!({"programme": "7", "override_reason": "host city"}),
            ),
            ("override_excluded", json!({"override_reason": "duplicate"})),
            ("not_eligible", json!({})),
            ("no_preferences", json!({})),
            ("selected", json!({"programme": "7", "rank": 1})),
            (
                "promoted",
                json!({"programme": "7", "withdrawn": "3", "promoted": "9", "from_waitlist": true}),
            ),
            ("offer_expired", json!({})),
            ("declined_by_applicant", json!({})),
        ];
        for locale in Locale::ALL {
            for (code, p) in &cases {
                let s = told(locale, code, p.clone());
                assert_ne!(s, "ENGLISH FALLBACK", "{locale:?} {code}");
                assert!(
                    !s.contains('{') && !s.contains("reason-"),
                    "{locale:?} {code}: {s}"
                );
                if p.get("programme").is_some() && *code != "score_not_positive" {
                    assert!(s.contains("Course 7"), "{locale:?} {code}: {s}");
                }
            }
        }
    }

    #[test]
    fn numbers_names_and_nested_lists_are_told_in_the_language() {
        let s = told(
            Locale::Fr,
            "lower_score",
            json!({"programme": "7", "score": 71.5, "last_selected_score": 80.25}),
        );
        assert!(s.contains("71,50") && s.contains("80,25"), "{s}");
        let s = told(
            Locale::Ar,
            "capacity",
            json!({"programme": "7", "capacity": 15}),
        );
        assert!(s.contains("١٥"), "Arabic digits: {s}");
        let s = told(
            Locale::Es,
            "gender_share",
            json!({"programme": "7", "gender": "female", "share": 0.4}),
        );
        assert!(
            s.contains(&Tr::new(Locale::Es).t("gender-female")),
            "gender named in Spanish: {s}"
        );
        assert!(s.contains("40"), "{s}");
        // Not selected anywhere: one reason per programme listed.
        let s = told(
            Locale::Fr,
            "lower_score",
            json!({"programme": "7", "per_programme": [
                {"programme": "7", "code": "lower_score", "params": {"programme": "7", "score": 50.0, "last_selected_score": 60.0}},
                {"programme": "8", "code": "city_cap", "params": {"programme": "8", "city": "Dakar", "cap": 2}}
            ]}),
        );
        assert!(
            s.contains("Course 7") && s.contains("Course 8") && s.contains("Dakar"),
            "{s}"
        );
        assert!(s.contains("; "), "{s}");
        let s = told(
            Locale::Ko,
            "waitlisted",
            json!({"programme": "7", "position": 2, "not_selected_because": [
            {"programme": "7", "code": "member_share", "params": {"programme": "7", "share": 0.6}}]}),
        );
        assert!(s.contains('2') && s.contains("60"), "{s}");
        let s = told(
            Locale::En,
            "selected",
            json!({"programme": "8", "rank": 2, "higher_choices": [
            {"programme": "7", "code": "capacity", "params": {"programme": "7", "capacity": 15}}]}),
        );
        assert!(
            s.contains("Course 8") && s.contains("Course 7") && s.contains("15"),
            "{s}"
        );
        let s = told(
            Locale::Fa,
            "not_eligible",
            json!({"gates": ["not_endorsed", "no_review"]}),
        );
        assert!(
            s.contains(&Tr::new(Locale::Fa).t("gate-not-endorsed")),
            "{s}"
        );
    }

    #[test]
    fn an_unknown_code_keeps_the_english_sentence() {
        assert_eq!(
            told(Locale::Fr, "something_new", json!({})),
            "ENGLISH FALLBACK"
        );
    }

    #[test]
    fn violations_name_the_rule_kind_and_numbers() {
        let v = Violation {
            rule: "min_member_share".into(),
            kind: "limits_cohort".into(),
            shortfall: 3,
            caused_by_override: false,
            params: params(
                json!({"programme": "7", "share": 0.6, "needed": 9, "available": 6, "cohort_size": 15, "max_cohort": 10}),
            ),
            message: String::new(),
        };
        let title = |id: &str| id.to_string();
        let r = Reasons {
            tr: Tr::new(Locale::Fr),
            title: &title,
        };
        let (rule, kind, detail) = r.violation(&v);
        assert_eq!(rule, Tr::new(Locale::Fr).t("rule-min-member-share"));
        assert_eq!(kind, Tr::new(Locale::Fr).t("violation-kind-limits-cohort"));
        assert!(
            detail.contains('9')
                && detail.contains('6')
                && detail.contains("10")
                && detail.contains("15")
                && detail.contains('3'),
            "{detail}"
        );
    }
}
