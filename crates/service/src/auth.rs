//! Sign-in, sessions, password reset and API tokens.

use crate::secrets::{new_token, token_hash};
use crate::{Ctx, Services, from_store};
use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use chrono::{DateTime, Utc};
use miti_domain::account::{self, RoleGrant, User};
use miti_domain::audit::Actor;
use miti_domain::policy::Action;
use miti_domain::{DomainError, FieldErrors, Id, validate};
use miti_i18n::{Locale, Value, tr, tr_args_plain};
use miti_store::{
    ApiToken, LoginAttempt, NewApiToken, NewMail, NewPasswordReset, NewSession, NewUser,
};

/// A started session: the cookie's token (shown once) and when it expires.
#[derive(Debug, Clone)]
pub struct SessionStart {
    pub token: String,
    pub user: User,
    pub expires_at: DateTime<Utc>,
}

/// Argon2id with the crate's recommended parameters. Hashing is slow on
/// purpose, so it runs off the async threads.
pub async fn hash_password(password: &str) -> Result<String, DomainError> {
    let password = password.to_string();
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| DomainError::Internal(format!("password hashing failed: {e}")))
    })
    .await
    .map_err(|e| DomainError::Internal(e.to_string()))?
}

async fn verify_password(password: &str, hash: &str) -> bool {
    let (password, hash) = (password.to_string(), hash.to_string());
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .verify_password(password.as_bytes(), hash.as_str())
            .is_ok()
    })
    .await
    .unwrap_or(false)
}

/// A valid hash of nothing anyone knows, verified when the email is unknown so
/// that a wrong email takes as long as a wrong password.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$7V1O0Xo7YhTgCTr2yJxgnxzz9GyAlY2d8m6T3+8ZQ1A";

impl Services {
    /// Creates an account (used by `miti create-admin` and the demo seed).
    pub async fn create_user(
        &self,
        actor: Actor,
        email: &str,
        display_name: &str,
        password: &str,
        roles: Vec<RoleGrant>,
    ) -> Result<User, DomainError> {
        let mut errs = FieldErrors::new();
        let email = validate::email(&mut errs, "email", email);
        let display_name = validate::required(&mut errs, "display_name", display_name, 200);
        if let Err(code) = account::check_password(password, &email) {
            errs.add_with(
                "password",
                code,
                &[("min", account::PASSWORD_MIN_CHARS.to_string())],
            );
        }
        errs.finish(())?;
        let password_hash = hash_password(password).await?;
        self.store
            .create_user(
                actor,
                NewUser {
                    email,
                    display_name,
                    password_hash,
                    locale: None,
                    roles,
                },
            )
            .await
            .map_err(|e| match e {
                miti_store::StoreError::Conflict("email_taken") => {
                    FieldErrors::single("email", "email_taken")
                }
                other => from_store(other),
            })
    }

    /// Checks a password and starts a session, ending `previous` (the
    /// session the browser had, if any) so that a session id is never reused
    /// across a sign-in.
    pub async fn login(
        &self,
        ctx: &Ctx,
        email: &str,
        password: &str,
        previous: Option<&str>,
    ) -> Result<SessionStart, DomainError> {
        let email = email.trim().to_lowercase();
        let now = Utc::now();
        let s = &self.settings;
        let (by_email, by_address) = self
            .store
            .login_failures(&email, &ctx.address, now - s.login_window)
            .await
            .map_err(from_store)?;
        if by_email >= s.login_max_failures || by_address >= s.login_max_failures {
            return Err(DomainError::TooManyRequests {
                retry_after_secs: s.login_window.num_seconds().max(1) as u64,
            });
        }
        let found = self
            .store
            .user_credentials(&email)
            .await
            .map_err(from_store)?;
        let ok = match &found {
            Some((_, hash)) => verify_password(password, hash).await,
            None => {
                verify_password(password, DUMMY_HASH).await;
                false
            }
        };
        self.store
            .record_login_attempt(LoginAttempt {
                email: email.clone(),
                address: ctx.address.clone(),
                at: now,
                success: ok,
            })
            .await
            .map_err(from_store)?;
        let Some((user, _)) = found.filter(|_| ok) else {
            return Err(DomainError::Invalid({
                let mut e = FieldErrors::new();
                e.add("password", "login_failed");
                e
            }));
        };
        let token = new_token();
        let expires_at = now + s.session_absolute;
        let actor = Actor {
            user_id: Some(user.id),
            org_id: user.roles.first().map(|g| g.org_id),
        };
        self.store
            .start_session(
                actor,
                NewSession {
                    token_hash: token_hash(&token),
                    user_id: user.id,
                    created_at: now,
                    expires_at,
                    address: ctx.address.clone(),
                },
                previous.map(token_hash),
            )
            .await
            .map_err(from_store)?;
        Ok(SessionStart {
            token,
            user,
            expires_at,
        })
    }

    /// The user behind a session cookie, if the session is live. Records
    /// activity at most once a minute to keep reads cheap.
    pub async fn session_user(&self, token: &str) -> Result<Option<User>, DomainError> {
        let now = Utc::now();
        let hash = token_hash(token);
        let Some((session, user)) = self
            .store
            .session(&hash, now, self.settings.session_idle)
            .await
            .map_err(from_store)?
        else {
            return Ok(None);
        };
        if now - session.last_seen_at > chrono::Duration::seconds(60) {
            self.store
                .touch_session(&hash, now)
                .await
                .map_err(from_store)?;
        }
        Ok(Some(user))
    }

    pub async fn logout(&self, ctx: &Ctx, token: &str) -> Result<(), DomainError> {
        self.store
            .end_session(ctx.actor(), &token_hash(token))
            .await
            .map_err(from_store)
    }

    /// Emails a one-time reset link when the address belongs to an account.
    /// Answers the same either way, so the form does not reveal who has one.
    pub async fn request_password_reset(&self, ctx: &Ctx, email: &str) -> Result<(), DomainError> {
        self.send_password_link(ctx, email, PasswordLink::Reset)
            .await
    }

    /// Emails a new account's welcome link to choose its password.
    pub(crate) async fn send_welcome_link(
        &self,
        ctx: &Ctx,
        email: &str,
    ) -> Result<(), DomainError> {
        self.send_password_link(ctx, email, PasswordLink::Welcome)
            .await
    }

    /// Emails a one-time link to choose a password, if the address has an account.
    async fn send_password_link(
        &self,
        ctx: &Ctx,
        email: &str,
        kind: PasswordLink,
    ) -> Result<(), DomainError> {
        let mut errs = FieldErrors::new();
        let email = validate::email(&mut errs, "email", email);
        errs.finish(())?;
        let Some((user, _)) = self
            .store
            .user_credentials(&email)
            .await
            .map_err(from_store)?
        else {
            return Ok(());
        };
        let token = new_token();
        let now = Utc::now();
        let locale = user
            .locale
            .as_deref()
            .and_then(Locale::parse)
            .unwrap_or(ctx.locale);
        let link = format!(
            "{}/reset/{}",
            self.settings.public_url.trim_end_matches('/'),
            token
        );
        let (ttl, subject_key, body_key) = match kind {
            PasswordLink::Reset => (
                self.settings.reset_token_ttl,
                "email-reset-subject",
                "email-reset-body",
            ),
            PasswordLink::Welcome => (
                self.settings.invitation_ttl,
                "email-welcome-subject",
                "email-welcome-body",
            ),
        };
        let body = format!(
            "{}\n\n{}",
            tr_args_plain(
                locale,
                body_key,
                &[
                    ("link", Value::from(link.as_str())),
                    ("minutes", Value::from(ttl.num_minutes())),
                    ("days", Value::from(ttl.num_days())),
                    ("name", Value::from(user.display_name.as_str())),
                ],
            ),
            tr(locale, "email-footer")
        );
        self.store
            .create_password_reset(
                ctx.actor(),
                NewPasswordReset {
                    token_hash: token_hash(&token),
                    user_id: user.id,
                    expires_at: now + ttl,
                },
                NewMail {
                    to: user.email.clone(),
                    subject: tr(locale, subject_key),
                    body,
                    locale: locale.code().into(),
                    created_at: now,
                },
            )
            .await
            .map_err(from_store)
    }

    /// Sets a new password from a reset link; every session of the user ends.
    pub async fn reset_password(
        &self,
        token: &str,
        password: &str,
        confirm: &str,
    ) -> Result<(), DomainError> {
        let mut errs = FieldErrors::new();
        if let Err(code) = account::check_password(password, "") {
            errs.add_with(
                "password",
                code,
                &[("min", account::PASSWORD_MIN_CHARS.to_string())],
            );
        } else if password != confirm {
            errs.add("confirm", "password_mismatch");
        }
        errs.finish(())?;
        let hash = hash_password(password).await?;
        self.store
            .consume_password_reset(&token_hash(token), Utc::now(), &hash)
            .await
            .map(|_| ())
            .map_err(from_store)
    }

    pub async fn set_preferences(
        &self,
        ctx: &Ctx,
        locale: &str,
        timezone: &str,
    ) -> Result<(), DomainError> {
        ctx.require(Action::OwnAccount)?;
        let user = ctx.user()?;
        let mut errs = FieldErrors::new();
        let locale = match locale.trim() {
            "" => None,
            l => match Locale::parse(l) {
                Some(l) => Some(l.code().to_string()),
                None => {
                    errs.add("locale", "invalid_choice");
                    None
                }
            },
        };
        let timezone = match timezone.trim() {
            "" => None,
            tz => Some(validate::timezone(&mut errs, "timezone", tz)),
        };
        errs.finish(())?;
        self.store
            .update_preferences(ctx.actor(), user.id, locale, timezone)
            .await
            .map_err(from_store)
    }

    // ---- personal API tokens --------------------------------------------

    /// Creates a token; the secret is returned once and only its hash is kept.
    pub async fn create_api_token(
        &self,
        ctx: &Ctx,
        name: &str,
    ) -> Result<(String, ApiToken), DomainError> {
        ctx.require(Action::OwnAccount)?;
        let user = ctx.user()?;
        let mut errs = FieldErrors::new();
        let name = validate::required(&mut errs, "name", name, 100);
        errs.finish(())?;
        let secret = format!("miti_{}", new_token());
        let token = self
            .store
            .create_api_token(
                ctx.actor(),
                NewApiToken {
                    user_id: user.id,
                    name,
                    token_hash: token_hash(&secret),
                    created_at: Utc::now(),
                },
            )
            .await
            .map_err(from_store)?;
        Ok((secret, token))
    }

    pub async fn api_tokens(&self, ctx: &Ctx) -> Result<Vec<ApiToken>, DomainError> {
        ctx.require(Action::OwnAccount)?;
        self.store
            .api_tokens(ctx.user()?.id)
            .await
            .map_err(from_store)
    }

    pub async fn revoke_api_token(&self, ctx: &Ctx, id: Id) -> Result<(), DomainError> {
        ctx.require(Action::OwnAccount)?;
        self.store
            .revoke_api_token(ctx.actor(), ctx.user()?.id, id)
            .await
            .map_err(from_store)
    }

    /// The user behind an `Authorization: Bearer` token.
    pub async fn api_token_user(&self, secret: &str) -> Result<Option<User>, DomainError> {
        self.store
            .api_token_user(&token_hash(secret), Utc::now())
            .await
            .map_err(from_store)
    }
}

/// Which email carries a password link.
enum PasswordLink {
    Reset,
    Welcome,
}

/// An invitation as typed by a network admin.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct InviteForm {
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub org_id: String,
}

impl Services {
    pub async fn users(&self, ctx: &Ctx) -> Result<Vec<User>, DomainError> {
        ctx.require(Action::UserAdmin)?;
        self.store.list_users().await.map_err(from_store)
    }

    /// Creates an account with a role and emails a link to choose a password
    /// (the same one-time link as a password reset, valid for the reset TTL).
    pub async fn invite_user(&self, ctx: &Ctx, form: &InviteForm) -> Result<User, DomainError> {
        ctx.require(Action::UserAdmin)?;
        let mut errs = FieldErrors::new();
        let email = validate::email(&mut errs, "email", &form.email);
        let display_name = validate::required(&mut errs, "display_name", &form.display_name, 200);
        let role = validate::choice(&mut errs, "role", &form.role, account::Role::parse);
        let org_id = match form.org_id.trim().parse::<i64>() {
            Ok(id) => Some(id),
            Err(_) => {
                errs.add("org_id", "invalid_choice");
                None
            }
        };
        let (Some(role), Some(org_id)) = (role, org_id) else {
            return Err(DomainError::Invalid(errs));
        };
        errs.finish(())?;
        if self
            .store
            .organisation(org_id)
            .await
            .map_err(from_store)?
            .is_none()
        {
            return Err(FieldErrors::single("org_id", "invalid_choice"));
        }
        // Nobody knows this password: the invitee sets their own through the link.
        let unusable = hash_password(&format!("{}{}", new_token(), new_token())).await?;
        let user = self
            .store
            .create_user(
                ctx.actor(),
                NewUser {
                    email: email.clone(),
                    display_name,
                    password_hash: unusable,
                    locale: None,
                    roles: vec![RoleGrant { role, org_id }],
                },
            )
            .await
            .map_err(|e| match e {
                miti_store::StoreError::Conflict("email_taken") => {
                    FieldErrors::single("email", "email_taken")
                }
                other => from_store(other),
            })?;
        self.send_welcome_link(ctx, &email).await?;
        Ok(user)
    }
}
