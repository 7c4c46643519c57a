//! Emails about applications, each in its recipient's language. They are
//! composed before the write they announce and queued in its transaction
//! (the store's `*_notify` methods), so a crash never keeps the change and
//! loses its email, or sends an email for a change that was rolled back.

use crate::{Services, from_store};
use chrono::Utc;
use miti_domain::account::{Role, User};
use miti_domain::application::{Application, Decision, Outcome};
use miti_domain::programme::Programme;
use miti_domain::{DomainError, UserId};
use miti_i18n::{Locale, Value, tr, tr_args_plain};
use miti_store::NewMail;

impl Services {
    /// `subject_key`/`body_key` for `user` in their language. `args` may
    /// use `{ $programme }`, which is filled with the programme's title in
    /// that language when `programme` is given, and `{ $outcome }`, given as
    /// an outcome code (`offered`…) and told in that language too.
    pub(crate) fn mail_to(
        &self,
        user: &User,
        subject_key: &str,
        body_key: &str,
        programme: Option<&Programme>,
        args: &[(&str, String)],
    ) -> NewMail {
        let locale = user
            .locale
            .as_deref()
            .and_then(Locale::parse)
            .unwrap_or(Locale::En);
        let title = programme
            .map(|p| p.input.title.get(locale.code()).to_string())
            .unwrap_or_default();
        let mut values: Vec<(&str, Value)> = vec![
            ("name", Value::from(user.display_name.as_str())),
            ("programme", Value::from(title.as_str())),
        ];
        let told: Vec<(&str, String)> = args
            .iter()
            .map(|(k, v)| match *k {
                "outcome" => (*k, tr(locale, &format!("outcome-{}", v.replace('_', "-")))),
                _ => (*k, v.clone()),
            })
            .collect();
        for (k, v) in &told {
            values.push((k, Value::from(v.as_str())));
        }
        let body = format!(
            "{}\n\n{}",
            tr_args_plain(locale, body_key, &values),
            tr(locale, "email-footer")
        );
        NewMail {
            to: user.email.clone(),
            subject: tr_args_plain(locale, subject_key, &values),
            body,
            locale: locale.code().into(),
            created_at: Utc::now(),
        }
    }

    /// [`Self::mail_to`] for a user by id (none if the account is gone).
    pub(crate) async fn mail_to_id(
        &self,
        user_id: UserId,
        subject_key: &str,
        body_key: &str,
        programme: Option<&Programme>,
        args: &[(&str, String)],
    ) -> Result<Option<NewMail>, DomainError> {
        let user = self.store.user(user_id).await.map_err(from_store)?;
        Ok(user.map(|u| self.mail_to(&u, subject_key, body_key, programme, args)))
    }

    /// The emails a decision sends: to the applicant, and to the focal
    /// points of their city. `users` is every account (one read per batch).
    pub(crate) fn decision_mails(
        &self,
        programme: &Programme,
        app: &Application,
        d: &Decision,
        users: &[User],
    ) -> Vec<NewMail> {
        let mut out = Vec::new();
        let key = match d.outcome {
            Outcome::Offered => "email-offer",
            Outcome::Waitlisted => "email-waitlisted",
            _ => "email-not-selected",
        };
        if let Some(applicant) = users.iter().find(|u| u.id == app.user_id) {
            let deadline = d
                .respond_by
                .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
                .unwrap_or_default();
            let position = d
                .waitlist_position
                .map(|p| p.to_string())
                .unwrap_or_default();
            out.push(self.mail_to(
                applicant,
                &format!("{key}-subject"),
                &format!("{key}-body"),
                Some(programme),
                &[
                    ("link", self.link(&format!("/applications/{}", app.id))),
                    ("deadline", deadline),
                    ("position", position),
                ],
            ));
        }
        let Some(profile) = app.profile.as_ref() else {
            return out;
        };
        let Some(city) = profile.city_org_id else {
            return out;
        };
        for u in users.iter().filter(|u| {
            u.roles
                .iter()
                .any(|g| g.role == Role::FocalPoint && g.org_id == city)
        }) {
            out.push(self.mail_to(
                u,
                "email-nominee-decision-subject",
                "email-nominee-decision-body",
                Some(programme),
                &[
                    ("applicant", profile.passport_name.clone()),
                    ("outcome", d.outcome.as_str().to_string()),
                    ("link", self.link("/nominations")),
                ],
            ));
        }
        out
    }

    /// A link to a page of miti, for emails.
    pub(crate) fn link(&self, path: &str) -> String {
        format!("{}{}", self.settings.public_url.trim_end_matches('/'), path)
    }
}
