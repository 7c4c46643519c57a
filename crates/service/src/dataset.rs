//! Bulk loading for `miti dev dataset`, which fills a throwaway database
//! with a large synthetic network for load tests. Each call is one store
//! transaction with one audit row; nothing here is reachable over HTTP.

use crate::{Services, from_store};
use miti_domain::account::{self, RoleGrant};
use miti_domain::application::Review;
use miti_domain::audit::Actor;
use miti_domain::{DomainError, FieldErrors, Id, UserId};
use miti_store::{BulkApplication, NewUser, StoreError};

/// One account of a bulk load.
#[derive(Debug, Clone)]
pub struct BulkUser {
    pub email: String,
    pub display_name: String,
    pub roles: Vec<RoleGrant>,
}

impl Services {
    /// Creates accounts that all share `password` (hashed once: Argon2 per
    /// account would take minutes for a hundred thousand of them); ids in
    /// the order given.
    pub async fn bulk_users(
        &self,
        users: Vec<BulkUser>,
        password: &str,
    ) -> Result<Vec<UserId>, DomainError> {
        let Some(first) = users.first() else {
            return Ok(vec![]);
        };
        if let Err(code) = account::check_password(password, &first.email) {
            return Err(FieldErrors::single("password", code));
        }
        let password_hash = crate::auth::hash_password(password).await?;
        let new = users
            .into_iter()
            .map(|u| NewUser {
                email: u.email.trim().to_lowercase(),
                display_name: u.display_name,
                password_hash: password_hash.clone(),
                locale: None,
                roles: u.roles,
            })
            .collect();
        self.store
            .bulk_insert_users(Actor::SYSTEM, new)
            .await
            .map_err(|e| match e {
                StoreError::Conflict("email_taken") => FieldErrors::single("email", "email_taken"),
                other => from_store(other),
            })
    }

    /// Writes applications as they stand, with their documents' metadata
    /// (the files themselves are not written) and seats; ids in order.
    pub async fn bulk_applications(
        &self,
        apps: Vec<BulkApplication>,
    ) -> Result<Vec<Id>, DomainError> {
        self.store
            .bulk_insert_applications(Actor::SYSTEM, apps)
            .await
            .map_err(from_store)
    }

    /// Writes reviewer assignments (with their declarations and scores).
    pub async fn bulk_reviews(&self, reviews: Vec<Review>) -> Result<(), DomainError> {
        self.store
            .bulk_insert_reviews(Actor::SYSTEM, reviews)
            .await
            .map_err(from_store)
    }
}
