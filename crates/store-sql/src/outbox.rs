//! The email outbox: mail is queued in the transaction of the write that
//! causes it, and a sender delivers it later.

use crate::rows::OutboxRow;
use crate::{Dialect, SqlStore, backend};
use chrono::{DateTime, NaiveDate, Utc};
use miti_domain::Id;
use miti_store::{NewMail, OutboxMail, StoreResult};
use sqlx::{ColumnIndex, Decode, Encode, Executor, IntoArguments, Type};

const COLUMNS: &str =
    "id, to_addr, subject, body, locale, status, attempts, last_error, created_at, sent_at";

impl<DB> SqlStore<DB>
where
    DB: Dialect,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    DB::Arguments: IntoArguments<DB>,
    usize: ColumnIndex<DB::Row>,
    for<'r> &'r str: ColumnIndex<DB::Row>,
    for<'q> i64: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> String: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> bool: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> DateTime<Utc>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> NaiveDate: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> Option<i64>: Encode<'q, DB>,
    for<'q> Option<String>: Encode<'q, DB>,
    for<'q> Option<DateTime<Utc>>: Encode<'q, DB>,
    for<'q> Option<NaiveDate>: Encode<'q, DB>,
{
    pub(crate) async fn insert_mail(conn: &mut DB::Connection, mail: NewMail) -> StoreResult<Id> {
        sqlx::query_scalar(
            "INSERT INTO outbox (to_addr, subject, body, locale, status, created_at, next_attempt_at)
             VALUES ($1, $2, $3, $4, 'pending', $5, $5) RETURNING id",
        )
        .bind(mail.to)
        .bind(mail.subject)
        .bind(mail.body)
        .bind(mail.locale)
        .bind(mail.created_at)
        .fetch_one(conn)
        .await
        .map_err(backend)
    }

    pub(crate) async fn queue_mail(&self, mail: NewMail) -> StoreResult<Id> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let id = Self::insert_mail(&mut tx, mail).await?;
        tx.commit().await.map_err(backend)?;
        Ok(id)
    }

    pub(crate) async fn mail_due(
        &self,
        now: DateTime<Utc>,
        limit: i64,
    ) -> StoreResult<Vec<OutboxMail>> {
        let rows: Vec<OutboxRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM outbox
             WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY id LIMIT $2"
        )))
        .bind(now)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    pub(crate) async fn mail_sent(&self, id: Id, at: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query(
            "UPDATE outbox SET status = 'sent', sent_at = $1, attempts = attempts + 1,
             next_attempt_at = NULL WHERE id = $2",
        )
        .bind(at)
        .bind(id)
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(())
    }

    /// Records a failed attempt; with no `retry_at` the mail is given up.
    pub(crate) async fn mail_failed(
        &self,
        id: Id,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
    ) -> StoreResult<()> {
        let status = if retry_at.is_some() {
            "pending"
        } else {
            "failed"
        };
        sqlx::query(
            "UPDATE outbox SET status = $1, last_error = $2, attempts = attempts + 1,
             next_attempt_at = $3 WHERE id = $4",
        )
        .bind(status.to_string())
        .bind(error.to_string())
        .bind(retry_at)
        .bind(id)
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(())
    }

    pub(crate) async fn list_outbox(
        &self,
        limit: i64,
        offset: i64,
    ) -> StoreResult<(Vec<OutboxMail>, i64)> {
        let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox")
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
        let rows: Vec<OutboxRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM outbox ORDER BY id DESC LIMIT $1 OFFSET $2"
        )))
        .bind(limit)
        .bind(offset)
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        Ok((rows.into_iter().map(Into::into).collect(), total))
    }
}
