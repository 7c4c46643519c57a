//! Step reports of a call: who applied (by city, region, member status and
//! gender) and how far they got (the funnel).

use crate::{Ctx, Services, from_store};
use miti_domain::application::{Application, FUNNEL, count_by, funnel};
use miti_domain::programme::Programme;
use miti_domain::{DomainError, Id};
use miti_store::ApplicationFilter;
use std::collections::BTreeMap;

/// The figures of one call's step report.
pub struct StepReport {
    pub programme: Programme,
    pub by_city: BTreeMap<String, usize>,
    pub by_region: BTreeMap<String, usize>,
    pub by_member: BTreeMap<String, usize>,
    pub by_gender: BTreeMap<String, usize>,
    /// (stage, count) in funnel order.
    pub funnel: Vec<(&'static str, usize)>,
}

/// Counts the report from a call's applications.
pub fn step_report(programme: Programme, apps: &[Application]) -> StepReport {
    let profile = |a: &Application| a.profile.clone();
    StepReport {
        by_city: count_by(apps, |a| {
            profile(a).map(|p| format!("{} ({})", p.city_name, p.country))
        }),
        by_region: count_by(apps, |a| profile(a).map(|p| p.region.as_str().to_string())),
        by_member: count_by(apps, |a| {
            profile(a).map(|p| if p.member { "member" } else { "non_member" }.to_string())
        }),
        by_gender: count_by(apps, |a| profile(a).map(|p| p.gender.as_str().to_string())),
        funnel: FUNNEL.iter().copied().zip(funnel(apps)).collect(),
        programme,
    }
}

impl Services {
    pub async fn step_report(
        &self,
        ctx: &Ctx,
        programme_id: Id,
    ) -> Result<StepReport, DomainError> {
        let programme = self.managed_programme(ctx, programme_id).await?;
        let apps = self
            .store
            .applications(&ApplicationFilter {
                programme_id: Some(programme_id),
                ..Default::default()
            })
            .await
            .map_err(from_store)?;
        Ok(step_report(programme, &apps))
    }
}
