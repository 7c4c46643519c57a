//! The staff's pipeline of a call (every application with its score and
//! the gates it still fails), interviews, vetting and the call's rules.

use super::Seen;
use super::review::ReviewProgress;
use crate::{Ctx, Services, from_store};
use miti_domain::account::User;
use miti_domain::application::{
    Application, CallRules, CallRulesForm, Combined, Gate, InterviewForm, failed_gates,
    gates_failed_by, parse_vetting,
};
use miti_domain::call::{Call, RequiredDocument, zone};
use miti_domain::policy::{self, Action};
use miti_domain::programme::Programme;
use miti_domain::programme::ProgrammeFilter;
use miti_domain::{DomainError, Id};
use miti_store::{ApplicationChange, ApplicationFilter, ApplicationLine, CallCounts};

/// One application of a call's whole pipeline.
pub struct PipelineRow {
    pub app: Application,
    pub score: Option<Combined>,
    pub documents_complete: bool,
    /// The gates it fails; empty when it can be selected.
    pub gates: Vec<Gate>,
}

/// A call's applications for its host centre's staff (the selection's input).
pub struct Pipeline {
    pub programme: Programme,
    pub call: Option<Call>,
    pub rules: CallRules,
    pub progress: ReviewProgress,
    pub rows: Vec<PipelineRow>,
    pub vetting_visible: bool,
}

/// One line of a page of the staff's list.
pub struct PageRow {
    pub line: ApplicationLine,
    pub score: Option<Combined>,
    /// The gates it fails; empty when it can be selected.
    pub gates: Vec<Gate>,
}

/// One page of a call's applications for its host centre's staff, with the
/// call's counters.
pub struct PipelinePage {
    pub programme: Programme,
    /// Applications and reviews of the whole call (all pages).
    pub counts: CallCounts,
    pub rows: Vec<PageRow>,
    pub vetting_visible: bool,
}

impl Services {
    /// Every application of the call with its gates and score.
    pub async fn pipeline(&self, ctx: &Ctx, programme_id: Id) -> Result<Pipeline, DomainError> {
        let programme = self.managed_programme(ctx, programme_id).await?;
        let call = self.store.call(programme_id).await.map_err(from_store)?;
        let rules = self.rules_for(programme_id).await?;
        let filter = ApplicationFilter {
            programme_id: Some(programme_id),
            ..Default::default()
        };
        let apps = self.store.applications(&filter).await.map_err(from_store)?;
        let progress = self.review_progress(programme_id, &rules).await?;
        let documents = required_documents(call.as_ref());
        let rows = apps
            .into_iter()
            .map(|app| {
                let score = progress.scores.get(&app.id).copied();
                let gates = failed_gates(&app, &programme, &rules, documents, score.is_some());
                PipelineRow {
                    documents_complete: app.documents_complete(documents),
                    score,
                    gates,
                    app,
                }
            })
            .collect();
        let vetting_visible = super::may_vet(ctx, &programme);
        Ok(Pipeline {
            programme,
            call,
            rules,
            progress,
            rows,
            vetting_visible,
        })
    }

    /// One page of the staff's list: `limit` applications after `offset`,
    /// as light lines with their gates and scores, and the call's counters
    /// (kept by the store, so the page costs the same in a call of any size).
    pub async fn pipeline_page(
        &self,
        ctx: &Ctx,
        programme_id: Id,
        limit: i64,
        offset: i64,
    ) -> Result<PipelinePage, DomainError> {
        let programme = self.managed_programme(ctx, programme_id).await?;
        let call = self.store.call(programme_id).await.map_err(from_store)?;
        let rules = self.rules_for(programme_id).await?;
        let lines = self
            .store
            .application_lines(programme_id, limit, offset)
            .await
            .map_err(from_store)?;
        let counts = self
            .store
            .call_counts(programme_id)
            .await
            .map_err(from_store)?;
        let ids: Vec<Id> = lines.iter().map(|l| l.id).collect();
        let scores = self.page_scores(programme_id, &rules, ids).await?;
        let documents = required_documents(call.as_ref());
        let rows = lines
            .into_iter()
            .map(|line| {
                let score = scores.get(&line.id).copied();
                let facts = line.gate_facts(documents);
                PageRow {
                    gates: gates_failed_by(&facts, &programme, &rules, score.is_some()),
                    score,
                    line,
                }
            })
            .collect();
        let vetting_visible = super::may_vet(ctx, &programme);
        Ok(PipelinePage {
            programme,
            counts,
            rows,
            vetting_visible,
        })
    }

    /// Who may interview for the programme (same pool as reviewers).
    pub async fn interviewer_choices(
        &self,
        programme: &Programme,
    ) -> Result<Vec<User>, DomainError> {
        self.reviewer_choices(programme).await
    }

    /// Schedules a language interview or records its outcome, in any of
    /// the programme's working languages.
    pub async fn save_interview(
        &self,
        ctx: &Ctx,
        id: Id,
        form: &InterviewForm,
    ) -> Result<Application, DomainError> {
        let seen = self.managed_application(ctx, id).await?;
        if !seen.app.is_submitted() {
            return Err(DomainError::Conflict("not_submitted"));
        }
        let interviewers: Vec<Id> = self
            .interviewer_choices(&seen.programme)
            .await?
            .iter()
            .map(|u| u.id)
            .collect();
        let interview = form
            .validate(
                zone(&seen.programme.input.timezone),
                &interviewers,
                &seen.programme.input.working_languages,
            )
            .map_err(DomainError::Invalid)?;
        let version = form.version.trim().parse().ok();
        self.store
            .change_application(
                ctx.actor(),
                id,
                version,
                ApplicationChange::Interview(interview),
            )
            .await
            .map_err(from_store)
    }

    /// Submitted applications of the programmes the caller may vet.
    pub async fn vetting_queue(&self, ctx: &Ctx) -> Result<Vec<Seen>, DomainError> {
        ctx.require(Action::Vet)?;
        let user = ctx.user()?;
        let programmes = self
            .store
            .programmes(&ProgrammeFilter::default())
            .await
            .map_err(from_store)?;
        let mut out = vec![];
        for p in programmes
            .into_iter()
            .filter(|p| policy::in_scope(user, Action::Vet, p.input.host_org_id))
        {
            let apps = self
                .store
                .applications(&ApplicationFilter {
                    programme_id: Some(p.id),
                    submitted_only: true,
                    ..Default::default()
                })
                .await
                .map_err(from_store)?;
            for app in apps {
                out.push(Seen {
                    app,
                    programme: p.clone(),
                    vetting_visible: true,
                });
            }
        }
        Ok(out)
    }

    /// Sets the vetting status: only holders of the vetting permission on
    /// the host centre.
    pub async fn set_vetting(
        &self,
        ctx: &Ctx,
        id: Id,
        value: &str,
    ) -> Result<Application, DomainError> {
        ctx.require(Action::Vet)?;
        let app = self.application_by_id(id).await?;
        let programme = self.programme_by_id(app.programme_id).await?;
        ctx.require_scope(Action::Vet, programme.input.host_org_id)?;
        if !app.is_submitted() {
            return Err(DomainError::Conflict("not_submitted"));
        }
        let status = parse_vetting(value).map_err(DomainError::Invalid)?;
        self.store
            .change_application(ctx.actor(), id, None, ApplicationChange::Vetting(status))
            .await
            .map_err(from_store)
    }

    pub async fn save_call_rules(
        &self,
        ctx: &Ctx,
        programme_id: Id,
        form: &CallRulesForm,
    ) -> Result<CallRules, DomainError> {
        self.managed_programme(ctx, programme_id).await?;
        let rules = form.validate(programme_id).map_err(DomainError::Invalid)?;
        self.store
            .save_call_rules(ctx.actor(), rules)
            .await
            .map_err(from_store)
    }
}

/// The documents a call requires (none without a call).
fn required_documents(call: Option<&Call>) -> &[RequiredDocument] {
    call.map_or(&[], |c| c.documents.as_slice())
}
