//! The programme catalogue: themes and programmes with their status workflow.

use crate::rows::{localized, localized_json};
use crate::{Dialect, SqlStore, backend, conflict_on_unique};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use miti_domain::audit::{Actor, AuditEvent};
use miti_domain::programme::{Programme, ProgrammeFilter, ProgrammeInput, ProgrammeStatus, Theme};
use miti_domain::{Id, OrgId};
use miti_store::{StoreError, StoreResult};
use sqlx::{ColumnIndex, Decode, Encode, Executor, IntoArguments, Type};

const SELECT: &str = "SELECT id, status, details, cancel_reason, version, created_at, updated_at
    FROM programmes";

#[derive(sqlx::FromRow)]
struct ProgrammeRow {
    id: i64,
    status: String,
    details: String,
    cancel_reason: Option<String>,
    version: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct ThemeRow {
    slug: String,
    names: String,
}

fn into_programme(r: ProgrammeRow) -> StoreResult<Programme> {
    let input: ProgrammeInput = serde_json::from_str(&r.details)
        .map_err(|e| StoreError::Backend(format!("bad programme details: {e}")))?;
    let status = ProgrammeStatus::parse(&r.status)
        .ok_or_else(|| StoreError::Backend(format!("bad programme status {}", r.status)))?;
    Ok(Programme {
        id: r.id,
        status,
        cancel_reason: r.cancel_reason,
        version: r.version,
        input,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}

fn details_json(input: &ProgrammeInput) -> StoreResult<String> {
    serde_json::to_string(input).map_err(|e| StoreError::Backend(e.to_string()))
}

fn fk(e: sqlx::Error) -> StoreError {
    match e.as_database_error() {
        Some(d) if d.is_foreign_key_violation() => StoreError::Conflict("unknown_reference"),
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
    pub(crate) async fn all_themes(&self) -> StoreResult<Vec<Theme>> {
        let rows: Vec<ThemeRow> = sqlx::query_as("SELECT slug, names FROM themes ORDER BY slug")
            .fetch_all(&self.pool)
            .await
            .map_err(backend)?;
        rows.into_iter()
            .map(|r| {
                Ok(Theme {
                    slug: r.slug,
                    name: localized(&r.names)?,
                })
            })
            .collect()
    }

    pub(crate) async fn insert_theme(&self, actor: Actor, theme: Theme) -> StoreResult<Theme> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        sqlx::query("INSERT INTO themes (slug, names, created_at) VALUES ($1, $2, $3)")
            .bind(theme.slug.clone())
            .bind(localized_json(&theme.name))
            .bind(Utc::now())
            .execute(&mut *tx)
            .await
            .map_err(conflict_on_unique("slug_taken"))?;
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("theme.create", "theme", None)
                .with_details(format!("{{\"slug\":{:?}}}", theme.slug)),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(theme)
    }

    async fn write_themes(conn: &mut DB::Connection, id: Id, themes: &[String]) -> StoreResult<()> {
        sqlx::query("DELETE FROM programme_themes WHERE programme_id = $1")
            .bind(id)
            .execute(&mut *conn)
            .await
            .map_err(backend)?;
        for t in themes {
            sqlx::query("INSERT INTO programme_themes (programme_id, theme_slug) VALUES ($1, $2)")
                .bind(id)
                .bind(t.clone())
                .execute(&mut *conn)
                .await
                .map_err(|e| match e.as_database_error() {
                    Some(d) if d.is_foreign_key_violation() => {
                        StoreError::Conflict("unknown_theme")
                    }
                    _ => backend(e),
                })?;
        }
        Ok(())
    }

    pub(crate) async fn insert_programme(
        &self,
        actor: Actor,
        input: ProgrammeInput,
    ) -> StoreResult<Programme> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let now = Utc::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO programmes (host_org_id, status, year, arrival, departure, details,
                 cancel_reason, version, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, NULL, 1, $7, $7) RETURNING id",
        )
        .bind(input.host_org_id)
        .bind(ProgrammeStatus::Draft.as_str().to_string())
        .bind(i64::from(input.arrival.year()))
        .bind(input.arrival)
        .bind(input.departure)
        .bind(details_json(&input)?)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(fk)?;
        Self::write_themes(&mut tx, id, &input.themes).await?;
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("programme.create", "programme", Some(id))
                .with_details(format!("{{\"host\":{}}}", input.host_org_id)),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        self.programme_by_id(id).await?.ok_or(StoreError::NotFound)
    }

    pub(crate) async fn edit_programme(
        &self,
        actor: Actor,
        id: Id,
        base_version: i64,
        input: ProgrammeInput,
    ) -> StoreResult<Programme> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let r = sqlx::query(
            "UPDATE programmes SET host_org_id = $1, year = $2, arrival = $3, departure = $4,
                 details = $5, version = version + 1, updated_at = $6
             WHERE id = $7 AND version = $8",
        )
        .bind(input.host_org_id)
        .bind(i64::from(input.arrival.year()))
        .bind(input.arrival)
        .bind(input.departure)
        .bind(details_json(&input)?)
        .bind(Utc::now())
        .bind(id)
        .bind(base_version)
        .execute(&mut *tx)
        .await
        .map_err(fk)?;
        if DB::rows_affected(&r) == 0 {
            let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM programmes WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(backend)?;
            return Err(match exists {
                Some(_) => StoreError::Conflict("stale_version"),
                None => StoreError::NotFound,
            });
        }
        Self::write_themes(&mut tx, id, &input.themes).await?;
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("programme.update", "programme", Some(id)),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        self.programme_by_id(id).await?.ok_or(StoreError::NotFound)
    }

    pub(crate) async fn move_programme(
        &self,
        actor: Actor,
        id: Id,
        from: ProgrammeStatus,
        to: ProgrammeStatus,
        reason: Option<String>,
    ) -> StoreResult<Programme> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let r = sqlx::query(
            "UPDATE programmes SET status = $1, cancel_reason = $2, version = version + 1,
                 updated_at = $3
             WHERE id = $4 AND status = $5",
        )
        .bind(to.as_str().to_string())
        .bind(reason.clone())
        .bind(Utc::now())
        .bind(id)
        .bind(from.as_str().to_string())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        if DB::rows_affected(&r) == 0 {
            return Err(StoreError::Conflict("stale_status"));
        }
        let details =
            serde_json::json!({"from": from.as_str(), "to": to.as_str(), "reason": reason});
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("programme.status", "programme", Some(id))
                .with_details(details.to_string()),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        self.programme_by_id(id).await?.ok_or(StoreError::NotFound)
    }

    pub(crate) async fn programme_by_id(&self, id: Id) -> StoreResult<Option<Programme>> {
        let row: Option<ProgrammeRow> =
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = $1")))
                .bind(id)
                .fetch_optional(&self.pool)
                .await
                .map_err(backend)?;
        row.map(into_programme).transpose()
    }

    pub(crate) async fn stamp_programmes(&self) -> StoreResult<(i64, i64)> {
        // PostgreSQL sums BIGINTs as NUMERIC: cast back.
        let (count, versions): (i64, Option<i64>) =
            sqlx::query_as("SELECT COUNT(*), CAST(SUM(version) AS BIGINT) FROM programmes")
                .fetch_one(&self.pool)
                .await
                .map_err(backend)?;
        Ok((count, versions.unwrap_or(0)))
    }

    pub(crate) async fn list_programmes(&self, f: &ProgrammeFilter) -> StoreResult<Vec<Programme>> {
        let host: Option<OrgId> = f.host_org_id;
        let year: Option<i64> = f.year.map(i64::from);
        let rows: Vec<ProgrammeRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SELECT} WHERE ($1 IS NULL OR host_org_id = $1) AND ($2 IS NULL OR year = $2)
             ORDER BY arrival, id"
        )))
        .bind(host)
        .bind(year)
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        rows.into_iter().map(into_programme).collect()
    }
}
