//! Users, role grants, API tokens and password resets.

use crate::rows::{ApiTokenRow, GrantRow, UserRow};
use crate::{Dialect, SqlStore, backend, conflict_on_unique};
use chrono::{DateTime, NaiveDate, Utc};
use miti_domain::account::{RoleGrant, User};
use miti_domain::audit::{Actor, AuditEvent};
use miti_domain::{Id, UserId};
use miti_store::{
    ApiToken, NewApiToken, NewMail, NewPasswordReset, NewUser, StoreError, StoreResult,
};
use sqlx::{ColumnIndex, Decode, Encode, Executor, IntoArguments, Type};

const USER_COLUMNS: &str = "id, email, display_name, password_hash, locale, timezone, created_at";

/// The columns of [`UserGrantRow`] from `users u LEFT JOIN role_grants g`.
pub(crate) const USER_GRANT_COLUMNS: &str = "u.id, u.email, u.display_name, u.password_hash,
    u.locale, u.timezone, u.created_at, g.role, g.org_id";

/// A user joined with one of their grants (none: `role` is NULL).
#[derive(sqlx::FromRow)]
pub(crate) struct UserGrantRow {
    #[sqlx(flatten)]
    user: UserRow,
    role: Option<String>,
    org_id: Option<i64>,
}

impl UserGrantRow {
    pub(crate) fn user_id(&self) -> i64 {
        self.user.id
    }
}

/// The user of these rows (one per grant, ordered by role and
/// organisation) with their grants, and their password hash.
pub(crate) fn user_with_grants(rows: Vec<UserGrantRow>) -> StoreResult<Option<(User, String)>> {
    let grants: Vec<GrantRow> = rows
        .iter()
        .filter_map(|r| {
            Some(GrantRow {
                user_id: r.user.id,
                role: r.role.clone()?,
                org_id: r.org_id?,
            })
        })
        .collect();
    let Some(first) = rows.into_iter().next() else {
        return Ok(None);
    };
    first.user.into_user(grants).map(Some)
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
    pub(crate) async fn insert_user(&self, actor: Actor, new: NewUser) -> StoreResult<User> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO users (email, display_name, password_hash, locale, created_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(new.email.clone())
        .bind(new.display_name)
        .bind(new.password_hash)
        .bind(new.locale)
        .bind(Utc::now())
        .fetch_one(&mut *tx)
        .await
        .map_err(conflict_on_unique("email_taken"))?;
        for g in &new.roles {
            Self::insert_grant(&mut tx, id, g).await?;
        }
        let details = format!(
            "{{\"email\":{:?},\"roles\":{:?}}}",
            new.email,
            new.roles
                .iter()
                .map(|g| g.role.as_str())
                .collect::<Vec<_>>()
        );
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("user.create", "user", Some(id)).with_details(details),
        )
        .await?;
        let user = Self::load_user(&mut tx, id)
            .await?
            .ok_or(StoreError::NotFound)?;
        tx.commit().await.map_err(backend)?;
        Ok(user.0)
    }

    async fn insert_grant(
        conn: &mut DB::Connection,
        user_id: i64,
        g: &RoleGrant,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO role_grants (user_id, role, org_id) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING",
        )
        .bind(user_id)
        .bind(g.role.as_str().to_string())
        .bind(g.org_id)
        .execute(conn)
        .await
        .map_err(backend)?;
        Ok(())
    }

    /// The user with their grants, in one query (a row per grant; one with
    /// no grant for a user without roles).
    async fn load_user(conn: &mut DB::Connection, id: i64) -> StoreResult<Option<(User, String)>> {
        let rows: Vec<UserGrantRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_GRANT_COLUMNS}
             FROM users u LEFT JOIN role_grants g ON g.user_id = u.id
             WHERE u.id = $1 ORDER BY g.role, g.org_id"
        )))
        .bind(id)
        .fetch_all(&mut *conn)
        .await
        .map_err(backend)?;
        user_with_grants(rows)
    }

    pub(crate) async fn user_by_id(&self, id: UserId) -> StoreResult<Option<User>> {
        let mut conn = self.pool.acquire().await.map_err(backend)?;
        Ok(Self::load_user(&mut conn, id).await?.map(|(u, _)| u))
    }

    pub(crate) async fn credentials(&self, email: &str) -> StoreResult<Option<(User, String)>> {
        let mut conn = self.pool.acquire().await.map_err(backend)?;
        let id: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
            .bind(email.to_string())
            .fetch_optional(&mut *conn)
            .await
            .map_err(backend)?;
        match id {
            Some(id) => Self::load_user(&mut conn, id).await,
            None => Ok(None),
        }
    }

    pub(crate) async fn all_users(&self) -> StoreResult<Vec<User>> {
        let rows: Vec<UserRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT {USER_COLUMNS} FROM users ORDER BY email"
        )))
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        let grants: Vec<GrantRow> =
            sqlx::query_as("SELECT user_id, role, org_id FROM role_grants ORDER BY role, org_id")
                .fetch_all(&self.pool)
                .await
                .map_err(backend)?;
        let mut by_user: std::collections::HashMap<i64, Vec<GrantRow>> = Default::default();
        for g in grants {
            by_user.entry(g.user_id).or_default().push(g);
        }
        rows.into_iter()
            .map(|r| {
                let g = by_user.remove(&r.id).unwrap_or_default();
                r.into_user(g).map(|(u, _)| u)
            })
            .collect()
    }

    pub(crate) async fn add_grant(
        &self,
        actor: Actor,
        user_id: UserId,
        grant: RoleGrant,
    ) -> StoreResult<()> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        Self::insert_grant(&mut tx, user_id, &grant).await?;
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("user.grant_role", "user", Some(user_id)).with_details(format!(
                "{{\"role\":\"{}\",\"org_id\":{}}}",
                grant.role, grant.org_id
            )),
        )
        .await?;
        tx.commit().await.map_err(backend)
    }

    pub(crate) async fn set_preferences(
        &self,
        actor: Actor,
        user_id: UserId,
        locale: Option<String>,
        timezone: Option<String>,
    ) -> StoreResult<()> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let done = sqlx::query("UPDATE users SET locale = $1, timezone = $2 WHERE id = $3")
            .bind(locale)
            .bind(timezone)
            .bind(user_id)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        if DB::rows_affected(&done) == 0 {
            return Err(StoreError::NotFound);
        }
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("user.preferences", "user", Some(user_id)),
        )
        .await?;
        tx.commit().await.map_err(backend)
    }

    // ---- password reset -----------------------------------------------

    pub(crate) async fn insert_reset(
        &self,
        actor: Actor,
        reset: NewPasswordReset,
        mail: NewMail,
    ) -> StoreResult<()> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        sqlx::query(
            "INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES ($1, $2, $3)",
        )
        .bind(reset.token_hash)
        .bind(reset.user_id)
        .bind(reset.expires_at)
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        Self::insert_mail(&mut tx, mail).await?;
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("user.password_reset_requested", "user", Some(reset.user_id)),
        )
        .await?;
        tx.commit().await.map_err(backend)
    }

    pub(crate) async fn use_reset(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
        new_hash: &str,
    ) -> StoreResult<UserId> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        // Marking it used in the same statement that checks it makes the token single-use
        // even when two requests race.
        let user_id: Option<i64> = sqlx::query_scalar(
            "UPDATE password_resets SET used_at = $1
             WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1
             RETURNING user_id",
        )
        .bind(now)
        .bind(token_hash.to_string())
        .fetch_optional(&mut *tx)
        .await
        .map_err(backend)?;
        let Some(user_id) = user_id else {
            return Err(StoreError::Conflict("invalid_token"));
        };
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(new_hash.to_string())
            .bind(user_id)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await
            .map_err(backend)?;
        Self::write_audit(
            &mut tx,
            Actor {
                user_id: Some(user_id),
                org_id: None,
            },
            AuditEvent::new("user.password_reset", "user", Some(user_id)),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(user_id)
    }

    // ---- API tokens ------------------------------------------------------

    pub(crate) async fn insert_api_token(
        &self,
        actor: Actor,
        new: NewApiToken,
    ) -> StoreResult<ApiToken> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let row: ApiTokenRow = sqlx::query_as(
            "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4)
             RETURNING id, user_id, name, created_at, last_used_at, revoked_at",
        )
        .bind(new.user_id)
        .bind(new.name)
        .bind(new.token_hash)
        .bind(new.created_at)
        .fetch_one(&mut *tx)
        .await
        .map_err(backend)?;
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("api_token.create", "api_token", Some(row.id)),
        )
        .await?;
        tx.commit().await.map_err(backend)?;
        Ok(row.into())
    }

    pub(crate) async fn list_api_tokens(&self, user_id: UserId) -> StoreResult<Vec<ApiToken>> {
        let rows: Vec<ApiTokenRow> = sqlx::query_as(
            "SELECT id, user_id, name, created_at, last_used_at, revoked_at FROM api_tokens
             WHERE user_id = $1 ORDER BY id DESC",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await
        .map_err(backend)?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    pub(crate) async fn revoke_token(
        &self,
        actor: Actor,
        user_id: UserId,
        id: Id,
    ) -> StoreResult<()> {
        let mut tx = self
            .pool
            .begin_with(DB::BEGIN_WRITE)
            .await
            .map_err(backend)?;
        let done = sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL",
        )
        .bind(Utc::now())
        .bind(id)
        .bind(user_id)
        .execute(&mut *tx)
        .await
        .map_err(backend)?;
        if DB::rows_affected(&done) == 0 {
            return Err(StoreError::NotFound);
        }
        Self::write_audit(
            &mut tx,
            actor,
            AuditEvent::new("api_token.revoke", "api_token", Some(id)),
        )
        .await?;
        tx.commit().await.map_err(backend)
    }

    pub(crate) async fn token_user(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<User>> {
        let mut conn = self.pool.acquire().await.map_err(backend)?;
        let user_id: Option<i64> = sqlx::query_scalar(
            "UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL
             RETURNING user_id",
        )
        .bind(now)
        .bind(token_hash.to_string())
        .fetch_optional(&mut *conn)
        .await
        .map_err(backend)?;
        match user_id {
            Some(id) => Ok(Self::load_user(&mut conn, id).await?.map(|(u, _)| u)),
            None => Ok(None),
        }
    }
}
