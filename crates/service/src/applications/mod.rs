//! The year's heart: applications to a call and every step after them.
//!
//! - [`apply`]: the applicant's own application (draft, upload, submit,
//!   withdraw) and their answer to an offer;
//! - [`nominate`]: the city's focal point endorses and ranks its nominees;
//! - [`review`]: reviewers, conflicts and rubric scores;
//! - [`gates`]: interviews, vetting and the staff's pipeline view;
//! - [`cohort`]: the selection engine on the call's real data, overrides,
//!   the confirmed cohort, waitlist promotion;
//! - [`report`]: the step reports.
//!
//! Access follows one rule per role: the applicant reaches their own
//! applications, the focal point its city's submitted ones, reviewers their
//! assignments, host-centre staff their centre's programmes; anything else
//! answers "not found".

pub mod apply;
pub mod cohort;
pub mod gates;
pub mod letter;
pub mod nominate;
mod notify;
pub mod report;
pub mod review;

use crate::{Ctx, Services, from_store};
use miti_domain::application::{Application, CallRules};
use miti_domain::call::Call;
use miti_domain::policy::{self, Action};
use miti_domain::programme::Programme;
use miti_domain::{DomainError, Id};

/// An application as one viewer may see it: vetting only for holders of
/// the vetting permission on the host centre.
#[derive(Debug, Clone)]
pub struct Seen {
    pub app: Application,
    pub programme: Programme,
    pub vetting_visible: bool,
}

impl Services {
    pub(crate) async fn programme_by_id(&self, id: Id) -> Result<Programme, DomainError> {
        self.store
            .programme(id)
            .await
            .map_err(from_store)?
            .ok_or(DomainError::NotFound)
    }

    pub(crate) async fn application_by_id(&self, id: Id) -> Result<Application, DomainError> {
        self.store
            .application(id)
            .await
            .map_err(from_store)?
            .ok_or(DomainError::NotFound)
    }

    /// The programme, for its host centre's staff (or an admin).
    pub async fn managed_programme(&self, ctx: &Ctx, id: Id) -> Result<Programme, DomainError> {
        ctx.require(Action::ApplicationManage)?;
        let p = self.programme_by_id(id).await?;
        ctx.require_scope(Action::ApplicationManage, p.input.host_org_id)?;
        Ok(p)
    }

    /// An application and its programme, for the host centre's staff.
    pub async fn managed_application(&self, ctx: &Ctx, id: Id) -> Result<Seen, DomainError> {
        ctx.require(Action::ApplicationManage)?;
        let app = self.application_by_id(id).await?;
        let programme = self.managed_programme(ctx, app.programme_id).await?;
        Ok(self.seen(ctx, app, programme))
    }

    /// A programme's applications for its host centre's staff.
    pub async fn managed_applications(
        &self,
        ctx: &Ctx,
        filter: &miti_store::ApplicationFilter,
    ) -> Result<Vec<Application>, DomainError> {
        let Some(programme_id) = filter.programme_id else {
            return Err(DomainError::NotFound);
        };
        self.managed_programme(ctx, programme_id).await?;
        self.store.applications(filter).await.map_err(from_store)
    }

    pub(crate) fn seen(&self, ctx: &Ctx, app: Application, programme: Programme) -> Seen {
        let vetting_visible = may_vet(ctx, &programme);
        Seen {
            app,
            programme,
            vetting_visible,
        }
    }

    /// The call's rules, or the network's defaults.
    pub async fn rules_for(&self, programme_id: Id) -> Result<CallRules, DomainError> {
        Ok(self
            .store
            .call_rules(programme_id)
            .await
            .map_err(from_store)?
            .unwrap_or_else(|| CallRules::defaults(programme_id)))
    }

    pub(crate) async fn call_of(&self, programme_id: Id) -> Result<Call, DomainError> {
        self.store
            .call(programme_id)
            .await
            .map_err(from_store)?
            .ok_or(DomainError::NotFound)
    }
}

/// Whether the caller holds the vetting permission for this programme's host.
pub fn may_vet(ctx: &Ctx, programme: &Programme) -> bool {
    ctx.user
        .as_ref()
        .is_some_and(|u| policy::in_scope(u, Action::Vet, programme.input.host_org_id))
}
