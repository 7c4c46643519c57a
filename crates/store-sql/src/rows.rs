//! Row shapes as the databases return them, and their conversion into the
//! domain's types. Enumerations are stored as their snake_case names.

use chrono::{DateTime, NaiveDate, Utc};
use miti_domain::account::{Role, RoleGrant, User};
use miti_domain::audit::AuditEntry;
use miti_domain::organisation::{
    LifecycleEvent, Membership, OrgKind, Organisation, Region, Status,
};
use miti_domain::person::{ContactRole, Person};
use miti_domain::text::Localized;
use miti_store::{ApiToken, Document, MailStatus, OutboxMail, StoreError};

pub(crate) fn parse<T>(
    what: &str,
    v: &str,
    f: impl Fn(&str) -> Option<T>,
) -> Result<T, StoreError> {
    f(v).ok_or_else(|| StoreError::Backend(format!("unknown {what} {v:?} in database")))
}

pub(crate) fn localized(json: &str) -> Result<Localized, StoreError> {
    serde_json::from_str(json).map_err(|e| StoreError::Backend(format!("bad localized text: {e}")))
}

pub(crate) fn localized_json(t: &Localized) -> String {
    // Serialising a struct of strings cannot fail.
    serde_json::to_string(t).unwrap_or_default()
}

#[derive(sqlx::FromRow)]
pub(crate) struct OrgRow {
    pub id: i64,
    pub slug: String,
    pub kind: String,
    pub names: String,
    pub country: String,
    pub region: String,
    pub city: Option<String>,
    pub timezone: String,
    pub website: Option<String>,
    pub working_languages: String,
    pub parent_id: Option<i64>,
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

pub(crate) const ORG_COLUMNS: &str = "id, slug, kind, names, country, region, city, timezone, website, working_languages, parent_id, status, created_at, updated_at, version";

impl OrgRow {
    pub fn into_org(self, memberships: Vec<Membership>) -> Result<Organisation, StoreError> {
        Ok(Organisation {
            id: self.id,
            slug: self.slug,
            kind: parse("kind", &self.kind, OrgKind::parse)?,
            name: localized(&self.names)?,
            country: self.country,
            region: parse("region", &self.region, Region::parse)?,
            city: self.city,
            timezone: self.timezone,
            website: self.website,
            working_languages: self
                .working_languages
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            parent_id: self.parent_id,
            status: parse("status", &self.status, Status::parse)?,
            memberships,
            created_at: self.created_at,
            updated_at: self.updated_at,
            version: self.version,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct MembershipRow {
    pub id: i64,
    pub org_id: i64,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
}

impl MembershipRow {
    pub fn into_membership(self) -> Membership {
        Membership {
            id: self.id,
            from: self.starts_on,
            until: self.ends_on,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct LifecycleRow {
    pub id: i64,
    pub org_id: i64,
    pub from_status: String,
    pub to_status: String,
    pub occurred_on: NaiveDate,
    pub note: String,
    pub document_id: Option<i64>,
    pub document_name: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl TryFrom<LifecycleRow> for LifecycleEvent {
    type Error = StoreError;
    fn try_from(r: LifecycleRow) -> Result<Self, StoreError> {
        Ok(LifecycleEvent {
            id: r.id,
            org_id: r.org_id,
            from_status: parse("status", &r.from_status, Status::parse)?,
            to_status: parse("status", &r.to_status, Status::parse)?,
            on: r.occurred_on,
            note: r.note,
            document_id: r.document_id,
            document_name: r.document_name,
            created_at: r.created_at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct PersonRow {
    pub id: i64,
    pub org_id: i64,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub contact_role: String,
    pub created_at: DateTime<Utc>,
}

impl TryFrom<PersonRow> for Person {
    type Error = StoreError;
    fn try_from(r: PersonRow) -> Result<Self, StoreError> {
        Ok(Person {
            id: r.id,
            org_id: r.org_id,
            name: r.name,
            email: r.email,
            phone: r.phone,
            contact_role: parse("contact role", &r.contact_role, ContactRole::parse)?,
            created_at: r.created_at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct UserRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub locale: Option<String>,
    pub timezone: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl UserRow {
    pub fn into_user(self, grants: Vec<GrantRow>) -> Result<(User, String), StoreError> {
        let roles = grants
            .into_iter()
            .map(|g| {
                Ok(RoleGrant {
                    role: parse("role", &g.role, Role::parse)?,
                    org_id: g.org_id,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok((
            User {
                id: self.id,
                email: self.email,
                display_name: self.display_name,
                locale: self.locale,
                timezone: self.timezone,
                roles,
                created_at: self.created_at,
            },
            self.password_hash,
        ))
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct GrantRow {
    pub user_id: i64,
    pub role: String,
    pub org_id: i64,
}

#[derive(sqlx::FromRow)]
pub(crate) struct ApiTokenRow {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<ApiTokenRow> for ApiToken {
    fn from(r: ApiTokenRow) -> Self {
        ApiToken {
            id: r.id,
            user_id: r.user_id,
            name: r.name,
            created_at: r.created_at,
            last_used_at: r.last_used_at,
            revoked_at: r.revoked_at,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct OutboxRow {
    pub id: i64,
    pub to_addr: String,
    pub subject: String,
    pub body: String,
    pub locale: String,
    pub status: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

impl From<OutboxRow> for OutboxMail {
    fn from(r: OutboxRow) -> Self {
        OutboxMail {
            id: r.id,
            to: r.to_addr,
            subject: r.subject,
            body: r.body,
            locale: r.locale,
            status: MailStatus::parse(&r.status),
            attempts: r.attempts,
            last_error: r.last_error,
            created_at: r.created_at,
            sent_at: r.sent_at,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct DocumentRow {
    pub id: i64,
    pub org_id: i64,
    pub storage_key: String,
    pub filename: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub created_at: DateTime<Utc>,
}

impl From<DocumentRow> for Document {
    fn from(r: DocumentRow) -> Self {
        Document {
            id: r.id,
            org_id: r.org_id,
            storage_key: r.storage_key,
            filename: r.filename,
            content_type: r.content_type,
            size: r.size_bytes,
            sha256: r.sha256,
            created_at: r.created_at,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct AuditRow {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_user_id: Option<i64>,
    pub actor_email: Option<String>,
    pub actor_org_id: Option<i64>,
    pub action: String,
    pub target_kind: String,
    pub target_id: Option<i64>,
    pub details: String,
}

impl From<AuditRow> for AuditEntry {
    fn from(r: AuditRow) -> Self {
        AuditEntry {
            id: r.id,
            at: r.at,
            actor_user_id: r.actor_user_id,
            actor_email: r.actor_email,
            actor_org_id: r.actor_org_id,
            action: r.action,
            target_kind: r.target_kind,
            target_id: r.target_id,
            details: r.details,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct MouRow {
    pub id: i64,
    pub title: String,
    pub signed_on: NaiveDate,
    pub overseen_by: Option<i64>,
    pub valid_until: Option<NaiveDate>,
    pub document_id: Option<i64>,
    pub document_name: Option<String>,
    pub created_at: DateTime<Utc>,
}
