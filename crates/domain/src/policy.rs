//! Who may do what: one table of role × action, plus record scope.
//!
//! The table answers whether a role may attempt an action at all. Whether it
//! applies to a given record is the scope rule: a role held in organisation X
//! reaches X's records (and, for network admins, every record). A record out of
//! scope answers "not found", never "forbidden", so that another
//! organisation's records cannot be discovered.

use crate::OrgId;
use crate::account::{Role, User};
use serde::Serialize;

/// Every action a route can require. Adding a route means naming its action
/// here and giving it a row in [`POLICY`]; a test fails otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Public pages and the public API: anyone, signed in or not.
    Public,
    /// Pages about one's own account: any signed-in user.
    OwnAccount,
    OrgCreate,
    OrgEdit,
    OrgLifecycle,
    PeopleView,
    PeopleEdit,
    MouView,
    MouEdit,
    DocumentDownload,
    AuditView,
    OutboxView,
    UserAdmin,
    /// Staff views of programmes (own centre's; admins all).
    ProgrammeView,
    /// Create, edit and move programmes along the workflow.
    ProgrammeEdit,
    /// Edit the list of catalogue themes.
    ThemeEdit,
    /// See annual plans (own centre's; admins all) and submit them.
    PlanSubmit,
    /// Comment on, send back or endorse annual plans.
    PlanReview,
    /// Start, edit, submit and withdraw one's own applications, answer an
    /// offer and give logistics (scope: the applicant themself).
    ApplyOwn,
    /// A city's focal point: see its own city's applicants, endorse or
    /// decline and rank them (scope: the city).
    Nominate,
    /// Host-centre staff: applications of their centre's programmes,
    /// reviewers, interviews, selection, decisions, reports (scope: host).
    ApplicationManage,
    /// Review applications one is assigned to (scope: the assignment).
    Review,
    /// See and set vetting status: a dedicated role, not all staff.
    Vet,
    /// Edit a programme's SDG alignment and answer its suggestions (host
    /// centre's staff; admins all).
    SdgAlignmentEdit,
    /// The network's SDG coverage by year, centre and theme.
    SdgCoverageView,
}

/// Who may attempt each action. `None` means anyone (also anonymous);
/// `Some(&[])` would mean nobody.
pub const POLICY: &[(Action, Option<&[Role]>)] = {
    use Role::*;
    &[
        (Action::Public, None),
        (
            Action::OwnAccount,
            Some(&[NetworkAdmin, CentreStaff, FocalPoint, Applicant, Expert]),
        ),
        (Action::OrgCreate, Some(&[NetworkAdmin])),
        (
            Action::OrgEdit,
            Some(&[NetworkAdmin, CentreStaff, FocalPoint]),
        ),
        (Action::OrgLifecycle, Some(&[NetworkAdmin])),
        (
            Action::PeopleView,
            Some(&[NetworkAdmin, CentreStaff, FocalPoint]),
        ),
        (
            Action::PeopleEdit,
            Some(&[NetworkAdmin, CentreStaff, FocalPoint]),
        ),
        (Action::MouView, Some(&[NetworkAdmin, CentreStaff])),
        (Action::MouEdit, Some(&[NetworkAdmin])),
        (
            Action::DocumentDownload,
            Some(&[NetworkAdmin, CentreStaff, FocalPoint]),
        ),
        (Action::AuditView, Some(&[NetworkAdmin])),
        (Action::OutboxView, Some(&[NetworkAdmin])),
        (Action::UserAdmin, Some(&[NetworkAdmin])),
        (Action::ProgrammeView, Some(&[NetworkAdmin, CentreStaff])),
        (Action::ProgrammeEdit, Some(&[NetworkAdmin, CentreStaff])),
        (Action::ThemeEdit, Some(&[NetworkAdmin])),
        (Action::PlanSubmit, Some(&[NetworkAdmin, CentreStaff])),
        (Action::PlanReview, Some(&[NetworkAdmin])),
        (Action::ApplyOwn, Some(&[Applicant])),
        (Action::Nominate, Some(&[FocalPoint])),
        (
            Action::ApplicationManage,
            Some(&[NetworkAdmin, CentreStaff]),
        ),
        (Action::Review, Some(&[NetworkAdmin, CentreStaff, Expert])),
        (Action::Vet, Some(&[NetworkAdmin, Vetter])),
        (Action::SdgAlignmentEdit, Some(&[NetworkAdmin, CentreStaff])),
        (Action::SdgCoverageView, Some(&[NetworkAdmin, CentreStaff])),
    ]
};

/// An action without a row in [`POLICY`]: a programming error that the
/// route tests catch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MissingPolicy(pub Action);

/// The roles allowed to attempt `action`, or `None` when it is open to anyone.
pub fn roles_for(action: Action) -> Result<Option<&'static [Role]>, MissingPolicy> {
    POLICY
        .iter()
        .find(|(a, _)| *a == action)
        .map(|(_, roles)| *roles)
        .ok_or(MissingPolicy(action))
}

/// Whether `user` (or an anonymous visitor) may attempt `action` at all.
pub fn may_attempt(user: Option<&User>, action: Action) -> bool {
    match roles_for(action) {
        Ok(None) => true,
        Ok(Some(roles)) => user.is_some_and(|u| u.roles.iter().any(|g| roles.contains(&g.role))),
        Err(_) => false,
    }
}

/// Whether `user` may perform `action` on a record owned by `owner`: they hold
/// one of the action's roles either network-wide (network admin) or in the
/// owning organisation itself.
pub fn in_scope(user: &User, action: Action, owner: OrgId) -> bool {
    let Ok(roles) = roles_for(action) else {
        return false;
    };
    let Some(roles) = roles else { return true };
    user.roles
        .iter()
        .any(|g| roles.contains(&g.role) && (g.role == Role::NetworkAdmin || g.org_id == owner))
}

/// Whether any of `owners` is in scope (records shared by several
/// organisations, such as an MoU between two parties).
pub fn in_scope_any(user: &User, action: Action, owners: &[OrgId]) -> bool {
    owners.iter().any(|o| in_scope(user, action, *o))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::RoleGrant;
    use chrono::Utc;

    fn user(role: Role, org: OrgId) -> User {
        User {
            id: 1,
            email: "x@y.z".into(),
            display_name: "x".into(),
            locale: None,
            timezone: None,
            roles: vec![RoleGrant { role, org_id: org }],
            created_at: Utc::now(),
        }
    }

    #[test]
    fn every_action_has_exactly_one_row() {
        use Action::*;
        for a in [
            Public,
            OwnAccount,
            OrgCreate,
            OrgEdit,
            OrgLifecycle,
            PeopleView,
            PeopleEdit,
            MouView,
            MouEdit,
            DocumentDownload,
            AuditView,
            OutboxView,
            UserAdmin,
            ProgrammeView,
            ProgrammeEdit,
            ThemeEdit,
            PlanSubmit,
            PlanReview,
            SdgAlignmentEdit,
            SdgCoverageView,
        ] {
            assert_eq!(POLICY.iter().filter(|(x, _)| *x == a).count(), 1, "{a:?}");
        }
    }

    #[test]
    fn scope_is_own_org_or_network() {
        let staff = user(Role::CentreStaff, 10);
        assert!(in_scope(&staff, Action::OrgEdit, 10));
        assert!(!in_scope(&staff, Action::OrgEdit, 11));
        assert!(!in_scope(&staff, Action::OrgLifecycle, 10));
        let admin = user(Role::NetworkAdmin, 1);
        assert!(in_scope(&admin, Action::OrgLifecycle, 99));
        assert!(may_attempt(None, Action::Public));
        assert!(!may_attempt(None, Action::OwnAccount));
        assert!(!may_attempt(
            Some(&user(Role::Applicant, 5)),
            Action::AuditView
        ));
    }
}
