//! Reviewer assignments, conflict declarations and scores.

use crate::applications::{from_json, to_json};
use crate::call_counts::Delta;
use crate::{Dialect, SqlStore, backend};
use chrono::{DateTime, NaiveDate, Utc};
use miti_domain::application::{Review, ReviewStep};
use miti_domain::audit::{Actor, AuditEvent};
use miti_domain::{Id, UserId};
use miti_store::{ReviewFilter, ReviewScores, StoreError, StoreResult};
use sqlx::{ColumnIndex, Decode, Encode, Executor, IntoArguments, Type};

#[derive(sqlx::FromRow)]
struct ReviewRow {
    id: i64,
    application_id: i64,
    reviewer_id: i64,
    assigned_by: Option<i64>,
    assigned_at: DateTime<Utc>,
    conflict: Option<bool>,
    conflict_note: Option<String>,
    scores: String,
    comment: Option<String>,
    submitted_at: Option<DateTime<Utc>>,
}

impl ReviewRow {
    fn into_review(self) -> StoreResult<Review> {
        Ok(Review {
            id: self.id,
            application_id: self.application_id,
            reviewer_id: self.reviewer_id,
            assigned_by: self.assigned_by,
            assigned_at: self.assigned_at,
            conflict: self.conflict,
            conflict_note: self.conflict_note,
            scores: from_json("scores", &self.scores)?,
            comment: self.comment,
            submitted_at: self.submitted_at,
        })
    }
}

const SELECT: &str = "SELECT r.id, r.application_id, r.reviewer_id, r.assigned_by, r.assigned_at,
    r.conflict, r.conflict_note, r.scores, r.comment, r.submitted_at FROM reviews r";

/// A review's conflict declaration, submission time and programme, as read
/// before a step changes them.
type ReviewState = (Option<bool>, Option<DateTime<Utc>>, Option<i64>);

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
    pub(crate) async fn review_by_id(&self, id: Id) -> StoreResult<Option<Review>> {
        let row: Option<ReviewRow> =
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE r.id = $1")))
                .bind(id)
                .fetch_optional(&self.pool)
                .await
                .map_err(backend)?;
        row.map(ReviewRow::into_review).transpose()
    }

    /// In the order of the index on (application_id, reviewer_id), which
    /// SQLite then reads without a sort.
    pub(crate) async fn list_counted_scores(
        &self,
        application_ids: &[Id],
    ) -> StoreResult<Vec<ReviewScores>> {
        if application_ids.is_empty() {
            return Ok(vec![]);
        }
        let any: Vec<String> = (1..=application_ids.len())
            .map(|n| format!("${n}"))
            .collect();
        let mut q = sqlx::query_as::<DB, (i64, i64, String)>(sqlx::AssertSqlSafe(format!(
            "SELECT r.application_id, r.reviewer_id, r.scores FROM reviews r
             WHERE r.application_id IN ({}) AND NOT r.conflict AND r.submitted_at IS NOT NULL
             ORDER BY r.application_id, r.reviewer_id",
            any.join(", ")
        )));
        for id in application_ids {
            q = q.bind(*id);
        }
        let rows = q.fetch_all(&self.pool).await.map_err(backend)?;
        rows.into_iter()
            .map(|(application_id, reviewer_id, scores)| {
                Ok(ReviewScores {
                    application_id,
                    reviewer_id,
                    scores: from_json("scores", &scores)?,
                })
            })
            .collect()
    }

    pub(crate) async fn list_reviews(&self, f: &ReviewFilter) -> StoreResult<Vec<Review>> {
        let mut conds = vec![];
        let mut values = vec![];
        if let Some(p) = f.programme_id {
            values.push(p);
            conds.push(format!("r.programme_id = ${}", values.len()));
        }
        if let Some(a) = f.application_id {
            values.push(a);
            conds.push(format!("r.application_id = ${}", values.len()));
        }
        if let Some(u) = f.reviewer_id {
            values.push(u);
            conds.push(format!("r.reviewer_id = ${}", values.len()));
        }
        if !f.application_ids.is_empty() {
            let mut any = vec![];
            for id in &f.application_ids {
                values.push(*id);
                any.push(format!("${}", values.len()));
            }
            conds.push(format!("r.application_id IN ({})", any.join(", ")));
        }
        let wh = if conds.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", conds.join(" AND "))
        };
        let mut q = sqlx::query_as::<DB, ReviewRow>(sqlx::AssertSqlSafe(format!(
            "{SELECT}{wh} ORDER BY r.application_id, r.id"
        )));
        for v in values {
            q = q.bind(v);
        }
        let rows = q.fetch_all(&self.pool).await.map_err(backend)?;
        rows.into_iter().map(ReviewRow::into_review).collect()
    }

    pub(crate) async fn insert_assignment(
        &self,
        actor: Actor,
        application_id: Id,
        reviewer_id: UserId,
    ) -> StoreResult<Review> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let (id, programme_id): (i64, i64) = sqlx::query_as(
            "INSERT INTO reviews (application_id, reviewer_id, assigned_by, assigned_at,
                 programme_id)
             VALUES ($1, $2, $3, $4, (SELECT programme_id FROM applications WHERE id = $1))
             RETURNING id, programme_id",
        )
        .bind(application_id)
        .bind(reviewer_id)
        .bind(actor.user_id)
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| match e.as_database_error() {
            Some(d) if d.is_unique_violation() => StoreError::Conflict("already_assigned"),
            Some(d) if d.is_foreign_key_violation() => StoreError::NotFound,
            _ => backend(e),
        })?;
        Self::add_to_call_counts(&mut tx, programme_id, Delta::review(None, false)).await?;
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("review.assign", "application", Some(application_id))
                .with_details(format!("{{\"reviewer_id\":{reviewer_id}}}")),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        self.review_by_id(id).await?.ok_or(StoreError::NotFound)
    }

    pub(crate) async fn write_review(
        &self,
        actor: Actor,
        id: Id,
        step: ReviewStep,
        at: DateTime<Utc>,
    ) -> StoreResult<Review> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let current: Option<ReviewState> = sqlx::query_as(
            "SELECT conflict, submitted_at, programme_id FROM reviews WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await
        .map_err(backend)?;
        let Some((conflict, submitted_at, programme_id)) = current else {
            return Err(StoreError::NotFound);
        };
        let programme_id = programme_id
            .ok_or_else(|| StoreError::Backend(format!("review {id} has no programme")))?;
        let before = Delta::review(conflict, submitted_at.is_some());
        let (action, after) = match step {
            ReviewStep::Declare { conflict: c, note } => {
                // A declaration is final once scores are in.
                if submitted_at.is_some() {
                    return Err(StoreError::Conflict("review_submitted"));
                }
                sqlx::query("UPDATE reviews SET conflict = $2, conflict_note = $3 WHERE id = $1")
                    .bind(id)
                    .bind(c)
                    .bind(note)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend)?;
                ("review.declare", Delta::review(Some(c), false))
            }
            ReviewStep::Score { scores, comment } => {
                match conflict {
                    None => return Err(StoreError::Conflict("conflict_undeclared")),
                    Some(true) => return Err(StoreError::Conflict("conflicted")),
                    Some(false) => {}
                }
                sqlx::query(
                    "UPDATE reviews SET scores = $2, comment = $3, submitted_at = $4 WHERE id = $1",
                )
                .bind(id)
                .bind(to_json(&scores)?)
                .bind(comment)
                .bind(at)
                .execute(&mut *tx)
                .await
                .map_err(backend)?;
                ("review.score", Delta::review(Some(false), true))
            }
        };
        Self::add_to_call_counts(&mut tx, programme_id, after.minus(before)).await?;
        Self::write_audit(&mut tx, actor, AuditEvent::new(action, "review", Some(id))).await?;
        tx.commit().await.map_err(backend)?;
        self.review_by_id(id).await?.ok_or(StoreError::NotFound)
    }
}
