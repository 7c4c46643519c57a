//! The city's side: its focal point sees its own city's applicants only,
//! endorses or declines each with a comment, and ranks its nominees.

use super::Seen;
use crate::{Ctx, Services, from_store};
use chrono::Utc;
use miti_domain::account::Role;
use miti_domain::application::{Application, EndorsementForm};
use miti_domain::policy::{self, Action};
use miti_domain::programme::Programme;
use miti_domain::{DomainError, FieldErrors, Id};
use miti_store::{ApplicationChange, ApplicationFilter, StoreError};

impl Services {
    /// Submitted applications from the focal point's cities, by programme.
    pub async fn city_nominees(
        &self,
        ctx: &Ctx,
    ) -> Result<Vec<(Application, Programme)>, DomainError> {
        ctx.require(Action::Nominate)?;
        let user = ctx.user()?;
        let mut out = vec![];
        for city in user.orgs_with(Role::FocalPoint) {
            let apps = self
                .store
                .applications(&ApplicationFilter {
                    city_org_id: Some(city),
                    submitted_only: true,
                    ..Default::default()
                })
                .await
                .map_err(from_store)?;
            for a in apps {
                let p = self.programme_by_id(a.programme_id).await?;
                out.push((a, p));
            }
        }
        out.sort_by_key(|(a, p)| {
            (
                p.input.arrival,
                a.programme_id,
                a.endorsement.rank.unwrap_or(i32::MAX),
                a.id,
            )
        });
        Ok(out)
    }

    /// One submitted application from the focal point's city; any other
    /// answers "not found".
    pub async fn nominee(&self, ctx: &Ctx, id: Id) -> Result<Seen, DomainError> {
        ctx.require(Action::Nominate)?;
        let user = ctx.user()?;
        let app = self.application_by_id(id).await?;
        let city = app.profile.as_ref().and_then(|p| p.city_org_id);
        let mine =
            app.is_submitted() && city.is_some_and(|c| policy::in_scope(user, Action::Nominate, c));
        if !mine {
            return Err(DomainError::NotFound);
        }
        let programme = self.programme_by_id(app.programme_id).await?;
        Ok(Seen {
            app,
            programme,
            vetting_visible: false,
        })
    }

    /// Endorses (with a rank) or declines (with a reason) a nominee.
    pub async fn endorse(
        &self,
        ctx: &Ctx,
        id: Id,
        form: &EndorsementForm,
    ) -> Result<Application, DomainError> {
        let seen = self.nominee(ctx, id).await?;
        let step = form.validate().map_err(DomainError::Invalid)?;
        let version = form.version.trim().parse().ok().or(Some(seen.app.version));
        let by = ctx.user()?.id;
        self.store
            .change_application(
                ctx.actor(),
                id,
                version,
                ApplicationChange::Endorse {
                    step,
                    by,
                    at: Utc::now(),
                },
            )
            .await
            .map_err(|e| match e {
                StoreError::Conflict("rank_taken") => FieldErrors::single("rank", "rank_taken"),
                other => from_store(other),
            })
    }
}
