//! Calls for applications, with every version of their question sets.

use crate::{Dialect, SqlStore, backend};
use chrono::{DateTime, NaiveDate, Utc};
use miti_domain::Id;
use miti_domain::audit::{Actor, AuditEvent};
use miti_domain::call::{Call, Question, RequiredDocument};
use miti_store::{StoreError, StoreResult};
use sqlx::{ColumnIndex, Decode, Encode, Executor, IntoArguments, Type};

#[derive(sqlx::FromRow)]
struct CallRow {
    programme_id: i64,
    opens_at: DateTime<Utc>,
    closes_at: DateTime<Utc>,
    timezone: String,
    documents: String,
    question_version: i64,
    questions: String,
}

fn json_err(e: serde_json::Error) -> StoreError {
    StoreError::Backend(format!("bad call JSON: {e}"))
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
    pub(crate) async fn call_of(&self, programme_id: Id) -> StoreResult<Option<Call>> {
        let row: Option<CallRow> = sqlx::query_as(
            "SELECT c.programme_id, c.opens_at, c.closes_at, c.timezone, c.documents,
                    c.question_version, q.questions
             FROM calls c JOIN call_question_sets q
               ON q.programme_id = c.programme_id AND q.version = c.question_version
             WHERE c.programme_id = $1",
        )
        .bind(programme_id)
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        let Some(r) = row else { return Ok(None) };
        let documents: Vec<RequiredDocument> =
            serde_json::from_str(&r.documents).map_err(json_err)?;
        let questions: Vec<Question> = serde_json::from_str(&r.questions).map_err(json_err)?;
        Ok(Some(Call {
            programme_id: r.programme_id,
            opens_at: r.opens_at,
            closes_at: r.closes_at,
            timezone: r.timezone,
            documents,
            questions,
            question_version: i32::try_from(r.question_version)
                .map_err(|e| StoreError::Backend(e.to_string()))?,
        }))
    }

    pub(crate) async fn question_set(
        &self,
        programme_id: Id,
        version: i32,
    ) -> StoreResult<Option<Vec<Question>>> {
        let q: Option<String> = sqlx::query_scalar(
            "SELECT questions FROM call_question_sets WHERE programme_id = $1 AND version = $2",
        )
        .bind(programme_id)
        .bind(i64::from(version))
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        q.map(|q| serde_json::from_str(&q).map_err(json_err))
            .transpose()
    }

    pub(crate) async fn put_call(&self, actor: Actor, call: Call) -> StoreResult<Call> {
        let documents = serde_json::to_string(&call.documents).map_err(json_err)?;
        let questions = serde_json::to_string(&call.questions).map_err(json_err)?;
        let version = i64::from(call.question_version);
        let now = Utc::now();
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        // A version's question set, once stored, only changes while it is
        // the current one (the service bumps the version when the call is open).
        sqlx::query(
            "INSERT INTO call_question_sets (programme_id, version, questions, created_at)
             VALUES ($1, $2, $3, $4)
             ON CONFLICT (programme_id, version) DO UPDATE SET questions = excluded.questions",
        )
        .bind(call.programme_id)
        .bind(version)
        .bind(questions)
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        sqlx::query(
            "INSERT INTO calls (programme_id, opens_at, closes_at, timezone, documents,
                 question_version, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (programme_id) DO UPDATE SET opens_at = excluded.opens_at,
                 closes_at = excluded.closes_at, timezone = excluded.timezone,
                 documents = excluded.documents, question_version = excluded.question_version,
                 updated_at = excluded.updated_at",
        )
        .bind(call.programme_id)
        .bind(call.opens_at)
        .bind(call.closes_at)
        .bind(call.timezone.clone())
        .bind(documents)
        .bind(version)
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(|e| match e.as_database_error() {
            Some(d) if d.is_foreign_key_violation() => StoreError::NotFound,
            _ => backend(e),
        })?;
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("call.save", "programme", Some(call.programme_id))
                .with_details(format!("{{\"question_version\":{version}}}")),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        self.call_of(call.programme_id)
            .await?
            .ok_or(StoreError::NotFound)
    }
}
