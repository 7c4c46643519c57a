//! Who is asking: built by the web layer for each request.

use miti_domain::account::{Role, User};
use miti_domain::audit::Actor;
use miti_domain::policy::{self, Action};
use miti_domain::{DomainError, OrgId};

#[derive(Debug, Clone)]
pub struct Ctx {
    pub user: Option<User>,
    /// The client's address (after trusted-proxy resolution), for throttling and audit.
    pub address: String,
    /// The interface language of this request, for emails sent on its behalf.
    pub locale: miti_i18n::Locale,
}

impl Ctx {
    pub fn anonymous(address: &str, locale: miti_i18n::Locale) -> Self {
        Self {
            user: None,
            address: address.into(),
            locale,
        }
    }

    /// The audit actor: the user, acting for the organisation of their first role.
    pub fn actor(&self) -> Actor {
        match &self.user {
            Some(u) => Actor {
                user_id: Some(u.id),
                org_id: u.roles.first().map(|g| g.org_id),
            },
            None => Actor::SYSTEM,
        }
    }

    /// The action is open to this caller at all (role check).
    pub fn require(&self, action: Action) -> Result<&Ctx, DomainError> {
        if policy::may_attempt(self.user.as_ref(), action) {
            Ok(self)
        } else if self.user.is_none() {
            Err(DomainError::Unauthorized)
        } else {
            Err(DomainError::Forbidden)
        }
    }

    /// The action applies to a record owned by `owner`; out of scope is "not found".
    pub fn require_scope(&self, action: Action, owner: OrgId) -> Result<&User, DomainError> {
        self.require(action)?;
        match &self.user {
            Some(u) if policy::in_scope(u, action, owner) => Ok(u),
            Some(_) => Err(DomainError::NotFound),
            None => Err(DomainError::Unauthorized),
        }
    }

    /// Like [`Ctx::require_scope`] for records shared by several organisations.
    pub fn require_scope_any(
        &self,
        action: Action,
        owners: &[OrgId],
    ) -> Result<&User, DomainError> {
        self.require(action)?;
        match &self.user {
            Some(u) if policy::in_scope_any(u, action, owners) => Ok(u),
            Some(_) => Err(DomainError::NotFound),
            None => Err(DomainError::Unauthorized),
        }
    }

    pub fn user(&self) -> Result<&User, DomainError> {
        self.user.as_ref().ok_or(DomainError::Unauthorized)
    }

    pub fn is_network_admin(&self) -> bool {
        self.user
            .as_ref()
            .is_some_and(|u| u.has_role(Role::NetworkAdmin))
    }
}
