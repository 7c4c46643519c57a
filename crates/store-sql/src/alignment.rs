//! SDG alignment of programmes: one JSON document per programme with an
//! optimistic-locking version, and the suggestions each programme dismissed.

use crate::{Dialect, SqlStore, backend};
use chrono::{DateTime, NaiveDate, Utc};
use miti_domain::Id;
use miti_domain::alignment::{Alignment, AlignmentInput};
use miti_domain::audit::{Actor, AuditEvent};
use miti_store::{StoreError, StoreResult};
use sqlx::{ColumnIndex, Decode, Encode, Executor, IntoArguments, Type};

const SELECT: &str = "SELECT a.programme_id, a.details, a.version, a.updated_at
    FROM sdg_alignments a";

#[derive(sqlx::FromRow)]
struct AlignmentRow {
    programme_id: i64,
    details: String,
    version: i64,
    updated_at: DateTime<Utc>,
}

fn into_alignment(r: AlignmentRow) -> StoreResult<Alignment> {
    let input: AlignmentInput = serde_json::from_str(&r.details)
        .map_err(|e| StoreError::Backend(format!("bad alignment details: {e}")))?;
    Ok(Alignment {
        programme_id: r.programme_id,
        version: r.version,
        input,
        updated_at: r.updated_at,
    })
}

/// A write naming a programme that does not exist answers "not found".
fn missing_programme(e: sqlx::Error) -> StoreError {
    match e.as_database_error() {
        Some(d) if d.is_foreign_key_violation() => StoreError::NotFound,
        Some(d) if d.is_unique_violation() => StoreError::Conflict("stale_version"),
        _ => backend(e),
    }
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
    pub(crate) async fn alignment_of(&self, programme_id: Id) -> StoreResult<Option<Alignment>> {
        let row: Option<AlignmentRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SELECT} WHERE a.programme_id = $1"
        )))
        .bind(programme_id)
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        row.map(into_alignment).transpose()
    }

    pub(crate) async fn alignments_of_year(&self, year: i32) -> StoreResult<Vec<Alignment>> {
        let rows: Vec<AlignmentRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SELECT} JOIN programmes p ON p.id = a.programme_id WHERE p.year = $1
             ORDER BY a.programme_id"
        )))
        .bind(i64::from(year))
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        rows.into_iter().map(into_alignment).collect()
    }

    pub(crate) async fn write_alignment(
        &self,
        actor: Actor,
        programme_id: Id,
        base_version: i64,
        input: AlignmentInput,
    ) -> StoreResult<Alignment> {
        let details =
            serde_json::to_string(&input).map_err(|e| StoreError::Backend(e.to_string()))?;
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let now = Utc::now();
        if base_version == 0 {
            sqlx::query(
                "INSERT INTO sdg_alignments (programme_id, details, version, updated_at)
                 VALUES ($1, $2, 1, $3)",
            )
            .bind(programme_id)
            .bind(details)
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(missing_programme)?;
        } else {
            let r = sqlx::query(
                "UPDATE sdg_alignments SET details = $1, version = version + 1, updated_at = $2
                 WHERE programme_id = $3 AND version = $4",
            )
            .bind(details)
            .bind(now)
            .bind(programme_id)
            .bind(base_version)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
            if DB::rows_affected(&r) == 0 {
                let exists: Option<i64> =
                    sqlx::query_scalar("SELECT id FROM programmes WHERE id = $1")
                        .bind(programme_id)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(backend)?;
                return Err(match exists {
                    Some(_) => StoreError::Conflict("stale_version"),
                    None => StoreError::NotFound,
                });
            }
        }
        let summary = serde_json::json!({
            "from_version": base_version,
            "rows": input.rows.len(),
            "stakeholders": input.stakeholders.len(),
            "goals": input.goals(),
        });
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("sdg_alignment.save", "programme", Some(programme_id))
                .with_details(summary.to_string()),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        self.alignment_of(programme_id)
            .await?
            .ok_or(StoreError::NotFound)
    }

    pub(crate) async fn dismissed_goals(&self, programme_id: Id) -> StoreResult<Vec<u8>> {
        let goals: Vec<i64> = sqlx::query_scalar(
            "SELECT goal FROM sdg_dismissed_suggestions WHERE programme_id = $1 ORDER BY goal",
        )
        .bind(programme_id)
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        goals
            .into_iter()
            .map(|g| u8::try_from(g).map_err(|_| StoreError::Backend(format!("bad goal {g}"))))
            .collect()
    }

    pub(crate) async fn mark_suggestion(
        &self,
        actor: Actor,
        programme_id: Id,
        goal: u8,
        dismissed: bool,
    ) -> StoreResult<()> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let q = if dismissed {
            sqlx::query(
                "INSERT INTO sdg_dismissed_suggestions (programme_id, goal, dismissed_at)
                 VALUES ($1, $2, $3) ON CONFLICT (programme_id, goal) DO NOTHING",
            )
            .bind(programme_id)
            .bind(i64::from(goal))
            .bind(Utc::now())
        } else {
            sqlx::query(
                "DELETE FROM sdg_dismissed_suggestions WHERE programme_id = $1 AND goal = $2",
            )
            .bind(programme_id)
            .bind(i64::from(goal))
        };
        q.execute(&mut *tx).await.map_err(missing_programme)?;
        let action = if dismissed {
            "sdg_suggestion.dismiss"
        } else {
            "sdg_suggestion.restore"
        };
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new(action, "programme", Some(programme_id))
                .with_details(format!("{{\"goal\":{goal}}}")),
        )
        .await?;
        tx.commit().await.map_err(backend)
    }
}
