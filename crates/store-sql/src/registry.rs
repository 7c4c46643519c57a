//! Organisations, memberships, centre lifecycles and their documents.

use crate::rows::{
    DocumentRow, LifecycleRow, MembershipRow, ORG_COLUMNS, OrgRow, localized, localized_json,
};
use crate::{Dialect, SqlStore, backend, conflict_on_unique, like_pattern};
use chrono::{DateTime, NaiveDate, Utc};
use miti_domain::audit::{Actor, AuditEvent};
use miti_domain::organisation::{
    LifecycleEvent, Membership, OrgFilter, OrgInput, OrgKind, Organisation, Status,
};
use miti_domain::{Id, OrgId};
use miti_store::{Document, NewDocument, NewLifecycleEvent, OrgName, StoreError, StoreResult};
use sqlx::{ColumnIndex, Decode, Encode, Executor, IntoArguments, Type};
use std::collections::HashMap;

/// What the registry search matches: every name, the city and the slug, lower-cased.
fn search_text(input: &OrgInput) -> String {
    let mut parts: Vec<String> = input
        .name
        .texts
        .values()
        .map(|n| n.to_lowercase())
        .collect();
    if let Some(c) = &input.city {
        parts.push(c.to_lowercase());
    }
    parts.push(input.slug.clone());
    parts.join(" | ")
}

fn org_details(input: &OrgInput) -> String {
    format!(
        "{{\"slug\":{:?},\"kind\":\"{}\",\"name\":{:?}}}",
        input.slug,
        input.kind,
        input.name.get("en")
    )
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
    pub(crate) async fn insert_org(
        &self,
        actor: Actor,
        input: OrgInput,
    ) -> StoreResult<Organisation> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        Self::check_parent(&mut tx, input.parent_id, None).await?;
        let now = Utc::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO organisations (slug, kind, names, country, region, city, timezone, website,
                working_languages, parent_id, status, search_text, created_at, updated_at, version)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, 1)
             RETURNING id",
        )
        .bind(input.slug.clone())
        .bind(input.kind.as_str().to_string())
        .bind(localized_json(&input.name))
        .bind(input.country.clone())
        .bind(input.region.as_str().to_string())
        .bind(input.city.clone())
        .bind(input.timezone.clone())
        .bind(input.website.clone())
        .bind(input.working_languages.join(","))
        .bind(input.parent_id)
        // Regional centres start as candidates; everyone else is simply active.
        .bind(if input.kind == miti_domain::organisation::OrgKind::RegionalCentre {
            Status::Candidate.as_str()
        } else {
            Status::Active.as_str()
        }.to_string())
        .bind(search_text(&input))
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(conflict_on_unique("slug_taken"))?;
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("organisation.create", "organisation", Some(id))
                .with_details(org_details(&input)),
        )
        .await?;
        let org = Self::load_org(&mut tx, id)
            .await?
            .ok_or(StoreError::NotFound)?;
        tx.commit().await.map_err(backend)?;
        Ok(org)
    }

    /// Refuses a parent that does not exist or that would make a cycle.
    async fn check_parent(
        conn: &mut DB::Connection,
        parent: Option<OrgId>,
        child: Option<OrgId>,
    ) -> StoreResult<()> {
        let mut next = parent;
        let mut hops = 0;
        while let Some(p) = next {
            if Some(p) == child || hops > 64 {
                return Err(StoreError::Conflict("parent_cycle"));
            }
            let row: Option<Option<i64>> =
                sqlx::query_scalar("SELECT parent_id FROM organisations WHERE id = $1")
                    .bind(p)
                    .fetch_optional(&mut *conn)
                    .await
                    .map_err(backend)?;
            match row {
                None => return Err(StoreError::Conflict("unknown_parent")),
                Some(up) => next = up,
            }
            hops += 1;
        }
        Ok(())
    }

    pub(crate) async fn edit_org(
        &self,
        actor: Actor,
        id: OrgId,
        base_version: i64,
        input: OrgInput,
    ) -> StoreResult<Organisation> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        Self::check_parent(&mut tx, input.parent_id, Some(id)).await?;
        let done = sqlx::query(
            "UPDATE organisations SET slug = $1, kind = $2, names = $3, country = $4, region = $5,
                city = $6, timezone = $7, website = $8, working_languages = $9, parent_id = $10,
                search_text = $11, updated_at = $12, version = version + 1
             WHERE id = $13 AND version = $14",
        )
        .bind(input.slug.clone())
        .bind(input.kind.as_str().to_string())
        .bind(localized_json(&input.name))
        .bind(input.country.clone())
        .bind(input.region.as_str().to_string())
        .bind(input.city.clone())
        .bind(input.timezone.clone())
        .bind(input.website.clone())
        .bind(input.working_languages.join(","))
        .bind(input.parent_id)
        .bind(search_text(&input))
        .bind(Utc::now())
        .bind(id)
        .bind(base_version)
        .execute(&mut *tx)
        .await
        .map_err(conflict_on_unique("slug_taken"))?;
        if DB::rows_affected(&done) == 0 {
            let exists: Option<i64> =
                sqlx::query_scalar("SELECT id FROM organisations WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(backend)?;
            return Err(match exists {
                Some(_) => StoreError::Conflict("stale_version"),
                None => StoreError::NotFound,
            });
        }
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("organisation.update", "organisation", Some(id))
                .with_details(org_details(&input)),
        )
        .await?;
        let org = Self::load_org(&mut tx, id)
            .await?
            .ok_or(StoreError::NotFound)?;
        tx.commit().await.map_err(backend)?;
        Ok(org)
    }

    async fn load_org(conn: &mut DB::Connection, id: OrgId) -> StoreResult<Option<Organisation>> {
        let row: Option<OrgRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {ORG_COLUMNS} FROM organisations WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
        .map_err(backend)?;
        let Some(row) = row else { return Ok(None) };
        let memberships: Vec<MembershipRow> = sqlx::query_as(
            "SELECT id, org_id, starts_on, ends_on FROM memberships WHERE org_id = $1 ORDER BY starts_on",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
        row.into_org(
            memberships
                .into_iter()
                .map(MembershipRow::into_membership)
                .collect(),
        )
        .map(Some)
    }

    pub(crate) async fn org_by_id(&self, id: OrgId) -> StoreResult<Option<Organisation>> {
        let mut conn = self.pool.acquire().await.map_err(backend)?;
        Self::load_org(&mut conn, id).await
    }

    pub(crate) async fn org_by_slug(&self, slug: &str) -> StoreResult<Option<Organisation>> {
        let mut conn = self.pool.acquire().await.map_err(backend)?;
        let id: Option<i64> = sqlx::query_scalar("SELECT id FROM organisations WHERE slug = $1")
            .bind(slug.to_string())
            .fetch_optional(&mut *conn)
            .await
            .map_err(backend)?;
        match id {
            Some(id) => Self::load_org(&mut conn, id).await,
            None => Ok(None),
        }
    }

    pub(crate) async fn list_orgs(&self, f: &OrgFilter) -> StoreResult<Vec<Organisation>> {
        let rows: Vec<OrgRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {ORG_COLUMNS} FROM organisations
             WHERE ($1 IS NULL OR search_text LIKE $1 ESCAPE '\\')
               AND ($2 IS NULL OR kind = $2)
               AND ($3 IS NULL OR region = $3)
               AND ($4 IS NULL OR status = $4)
               AND ($5 IS NULL OR country = $5)
             ORDER BY slug"
        )))
        .bind(f.q.as_deref().map(like_pattern))
        .bind(f.kind.map(|k| k.as_str().to_string()))
        .bind(f.region.map(|r| r.as_str().to_string()))
        .bind(f.status.map(|s| s.as_str().to_string()))
        .bind(f.country.clone())
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        // The memberships of the organisations listed, not of every one.
        let memberships: Vec<MembershipRow> = sqlx::query_as(
            "SELECT id, org_id, starts_on, ends_on FROM memberships
             WHERE org_id IN (SELECT id FROM organisations
                 WHERE ($1 IS NULL OR search_text LIKE $1 ESCAPE '\\')
                   AND ($2 IS NULL OR kind = $2)
                   AND ($3 IS NULL OR region = $3)
                   AND ($4 IS NULL OR status = $4)
                   AND ($5 IS NULL OR country = $5))
             ORDER BY starts_on",
        )
        .bind(f.q.as_deref().map(like_pattern))
        .bind(f.kind.map(|k| k.as_str().to_string()))
        .bind(f.region.map(|r| r.as_str().to_string()))
        .bind(f.status.map(|s| s.as_str().to_string()))
        .bind(f.country.clone())
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        let mut by_org: HashMap<i64, Vec<Membership>> = HashMap::new();
        for m in memberships {
            by_org
                .entry(m.org_id)
                .or_default()
                .push(m.into_membership());
        }
        rows.into_iter()
            .map(|r| {
                let m = by_org.remove(&r.id).unwrap_or_default();
                r.into_org(m)
            })
            .collect()
    }

    pub(crate) async fn org_names(&self) -> StoreResult<Vec<OrgName>> {
        let rows: Vec<(i64, String, String)> =
            sqlx::query_as("SELECT id, kind, names FROM organisations ORDER BY slug")
                .fetch_all(&self.pool)
                .await
                .map_err(backend)?;
        rows.into_iter()
            .map(|(id, kind, names)| {
                Ok(OrgName {
                    id,
                    kind: OrgKind::parse(&kind).ok_or_else(|| {
                        StoreError::Backend(format!("bad organisation kind {kind}"))
                    })?,
                    name: localized(&names)?,
                })
            })
            .collect()
    }

    pub(crate) async fn insert_membership(
        &self,
        actor: Actor,
        org_id: OrgId,
        from: NaiveDate,
        until: Option<NaiveDate>,
    ) -> StoreResult<Id> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        // Periods of one organisation may not overlap.
        let overlapping: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM memberships WHERE org_id = $1
             AND (ends_on IS NULL OR ends_on >= $2) AND ($3 IS NULL OR starts_on <= $3)",
        )
        .bind(org_id)
        .bind(from)
        .bind(until)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        if overlapping > 0 {
            return Err(StoreError::Conflict("membership_overlap"));
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO memberships (org_id, starts_on, ends_on) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(org_id)
        .bind(from)
        .bind(until)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("organisation.membership_add", "organisation", Some(org_id))
                .with_details(format!(
                    "{{\"from\":\"{from}\",\"until\":{:?}}}",
                    until.map(|u| u.to_string())
                )),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(id)
    }

    pub(crate) async fn delete_membership(
        &self,
        actor: Actor,
        org_id: OrgId,
        id: Id,
    ) -> StoreResult<()> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let done = sqlx::query("DELETE FROM memberships WHERE id = $1 AND org_id = $2")
            .bind(id)
            .bind(org_id)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        if DB::rows_affected(&done) == 0 {
            return Err(StoreError::NotFound);
        }
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new(
                "organisation.membership_remove",
                "organisation",
                Some(org_id),
            ),
        )
        .await?;
        tx.commit().await.map_err(backend)
    }

    pub(crate) async fn insert_document(
        conn: &mut DB::Connection,
        d: NewDocument,
    ) -> StoreResult<Id> {
        sqlx::query_scalar(
            "INSERT INTO documents (org_id, storage_key, filename, content_type, size_bytes, sha256, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(d.org_id)
        .bind(d.storage_key)
        .bind(d.filename)
        .bind(d.content_type)
        .bind(d.size)
        .bind(d.sha256)
        .bind(Utc::now())
        .fetch_one(conn)
        .await
        .map_err(backend)
    }

    pub(crate) async fn document_by_id(&self, id: Id) -> StoreResult<Option<Document>> {
        let row: Option<DocumentRow> = sqlx::query_as(
            "SELECT id, org_id, storage_key, filename, content_type, size_bytes, sha256, created_at
             FROM documents WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        Ok(row.map(Into::into))
    }

    pub(crate) async fn insert_lifecycle_event(
        &self,
        actor: Actor,
        ev: NewLifecycleEvent,
        from: Status,
        document: Option<NewDocument>,
    ) -> StoreResult<LifecycleEvent> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        // The status moves only if it is still what the caller saw.
        let done = sqlx::query(
            "UPDATE organisations SET status = $1, updated_at = $2, version = version + 1
             WHERE id = $3 AND status = $4",
        )
        .bind(ev.to.as_str().to_string())
        .bind(Utc::now())
        .bind(ev.org_id)
        .bind(from.as_str().to_string())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        if DB::rows_affected(&done) == 0 {
            return Err(StoreError::Conflict("stale_status"));
        }
        let document_id = match document {
            Some(d) => Some(Self::insert_document(&mut tx, d).await?),
            None => None,
        };
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO lifecycle_events (org_id, from_status, to_status, occurred_on, note, document_id, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(ev.org_id)
        .bind(from.as_str().to_string())
        .bind(ev.to.as_str().to_string())
        .bind(ev.on)
        .bind(ev.note.clone())
        .bind(document_id)
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("organisation.lifecycle", "organisation", Some(ev.org_id))
                .with_details(format!(
                    "{{\"from\":\"{from}\",\"to\":\"{}\",\"on\":\"{}\"}}",
                    ev.to, ev.on
                )),
        )
        .await?;
        let events = Self::load_events(&mut tx, ev.org_id).await?;
        tx.commit().await.map_err(backend)?;
        events
            .into_iter()
            .find(|e| e.id == id)
            .ok_or(StoreError::NotFound)
    }

    async fn load_events(
        conn: &mut DB::Connection,
        org_id: OrgId,
    ) -> StoreResult<Vec<LifecycleEvent>> {
        let rows: Vec<LifecycleRow> = sqlx::query_as(
            "SELECT e.id, e.org_id, e.from_status, e.to_status, e.occurred_on, e.note, e.document_id,
                    d.filename AS document_name, e.created_at
             FROM lifecycle_events e LEFT JOIN documents d ON d.id = e.document_id
             WHERE e.org_id = $1 ORDER BY e.occurred_on, e.id",
        )
        .bind(org_id)
        .fetch_all(conn)
        .await
        .map_err(backend)?;
        rows.into_iter().map(TryInto::try_into).collect()
    }

    pub(crate) async fn events_of(&self, org_id: OrgId) -> StoreResult<Vec<LifecycleEvent>> {
        let mut conn = self.pool.acquire().await.map_err(backend)?;
        Self::load_events(&mut conn, org_id).await
    }
}
