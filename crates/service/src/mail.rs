//! Delivers the outbox over SMTP. Mail is written to the outbox by the write
//! that causes it; this sender only reads it, so a crash or an SMTP outage
//! loses nothing: undelivered mail is retried with backoff.

use crate::Services;
use chrono::Utc;
use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use miti_store::OutboxMail;
use std::time::Duration;

/// Attempts before a mail is marked failed; the delay doubles each time.
const MAX_ATTEMPTS: i64 = 8;

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// `url` as lettre reads it: `smtp://host:port` (plain), `smtp://host?tls=required`
    /// (STARTTLS), `smtps://user:pass@host` (implicit TLS).
    pub fn new(url: &str, from: &str) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("bad SMTP URL: {e}"))?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from = from
            .parse()
            .map_err(|e| format!("bad sender address {from:?}: {e}"))?;
        Ok(Self { transport, from })
    }

    async fn send(&self, m: &OutboxMail) -> Result<(), String> {
        let to: Mailbox = m.to.parse().map_err(|e| format!("bad recipient: {e}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(m.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(m.body.clone())
            .map_err(|e| e.to_string())?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

impl Services {
    /// Sends what is due once; returns how many were delivered.
    pub async fn deliver_due_mail(&self, mailer: &Mailer) -> Result<usize, String> {
        let now = Utc::now();
        let due = self
            .store
            .due_mail(now, 50)
            .await
            .map_err(|e| e.to_string())?;
        let mut sent = 0;
        for m in due {
            match mailer.send(&m).await {
                Ok(()) => {
                    self.store
                        .mark_mail_sent(m.id, Utc::now())
                        .await
                        .map_err(|e| e.to_string())?;
                    sent += 1;
                }
                Err(err) => {
                    let attempts = m.attempts + 1;
                    let retry = (attempts < MAX_ATTEMPTS)
                        .then(|| now + chrono::Duration::seconds(30 * (1 << attempts.min(10))));
                    tracing::warn!(mail = m.id, attempts, %err, "mail delivery failed");
                    self.store
                        .mark_mail_failed(m.id, &err, retry)
                        .await
                        .map_err(|e| e.to_string())?;
                }
            }
        }
        Ok(sent)
    }

    /// Runs the sender until the process ends, polling every `every`.
    pub async fn run_mailer(self, mailer: Mailer, every: Duration) {
        loop {
            if let Err(e) = self.deliver_due_mail(&mailer).await {
                tracing::error!(error = %e, "outbox sender");
            }
            tokio::time::sleep(every).await;
        }
    }
}
