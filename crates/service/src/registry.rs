//! The network registry: organisations, memberships, centre lifecycles,
//! people and MoUs, each under the policy table and record scope.

use crate::documents::Upload;
use crate::{Ctx, Services, from_store};
use miti_domain::audit::{AuditEntry, AuditFilter};
use miti_domain::mou::{Mou, MouForm};
use miti_domain::organisation::{
    LifecycleEvent, OrgFilter, OrgForm, OrgKind, Organisation, Status,
};
use miti_domain::person::{Person, PersonForm};
use miti_domain::policy::Action;
use miti_domain::{DomainError, FieldErrors, Id, OrgId, validate};
use miti_store::{NewLifecycleEvent, OutboxMail, StoreError};

/// A lifecycle step as submitted from the form.
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(default)]
pub struct LifecycleForm {
    pub to: String,
    pub on: String,
    pub note: String,
}

/// A membership period as submitted from the form.
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(default)]
pub struct MembershipForm {
    pub from: String,
    pub until: String,
}

fn field_conflict(e: StoreError, code: &'static str, field: &str) -> DomainError {
    match e {
        StoreError::Conflict(c) if c == code => FieldErrors::single(field, code),
        other => from_store(other),
    }
}

impl Services {
    pub async fn organisations(
        &self,
        filter: &OrgFilter,
    ) -> Result<Vec<Organisation>, DomainError> {
        self.store.organisations(filter).await.map_err(from_store)
    }

    /// Public: every organisation's name and kind, for pages that name
    /// hosts and partners.
    pub async fn organisation_names(&self) -> Result<Vec<miti_store::OrgName>, DomainError> {
        self.store.organisation_names().await.map_err(from_store)
    }

    /// Public: every organisation's public fields can be read by anyone.
    pub async fn organisation(&self, id: OrgId) -> Result<Organisation, DomainError> {
        self.store
            .organisation(id)
            .await
            .map_err(from_store)?
            .ok_or(DomainError::NotFound)
    }

    pub async fn organisation_for_edit(
        &self,
        ctx: &Ctx,
        id: OrgId,
    ) -> Result<Organisation, DomainError> {
        ctx.require_scope(Action::OrgEdit, id)?;
        self.organisation(id).await
    }

    pub async fn create_organisation(
        &self,
        ctx: &Ctx,
        form: &OrgForm,
    ) -> Result<Organisation, DomainError> {
        ctx.require(Action::OrgCreate)?;
        let input = form.validate()?;
        self.store
            .create_organisation(ctx.actor(), input)
            .await
            .map_err(|e| match e {
                StoreError::Conflict("unknown_parent") | StoreError::Conflict("parent_cycle") => {
                    FieldErrors::single("parent_id", "invalid_choice")
                }
                other => field_conflict(other, "slug_taken", "slug"),
            })
    }

    /// Edits an organisation's own fields. Only network admins may change
    /// its kind, slug or parent: for anyone else those stay as they were.
    pub async fn update_organisation(
        &self,
        ctx: &Ctx,
        id: OrgId,
        form: &OrgForm,
    ) -> Result<Organisation, DomainError> {
        ctx.require_scope(Action::OrgEdit, id)?;
        let current = self.organisation(id).await?;
        let mut input = form.validate()?;
        if !ctx.is_network_admin() {
            input.kind = current.kind;
            input.slug = current.slug.clone();
            input.parent_id = current.parent_id;
        }
        self.store
            .update_organisation(ctx.actor(), id, form.base_version(), input)
            .await
            .map_err(|e| match e {
                StoreError::Conflict("stale_version") => DomainError::Conflict("stale_version"),
                StoreError::Conflict("unknown_parent") | StoreError::Conflict("parent_cycle") => {
                    FieldErrors::single("parent_id", "invalid_choice")
                }
                other => field_conflict(other, "slug_taken", "slug"),
            })
    }

    pub async fn add_membership(
        &self,
        ctx: &Ctx,
        org_id: OrgId,
        form: &MembershipForm,
    ) -> Result<(), DomainError> {
        ctx.require(Action::OrgLifecycle)?;
        self.organisation(org_id).await?;
        let mut errs = FieldErrors::new();
        let from = validate::date(&mut errs, "from", &form.from, true);
        let until = validate::date(&mut errs, "until", &form.until, false);
        if let (Some(f), Some(u)) = (from, until)
            && u < f
        {
            errs.add("until", "date_order");
        }
        let from = errs
            .finish(from)?
            .ok_or_else(|| FieldErrors::single("from", "required"))?;
        self.store
            .add_membership(ctx.actor(), org_id, from, until)
            .await
            .map(|_| ())
            .map_err(|e| field_conflict(e, "membership_overlap", "from"))
    }

    pub async fn remove_membership(
        &self,
        ctx: &Ctx,
        org_id: OrgId,
        id: Id,
    ) -> Result<(), DomainError> {
        ctx.require(Action::OrgLifecycle)?;
        self.store
            .remove_membership(ctx.actor(), org_id, id)
            .await
            .map_err(from_store)
    }

    /// Moves a regional centre along its lifecycle, with an optional document
    /// (e.g. the withdrawal letter).
    pub async fn record_lifecycle_event(
        &self,
        ctx: &Ctx,
        org_id: OrgId,
        form: &LifecycleForm,
        document: Option<Upload>,
    ) -> Result<LifecycleEvent, DomainError> {
        ctx.require(Action::OrgLifecycle)?;
        let org = self.organisation(org_id).await?;
        let mut errs = FieldErrors::new();
        if !matches!(org.kind, OrgKind::RegionalCentre | OrgKind::Headquarters) {
            errs.add("to", "lifecycle_not_a_centre");
        }
        let to = validate::choice(&mut errs, "to", &form.to, Status::parse);
        if let Some(to) = to
            && !org.status.can_move_to(to)
        {
            errs.add_with(
                "to",
                "lifecycle_invalid_transition",
                &[("from", org.status.to_string()), ("to", to.to_string())],
            );
        }
        let on = validate::date(&mut errs, "on", &form.on, true);
        let note = validate::optional(&mut errs, "note", &form.note, 2000).unwrap_or_default();
        let (Some(to), Some(on)) = (to, on) else {
            return Err(DomainError::Invalid(errs));
        };
        errs.finish(())?;
        let document = match document {
            Some(d) if !d.bytes.is_empty() => Some(self.store_upload("document", org_id, d).await?),
            _ => None,
        };
        self.store
            .record_lifecycle_event(
                ctx.actor(),
                NewLifecycleEvent {
                    org_id,
                    to,
                    on,
                    note,
                },
                org.status,
                document,
            )
            .await
            .map_err(from_store)
    }

    pub async fn lifecycle_events(
        &self,
        org_id: OrgId,
    ) -> Result<Vec<LifecycleEvent>, DomainError> {
        self.store
            .lifecycle_events(org_id)
            .await
            .map_err(from_store)
    }

    // ---- people -----------------------------------------------------------

    pub async fn people(&self, ctx: &Ctx, org_id: OrgId) -> Result<Vec<Person>, DomainError> {
        ctx.require_scope(Action::PeopleView, org_id)?;
        self.store.people(org_id).await.map_err(from_store)
    }

    pub async fn create_person(
        &self,
        ctx: &Ctx,
        org_id: OrgId,
        form: &PersonForm,
    ) -> Result<Person, DomainError> {
        ctx.require_scope(Action::PeopleEdit, org_id)?;
        let input = form.validate()?;
        self.store
            .create_person(ctx.actor(), org_id, input)
            .await
            .map_err(from_store)
    }

    /// A person, if `action` on their organisation is in the caller's scope
    /// (out of scope answers "not found", like a missing record).
    async fn person_in_scope(
        &self,
        ctx: &Ctx,
        id: Id,
        action: Action,
    ) -> Result<Person, DomainError> {
        let p = self
            .store
            .person(id)
            .await
            .map_err(from_store)?
            .ok_or(DomainError::NotFound)?;
        ctx.require_scope(action, p.org_id)?;
        Ok(p)
    }

    pub async fn person(&self, ctx: &Ctx, id: Id) -> Result<Person, DomainError> {
        self.person_in_scope(ctx, id, Action::PeopleView).await
    }

    pub async fn update_person(
        &self,
        ctx: &Ctx,
        id: Id,
        form: &PersonForm,
    ) -> Result<Person, DomainError> {
        self.person_in_scope(ctx, id, Action::PeopleEdit).await?;
        let input = form.validate()?;
        self.store
            .update_person(ctx.actor(), id, input)
            .await
            .map_err(from_store)
    }

    pub async fn delete_person(&self, ctx: &Ctx, id: Id) -> Result<OrgId, DomainError> {
        let p = self.person_in_scope(ctx, id, Action::PeopleEdit).await?;
        self.store
            .delete_person(ctx.actor(), id)
            .await
            .map_err(from_store)?;
        Ok(p.org_id)
    }

    // ---- MoUs ---------------------------------------------------------------

    /// The MoUs the caller may see: all for network admins, else those their
    /// organisation is party to.
    pub async fn mous(&self, ctx: &Ctx) -> Result<Vec<Mou>, DomainError> {
        ctx.require(Action::MouView)?;
        let all = self.store.mous().await.map_err(from_store)?;
        let Some(user) = &ctx.user else {
            return Ok(vec![]);
        };
        Ok(all
            .into_iter()
            .filter(|m| miti_domain::policy::in_scope_any(user, Action::MouView, &m.parties))
            .collect())
    }

    pub async fn mou(&self, ctx: &Ctx, id: Id) -> Result<Mou, DomainError> {
        let m = self
            .store
            .mou(id)
            .await
            .map_err(from_store)?
            .ok_or(DomainError::NotFound)?;
        ctx.require_scope_any(Action::MouView, &m.parties)?;
        Ok(m)
    }

    pub async fn create_mou(
        &self,
        ctx: &Ctx,
        form: &MouForm,
        document: Option<Upload>,
    ) -> Result<Mou, DomainError> {
        ctx.require(Action::MouEdit)?;
        let input = form.validate()?;
        let document = match document {
            Some(d) if !d.bytes.is_empty() => {
                Some(self.store_upload("document", input.parties[0], d).await?)
            }
            _ => None,
        };
        self.store
            .create_mou(ctx.actor(), input, document)
            .await
            .map_err(|e| field_conflict(e, "unknown_organisation", "parties"))
    }

    // ---- audit and outbox ---------------------------------------------------

    pub async fn audit_entries(
        &self,
        ctx: &Ctx,
        filter: &AuditFilter,
        page: i64,
        per_page: i64,
    ) -> Result<(Vec<AuditEntry>, i64), DomainError> {
        ctx.require(Action::AuditView)?;
        self.store
            .audit_entries(filter, per_page, (page.max(1) - 1) * per_page)
            .await
            .map_err(from_store)
    }

    pub async fn outbox(
        &self,
        ctx: &Ctx,
        page: i64,
        per_page: i64,
    ) -> Result<(Vec<OutboxMail>, i64), DomainError> {
        ctx.require(Action::OutboxView)?;
        self.store
            .outbox(per_page, (page.max(1) - 1) * per_page)
            .await
            .map_err(from_store)
    }
}
