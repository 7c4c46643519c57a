//! Emails about applications, each in its recipient's language.

use crate::{Services, from_store};
use chrono::Utc;
use miti_domain::{DomainError, UserId};
use miti_i18n::{Locale, Value, tr, tr_args_plain};
use miti_store::NewMail;

impl Services {
    /// Queues `subject_key`/`body_key` for `user_id` in their language.
    /// `args` may use `{ $programme }`, which is filled with the
    /// programme's title in that language when `programme` is given, and
    /// `{ $outcome }`, given as an outcome code (`offered`…) and told in
    /// that language too.
    pub(crate) async fn notify_user(
        &self,
        user_id: UserId,
        subject_key: &str,
        body_key: &str,
        programme: Option<&miti_domain::programme::Programme>,
        args: &[(&str, String)],
    ) -> Result<(), DomainError> {
        let Some(user) = self.store.user(user_id).await.map_err(from_store)? else {
            return Ok(());
        };
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
        self.store
            .enqueue_mail(NewMail {
                to: user.email.clone(),
                subject: tr_args_plain(locale, subject_key, &values),
                body,
                locale: locale.code().into(),
                created_at: Utc::now(),
            })
            .await
            .map_err(from_store)?;
        Ok(())
    }

    /// A link to a page of miti, for emails.
    pub(crate) fn link(&self, path: &str) -> String {
        format!("{}{}", self.settings.public_url.trim_end_matches('/'), path)
    }
}
