//! What every page template shares: the layout's data and form errors.

use crate::context::Req;
use miti_domain::account::User;
use miti_domain::policy::{self, Action};
use miti_domain::{FieldError, FieldErrors};
use miti_i18n::{Locale, Tr, Value};

/// The layout's data, first field of every page template.
#[derive(Clone)]
pub struct Page {
    pub tr: Tr,
    pub user: Option<User>,
    pub csrf: String,
    pub title: String,
    pub path: String,
    /// A confirmation to show once (from `?done=`), already translated.
    pub notice: Option<String>,
}

/// `?done=` values that show a confirmation, and their message keys.
const NOTICES: &[(&str, &str)] = &[
    ("org-created", "org-created"),
    ("org-updated", "org-updated"),
    ("saved", "account-saved"),
    ("token-revoked", "token-revoked"),
    ("logged-out", "logout-done"),
    ("reset-sent", "reset-request-sent"),
    ("reset-done", "reset-done"),
    ("user-invited", "user-invited"),
    ("signup-sent", "signup-sent"),
    ("draft-saved", "application-draft-saved"),
    ("application-submitted", "application-submitted"),
    ("document-uploaded", "application-document-uploaded"),
    ("application-withdrawn", "application-withdrawn"),
    ("offer-confirmed", "application-offer-confirmed"),
    ("offer-declined", "application-offer-declined"),
    ("logistics-saved", "application-logistics-saved"),
    ("nomination-saved", "nomination-saved"),
    ("review-saved", "review-saved"),
    ("reviewer-assigned", "review-assigned"),
    ("interview-saved", "interview-saved"),
    ("override-saved", "override-saved"),
    ("vetting-saved", "vetting-saved"),
    ("rules-saved", "rules-saved"),
    ("selection-run", "selection-run-done"),
    ("selection-confirmed", "selection-confirmed-done"),
    ("offers-expired", "selection-expired-done"),
    ("sdg-alignment-saved", "sdg-alignment-saved"),
];

impl Page {
    pub fn new(req: &Req, title_key: &str) -> Self {
        Self::titled(req, req.tr.t(title_key))
    }

    pub fn titled(req: &Req, title: String) -> Self {
        let done = req
            .path
            .split_once('?')
            .and_then(|(_, q)| q.split('&').find_map(|kv| kv.strip_prefix("done=")));
        let notice = done
            .and_then(|d| NOTICES.iter().find(|(k, _)| *k == d))
            .map(|(_, key)| req.tr.t(key));
        Self {
            tr: req.tr,
            user: req.ctx.user.clone(),
            csrf: req.csrf.clone(),
            title,
            path: req.path.clone(),
            notice,
        }
    }

    /// Whether the viewer may attempt `action` (to show or hide links).
    pub fn can(&self, action: Action) -> bool {
        policy::may_attempt(self.user.as_ref(), action)
    }

    pub fn locales(&self) -> &'static [Locale] {
        &Locale::ALL
    }

    /// The current page in another language.
    pub fn lang_url(&self, l: &Locale) -> String {
        let (path, query) = self.path.split_once('?').unwrap_or((&self.path, ""));
        let mut q: Vec<&str> = query
            .split('&')
            .filter(|kv| !kv.is_empty() && !kv.starts_with("lang=") && !kv.starts_with("done="))
            .collect();
        let lang = format!("lang={}", l.code());
        q.push(&lang);
        format!("{path}?{}", q.join("&"))
    }

    pub fn is_current(&self, prefix: &str) -> bool {
        let path = self.path.split('?').next().unwrap_or("");
        if prefix == "/" {
            path == "/"
        } else {
            path.starts_with(prefix)
        }
    }
}

/// Form errors with their messages in the viewer's language.
#[derive(Clone, Default)]
pub struct Errors(pub FieldErrors);

impl Errors {
    pub fn msg(&self, tr: &Tr, field: &str) -> Option<String> {
        self.0.get(field).map(|e| field_message(tr, e))
    }
    pub fn has(&self, field: &str) -> bool {
        self.0.get(field).is_some()
    }
    pub fn any(&self) -> bool {
        !self.0.is_empty()
    }
}

/// The message for one field error: `field-<code>` in kebab-case, or the
/// code's own key (`password-too-short`), else the generic one.
pub fn field_message(tr: &Tr, e: &FieldError) -> String {
    let kebab = e.code.replace('_', "-");
    let args: Vec<(&str, Value)> = e
        .params
        .iter()
        .map(|(k, v)| match v.parse::<i64>() {
            Ok(n) => (*k, Value::from(n)),
            Err(_) => (*k, Value::from(v.as_str())),
        })
        .collect();
    for key in [format!("field-{kebab}"), kebab] {
        if miti_i18n::has_key(&key) {
            return tr.ta(&key, &args);
        }
    }
    tr.t("error-validation")
}

#[cfg(test)]
mod tests {
    use super::*;
    use miti_domain::FieldErrors;

    /// Every field error code the domain and services produce.
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
        "password_too_short",
        "password_too_common",
        "password_mismatch",
        "login_failed",
        "email_taken",
        "slug_taken",
        "membership_overlap",
        "mou_needs_two_parties",
        "lifecycle_not_a_centre",
        "lifecycle_invalid_transition",
        "file_too_large",
        "upload_malformed",
        "file_type",
        "unknown_organisation",
        "host_not_a_centre",
        "programme_transition_refused",
        "programme_endorse_admin_only",
        "cancel_reason_required",
        "stale_version",
        "out_of_range",
        "invalid_number",
        "invalid_language",
        "invalid_currency",
        "call_not_open",
        "call_closed",
        "too_short",
        "duplicate_key",
        "range_order",
        "invalid_condition",
        "time_does_not_exist",
        "invalid_document_line",
        "invalid_questions",
        "plan_step_refused",
        "latin_letters_only",
        "unknown_city",
        "invalid_time",
        "outside_programme",
        "invalid_datetime",
        "nonexistent_local_time",
        "invalid_rubric_line",
        "rank_taken",
        "already_assigned",
        "too_many",
        "sdg_unknown_target",
        "sdg_target_not_in_goal",
        "sdg_unknown_indicator",
        "sdg_indicator_not_in_target",
        "control_character",
    ];

    #[test]
    fn every_field_error_has_its_own_message_in_every_locale() {
        for l in Locale::ALL {
            let tr = Tr::new(l);
            let generic = tr.t("error-validation");
            for code in CODES {
                let mut e = FieldErrors::new();
                e.add_with(
                    "f",
                    code,
                    &[
                        ("max", "10".into()),
                        ("min", "12".into()),
                        ("from", "active".into()),
                        ("to", "candidate".into()),
                        ("goal", "7".into()),
                        ("target", "6.3".into()),
                        ("indicator", "6.1.1".into()),
                    ],
                );
                let msg = field_message(&tr, &e.0[0]);
                assert_ne!(msg, generic, "{} {code}", l.code());
                assert!(!msg.is_empty());
            }
        }
    }

    #[test]
    fn language_links_keep_the_query_but_replace_lang() {
        let p = Page {
            tr: Tr::new(Locale::En),
            user: None,
            csrf: String::new(),
            title: String::new(),
            path: "/organisations?q=cai&lang=fr&done=saved".into(),
            notice: None,
        };
        assert_eq!(p.lang_url(&Locale::Ar), "/organisations?q=cai&lang=ar");
    }
}
