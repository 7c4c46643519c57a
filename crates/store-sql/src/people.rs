//! People of an organisation and their contact roles.

use crate::rows::PersonRow;
use crate::{Dialect, SqlStore, backend};
use chrono::{DateTime, NaiveDate, Utc};
use miti_domain::audit::{Actor, AuditEvent};
use miti_domain::person::{Person, PersonInput};
use miti_domain::{Id, OrgId};
use miti_store::{StoreError, StoreResult};
use sqlx::{ColumnIndex, Decode, Encode, Executor, IntoArguments, Type};

const COLUMNS: &str = "id, org_id, name, email, phone, contact_role, created_at";

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
    pub(crate) async fn insert_person(
        &self,
        actor: Actor,
        org_id: OrgId,
        p: PersonInput,
    ) -> StoreResult<Person> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let row: PersonRow = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "INSERT INTO people (org_id, name, email, phone, contact_role, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING {COLUMNS}"
        )))
        .bind(org_id)
        .bind(p.name)
        .bind(p.email)
        .bind(p.phone)
        .bind(p.contact_role.as_str().to_string())
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| match e.as_database_error() {
            Some(d) if d.is_foreign_key_violation() => StoreError::NotFound,
            _ => backend(e),
        })?;
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("person.create", "person", Some(row.id)),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        row.try_into()
    }

    pub(crate) async fn edit_person(
        &self,
        actor: Actor,
        id: Id,
        p: PersonInput,
    ) -> StoreResult<Person> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let row: Option<PersonRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "UPDATE people SET name = $1, email = $2, phone = $3, contact_role = $4
             WHERE id = $5 RETURNING {COLUMNS}"
        )))
        .bind(p.name)
        .bind(p.email)
        .bind(p.phone)
        .bind(p.contact_role.as_str().to_string())
        .bind(id)
        .fetch_optional(&mut *tx)
        .await
        .map_err(backend)?;
        let row = row.ok_or(StoreError::NotFound)?;
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("person.update", "person", Some(id)),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        row.try_into()
    }

    pub(crate) async fn remove_person(&self, actor: Actor, id: Id) -> StoreResult<()> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let done = sqlx::query("DELETE FROM people WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        if DB::rows_affected(&done) == 0 {
            return Err(StoreError::NotFound);
        }
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("person.delete", "person", Some(id)),
        )
        .await?;
        tx.commit().await.map_err(backend)
    }

    pub(crate) async fn person_by_id(&self, id: Id) -> StoreResult<Option<Person>> {
        let row: Option<PersonRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM people WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        row.map(TryInto::try_into).transpose()
    }

    pub(crate) async fn people_of(&self, org_id: OrgId) -> StoreResult<Vec<Person>> {
        let rows: Vec<PersonRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM people WHERE org_id = $1 ORDER BY name"
        )))
        .bind(org_id)
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        rows.into_iter().map(TryInto::try_into).collect()
    }
}
