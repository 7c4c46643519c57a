//! The programme catalogue: themes, programmes and their status workflow.

use crate::{Ctx, Services, from_store};
use miti_domain::policy::Action;
use miti_domain::programme::{
    Mover, Programme, ProgrammeFilter, ProgrammeForm, ProgrammeStatus, Theme, ThemeForm,
    check_transition,
};
use miti_domain::{DomainError, FieldErrors, Id, OrgId};
use miti_store::StoreError;
use std::sync::Arc;

/// A status change as submitted from the form.
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(default)]
pub struct TransitionForm {
    pub to: String,
    pub reason: String,
}

fn programme_conflict(e: StoreError) -> DomainError {
    match e {
        StoreError::Conflict("unknown_theme") => FieldErrors::single("themes", "invalid_choice"),
        StoreError::Conflict("unknown_reference") => {
            FieldErrors::single("host_org_id", "invalid_choice")
        }
        StoreError::Conflict("stale_version") => FieldErrors::single("version", "stale_version"),
        StoreError::Conflict("stale_status") => {
            FieldErrors::single("to", "programme_transition_refused")
        }
        other => from_store(other),
    }
}

impl Services {
    /// Public: the theme list.
    pub async fn themes(&self) -> Result<Vec<Theme>, DomainError> {
        self.store.themes().await.map_err(from_store)
    }

    pub async fn create_theme(&self, ctx: &Ctx, form: &ThemeForm) -> Result<Theme, DomainError> {
        ctx.require(Action::ThemeEdit)?;
        let theme = form.validate()?;
        self.store
            .create_theme(ctx.actor(), theme)
            .await
            .map_err(|e| match e {
                StoreError::Conflict("slug_taken") => FieldErrors::single("slug", "slug_taken"),
                other => from_store(other),
            })
    }

    /// Public: programmes past the draft stage, with optional filters.
    pub async fn public_programmes(
        &self,
        filter: &ProgrammeFilter,
    ) -> Result<Vec<Programme>, DomainError> {
        if filter.host_org_id.is_none() && filter.year.is_none() {
            let all = self.every_programme().await?;
            return Ok(all
                .iter()
                .filter(|p| p.status.is_public())
                .cloned()
                .collect());
        }
        let all = self.store.programmes(filter).await.map_err(from_store)?;
        Ok(all.into_iter().filter(|p| p.status.is_public()).collect())
    }

    /// Every programme by arrival date. The decoded list is kept and read
    /// again only when the store's stamp has changed (any write to a
    /// programme, from any server, changes it), so the public catalogue,
    /// its feed and the API cost one small query instead of reading and
    /// decoding every programme (docs/performance.md).
    async fn every_programme(&self) -> Result<Arc<Vec<Programme>>, DomainError> {
        let stamp = self.store.programmes_stamp().await.map_err(from_store)?;
        if let Ok(seen) = self.programmes.lock()
            && let Some((at, list)) = seen.as_ref()
            && *at == stamp
        {
            return Ok(list.clone());
        }
        let list = Arc::new(
            self.store
                .programmes(&ProgrammeFilter::default())
                .await
                .map_err(from_store)?,
        );
        if let Ok(mut seen) = self.programmes.lock() {
            *seen = Some((stamp, list.clone()));
        }
        Ok(list)
    }

    /// Public: one programme, unless it is still a draft.
    pub async fn public_programme(&self, id: Id) -> Result<Programme, DomainError> {
        let p = self
            .store
            .programme(id)
            .await
            .map_err(from_store)?
            .ok_or(DomainError::NotFound)?;
        if !p.status.is_public() {
            return Err(DomainError::NotFound);
        }
        Ok(p)
    }

    /// The programmes the caller manages: every one for network admins,
    /// else those hosted by the centres where they are staff.
    pub async fn staff_programmes(
        &self,
        ctx: &Ctx,
        year: Option<i32>,
    ) -> Result<Vec<Programme>, DomainError> {
        ctx.require(Action::ProgrammeView)?;
        let user = ctx.user()?;
        let all = self
            .store
            .programmes(&ProgrammeFilter {
                host_org_id: None,
                year,
            })
            .await
            .map_err(from_store)?;
        Ok(all
            .into_iter()
            .filter(|p| {
                miti_domain::policy::in_scope(user, Action::ProgrammeView, p.input.host_org_id)
            })
            .collect())
    }

    /// One programme for its host's staff (or an admin); others get 404.
    pub async fn staff_programme(&self, ctx: &Ctx, id: Id) -> Result<Programme, DomainError> {
        ctx.require(Action::ProgrammeView)?;
        let p = self
            .store
            .programme(id)
            .await
            .map_err(from_store)?
            .ok_or(DomainError::NotFound)?;
        ctx.require_scope(Action::ProgrammeView, p.input.host_org_id)?;
        Ok(p)
    }

    /// The centres (HQ and regional) the caller may host programmes for.
    pub async fn host_choices(
        &self,
        ctx: &Ctx,
    ) -> Result<Vec<miti_domain::organisation::Organisation>, DomainError> {
        ctx.require(Action::ProgrammeEdit)?;
        let user = ctx.user()?;
        let orgs = self
            .organisations(&Default::default())
            .await?
            .into_iter()
            .filter(|o| {
                o.kind.is_centre()
                    && miti_domain::policy::in_scope(user, Action::ProgrammeEdit, o.id)
            })
            .collect();
        Ok(orgs)
    }

    async fn check_host(&self, ctx: &Ctx, host: OrgId) -> Result<(), DomainError> {
        let user = ctx.user()?;
        let org = self.store.organisation(host).await.map_err(from_store)?;
        let Some(org) = org else {
            return Err(FieldErrors::single("host_org_id", "invalid_choice"));
        };
        if !org.kind.is_centre()
            || !miti_domain::policy::in_scope(user, Action::ProgrammeEdit, host)
        {
            return Err(FieldErrors::single("host_org_id", "host_not_a_centre"));
        }
        Ok(())
    }

    async fn theme_slugs(&self) -> Result<Vec<String>, DomainError> {
        Ok(self.themes().await?.into_iter().map(|t| t.slug).collect())
    }

    pub async fn create_programme(
        &self,
        ctx: &Ctx,
        form: &ProgrammeForm,
    ) -> Result<Programme, DomainError> {
        ctx.require(Action::ProgrammeEdit)?;
        let input = form.validate(&self.theme_slugs().await?)?;
        self.check_host(ctx, input.host_org_id).await?;
        self.store
            .create_programme(ctx.actor(), input)
            .await
            .map_err(programme_conflict)
    }

    pub async fn update_programme(
        &self,
        ctx: &Ctx,
        id: Id,
        form: &ProgrammeForm,
    ) -> Result<Programme, DomainError> {
        let current = self.staff_programme(ctx, id).await?;
        ctx.require_scope(Action::ProgrammeEdit, current.input.host_org_id)?;
        let input = form.validate(&self.theme_slugs().await?)?;
        if input.host_org_id != current.input.host_org_id {
            self.check_host(ctx, input.host_org_id).await?;
        }
        let version = form
            .version
            .trim()
            .parse::<i64>()
            .map_err(|_| FieldErrors::single("version", "stale_version"))?;
        self.store
            .update_programme(ctx.actor(), id, version, input)
            .await
            .map_err(programme_conflict)
    }

    /// Moves a programme along its workflow under the domain's rules: host
    /// staff the operational steps, network admins also endorsement; a
    /// cancellation needs a reason.
    pub async fn move_programme(
        &self,
        ctx: &Ctx,
        id: Id,
        form: &TransitionForm,
    ) -> Result<Programme, DomainError> {
        let current = self.staff_programme(ctx, id).await?;
        ctx.require_scope(Action::ProgrammeEdit, current.input.host_org_id)?;
        let Some(to) = ProgrammeStatus::parse(form.to.trim()) else {
            return Err(FieldErrors::single("to", "invalid_choice"));
        };
        let who = if ctx.is_network_admin() {
            Mover::NetworkAdmin
        } else {
            Mover::HostStaff
        };
        let reason = Some(form.reason.trim().to_string()).filter(|r| !r.is_empty());
        if let Some(r) = &reason
            && r.chars().count() > 1000
        {
            let mut e = FieldErrors::new();
            e.add_with("reason", "too_long", &[("max", "1000".into())]);
            return Err(DomainError::Invalid(e));
        }
        check_transition(current.status, to, who, reason.as_deref())?;
        let reason = if to == ProgrammeStatus::Cancelled {
            reason
        } else {
            None
        };
        self.store
            .set_programme_status(ctx.actor(), id, current.status, to, reason)
            .await
            .map_err(programme_conflict)
    }
}

/// Filters of the public catalogue; each `None` matches everything.
#[derive(Debug, Clone, Default)]
pub struct CatalogueFilter {
    pub theme: Option<String>,
    pub centre: Option<OrgId>,
    /// `YYYY-MM`: programmes running at some point in that month.
    pub month: Option<String>,
    /// A working language code.
    pub language: Option<String>,
    pub open_calls_only: bool,
}

impl CatalogueFilter {
    pub fn matches(&self, p: &Programme) -> bool {
        use chrono::NaiveDate;
        let i = &p.input;
        if let Some(t) = &self.theme
            && !i.themes.iter().any(|x| x == t)
        {
            return false;
        }
        if let Some(c) = self.centre
            && i.host_org_id != c
        {
            return false;
        }
        if let Some(m) = &self.month {
            let Ok(first) = NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d") else {
                return false;
            };
            let next = first
                .checked_add_months(chrono::Months::new(1))
                .unwrap_or(first);
            if i.departure < first || i.arrival >= next {
                return false;
            }
        }
        if let Some(l) = &self.language
            && !i.working_languages.iter().any(|x| x == l)
        {
            return false;
        }
        if self.open_calls_only && p.status != ProgrammeStatus::CallOpen {
            return false;
        }
        true
    }
}

impl Services {
    /// Public: the catalogue, filtered.
    pub async fn catalogue(&self, f: &CatalogueFilter) -> Result<Vec<Programme>, DomainError> {
        Ok(self
            .public_programmes(&ProgrammeFilter::default())
            .await?
            .into_iter()
            .filter(|p| f.matches(p))
            .collect())
    }
}

/// The planning aid for one theme: what earlier years offered and how it
/// was received. Applications and evaluations are recorded by later
/// modules; until then their figures are `None` ("no data yet"), never 0.
#[derive(Debug, Clone)]
pub struct ThemeHistory {
    pub theme: Theme,
    /// Programmes with this theme before the planned year (not cancelled).
    pub programmes: usize,
    pub seats: i64,
    pub applications_per_seat: Option<f64>,
    pub average_evaluation: Option<f64>,
}

impl Services {
    /// Per theme, the programmes and seats of the years before `year`, and —
    /// once applications and evaluations exist — applications per seat and
    /// the average evaluation.
    pub async fn planning_aid(&self, year: i32) -> Result<Vec<ThemeHistory>, DomainError> {
        let themes = self.themes().await?;
        let earlier: Vec<Programme> = self
            .public_programmes(&ProgrammeFilter::default())
            .await?
            .into_iter()
            .filter(|p| p.year() < year && p.status != ProgrammeStatus::Cancelled)
            .collect();
        Ok(themes
            .into_iter()
            .map(|t| {
                let with: Vec<&Programme> = earlier
                    .iter()
                    .filter(|p| p.input.themes.contains(&t.slug))
                    .collect();
                ThemeHistory {
                    programmes: with.len(),
                    seats: with.iter().map(|p| i64::from(p.input.capacity)).sum(),
                    applications_per_seat: None,
                    average_evaluation: None,
                    theme: t,
                }
            })
            .collect())
    }
}

// ---- calls for applications ------------------------------------------------

impl Services {
    /// A programme and its call, for the host's staff.
    pub async fn staff_call(
        &self,
        ctx: &Ctx,
        id: Id,
    ) -> Result<(Programme, Option<miti_domain::call::Call>), DomainError> {
        let p = self.staff_programme(ctx, id).await?;
        let call = self.store.call(id).await.map_err(from_store)?;
        Ok((p, call))
    }

    /// Saves a programme's call. While the call is open, a change to the
    /// questions makes a new question-set version (earlier versions are
    /// kept, so submitted applications keep the questions they answered).
    pub async fn save_call(
        &self,
        ctx: &Ctx,
        id: Id,
        form: &miti_domain::call::CallForm,
    ) -> Result<miti_domain::call::Call, DomainError> {
        use miti_domain::call::{Call, next_question_version, zone};
        let p = self.staff_programme(ctx, id).await?;
        ctx.require_scope(Action::ProgrammeEdit, p.input.host_org_id)?;
        let input = form
            .validate(zone(&p.input.timezone))
            .map_err(DomainError::Invalid)?;
        let existing = self.store.call(id).await.map_err(from_store)?;
        let open = p.status == ProgrammeStatus::CallOpen;
        let question_version = match &existing {
            None => 1,
            Some(c) => {
                next_question_version(c.question_version, open, &c.questions, &input.questions)
            }
        };
        let call = Call {
            programme_id: id,
            opens_at: input.opens_at,
            closes_at: input.closes_at,
            timezone: p.input.timezone.clone(),
            documents: input.documents,
            questions: input.questions,
            question_version,
        };
        self.store
            .save_call(ctx.actor(), call)
            .await
            .map_err(from_store)
    }

    /// Public: the call of a published programme, if it has one.
    pub async fn public_call(
        &self,
        id: Id,
    ) -> Result<Option<miti_domain::call::Call>, DomainError> {
        self.public_programme(id).await?;
        self.store.call(id).await.map_err(from_store)
    }
}

// ---- annual plans ------------------------------------------------------------

/// A plan step as submitted from a form.
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(default)]
pub struct PlanForm {
    pub centre: String,
    pub year: String,
    pub kind: String,
    pub comment: String,
}

impl Services {
    /// The plans the caller may see: every one for network admins, else
    /// their centre's.
    pub async fn plans(
        &self,
        ctx: &Ctx,
    ) -> Result<Vec<miti_domain::plan::AnnualPlan>, DomainError> {
        ctx.require(Action::PlanSubmit)?;
        let user = ctx.user()?;
        Ok(self
            .store
            .plans(None)
            .await
            .map_err(from_store)?
            .into_iter()
            .filter(|p| miti_domain::policy::in_scope(user, Action::PlanSubmit, p.centre_org_id))
            .collect())
    }

    pub async fn plan(
        &self,
        ctx: &Ctx,
        id: Id,
    ) -> Result<miti_domain::plan::AnnualPlan, DomainError> {
        let p = self
            .store
            .plan(id)
            .await
            .map_err(from_store)?
            .ok_or(DomainError::NotFound)?;
        ctx.require_scope(Action::PlanSubmit, p.centre_org_id)?;
        Ok(p)
    }

    /// A centre submits (or resubmits) its plan for a year. Late plans are
    /// accepted; the page warns (`plan::is_late`).
    pub async fn submit_plan(
        &self,
        ctx: &Ctx,
        form: &PlanForm,
    ) -> Result<miti_domain::plan::AnnualPlan, DomainError> {
        use miti_domain::plan::{PlanEventKind, next_status};
        let mut errs = FieldErrors::new();
        let centre = form.centre.trim().parse::<OrgId>().ok();
        if centre.is_none() {
            errs.add("centre", "required");
        }
        let year = form
            .year
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (2000..=2100).contains(y));
        if year.is_none() {
            errs.add("year", "invalid_number");
        }
        let (Some(centre), Some(year)) = (centre, year) else {
            return Err(DomainError::Invalid(errs));
        };
        ctx.require_scope(Action::PlanSubmit, centre)
            .map_err(|_| FieldErrors::single("centre", "host_not_a_centre"))?;
        let existing = self
            .store
            .plans(Some(year))
            .await
            .map_err(from_store)?
            .into_iter()
            .find(|p| p.centre_org_id == centre);
        let from = existing.map(|p| p.status);
        let to = next_status(from, PlanEventKind::Submitted).map_err(DomainError::Invalid)?;
        self.store
            .plan_step(
                ctx.actor(),
                centre,
                year,
                from,
                to,
                PlanEventKind::Submitted,
                form.comment.trim().to_string(),
            )
            .await
            .map_err(|e| match e {
                StoreError::Conflict("stale_status") => {
                    FieldErrors::single("kind", "plan_step_refused")
                }
                other => from_store(other),
            })
    }

    /// The Secretariat comments, asks for changes or endorses.
    pub async fn review_plan(
        &self,
        ctx: &Ctx,
        id: Id,
        form: &PlanForm,
    ) -> Result<miti_domain::plan::AnnualPlan, DomainError> {
        use miti_domain::plan::{PlanEventKind, next_status};
        ctx.require(Action::PlanReview)?;
        let p = self.plan(ctx, id).await?;
        let kind = match PlanEventKind::parse(form.kind.trim()) {
            Some(k) if k != PlanEventKind::Submitted => k,
            _ => return Err(FieldErrors::single("kind", "invalid_choice")),
        };
        let comment = form.comment.trim().to_string();
        if comment.is_empty() && kind != PlanEventKind::Endorsed {
            return Err(FieldErrors::single("comment", "required"));
        }
        let to = next_status(Some(p.status), kind).map_err(DomainError::Invalid)?;
        self.store
            .plan_step(
                ctx.actor(),
                p.centre_org_id,
                p.year,
                Some(p.status),
                to,
                kind,
                comment,
            )
            .await
            .map_err(|e| match e {
                StoreError::Conflict("stale_status") => {
                    FieldErrors::single("kind", "plan_step_refused")
                }
                other => from_store(other),
            })
    }
}
