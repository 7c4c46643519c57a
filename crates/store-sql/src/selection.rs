//! Call rules, selection runs and overrides, the cohort's decisions and its
//! seats.

use crate::applications::{from_json, to_json};
use crate::{Dialect, SqlStore, backend};
use chrono::{DateTime, NaiveDate, Utc};
use miti_domain::Id;
use miti_domain::application::{
    Application, CallRules, Decision, Outcome, SelectionOverride, SelectionRun,
};
use miti_domain::audit::{Actor, AuditEvent};
use miti_store::{NewMail, StoreError, StoreResult};
use sqlx::{ColumnIndex, Decode, Encode, Executor, IntoArguments, Type};

#[derive(sqlx::FromRow)]
struct RunRow {
    id: i64,
    programme_id: i64,
    input: String,
    output: String,
    created_by: Option<i64>,
    created_at: DateTime<Utc>,
    confirmed_at: Option<DateTime<Utc>>,
}

/// application_id, include, reason, by_user, at.
type OverrideRow = (i64, bool, String, Option<i64>, DateTime<Utc>);

impl From<RunRow> for SelectionRun {
    fn from(r: RunRow) -> Self {
        SelectionRun {
            id: r.id,
            programme_id: r.programme_id,
            input: r.input,
            output: r.output,
            created_by: r.created_by,
            created_at: r.created_at,
            confirmed_at: r.confirmed_at,
        }
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
    for<'q> Option<bool>: Encode<'q, DB>,
    for<'q> Option<DateTime<Utc>>: Encode<'q, DB>,
    for<'q> Option<NaiveDate>: Encode<'q, DB>,
{
    pub(crate) async fn rules_of(&self, programme_id: Id) -> StoreResult<Option<CallRules>> {
        let row: Option<(String, i64)> =
            sqlx::query_as("SELECT rules, version FROM call_rules WHERE programme_id = $1")
                .bind(programme_id)
                .fetch_optional(&self.pool)
                .await
                .map_err(backend)?;
        row.map(|(rules, version)| {
            let mut r: CallRules = from_json("call rules", &rules)?;
            r.version = version;
            Ok(r)
        })
        .transpose()
    }

    pub(crate) async fn put_rules(&self, actor: Actor, rules: CallRules) -> StoreResult<CallRules> {
        let now = Utc::now();
        let json = to_json(&rules)?;
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let written = if rules.version == 0 {
            sqlx::query(
                "INSERT INTO call_rules (programme_id, rules, version, updated_at)
                 VALUES ($1, $2, 1, $3) ON CONFLICT (programme_id) DO NOTHING",
            )
            .bind(rules.programme_id)
            .bind(json)
            .bind(now)
            .execute(&mut *tx)
            .await
        } else {
            sqlx::query(
                "UPDATE call_rules SET rules = $2, version = version + 1, updated_at = $3
                 WHERE programme_id = $1 AND version = $4",
            )
            .bind(rules.programme_id)
            .bind(json)
            .bind(now)
            .bind(rules.version)
            .execute(&mut *tx)
            .await
        }
        .map_err(|e| match e.as_database_error() {
            Some(d) if d.is_foreign_key_violation() => StoreError::NotFound,
            _ => backend(e),
        })?;
        if DB::rows_affected(&written) == 0 {
            return Err(StoreError::Conflict("stale_version"));
        }
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("call.rules", "programme", Some(rules.programme_id)),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        self.rules_of(rules.programme_id)
            .await?
            .ok_or(StoreError::NotFound)
    }

    pub(crate) async fn put_override(
        &self,
        actor: Actor,
        programme_id: Id,
        application_id: Id,
        value: Option<(bool, String)>,
    ) -> StoreResult<()> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let details = match &value {
            Some((include, reason)) => {
                sqlx::query(
                    "INSERT INTO selection_overrides (application_id, programme_id, include, reason, by_user, at)
                     VALUES ($1, $2, $3, $4, $5, $6)
                     ON CONFLICT (application_id) DO UPDATE SET include = excluded.include,
                         reason = excluded.reason, by_user = excluded.by_user, at = excluded.at",
                )
                .bind(application_id)
                .bind(programme_id)
                .bind(*include)
                .bind(reason.clone())
                .bind(actor.user_id)
                .bind(Utc::now())
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
                format!("{{\"include\":{include},\"reason\":{}}}", to_json(reason)?)
            }
            None => {
                sqlx::query("DELETE FROM selection_overrides WHERE application_id = $1")
                    .bind(application_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend)?;
                "{\"cleared\":true}".to_string()
            }
        };
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("selection.override", "application", Some(application_id))
                .with_details(details),
        )
        .await?;
        tx.commit().await.map_err(backend)
    }

    pub(crate) async fn overrides_of(
        &self,
        programme_id: Id,
    ) -> StoreResult<Vec<SelectionOverride>> {
        let rows: Vec<OverrideRow> = sqlx::query_as(
            "SELECT application_id, include, reason, by_user, at FROM selection_overrides
             WHERE programme_id = $1 ORDER BY application_id",
        )
        .bind(programme_id)
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        Ok(rows
            .into_iter()
            .map(
                |(application_id, include, reason, by, at)| SelectionOverride {
                    application_id,
                    include,
                    reason,
                    by,
                    at,
                },
            )
            .collect())
    }

    pub(crate) async fn insert_run(
        &self,
        actor: Actor,
        programme_id: Id,
        input: String,
        output: String,
    ) -> StoreResult<SelectionRun> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let row: RunRow = sqlx::query_as(
            "INSERT INTO selection_runs (programme_id, input, output, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5)
             RETURNING id, programme_id, input, output, created_by, created_at, confirmed_at",
        )
        .bind(programme_id)
        .bind(input)
        .bind(output)
        .bind(actor.user_id)
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("selection.run", "programme", Some(programme_id))
                .with_details(format!("{{\"run_id\":{}}}", row.id)),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(row.into())
    }

    pub(crate) async fn last_run(&self, programme_id: Id) -> StoreResult<Option<SelectionRun>> {
        let row: Option<RunRow> = sqlx::query_as(
            "SELECT id, programme_id, input, output, created_by, created_at, confirmed_at
             FROM selection_runs WHERE programme_id = $1 ORDER BY id DESC LIMIT 1",
        )
        .bind(programme_id)
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        Ok(row.map(Into::into))
    }

    pub(crate) async fn write_cohort(
        &self,
        actor: Actor,
        run_id: Id,
        capacity: i32,
        decisions: Vec<(Id, Decision)>,
        mail: Vec<NewMail>,
    ) -> StoreResult<()> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let programme_id: Option<i64> =
            sqlx::query_scalar("SELECT programme_id FROM selection_runs WHERE id = $1")
                .bind(run_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(backend)?;
        let Some(programme_id) = programme_id else {
            return Err(StoreError::NotFound);
        };
        // Confirmations of one programme queue here, so a second one (a
        // double click) finds the seats and is refused with
        // `cohort_confirmed`, not with a duplicate seat key.
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT id FROM programmes WHERE id = $1{}",
            DB::FOR_UPDATE
        )))
        .bind(programme_id)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        let seats: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM seats WHERE programme_id = $1")
            .bind(programme_id)
            .fetch_one(&mut *tx)
            .await
            .map_err(backend)?;
        if seats > 0 {
            return Err(StoreError::Conflict("cohort_confirmed"));
        }
        let now = Utc::now();
        for (id, d) in &decisions {
            let done = sqlx::query(
                "UPDATE applications SET outcome = $3, waitlist_position = $4, respond_by = $5,
                     decision_reason = $6, decision_code = $7, decided_at = $8, updated_at = $8,
                     decision_params = $9, version = version + 1
                 WHERE id = $1 AND programme_id = $2",
            )
            .bind(*id)
            .bind(programme_id)
            .bind(d.outcome.as_str().to_string())
            .bind(d.waitlist_position.map(i64::from))
            .bind(d.respond_by)
            .bind(d.reason.clone())
            .bind(d.reason_code.clone())
            .bind(now)
            .bind(crate::applications::to_json(&d.reason_params)?)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
            if DB::rows_affected(&done) == 0 {
                return Err(StoreError::NotFound);
            }
        }
        for seat_no in 1..=i64::from(capacity.max(0)) {
            sqlx::query("INSERT INTO seats (programme_id, seat_no) VALUES ($1, $2)")
                .bind(programme_id)
                .bind(seat_no)
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
        }
        sqlx::query("UPDATE selection_runs SET confirmed_at = $2 WHERE id = $1")
            .bind(run_id)
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        let offered = decisions
            .iter()
            .filter(|(_, d)| d.outcome == Outcome::Offered)
            .count();
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("selection.confirm", "programme", Some(programme_id)).with_details(
                format!("{{\"run_id\":{run_id},\"capacity\":{capacity},\"offered\":{offered}}}"),
            ),
        )
        .await?;
        for m in mail {
            Self::insert_mail(&mut tx, m).await?;
        }
        tx.commit().await.map_err(backend)
    }

    pub(crate) async fn take_seat(
        &self,
        actor: Actor,
        application_id: Id,
        now: DateTime<Utc>,
    ) -> StoreResult<Application> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        // Lock the application first: a second claim by the same applicant
        // (a double click) waits here and then finds them confirmed, instead
        // of racing its twin for a seat and being told the cohort is full
        // while the twin takes one.
        let row: Option<(i64, Option<String>, Option<DateTime<Utc>>)> =
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT programme_id, outcome, respond_by FROM applications WHERE id = $1{}",
                DB::FOR_UPDATE
            )))
            .bind(application_id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(backend)?;
        let Some((programme_id, outcome, respond_by)) = row else {
            return Err(StoreError::NotFound);
        };
        match outcome.as_deref() {
            Some("confirmed") => {
                tx.commit().await.map_err(backend)?;
                return self
                    .application_by_id(application_id)
                    .await?
                    .ok_or(StoreError::NotFound);
            }
            Some("offered") => {}
            _ => return Err(StoreError::Conflict("not_offered")),
        }
        if respond_by.is_some_and(|t| now > t) {
            return Err(StoreError::Conflict("offer_expired"));
        }
        // Concurrent claims each lock a different free row (PostgreSQL's SKIP
        // LOCKED; SQLite's write lock serialises them anyway). The seat rows
        // are fixed in number, so no interleaving can hand out an extra seat.
        let serialised = DB::FOR_UPDATE.is_empty();
        if !serialised {
            sqlx::query("SAVEPOINT free_seat")
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
        }
        let mut taken =
            Self::take_free_seat(&mut tx, DB::SKIP_LOCKED, programme_id, application_id, now)
                .await?;
        if !taken && !serialised {
            // Every free row was skipped, so each was locked by a claim in
            // flight. Such a claim may still roll back (its request cancelled,
            // its connection lost) and leave its seat free after this one had
            // answered `cohort_full`: the cohort would end short of its
            // capacity. So look again, now waiting for those claims to end; a
            // row they took is passed over once they commit.
            //
            // First undo the savepoint: the pass above keeps a lock on every
            // row it locked and then passed over (taken since its snapshot),
            // in no useful order, and waiting while holding them deadlocks
            // with a claimer waiting the same way. The waiting pass locks
            // rows in seat order only, so such waits cannot form a cycle.
            sqlx::query("ROLLBACK TO SAVEPOINT free_seat")
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
            taken =
                Self::take_free_seat(&mut tx, DB::FOR_UPDATE, programme_id, application_id, now)
                    .await?;
        }
        if !taken {
            return Err(StoreError::Conflict("cohort_full"));
        }
        let done = sqlx::query(
            "UPDATE applications SET outcome = 'confirmed', decided_at = $2, updated_at = $2,
                 version = version + 1
             WHERE id = $1 AND outcome = 'offered'",
        )
        .bind(application_id)
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        if DB::rows_affected(&done) == 0 {
            return Err(StoreError::Conflict("not_offered"));
        }
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("application.confirm", "application", Some(application_id)),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        self.application_by_id(application_id)
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// Gives the programme's lowest free seat (picked with `lock`) to the
    /// application; `false` when none is free.
    async fn take_free_seat(
        conn: &mut DB::Connection,
        lock: &str,
        programme_id: Id,
        application_id: Id,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let taken = sqlx::query::<DB>(sqlx::AssertSqlSafe(format!(
            "UPDATE seats SET application_id = $1, taken_at = $2
             WHERE programme_id = $3 AND seat_no = (
                 SELECT seat_no FROM seats WHERE programme_id = $3 AND application_id IS NULL
                 ORDER BY seat_no LIMIT 1{lock})"
        )))
        .bind(application_id)
        .bind(now)
        .bind(programme_id)
        .execute(conn)
        .await
        .map_err(backend)?;
        Ok(DB::rows_affected(&taken) > 0)
    }

    pub(crate) async fn seats_of(&self, programme_id: Id) -> StoreResult<Vec<(i32, Option<Id>)>> {
        let rows: Vec<(i64, Option<i64>)> = sqlx::query_as(
            "SELECT seat_no, application_id FROM seats WHERE programme_id = $1 ORDER BY seat_no",
        )
        .bind(programme_id)
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        rows.into_iter()
            .map(|(n, a)| {
                Ok((
                    i32::try_from(n).map_err(|e| StoreError::Backend(e.to_string()))?,
                    a,
                ))
            })
            .collect()
    }
}
