//! The audit trail: written inside every write's transaction.

use crate::rows::AuditRow;
use crate::{Dialect, SqlStore, backend};
use chrono::{DateTime, NaiveDate, Utc};
use miti_domain::audit::{Actor, AuditEntry, AuditEvent, AuditFilter};
use miti_store::StoreResult;
use sqlx::{ColumnIndex, Decode, Encode, Executor, IntoArguments, Type};

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
    /// Writes one audit row on `conn`, which is inside the write's transaction.
    pub(crate) async fn write_audit(
        conn: &mut DB::Connection,
        actor: Actor,
        ev: AuditEvent,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO audit_log (at, actor_user_id, actor_org_id, action, target_kind, target_id, details)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(Utc::now())
        .bind(actor.user_id)
        .bind(actor.org_id)
        .bind(ev.action)
        .bind(ev.target_kind)
        .bind(ev.target_id)
        .bind(ev.details)
        .execute(conn)
        .await
        .map_err(backend)?;
        Ok(())
    }

    pub(crate) async fn audit_only(&self, actor: Actor, ev: AuditEvent) -> StoreResult<()> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        Self::write_audit(&mut tx, actor, ev).await?;
        tx.commit().await.map_err(backend)
    }

    pub(crate) async fn list_audit(
        &self,
        f: &AuditFilter,
        limit: i64,
        offset: i64,
    ) -> StoreResult<(Vec<AuditEntry>, i64)> {
        // One fixed statement with optional filters keeps the SQL static.
        const WHERE: &str = " FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
            WHERE ($1 IS NULL OR u.email = $1)
              AND ($2 IS NULL OR a.actor_org_id = $2)
              AND ($3 IS NULL OR a.action LIKE $3)
              AND ($4 IS NULL OR a.target_kind = $4)
              AND ($5 IS NULL OR a.at >= $5)
              AND ($6 IS NULL OR a.at < $6)";
        let action = f.action.as_ref().map(|a| format!("{a}%"));
        let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*){WHERE}")))
            .bind(f.actor_email.clone())
            .bind(f.org_id)
            .bind(action.clone())
            .bind(f.target_kind.clone())
            .bind(f.since)
            .bind(f.until)
            .fetch_one(&self.pool)
            .await
            .map_err(backend)?;
        let rows: Vec<AuditRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT a.id, a.at, a.actor_user_id, u.email AS actor_email, a.actor_org_id, a.action,
                    a.target_kind, a.target_id, a.details{WHERE}
             ORDER BY a.id DESC LIMIT $7 OFFSET $8"
        )))
        .bind(f.actor_email.clone())
        .bind(f.org_id)
        .bind(action)
        .bind(f.target_kind.clone())
        .bind(f.since)
        .bind(f.until)
        .bind(limit)
        .bind(offset)
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        Ok((rows.into_iter().map(Into::into).collect(), total))
    }
}
