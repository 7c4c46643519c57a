//! Memoranda of understanding and their parties.

use crate::rows::{MouRow, localized, localized_json};
use crate::{Dialect, SqlStore, backend};
use chrono::{DateTime, NaiveDate, Utc};
use miti_domain::Id;
use miti_domain::audit::{Actor, AuditEvent};
use miti_domain::mou::{Mou, MouInput};
use miti_store::{NewDocument, StoreError, StoreResult};
use sqlx::{ColumnIndex, Decode, Encode, Executor, IntoArguments, Type};
use std::collections::HashMap;

const SELECT: &str =
    "SELECT m.id, m.title, m.signed_on, m.overseen_by, m.valid_until, m.document_id,
        d.filename AS document_name, m.created_at
    FROM mous m LEFT JOIN documents d ON d.id = m.document_id";

#[derive(sqlx::FromRow)]
struct PartyRow {
    mou_id: i64,
    org_id: i64,
}

fn into_mou(r: MouRow, parties: Vec<i64>) -> StoreResult<Mou> {
    Ok(Mou {
        id: r.id,
        title: localized(&r.title)?,
        parties,
        signed_on: r.signed_on,
        overseen_by: r.overseen_by,
        valid_until: r.valid_until,
        document_id: r.document_id,
        document_name: r.document_name,
        created_at: r.created_at,
    })
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
    pub(crate) async fn insert_mou(
        &self,
        actor: Actor,
        input: MouInput,
        document: Option<NewDocument>,
    ) -> StoreResult<Mou> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let document_id = match document {
            Some(d) => Some(Self::insert_document(&mut tx, d).await?),
            None => None,
        };
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO mous (title, signed_on, overseen_by, valid_until, document_id, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(localized_json(&input.title))
        .bind(input.signed_on)
        .bind(input.overseen_by)
        .bind(input.valid_until)
        .bind(document_id)
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| match e.as_database_error() {
            Some(d) if d.is_foreign_key_violation() => StoreError::Conflict("unknown_organisation"),
            _ => backend(e),
        })?;
        for p in &input.parties {
            sqlx::query("INSERT INTO mou_parties (mou_id, org_id) VALUES ($1, $2)")
                .bind(id)
                .bind(*p)
                .execute(&mut *tx)
                .await
                .map_err(|e| match e.as_database_error() {
                    Some(d) if d.is_foreign_key_violation() => {
                        StoreError::Conflict("unknown_organisation")
                    }
                    _ => backend(e),
                })?;
        }
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("mou.create", "mou", Some(id))
                .with_details(format!("{{\"parties\":{:?}}}", input.parties)),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        self.mou_by_id(id).await?.ok_or(StoreError::NotFound)
    }

    pub(crate) async fn mou_by_id(&self, id: Id) -> StoreResult<Option<Mou>> {
        let row: Option<MouRow> =
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE m.id = $1")))
                .bind(id)
                .fetch_optional(&self.pool)
                .await
                .map_err(backend)?;
        let Some(row) = row else { return Ok(None) };
        let parties: Vec<i64> =
            sqlx::query_scalar("SELECT org_id FROM mou_parties WHERE mou_id = $1 ORDER BY org_id")
                .bind(id)
                .fetch_all(&self.pool)
                .await
                .map_err(backend)?;
        into_mou(row, parties).map(Some)
    }

    pub(crate) async fn all_mous(&self) -> StoreResult<Vec<Mou>> {
        let rows: Vec<MouRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SELECT} ORDER BY m.signed_on DESC, m.id"
        )))
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        let parties: Vec<PartyRow> =
            sqlx::query_as("SELECT mou_id, org_id FROM mou_parties ORDER BY org_id")
                .fetch_all(&self.pool)
                .await
                .map_err(backend)?;
        let mut by_mou: HashMap<i64, Vec<i64>> = HashMap::new();
        for p in parties {
            by_mou.entry(p.mou_id).or_default().push(p.org_id);
        }
        rows.into_iter()
            .map(|r| {
                let p = by_mou.remove(&r.id).unwrap_or_default();
                into_mou(r, p)
            })
            .collect()
    }
}
