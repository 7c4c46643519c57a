//! Sessions and login attempts.

use crate::accounts::{USER_GRANT_COLUMNS, UserGrantRow, user_with_grants};
use crate::{Dialect, SqlStore, backend};
use chrono::{DateTime, NaiveDate, Utc};
use miti_domain::account::User;
use miti_domain::audit::{Actor, AuditEvent};
use miti_store::{LoginAttempt, NewSession, SessionRecord, StoreResult};
use sqlx::{ColumnIndex, Decode, Encode, Executor, IntoArguments, Type};

/// A session joined with its user and one of the user's grants.
#[derive(sqlx::FromRow)]
struct SessionUserRow {
    session_created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    #[sqlx(flatten)]
    user: UserGrantRow,
}

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
    pub(crate) async fn insert_session(
        &self,
        actor: Actor,
        new: NewSession,
        replaces: Option<String>,
    ) -> StoreResult<()> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        if let Some(old) = replaces {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                .bind(old)
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
        }
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, address)
             VALUES ($1, $2, $3, $3, $4, $5)",
        )
        .bind(new.token_hash)
        .bind(new.user_id)
        .bind(new.created_at)
        .bind(new.expires_at)
        .bind(new.address.clone())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("session.login", "user", Some(new.user_id))
                .with_details(format!("{{\"address\":{:?}}}", new.address)),
        )
        .await?;
        tx.commit().await.map_err(backend)
    }

    /// The live session and its user with their grants, in one query: it
    /// runs on every signed-in request.
    pub(crate) async fn live_session(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
        idle: chrono::Duration,
    ) -> StoreResult<Option<(SessionRecord, User)>> {
        let rows: Vec<SessionUserRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT s.created_at AS session_created_at, s.last_seen_at, s.expires_at,
                    {USER_GRANT_COLUMNS}
             FROM sessions s JOIN users u ON u.id = s.user_id
             LEFT JOIN role_grants g ON g.user_id = u.id
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3
             ORDER BY g.role, g.org_id"
        )))
        .bind(token_hash.to_string())
        .bind(now)
        .bind(now - idle)
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        let session = SessionRecord {
            user_id: first.user.user_id(),
            created_at: first.session_created_at,
            last_seen_at: first.last_seen_at,
            expires_at: first.expires_at,
        };
        let user = user_with_grants(rows.into_iter().map(|r| r.user).collect())?;
        Ok(user.map(|(user, _)| (session, user)))
    }

    pub(crate) async fn touch(&self, token_hash: &str, now: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
            .bind(now)
            .bind(token_hash.to_string())
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }

    pub(crate) async fn delete_session(&self, actor: Actor, token_hash: &str) -> StoreResult<()> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let done = sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash.to_string())
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        if DB::rows_affected(&done) > 0 {
            Self::write_audit(
                &mut tx,
                actor,
                AuditEvent::new("session.logout", "user", actor.user_id),
            )
            .await?;
        }
        tx.commit().await.map_err(backend)
    }

    pub(crate) async fn insert_login_attempt(&self, a: LoginAttempt) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO login_attempts (email, address, at, success) VALUES ($1, $2, $3, $4)",
        )
        .bind(a.email)
        .bind(a.address)
        .bind(a.at)
        .bind(a.success)
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(())
    }

    pub(crate) async fn count_failures(
        &self,
        email: &str,
        address: &str,
        since: DateTime<Utc>,
    ) -> StoreResult<(i64, i64)> {
        let by_email: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM login_attempts WHERE email = $1 AND at >= $2 AND success = $3",
        )
        .bind(email.to_string())
        .bind(since)
        .bind(false)
        .fetch_one(&self.pool)
        .await
        .map_err(backend)?;
        let by_address: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM login_attempts WHERE address = $1 AND at >= $2 AND success = $3",
        )
        .bind(address.to_string())
        .bind(since)
        .bind(false)
        .fetch_one(&self.pool)
        .await
        .map_err(backend)?;
        Ok((by_email, by_address))
    }
}
