//! `miti dev`: hidden helpers for tests and benchmarks on a throwaway
//! database. Nothing here is meant for a production database.

pub mod dataset;

use miti_domain::account::{Role, RoleGrant};
use miti_domain::audit::Actor;
use miti_service::Services;

/// Makes `count` applicant accounts `{prefix}-{n:03}@applicants.test`
/// (n = 1..=count) with one password, held in the member city `city`. An
/// account that already exists is left as it is. Prints how many were made,
/// never the password.
pub async fn applicants(
    services: &Services,
    count: u32,
    prefix: &str,
    city: &str,
    password: &str,
) -> Result<String, String> {
    let org = services
        .store
        .organisation_by_slug(city)
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no organisation {city:?}"))?;
    let (mut made, mut kept) = (0, 0);
    for n in 1..=count {
        let email = format!("{prefix}-{n:03}@applicants.test");
        let grant = RoleGrant {
            role: Role::Applicant,
            org_id: org.id,
        };
        let existing = services
            .store
            .user_credentials(&email)
            .await
            .map_err(|e| e.to_string())?;
        if existing.is_some() {
            kept += 1;
            continue;
        }
        let name = format!("Applicant {prefix} {n}");
        services
            .create_user(Actor::SYSTEM, &email, &name, password, vec![grant])
            .await
            .map_err(|e| format!("{email}: {e:?}"))?;
        made += 1;
    }
    Ok(format!(
        "applicants {prefix}-001..{prefix}-{count:03}@applicants.test in {city}: {made} made, {kept} already there"
    ))
}
