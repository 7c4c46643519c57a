//! The staff's list of a call's applications: one page of light lines.
//!
//! A whole application carries its form, answers, interview notes,
//! decision texts and logistics as JSON; a line of the list needs none of
//! them. This query reads eight columns and decodes only the parts of the
//! profile, documents and interview that a line shows or the gates look at
//! (docs/performance.md, the staff list).

use crate::applications::from_json;
use crate::rows::parse;
use crate::{Dialect, SqlStore, backend};
use miti_domain::Id;
use miti_domain::application::{
    ApplicationStatus, EndorsementStatus, Gender, InterviewOutcome, Outcome, VettingStatus,
};
use miti_store::{ApplicationLine, LineApplicant, StoreResult};
use serde::Deserialize;
use sqlx::{ColumnIndex, Decode, Encode, Executor, IntoArguments, Type};

/// One page of a programme's lines, through the index on
/// (programme_id, id): the page's first id is found in the index alone
/// (the rows a deep page skips are never read; a plain OFFSET read all
/// 11 550 rows before the last page of the bench call on PostgreSQL,
/// 31 ms), then the page's rows from there. Neither backend sorts or
/// builds a temporary table. The limit and offset are written into the
/// SQL: SQLite expires a prepared statement whenever a parameter its plan
/// looked at is bound again, and LIMIT is one, so a bound limit would be
/// prepared anew on every request.
fn select_page(limit: i64, offset: i64) -> String {
    format!(
        "SELECT a.id, a.status, a.profile, a.endorsement, a.documents,
            a.interview, a.vetting, a.outcome
         FROM applications a
         WHERE a.programme_id = $1
           AND a.id >= (SELECT id FROM applications WHERE programme_id = $1
                        ORDER BY id LIMIT 1 OFFSET {})
         ORDER BY a.id LIMIT {}",
        offset.max(0),
        limit.max(0)
    )
}

#[derive(sqlx::FromRow)]
struct LineRow {
    id: i64,
    status: String,
    profile: Option<String>,
    endorsement: String,
    documents: String,
    interview: Option<String>,
    vetting: String,
    outcome: Option<String>,
}

/// The fields of the profile a line shows (serde skips the others).
#[derive(Deserialize)]
struct ProfilePart {
    passport_name: String,
    city_name: String,
    country: String,
    member: bool,
    gender: Gender,
}

#[derive(Deserialize)]
struct DocumentPart {
    key: String,
}

#[derive(Deserialize)]
struct InterviewPart {
    outcome: InterviewOutcome,
}

impl LineRow {
    fn into_line(self) -> StoreResult<ApplicationLine> {
        let applicant = match self.profile.as_deref() {
            None => None,
            Some(p) => {
                let p: ProfilePart = from_json("profile", p)?;
                Some(LineApplicant {
                    passport_name: p.passport_name,
                    city_name: p.city_name,
                    country: p.country,
                    member: p.member,
                    gender: p.gender,
                })
            }
        };
        let documents: Vec<DocumentPart> = from_json("documents", &self.documents)?;
        Ok(ApplicationLine {
            id: self.id,
            status: parse("status", &self.status, ApplicationStatus::parse)?,
            applicant,
            endorsement: parse("endorsement", &self.endorsement, EndorsementStatus::parse)?,
            document_keys: documents.into_iter().map(|d| d.key).collect(),
            interview: self
                .interview
                .as_deref()
                .map(|i| from_json::<InterviewPart>("interview", i).map(|i| i.outcome))
                .transpose()?,
            vetting: parse("vetting", &self.vetting, VettingStatus::parse)?,
            outcome: self
                .outcome
                .as_deref()
                .map(|o| parse("outcome", o, Outcome::parse))
                .transpose()?,
        })
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
{
    pub(crate) async fn list_application_lines(
        &self,
        programme_id: Id,
        limit: i64,
        offset: i64,
    ) -> StoreResult<Vec<ApplicationLine>> {
        let rows: Vec<LineRow> = sqlx::query_as(sqlx::AssertSqlSafe(select_page(limit, offset)))
            .bind(programme_id)
            .fetch_all(&self.pool)
            .await
            .map_err(backend)?;
        rows.into_iter().map(LineRow::into_line).collect()
    }
}
