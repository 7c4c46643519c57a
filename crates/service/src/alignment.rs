//! SDG alignment of programmes (editable by the host centre's staff and
//! network admins), the suggester's open suggestions, and the network's
//! coverage of the goals in a year.

use crate::{Ctx, Services, from_store};
use miti_domain::alignment::{
    Alignment, AlignmentForm, Coverage, CoverageItem, coverage, open_suggestions, suggestion_text,
};
use miti_domain::policy::{self, Action};
use miti_domain::programme::{Programme, ProgrammeFilter, ProgrammeStatus};
use miti_domain::{DomainError, FieldErrors, Id};
use miti_sdg::{Framework, Sdg, Suggestion};
use miti_store::StoreError;
use std::collections::{BTreeMap, BTreeSet};

/// What the alignment editor shows.
#[derive(Debug, Clone)]
pub struct AlignmentEditor {
    pub programme: Programme,
    pub alignment: Option<Alignment>,
    /// The suggester's goals for the programme's texts, less those the
    /// table already has and those dismissed.
    pub suggestions: Vec<Suggestion>,
    /// Goals whose suggestion was dismissed (they can be restored).
    pub dismissed: Vec<u8>,
}

/// The year's programmes (as far as the viewer may see them) and their coverage.
#[derive(Debug, Clone)]
pub struct CoverageReport {
    pub year: i32,
    pub programmes: Vec<Programme>,
    pub coverage: Coverage,
}

fn alignment_conflict(e: StoreError) -> DomainError {
    match e {
        StoreError::Conflict("stale_version") => FieldErrors::single("version", "stale_version"),
        other => from_store(other),
    }
}

/// A goal number 1–17 from a form field.
fn goal_field(v: &str) -> Result<u8, DomainError> {
    match v.trim().parse::<u8>() {
        Ok(g @ 1..=17) => Ok(g),
        _ => Err(FieldErrors::single("goal", "invalid_choice")),
    }
}

impl Services {
    /// The alignment of a programme the caller has already been allowed to see.
    pub async fn alignment_of(&self, p: &Programme) -> Result<Option<Alignment>, DomainError> {
        self.store.alignment(p.id).await.map_err(from_store)
    }

    /// Public: a published programme and its alignment (drafts answer 404,
    /// as the programme itself does).
    pub async fn public_alignment(
        &self,
        id: Id,
    ) -> Result<(Programme, Option<Alignment>), DomainError> {
        let p = self.public_programme(id).await?;
        let a = self.alignment_of(&p).await?;
        Ok((p, a))
    }

    /// A programme whose alignment the caller may edit: its host centre's
    /// staff, or a network admin; anyone else gets 404.
    async fn alignable_programme(&self, ctx: &Ctx, id: Id) -> Result<Programme, DomainError> {
        ctx.require(Action::SdgAlignmentEdit)?;
        let p = self.staff_programme(ctx, id).await?;
        ctx.require_scope(Action::SdgAlignmentEdit, p.input.host_org_id)?;
        Ok(p)
    }

    /// The editor: the saved alignment and the suggestions still open.
    pub async fn alignment_editor(
        &self,
        ctx: &Ctx,
        id: Id,
    ) -> Result<AlignmentEditor, DomainError> {
        let programme = self.alignable_programme(ctx, id).await?;
        let alignment = self.alignment_of(&programme).await?;
        let dismissed = self
            .store
            .dismissed_suggestions(id)
            .await
            .map_err(from_store)?;
        let engine = Sdg::get().map_err(|e| DomainError::Internal(e.to_string()))?;
        let all = engine.suggest(&suggestion_text(&programme.input));
        let aligned = alignment
            .as_ref()
            .map(|a| a.input.goals())
            .unwrap_or_default();
        let dismissed_set: BTreeSet<u8> = dismissed.iter().copied().collect();
        Ok(AlignmentEditor {
            suggestions: open_suggestions(all, &aligned, &dismissed_set),
            programme,
            alignment,
            dismissed,
        })
    }

    /// Saves the alignment form: checked against the SDG framework, from
    /// the version the edit started at.
    pub async fn save_alignment(
        &self,
        ctx: &Ctx,
        id: Id,
        form: &AlignmentForm,
    ) -> Result<Alignment, DomainError> {
        self.alignable_programme(ctx, id).await?;
        let input = form.validate(Framework::get())?;
        let version = form
            .version
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|v| *v >= 0)
            .ok_or_else(|| FieldErrors::single("version", "stale_version"))?;
        self.store
            .save_alignment(ctx.actor(), id, version, input)
            .await
            .map_err(alignment_conflict)
    }

    /// Dismisses the suggestion of a goal for a programme (it is not
    /// suggested again), or restores it with `dismissed: false`.
    pub async fn answer_suggestion(
        &self,
        ctx: &Ctx,
        id: Id,
        goal: &str,
        dismissed: bool,
    ) -> Result<(), DomainError> {
        self.alignable_programme(ctx, id).await?;
        let goal = goal_field(goal)?;
        self.store
            .set_suggestion_dismissed(ctx.actor(), id, goal, dismissed)
            .await
            .map_err(from_store)
    }

    /// The coverage of the goals by the year's programmes, not cancelled:
    /// every one for network admins; for centre staff those past the draft
    /// stage plus their own centre's drafts.
    pub async fn sdg_coverage(&self, ctx: &Ctx, year: i32) -> Result<CoverageReport, DomainError> {
        ctx.require(Action::SdgCoverageView)?;
        let user = ctx.user()?;
        let programmes: Vec<Programme> = self
            .store
            .programmes(&ProgrammeFilter {
                host_org_id: None,
                year: Some(year),
            })
            .await
            .map_err(from_store)?
            .into_iter()
            .filter(|p| {
                p.status != ProgrammeStatus::Cancelled
                    && (p.status.is_public()
                        || policy::in_scope(user, Action::ProgrammeView, p.input.host_org_id))
            })
            .collect();
        let alignments: BTreeMap<Id, Alignment> = self
            .store
            .alignments(year)
            .await
            .map_err(from_store)?
            .into_iter()
            .map(|a| (a.programme_id, a))
            .collect();
        let items: Vec<CoverageItem> = programmes
            .iter()
            .map(|p| CoverageItem::new(p.id, &p.input, alignments.get(&p.id).map(|a| &a.input)))
            .collect();
        Ok(CoverageReport {
            year,
            coverage: coverage(&items),
            programmes,
        })
    }
}
