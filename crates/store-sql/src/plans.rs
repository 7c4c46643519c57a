//! Annual plans and their history.

use crate::{Dialect, SqlStore, backend};
use chrono::{DateTime, NaiveDate, Utc};
use miti_domain::audit::{Actor, AuditEvent};
use miti_domain::plan::{AnnualPlan, PlanEvent, PlanEventKind, PlanStatus};
use miti_domain::{Id, OrgId};
use miti_store::{StoreError, StoreResult};
use sqlx::{ColumnIndex, Decode, Encode, Executor, IntoArguments, Type};

#[derive(sqlx::FromRow)]
struct PlanRow {
    id: i64,
    centre_org_id: i64,
    year: i64,
    status: String,
    submitted_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct EventRow {
    at: DateTime<Utc>,
    user_id: Option<i64>,
    kind: String,
    comment: String,
}

fn bad(what: &str) -> StoreError {
    StoreError::Backend(format!("bad plan {what}"))
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
    async fn plan_from(&self, r: PlanRow) -> StoreResult<AnnualPlan> {
        let events: Vec<EventRow> = sqlx::query_as(
            "SELECT at, user_id, kind, comment FROM annual_plan_events WHERE plan_id = $1 ORDER BY id",
        )
        .bind(r.id)
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        Ok(AnnualPlan {
            id: r.id,
            centre_org_id: r.centre_org_id,
            year: i32::try_from(r.year).map_err(|_| bad("year"))?,
            status: PlanStatus::parse(&r.status).ok_or_else(|| bad("status"))?,
            submitted_at: r.submitted_at,
            events: events
                .into_iter()
                .map(|e| {
                    Ok(PlanEvent {
                        at: e.at,
                        user_id: e.user_id,
                        kind: PlanEventKind::parse(&e.kind).ok_or_else(|| bad("event"))?,
                        comment: e.comment,
                    })
                })
                .collect::<StoreResult<Vec<_>>>()?,
        })
    }

    pub(crate) async fn plan_by_id(&self, id: Id) -> StoreResult<Option<AnnualPlan>> {
        let row: Option<PlanRow> = sqlx::query_as(
            "SELECT id, centre_org_id, year, status, submitted_at FROM annual_plans WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        match row {
            Some(r) => self.plan_from(r).await.map(Some),
            None => Ok(None),
        }
    }

    pub(crate) async fn list_plans(&self, year: Option<i32>) -> StoreResult<Vec<AnnualPlan>> {
        let rows: Vec<PlanRow> = sqlx::query_as(
            "SELECT id, centre_org_id, year, status, submitted_at FROM annual_plans
             WHERE ($1 IS NULL OR year = $1) ORDER BY year DESC, id",
        )
        .bind(year.map(i64::from))
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        let mut out = vec![];
        for r in rows {
            out.push(self.plan_from(r).await?);
        }
        Ok(out)
    }

    /// Records one step of a plan: a (re)submission creates or reopens the
    /// plan; other steps move it from `from` (`Conflict("stale_status")`
    /// otherwise). Endorsement also endorses the centre's planned programmes
    /// of that year, each with its audit row.
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn record_plan_step(
        &self,
        actor: Actor,
        centre: OrgId,
        year: i32,
        from: Option<PlanStatus>,
        to: PlanStatus,
        kind: PlanEventKind,
        comment: String,
    ) -> StoreResult<AnnualPlan> {
        let now = Utc::now();
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let id: i64 = match from {
            None => sqlx::query_scalar(
                "INSERT INTO annual_plans (centre_org_id, year, status, submitted_at)
                 VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(centre)
            .bind(i64::from(year))
            .bind(to.as_str().to_string())
            .bind(now)
            .fetch_one(&mut *tx)
            .await
            .map_err(crate::conflict_on_unique("stale_status"))?,
            Some(from) => {
                let submitted = kind == PlanEventKind::Submitted;
                let id: Option<i64> = sqlx::query_scalar(
                    "UPDATE annual_plans SET status = $1,
                         submitted_at = CASE WHEN $2 THEN $3 ELSE submitted_at END
                     WHERE centre_org_id = $4 AND year = $5 AND status = $6 RETURNING id",
                )
                .bind(to.as_str().to_string())
                .bind(submitted)
                .bind(now)
                .bind(centre)
                .bind(i64::from(year))
                .bind(from.as_str().to_string())
                .fetch_optional(&mut *tx)
                .await
                .map_err(backend)?;
                id.ok_or(StoreError::Conflict("stale_status"))?
            }
        };
        sqlx::query(
            "INSERT INTO annual_plan_events (plan_id, at, user_id, kind, comment)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(now)
        .bind(actor.user_id)
        .bind(kind.as_str().to_string())
        .bind(comment)
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        if kind == PlanEventKind::Endorsed {
            let ids: Vec<i64> = sqlx::query_scalar(
                "UPDATE programmes SET status = 'endorsed', version = version + 1, updated_at = $1
                 WHERE host_org_id = $2 AND year = $3 AND status = 'planned' RETURNING id",
            )
            .bind(now)
            .bind(centre)
            .bind(i64::from(year))
            .fetch_all(&mut *tx)
            .await
            .map_err(backend)?;
            for pid in ids {
                Self::write_audit(
                    &mut tx,
                    actor,
                    AuditEvent::new("programme.status", "programme", Some(pid)).with_details(
                        format!("{{\"from\":\"planned\",\"to\":\"endorsed\",\"plan\":{id}}}"),
                    ),
                )
                .await?;
            }
        }
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new(&format!("plan.{}", kind.as_str()), "plan", Some(id)),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        self.plan_by_id(id).await?.ok_or(StoreError::NotFound)
    }
}
