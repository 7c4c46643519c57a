//! Bulk loading for `miti dev dataset`: many rows per `INSERT` (a few
//! hundred, under both backends' limits on bound parameters), one
//! transaction and one audit row per call. Ids come back with the unique key
//! of each row (`RETURNING id, email`, …), so nothing depends on the order in
//! which a backend returns the rows of a multi-row insert.

use crate::applications::to_json;
use crate::call_counts::{Delta, Deltas};
use crate::{Dialect, SqlStore, backend};
use chrono::{DateTime, NaiveDate, Utc};
use miti_domain::application::{AttachedDocument, Review};
use miti_domain::audit::{Actor, AuditEvent};
use miti_domain::{Id, UserId};
use miti_store::{BulkApplication, NewUser, StoreError, StoreResult};
use sqlx::{ColumnIndex, Decode, Encode, Executor, IntoArguments, Row, Type};
use std::collections::HashMap;

/// Most bound parameters in one statement. Both backends allow far more
/// (SQLite 32 766, PostgreSQL 65 535), but SQLite looks each `$n` up among
/// the names seen so far while parsing, which grows with the square of
/// their number: a few thousand keeps that negligible.
const MAX_PARAMS: usize = 2_000;

/// One bound value.
enum V {
    I(Option<i64>),
    S(Option<String>),
    B(Option<bool>),
    T(Option<DateTime<Utc>>),
}

/// `($1, $2), ($3, $4)` for `rows` rows of `cols` columns.
fn placeholders(rows: usize, cols: usize) -> String {
    let mut s = String::with_capacity(rows * cols * 7);
    let mut n = 0;
    for r in 0..rows {
        if r > 0 {
            s.push_str(", ");
        }
        s.push('(');
        for c in 0..cols {
            if c > 0 {
                s.push_str(", ");
            }
            n += 1;
            s.push('$');
            s.push_str(&n.to_string());
        }
        s.push(')');
    }
    s
}

fn unique_as(code: &'static str) -> impl Fn(sqlx::Error) -> StoreError {
    move |e| match e.as_database_error() {
        Some(d) if d.is_unique_violation() => StoreError::Conflict(code),
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
    for<'q> Option<bool>: Encode<'q, DB>,
    for<'q> Option<DateTime<Utc>>: Encode<'q, DB>,
    for<'q> Option<NaiveDate>: Encode<'q, DB>,
{
    /// `INSERT INTO {into} VALUES …{tail}` for `rows` (each `cols` values
    /// long), in statements of at most [`MAX_PARAMS`] parameters; the rows
    /// any `RETURNING` in `tail` gives back, all statements together.
    async fn insert_many(
        conn: &mut DB::Connection,
        into: &str,
        cols: usize,
        rows: Vec<Vec<V>>,
        tail: &str,
        on_error: &(dyn Fn(sqlx::Error) -> StoreError + Sync),
    ) -> StoreResult<Vec<DB::Row>> {
        let per_statement = (MAX_PARAMS / cols).max(1);
        let mut out = Vec::new();
        let mut rows = rows.into_iter().peekable();
        while rows.peek().is_some() {
            let chunk: Vec<Vec<V>> = rows.by_ref().take(per_statement).collect();
            let sql = format!(
                "INSERT INTO {into} VALUES {}{tail}",
                placeholders(chunk.len(), cols)
            );
            let mut q = sqlx::query::<DB>(sqlx::AssertSqlSafe(sql));
            for v in chunk.into_iter().flatten() {
                q = match v {
                    V::I(x) => q.bind(x),
                    V::S(x) => q.bind(x),
                    V::B(x) => q.bind(x),
                    V::T(x) => q.bind(x),
                };
            }
            out.extend(q.fetch_all(&mut *conn).await.map_err(on_error)?);
        }
        Ok(out)
    }

    pub(crate) async fn insert_users_in_bulk(
        &self,
        actor: Actor,
        users: Vec<NewUser>,
    ) -> StoreResult<Vec<UserId>> {
        if users.is_empty() {
            return Ok(vec![]);
        }
        let now = Utc::now();
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let rows = users
            .iter()
            .map(|u| {
                vec![
                    V::S(Some(u.email.clone())),
                    V::S(Some(u.display_name.clone())),
                    V::S(Some(u.password_hash.clone())),
                    V::S(u.locale.clone()),
                    V::T(Some(now)),
                ]
            })
            .collect();
        let returned = Self::insert_many(
            &mut tx,
            "users (email, display_name, password_hash, locale, created_at)",
            5,
            rows,
            " RETURNING id, email",
            &unique_as("email_taken"),
        )
        .await?;
        let mut by_email: HashMap<String, i64> = HashMap::with_capacity(returned.len());
        for r in returned {
            by_email.insert(
                r.try_get::<String, _>(1).map_err(backend)?,
                r.try_get::<i64, _>(0).map_err(backend)?,
            );
        }
        let ids = users
            .iter()
            .map(|u| {
                by_email
                    .get(&u.email)
                    .copied()
                    .ok_or_else(|| StoreError::Backend(format!("no id for {}", u.email)))
            })
            .collect::<StoreResult<Vec<i64>>>()?;
        let grants: Vec<Vec<V>> = users
            .iter()
            .zip(&ids)
            .flat_map(|(u, id)| {
                u.roles.iter().map(move |g| {
                    vec![
                        V::I(Some(*id)),
                        V::S(Some(g.role.as_str().to_string())),
                        V::I(Some(g.org_id)),
                    ]
                })
            })
            .collect();
        Self::insert_many(
            &mut tx,
            "role_grants (user_id, role, org_id)",
            3,
            grants,
            " ON CONFLICT DO NOTHING",
            &unique_as("grant_exists"),
        )
        .await?;
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("dev.bulk_users", "user", None)
                .with_details(format!("{{\"count\":{}}}", ids.len())),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(ids)
    }

    pub(crate) async fn insert_applications_in_bulk(
        &self,
        actor: Actor,
        apps: Vec<BulkApplication>,
    ) -> StoreResult<Vec<Id>> {
        if apps.is_empty() {
            return Ok(vec![]);
        }
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        // The documents first: the applications name them by id.
        let docs: Vec<Vec<V>> = apps
            .iter()
            .flat_map(|b| {
                b.documents.iter().map(|(_, d)| {
                    vec![
                        V::I(Some(d.org_id)),
                        V::S(Some(d.storage_key.clone())),
                        V::S(Some(d.filename.clone())),
                        V::S(Some(d.content_type.clone())),
                        V::I(Some(d.size)),
                        V::S(Some(d.sha256.clone())),
                        V::T(Some(b.app.created_at)),
                    ]
                })
            })
            .collect();
        let returned = Self::insert_many(
            &mut tx,
            "documents (org_id, storage_key, filename, content_type, size_bytes, sha256, created_at)",
            7,
            docs,
            " RETURNING id, storage_key",
            &unique_as("storage_key_taken"),
        )
        .await?;
        let mut doc_ids: HashMap<String, i64> = HashMap::with_capacity(returned.len());
        for r in returned {
            doc_ids.insert(
                r.try_get::<String, _>(1).map_err(backend)?,
                r.try_get::<i64, _>(0).map_err(backend)?,
            );
        }
        let mut rows = Vec::with_capacity(apps.len());
        for b in &apps {
            let a = &b.app;
            let attached = b
                .documents
                .iter()
                .map(|(key, d)| {
                    Ok(AttachedDocument {
                        key: key.clone(),
                        document_id: doc_ids.get(&d.storage_key).copied().ok_or_else(|| {
                            StoreError::Backend(format!("no id for {}", d.storage_key))
                        })?,
                        filename: d.filename.clone(),
                        size: d.size,
                    })
                })
                .collect::<StoreResult<Vec<_>>>()?;
            let p = a.profile.as_ref();
            let d = a.decision.as_ref();
            rows.push(vec![
                V::I(Some(a.programme_id)),
                V::I(Some(a.user_id)),
                V::S(Some(a.status.as_str().to_string())),
                V::S(Some(to_json(&a.form)?)),
                V::S(p.map(to_json).transpose()?),
                V::S(a.answers.as_ref().map(to_json).transpose()?),
                V::S(Some(to_json(&attached)?)),
                V::S(p.map(|p| p.passport_name.clone())),
                V::I(p.and_then(|p| p.city_org_id)),
                V::S(p.map(|p| p.country.clone())),
                V::S(p.map(|p| p.region.as_str().to_string())),
                V::B(p.map(|p| p.member)),
                V::S(p.map(|p| p.gender.as_str().to_string())),
                V::S(Some(a.endorsement.status.as_str().to_string())),
                V::S(a.endorsement.comment.clone()),
                V::I(a.endorsement.rank.map(i64::from)),
                V::I(a.endorsement.by),
                V::T(a.endorsement.at),
                V::S(a.interview.as_ref().map(to_json).transpose()?),
                V::S(Some(a.vetting.as_str().to_string())),
                V::S(d.map(|d| d.outcome.as_str().to_string())),
                V::I(d.and_then(|d| d.waitlist_position).map(i64::from)),
                V::T(d.and_then(|d| d.respond_by)),
                V::S(d.map(|d| d.reason.clone())),
                V::S(d.map(|d| d.reason_code.clone())),
                V::S(d.map(|d| to_json(&d.reason_params)).transpose()?),
                V::T(d.map(|d| d.at)),
                V::S(a.logistics.as_ref().map(to_json).transpose()?),
                V::T(a.submitted_at),
                V::T(a.withdrawn_at),
                V::T(Some(a.created_at)),
                V::T(Some(a.updated_at)),
                V::I(Some(a.version)),
            ]);
        }
        let returned = Self::insert_many(
            &mut tx,
            "applications (programme_id, user_id, status, form, profile, answers, documents,
                passport_name, city_org_id, country, region, member, gender, endorsement,
                endorsement_comment, endorsement_rank, endorsed_by, endorsed_at, interview,
                vetting, outcome, waitlist_position, respond_by, decision_reason, decision_code,
                decision_params, decided_at, logistics, submitted_at, withdrawn_at, created_at,
                updated_at, version)",
            33,
            rows,
            " RETURNING id, programme_id, user_id",
            &unique_as("application_exists"),
        )
        .await?;
        let mut app_ids: HashMap<(i64, i64), i64> = HashMap::with_capacity(returned.len());
        for r in returned {
            app_ids.insert(
                (
                    r.try_get::<i64, _>(1).map_err(backend)?,
                    r.try_get::<i64, _>(2).map_err(backend)?,
                ),
                r.try_get::<i64, _>(0).map_err(backend)?,
            );
        }
        let ids = apps
            .iter()
            .map(|b| {
                app_ids
                    .get(&(b.app.programme_id, b.app.user_id))
                    .copied()
                    .ok_or_else(|| StoreError::Backend("an application got no id".into()))
            })
            .collect::<StoreResult<Vec<i64>>>()?;
        let seats: Vec<Vec<V>> = apps
            .iter()
            .zip(&ids)
            .filter_map(|(b, id)| {
                b.seat_no.map(|n| {
                    vec![
                        V::I(Some(b.app.programme_id)),
                        V::I(Some(i64::from(n))),
                        V::I(Some(*id)),
                        V::T(b.app.decision.as_ref().map(|d| d.at)),
                    ]
                })
            })
            .collect();
        Self::insert_many(
            &mut tx,
            "seats (programme_id, seat_no, application_id, taken_at)",
            4,
            seats,
            "",
            &unique_as("seat_taken"),
        )
        .await?;
        let mut counts = Deltas::default();
        for b in &apps {
            counts.add(b.app.programme_id, Delta::ONE_APPLICATION);
        }
        Self::add_all_to_call_counts(&mut tx, counts).await?;
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("dev.bulk_applications", "application", None)
                .with_details(format!("{{\"count\":{}}}", ids.len())),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(ids)
    }

    pub(crate) async fn insert_reviews_in_bulk(
        &self,
        actor: Actor,
        reviews: Vec<Review>,
    ) -> StoreResult<()> {
        if reviews.is_empty() {
            return Ok(());
        }
        let count = reviews.len();
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let rows = reviews
            .into_iter()
            .map(|r| {
                Ok(vec![
                    V::I(Some(r.application_id)),
                    V::I(Some(r.reviewer_id)),
                    V::I(r.assigned_by),
                    V::T(Some(r.assigned_at)),
                    V::B(r.conflict),
                    V::S(r.conflict_note),
                    V::S(Some(to_json(&r.scores)?)),
                    V::S(r.comment),
                    V::T(r.submitted_at),
                ])
            })
            .collect::<StoreResult<Vec<_>>>()?;
        Self::insert_many(
            &mut tx,
            "reviews (application_id, reviewer_id, assigned_by, assigned_at, conflict,
                conflict_note, scores, comment, submitted_at)",
            9,
            rows,
            "",
            &unique_as("already_assigned"),
        )
        .await?;
        // Each review carries its application's programme (migration 0005);
        // the rows just inserted are those without one, and their states
        // go to their calls' counters.
        let inserted: Vec<(i64, Option<bool>, Option<DateTime<Utc>>)> = sqlx::query_as(
            "UPDATE reviews SET programme_id = (SELECT a.programme_id FROM applications a
                 WHERE a.id = reviews.application_id)
             WHERE programme_id IS NULL
             RETURNING programme_id, conflict, submitted_at",
        )
        .fetch_all(&mut *tx)
        .await
        .map_err(backend)?;
        let mut counts = Deltas::default();
        for (programme_id, conflict, submitted_at) in inserted {
            counts.add(
                programme_id,
                Delta::review(conflict, submitted_at.is_some()),
            );
        }
        Self::add_all_to_call_counts(&mut tx, counts).await?;
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("dev.bulk_reviews", "review", None)
                .with_details(format!("{{\"count\":{count}}}")),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn placeholders_number_every_value() {
        assert_eq!(super::placeholders(2, 3), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(super::placeholders(1, 1), "($1)");
    }
}
