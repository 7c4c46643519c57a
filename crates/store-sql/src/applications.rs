//! Applications: drafts, submission, the pipeline's steps and decisions.

use crate::call_counts::Delta;
use crate::{Dialect, SqlStore, backend};
use chrono::{DateTime, NaiveDate, Utc};
use miti_domain::application::{
    Application, ApplicationStatus, AttachedDocument, Decision, Endorsement, EndorsementStatus,
    Outcome, VettingStatus,
};
use miti_domain::audit::{Actor, AuditEvent};
use miti_domain::{Id, UserId};
use miti_store::{
    ApplicationChange, ApplicationFilter, NewDocument, NewMail, StoreError, StoreResult,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::{ColumnIndex, Decode, Encode, Executor, IntoArguments, Type};

#[derive(sqlx::FromRow)]
struct ApplicationRow {
    id: i64,
    programme_id: i64,
    user_id: i64,
    status: String,
    form: String,
    profile: Option<String>,
    answers: Option<String>,
    documents: String,
    endorsement: String,
    endorsement_comment: Option<String>,
    endorsement_rank: Option<i64>,
    endorsed_by: Option<i64>,
    endorsed_at: Option<DateTime<Utc>>,
    interview: Option<String>,
    vetting: String,
    outcome: Option<String>,
    waitlist_position: Option<i64>,
    respond_by: Option<DateTime<Utc>>,
    decision_reason: Option<String>,
    decision_code: Option<String>,
    decision_params: Option<String>,
    decided_at: Option<DateTime<Utc>>,
    logistics: Option<String>,
    submitted_at: Option<DateTime<Utc>>,
    withdrawn_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    version: i64,
    seat_no: Option<i64>,
}

pub(crate) const SELECT: &str = "SELECT a.id, a.programme_id, a.user_id, a.status, a.form,
    a.profile, a.answers, a.documents, a.endorsement, a.endorsement_comment,
    a.endorsement_rank, a.endorsed_by, a.endorsed_at, a.interview, a.vetting, a.outcome,
    a.waitlist_position, a.respond_by, a.decision_reason, a.decision_code, a.decision_params, a.decided_at,
    a.logistics, a.submitted_at, a.withdrawn_at, a.created_at, a.updated_at, a.version,
    s.seat_no
    FROM applications a LEFT JOIN seats s ON s.application_id = a.id";

pub(crate) fn from_json<T: DeserializeOwned>(what: &str, v: &str) -> StoreResult<T> {
    serde_json::from_str(v).map_err(|e| StoreError::Backend(format!("bad {what} JSON: {e}")))
}

pub(crate) fn to_json<T: Serialize>(v: &T) -> StoreResult<String> {
    serde_json::to_string(v).map_err(|e| StoreError::Backend(format!("cannot encode JSON: {e}")))
}

fn unknown(what: &str, v: &str) -> StoreError {
    StoreError::Backend(format!("unknown {what} {v:?} in database"))
}

fn small(v: i64) -> StoreResult<i32> {
    i32::try_from(v).map_err(|e| StoreError::Backend(e.to_string()))
}

impl ApplicationRow {
    fn into_application(self) -> StoreResult<Application> {
        let decision = match self.outcome.as_deref() {
            None => None,
            Some(o) => Some(Decision {
                outcome: Outcome::parse(o).ok_or_else(|| unknown("outcome", o))?,
                waitlist_position: self.waitlist_position.map(small).transpose()?,
                respond_by: self.respond_by,
                reason: self.decision_reason.unwrap_or_default(),
                reason_code: self.decision_code.unwrap_or_default(),
                reason_params: match self.decision_params.as_deref() {
                    Some(p) => from_json("decision params", p)?,
                    None => Default::default(),
                },
                seat_no: self.seat_no.map(small).transpose()?,
                at: self.decided_at.unwrap_or(self.updated_at),
            }),
        };
        Ok(Application {
            id: self.id,
            programme_id: self.programme_id,
            user_id: self.user_id,
            status: ApplicationStatus::parse(&self.status)
                .ok_or_else(|| unknown("status", &self.status))?,
            form: from_json("form", &self.form)?,
            profile: self
                .profile
                .as_deref()
                .map(|p| from_json("profile", p))
                .transpose()?,
            answers: self
                .answers
                .as_deref()
                .map(|a| from_json("answers", a))
                .transpose()?,
            documents: from_json::<Vec<AttachedDocument>>("documents", &self.documents)?,
            endorsement: Endorsement {
                status: EndorsementStatus::parse(&self.endorsement)
                    .ok_or_else(|| unknown("endorsement", &self.endorsement))?,
                comment: self.endorsement_comment,
                rank: self.endorsement_rank.map(small).transpose()?,
                by: self.endorsed_by,
                at: self.endorsed_at,
            },
            interview: self
                .interview
                .as_deref()
                .map(|i| from_json("interview", i))
                .transpose()?,
            vetting: VettingStatus::parse(&self.vetting)
                .ok_or_else(|| unknown("vetting", &self.vetting))?,
            decision,
            logistics: self
                .logistics
                .as_deref()
                .map(|l| from_json("logistics", l))
                .transpose()?,
            submitted_at: self.submitted_at,
            withdrawn_at: self.withdrawn_at,
            created_at: self.created_at,
            updated_at: self.updated_at,
            version: self.version,
        })
    }
}

/// The WHERE clause for a filter, numbering parameters from `$1`; the
/// conditions not asked for are left out so each list uses its index.
fn filter_sql(f: &ApplicationFilter) -> String {
    let mut conds: Vec<String> = vec![];
    let mut n = 0;
    let mut next = || {
        n += 1;
        n
    };
    if f.programme_id.is_some() {
        conds.push(format!("a.programme_id = ${}", next()));
    }
    if f.city_org_id.is_some() {
        conds.push(format!("a.city_org_id = ${}", next()));
    }
    if f.user_id.is_some() {
        conds.push(format!("a.user_id = ${}", next()));
    }
    if f.submitted_only {
        conds.push("a.status = 'submitted'".into());
    }
    if conds.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", conds.join(" AND "))
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
    pub(crate) async fn application_by_id(&self, id: Id) -> StoreResult<Option<Application>> {
        let row: Option<ApplicationRow> =
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE a.id = $1")))
                .bind(id)
                .fetch_optional(&self.pool)
                .await
                .map_err(backend)?;
        row.map(ApplicationRow::into_application).transpose()
    }

    async fn application_in(conn: &mut DB::Connection, id: Id) -> StoreResult<Application> {
        let row: ApplicationRow =
            sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE a.id = $1")))
                .bind(id)
                .fetch_one(conn)
                .await
                .map_err(backend)?;
        row.into_application()
    }

    pub(crate) async fn list_applications(
        &self,
        f: &ApplicationFilter,
    ) -> StoreResult<Vec<Application>> {
        let mut sql = format!("{SELECT}{} ORDER BY a.id", filter_sql(f));
        if let Some(limit) = f.limit {
            sql.push_str(&format!(
                " LIMIT {} OFFSET {}",
                limit.max(0),
                f.offset.max(0)
            ));
        }
        let mut q = sqlx::query_as::<DB, ApplicationRow>(sqlx::AssertSqlSafe(sql));
        for v in [f.programme_id, f.city_org_id, f.user_id]
            .into_iter()
            .flatten()
        {
            q = q.bind(v);
        }
        let rows = q.fetch_all(&self.pool).await.map_err(backend)?;
        rows.into_iter()
            .map(ApplicationRow::into_application)
            .collect()
    }

    pub(crate) async fn count_applications_matching(
        &self,
        f: &ApplicationFilter,
    ) -> StoreResult<i64> {
        let sql = format!("SELECT COUNT(*) FROM applications a{}", filter_sql(f));
        let mut q = sqlx::query_scalar::<DB, i64>(sqlx::AssertSqlSafe(sql));
        for v in [f.programme_id, f.city_org_id, f.user_id]
            .into_iter()
            .flatten()
        {
            q = q.bind(v);
        }
        q.fetch_one(&self.pool).await.map_err(backend)
    }

    pub(crate) async fn start_application_for(
        &self,
        actor: Actor,
        programme_id: Id,
        user_id: UserId,
    ) -> StoreResult<Application> {
        let now = Utc::now();
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let existing: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM applications WHERE programme_id = $1 AND user_id = $2",
        )
        .bind(programme_id)
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await
        .map_err(backend)?;
        let id = match existing {
            Some(id) => id,
            None => {
                // ON CONFLICT DO NOTHING: a concurrent start of the same
                // application (PostgreSQL) leaves one row; re-read it below.
                let inserted: Option<i64> = sqlx::query_scalar(
                    "INSERT INTO applications (programme_id, user_id, status, form, created_at,
                         updated_at, version)
                     VALUES ($1, $2, 'draft', '{}', $3, $3, 1)
                     ON CONFLICT (programme_id, user_id) DO NOTHING RETURNING id",
                )
                .bind(programme_id)
                .bind(user_id)
                .bind(now)
                .fetch_optional(&mut *tx)
                .await
                .map_err(|e| match e.as_database_error() {
                    Some(d) if d.is_foreign_key_violation() => StoreError::NotFound,
                    _ => backend(e),
                })?;
                match inserted {
                    Some(id) => {
                        Self::add_to_call_counts(&mut tx, programme_id, Delta::ONE_APPLICATION)
                            .await?;
                        Self::write_audit(
                            &mut tx,
                            actor,
                            AuditEvent::new("application.start", "application", Some(id)),
                        )
                        .await?;
                        id
                    }
                    None => sqlx::query_scalar(
                        "SELECT id FROM applications WHERE programme_id = $1 AND user_id = $2",
                    )
                    .bind(programme_id)
                    .bind(user_id)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(backend)?,
                }
            }
        };
        let app = Self::application_in(&mut tx, id).await?;
        tx.commit().await.map_err(backend)?;
        Ok(app)
    }

    pub(crate) async fn apply_change(
        &self,
        actor: Actor,
        id: Id,
        expected_version: Option<i64>,
        change: ApplicationChange,
        mail: Vec<NewMail>,
    ) -> StoreResult<Application> {
        let now = Utc::now();
        let action = change.audit_action();
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        // Parameters $1 = id, $2 = updated_at, then the change's own from $3;
        // the version check, when asked for, is the last parameter.
        let (set, binds): (&str, Vec<Bind>) = match &change {
            ApplicationChange::Draft { form } => ("form = $3", vec![Bind::S(Some(to_json(form)?))]),
            ApplicationChange::Submit {
                form,
                profile,
                answers,
                at,
            } => (
                "status = 'submitted', form = $3, profile = $4, answers = $5, passport_name = $6,
                 city_org_id = $7, country = $8, region = $9, member = $10, gender = $11,
                 submitted_at = COALESCE(submitted_at, $12)",
                vec![
                    Bind::S(Some(to_json(form)?)),
                    Bind::S(Some(to_json(profile)?)),
                    Bind::S(Some(to_json(answers)?)),
                    Bind::S(Some(profile.passport_name.clone())),
                    Bind::I(profile.city_org_id),
                    Bind::S(Some(profile.country.clone())),
                    Bind::S(Some(profile.region.as_str().into())),
                    Bind::B(Some(profile.member)),
                    Bind::S(Some(profile.gender.as_str().into())),
                    Bind::T(Some(*at)),
                ],
            ),
            ApplicationChange::Withdraw { at } => (
                "status = 'withdrawn', withdrawn_at = $3,
                 outcome = CASE WHEN outcome IN ('offered', 'confirmed') THEN 'declined'
                                WHEN outcome = 'waitlisted' THEN 'not_selected'
                                ELSE outcome END",
                vec![Bind::T(Some(*at))],
            ),
            ApplicationChange::Endorse { step, by, at } => (
                "endorsement = $3, endorsement_comment = $4, endorsement_rank = $5,
                 endorsed_by = $6, endorsed_at = $7",
                vec![
                    Bind::S(Some(step.status.as_str().into())),
                    Bind::S(step.comment.clone()),
                    Bind::I(step.rank.map(i64::from)),
                    Bind::I(Some(*by)),
                    Bind::T(Some(*at)),
                ],
            ),
            ApplicationChange::Interview(i) => ("interview = $3", vec![Bind::S(Some(to_json(i)?))]),
            ApplicationChange::Vetting(v) => {
                ("vetting = $3", vec![Bind::S(Some(v.as_str().into()))])
            }
            ApplicationChange::Decide(d) => (
                "outcome = $3, waitlist_position = $4, respond_by = $5, decision_reason = $6,
                 decision_code = $7, decided_at = $8, decision_params = $9",
                vec![
                    Bind::S(d.as_ref().map(|d| d.outcome.as_str().to_string())),
                    Bind::I(d.as_ref().and_then(|d| d.waitlist_position).map(i64::from)),
                    Bind::T(d.as_ref().and_then(|d| d.respond_by)),
                    Bind::S(d.as_ref().map(|d| d.reason.clone())),
                    Bind::S(d.as_ref().map(|d| d.reason_code.clone())),
                    Bind::T(d.as_ref().map(|d| d.at)),
                    Bind::S(d.as_ref().map(|d| to_json(&d.reason_params)).transpose()?),
                ],
            ),
            ApplicationChange::Logistics(l) => ("logistics = $3", vec![Bind::S(Some(to_json(l)?))]),
        };
        let mut sql = format!(
            "UPDATE applications SET {set}, updated_at = $2, version = version + 1 WHERE id = $1"
        );
        if expected_version.is_some() {
            sql.push_str(&format!(" AND version = ${}", binds.len() + 3));
        }
        let mut q = sqlx::query::<DB>(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .bind(now);
        for b in binds {
            q = match b {
                Bind::S(v) => q.bind(v),
                Bind::I(v) => q.bind(v),
                Bind::B(v) => q.bind(v),
                Bind::T(v) => q.bind(v),
            };
        }
        if let Some(v) = expected_version {
            q = q.bind(v);
        }
        let done = q
            .execute(&mut *tx)
            .await
            .map_err(|e| match e.as_database_error() {
                Some(d) if d.is_unique_violation() => StoreError::Conflict("rank_taken"),
                Some(d) if d.is_foreign_key_violation() => {
                    StoreError::Conflict("unknown_reference")
                }
                _ => backend(e),
            })?;
        if DB::rows_affected(&done) == 0 {
            let exists: Option<i64> =
                sqlx::query_scalar("SELECT id FROM applications WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(backend)?;
            return Err(match exists {
                Some(_) => StoreError::Conflict("stale_version"),
                None => StoreError::NotFound,
            });
        }
        // A seat is only ever held by a confirmed participant.
        let releases = match &change {
            ApplicationChange::Withdraw { .. } => true,
            ApplicationChange::Decide(d) => {
                d.as_ref().map(|d| d.outcome) != Some(Outcome::Confirmed)
            }
            _ => false,
        };
        if releases {
            sqlx::query(
                "UPDATE seats SET application_id = NULL, taken_at = NULL WHERE application_id = $1",
            )
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        }
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new(action, "application", Some(id)),
        )
        .await?;
        for m in mail {
            Self::insert_mail(&mut tx, m).await?;
        }
        let app = Self::application_in(&mut tx, id).await?;
        tx.commit().await.map_err(backend)?;
        Ok(app)
    }

    pub(crate) async fn attach_document_to(
        &self,
        actor: Actor,
        id: Id,
        key: &str,
        doc: NewDocument,
    ) -> StoreResult<Application> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let current: Option<String> =
            sqlx::query_scalar("SELECT documents FROM applications WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(backend)?;
        let Some(current) = current else {
            return Err(StoreError::NotFound);
        };
        let mut docs: Vec<AttachedDocument> = from_json("documents", &current)?;
        let filename = doc.filename.clone();
        let size = doc.size;
        let document_id = Self::insert_document(&mut tx, doc).await?;
        docs.retain(|d| d.key != key);
        docs.push(AttachedDocument {
            key: key.to_string(),
            document_id,
            filename,
            size,
        });
        sqlx::query(
            "UPDATE applications SET documents = $2, updated_at = $3, version = version + 1
             WHERE id = $1",
        )
        .bind(id)
        .bind(to_json(&docs)?)
        .bind(Utc::now())
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("application.document", "application", Some(id)).with_details(format!(
                "{{\"key\":{},\"document_id\":{document_id}}}",
                to_json(&key)?
            )),
        )
        .await?;
        let app = Self::application_in(&mut tx, id).await?;
        tx.commit().await.map_err(backend)?;
        Ok(app)
    }
}

/// One bound value of a dynamically built update.
enum Bind {
    S(Option<String>),
    I(Option<i64>),
    B(Option<bool>),
    T(Option<DateTime<Utc>>),
}
