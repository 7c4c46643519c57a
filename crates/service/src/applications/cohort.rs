//! Selection on the call's real data: the engine's proposal with an
//! explanation for everyone, staff overrides with reasons, the confirmed
//! cohort, answers by deadline and promotion from the waitlist.

use super::gates::Pipeline;
use crate::{Ctx, Services, from_store};
use chrono::{Duration, Utc};
use miti_domain::application::{CallRules, Decision, Gate, Outcome, SelectionRun};
use miti_domain::programme::Programme;
use miti_domain::{DomainError, FieldErrors, Id, validate};
use miti_selection::{Candidate, Input, Output, Override, Selection, Status};
use miti_store::{ApplicationChange, ApplicationFilter};

/// A stored run with its parsed input and output.
pub struct Proposal {
    pub run: SelectionRun,
    pub input: Input,
    pub output: Output,
}

fn engine_error(e: miti_selection::SelectionError) -> DomainError {
    DomainError::Internal(format!("selection engine: {e}"))
}

fn json_error(e: serde_json::Error) -> DomainError {
    DomainError::Internal(format!("selection run JSON: {e}"))
}

/// The engine's programme record from the programme and its call rules.
fn engine_programme(p: &Programme, rules: &CallRules) -> miti_selection::Programme {
    let e = &p.input.eligibility;
    let mut min_gender_share = std::collections::BTreeMap::new();
    if let Some(pct) = e.gender_balance_target_pct.filter(|p| *p > 0) {
        min_gender_share.insert("female".to_string(), f64::from(pct) / 100.0);
    }
    miti_selection::Programme {
        id: p.id.to_string(),
        capacity: i64::from(p.input.capacity),
        min_member_share: (e.min_member_share_pct > 0)
            .then(|| f64::from(e.min_member_share_pct) / 100.0),
        max_per_city: e.max_per_city.map(i64::from),
        max_per_country: rules.max_per_country.map(i64::from),
        min_regions: rules.min_regions.map(i64::from),
        min_gender_share,
        waitlist_size: Some(i64::from(rules.waitlist_size)),
    }
}

/// The engine's input for a call: every submitted application, eligible
/// when it passes every gate, scored by its combined review score.
fn engine_input(pipeline: &Pipeline, overrides: Vec<Override>) -> Input {
    let pid = pipeline.programme.id.to_string();
    let candidates = pipeline
        .rows
        .iter()
        .filter(|r| r.app.is_submitted())
        .filter_map(|r| {
            let p = r.app.profile.as_ref()?;
            Some(Candidate {
                id: r.app.id.to_string(),
                score: r.score.map_or(0.0, |s| s.score),
                city: r.app.city_key().unwrap_or_default(),
                country: p.country.clone(),
                region: p.region.as_str().to_string(),
                member: p.member,
                gender: p.gender.as_str().to_string(),
                eligible: r.gates.is_empty(),
                preferences: vec![pid.clone()],
            })
        })
        .collect();
    Input {
        programmes: vec![engine_programme(&pipeline.programme, &pipeline.rules)],
        candidates,
        overrides,
    }
}

impl Services {
    /// Runs the engine on the call as it stands and keeps the run.
    pub async fn run_selection(
        &self,
        ctx: &Ctx,
        programme_id: Id,
    ) -> Result<Proposal, DomainError> {
        let pipeline = self.pipeline(ctx, programme_id).await?;
        if !self
            .store
            .seats(programme_id)
            .await
            .map_err(from_store)?
            .is_empty()
        {
            return Err(DomainError::Conflict("cohort_confirmed"));
        }
        let overrides = self
            .store
            .selection_overrides(programme_id)
            .await
            .map_err(from_store)?
            .into_iter()
            .map(|o| Override {
                candidate: o.application_id.to_string(),
                programme: o.include.then(|| programme_id.to_string()),
                reason: o.reason,
            })
            .collect();
        let input = engine_input(&pipeline, overrides);
        let to_solve = input.clone();
        let mut output = tokio::task::spawn_blocking(move || miti_selection::solve(&to_solve))
            .await
            .map_err(|e| DomainError::Internal(e.to_string()))?
            .map_err(engine_error)?;
        // The engine only knows "not eligible"; say which gates failed.
        for c in &mut output.candidates {
            if c.status != Status::Ineligible {
                continue;
            }
            if let Some(row) = pipeline.rows.iter().find(|r| r.app.id.to_string() == c.id) {
                c.reason_params.insert(
                    "gates".into(),
                    row.gates
                        .iter()
                        .map(|g| g.code())
                        .collect::<Vec<_>>()
                        .into(),
                );
            }
        }
        let run = self
            .store
            .save_selection_run(
                ctx.actor(),
                programme_id,
                serde_json::to_string(&input).map_err(json_error)?,
                serde_json::to_string(&output).map_err(json_error)?,
            )
            .await
            .map_err(from_store)?;
        Ok(Proposal { run, input, output })
    }

    /// The latest run of the call, if any.
    pub async fn proposal(
        &self,
        ctx: &Ctx,
        programme_id: Id,
    ) -> Result<Option<Proposal>, DomainError> {
        self.managed_programme(ctx, programme_id).await?;
        let Some(run) = self
            .store
            .latest_selection_run(programme_id)
            .await
            .map_err(from_store)?
        else {
            return Ok(None);
        };
        let input = serde_json::from_str(&run.input).map_err(json_error)?;
        let output = serde_json::from_str(&run.output).map_err(json_error)?;
        Ok(Some(Proposal { run, input, output }))
    }

    /// Forces a seat (`Some(true)`), excludes (`Some(false)`) or clears an
    /// override; a reason is required and recorded.
    pub async fn set_override(
        &self,
        ctx: &Ctx,
        application_id: Id,
        include: Option<bool>,
        reason: &str,
    ) -> Result<(), DomainError> {
        let seen = self.managed_application(ctx, application_id).await?;
        let value = match include {
            None => None,
            Some(include) => {
                let mut errs = FieldErrors::new();
                let reason = validate::required(&mut errs, "reason", reason, 1000);
                errs.finish(())?;
                Some((include, reason))
            }
        };
        self.store
            .set_selection_override(ctx.actor(), seen.programme.id, application_id, value)
            .await
            .map_err(from_store)
    }

    /// The override recorded for an application, if any.
    pub async fn selection_override(
        &self,
        ctx: &Ctx,
        application_id: Id,
    ) -> Result<Option<miti_domain::application::SelectionOverride>, DomainError> {
        let seen = self.managed_application(ctx, application_id).await?;
        Ok(self
            .store
            .selection_overrides(seen.programme.id)
            .await
            .map_err(from_store)?
            .into_iter()
            .find(|o| o.application_id == application_id))
    }

    /// Makes the latest run the cohort: offers with a deadline, the ordered
    /// waitlist, a reason for everyone else; then tells every applicant and
    /// their city's focal point.
    pub async fn confirm_selection(
        &self,
        ctx: &Ctx,
        programme_id: Id,
        run_id: Id,
    ) -> Result<(), DomainError> {
        let pipeline = self.pipeline(ctx, programme_id).await?;
        let Some(p) = self.proposal(ctx, programme_id).await? else {
            return Err(DomainError::Conflict("no_selection"));
        };
        if p.run.id != run_id {
            return Err(DomainError::Conflict("stale_selection"));
        }
        let now = Utc::now();
        let respond_by = now + Duration::days(i64::from(pipeline.rules.respond_days));
        let gates: std::collections::BTreeMap<String, &[Gate]> = pipeline
            .rows
            .iter()
            .map(|r| (r.app.id.to_string(), r.gates.as_slice()))
            .collect();
        let mut decisions = vec![];
        for c in &p.output.candidates {
            let Ok(id) = c.id.parse::<Id>() else { continue };
            let waitlist_position = p.output.programmes.iter().find_map(|prog| {
                prog.waitlist
                    .iter()
                    .position(|w| *w == c.id)
                    .map(|i| i as i32 + 1)
            });
            let mut params = c.reason_params.clone();
            let (outcome, reason) = match c.status {
                Status::Selected => (Outcome::Offered, c.reason.clone()),
                Status::Waitlisted => (Outcome::Waitlisted, c.reason.clone()),
                Status::NotSelected => (Outcome::NotSelected, c.reason.clone()),
                Status::Ineligible => match gates.get(&c.id).filter(|g| !g.is_empty()) {
                    Some(failed) => {
                        params.insert(
                            "gates".into(),
                            failed.iter().map(|g| g.code()).collect::<Vec<_>>().into(),
                        );
                        let why: Vec<&str> = failed.iter().map(|g| g.sentence()).collect();
                        (
                            Outcome::NotSelected,
                            format!("Not eligible: {}.", why.join("; ")),
                        )
                    }
                    None => (Outcome::NotSelected, c.reason.clone()),
                },
            };
            decisions.push((
                id,
                Decision {
                    outcome,
                    waitlist_position: (outcome == Outcome::Waitlisted)
                        .then_some(waitlist_position)
                        .flatten(),
                    respond_by: (outcome == Outcome::Offered).then_some(respond_by),
                    reason,
                    reason_code: c.reason_code.clone(),
                    reason_params: params,
                    seat_no: None,
                    at: now,
                },
            ));
        }
        let users = self.store.list_users().await.map_err(from_store)?;
        let mail = decisions
            .iter()
            .filter_map(|(id, d)| {
                let row = pipeline.rows.iter().find(|r| r.app.id == *id)?;
                Some(self.decision_mails(&pipeline.programme, &row.app, d, &users))
            })
            .flatten()
            .collect();
        self.store
            .confirm_cohort(
                ctx.actor(),
                run_id,
                pipeline.programme.input.capacity,
                decisions,
                mail,
            )
            .await
            .map_err(from_store)?;
        Ok(())
    }

    /// After a seat or open offer is given up, offers it to the first
    /// waitlisted applicant whose promotion keeps every rule (the engine
    /// decides), and tells them.
    pub(crate) async fn promote_after_release(
        &self,
        ctx: &Ctx,
        programme: &Programme,
        released: Id,
    ) -> Result<Option<Id>, DomainError> {
        let Some(run) = self
            .store
            .latest_selection_run(programme.id)
            .await
            .map_err(from_store)?
            .filter(|r| r.confirmed_at.is_some())
        else {
            return Ok(None);
        };
        let input: Input = serde_json::from_str(&run.input).map_err(json_error)?;
        let apps = self
            .store
            .applications(&ApplicationFilter {
                programme_id: Some(programme.id),
                ..Default::default()
            })
            .await
            .map_err(from_store)?;
        let outcome_of =
            |a: &miti_domain::application::Application| a.decision.as_ref().map(|d| d.outcome);
        // The cohort as it stands, with the released applicant still in it
        // (the engine takes their place out itself).
        let mut selected: Vec<String> = apps
            .iter()
            .filter(|a| {
                a.id == released
                    || matches!(outcome_of(a), Some(Outcome::Offered | Outcome::Confirmed))
            })
            .map(|a| a.id.to_string())
            .collect();
        selected.sort();
        selected.dedup();
        let mut waiting: Vec<(i32, String)> = apps
            .iter()
            .filter(|a| outcome_of(a) == Some(Outcome::Waitlisted) && a.is_submitted())
            .map(|a| {
                (
                    a.decision
                        .as_ref()
                        .and_then(|d| d.waitlist_position)
                        .unwrap_or(i32::MAX),
                    a.id.to_string(),
                )
            })
            .collect();
        waiting.sort();
        // Only those still waiting may be promoted: anyone who has since
        // withdrawn or been decided on is marked ineligible for this step.
        let mut input = input;
        for c in &mut input.candidates {
            let still_open = waiting.iter().any(|(_, id)| *id == c.id) || selected.contains(&c.id);
            c.eligible = c.eligible && still_open;
        }
        input.overrides.clear();
        let current = Selection {
            programmes: vec![miti_selection::Cohort {
                id: programme.id.to_string(),
                selected,
                waitlist: waiting.into_iter().map(|(_, id)| id).collect(),
            }],
        };
        let promotion =
            miti_selection::promote_after_withdrawal(&input, &current, &released.to_string())
                .map_err(engine_error)?;
        let Some(next) = promotion
            .promoted
            .as_deref()
            .and_then(|id| id.parse::<Id>().ok())
        else {
            return Ok(None);
        };
        let rules = self.rules_for(programme.id).await?;
        let now = Utc::now();
        let decision = Decision {
            outcome: Outcome::Offered,
            waitlist_position: None,
            respond_by: Some(now + Duration::days(i64::from(rules.respond_days))),
            reason: promotion.reason.clone(),
            reason_code: promotion.reason_code.clone(),
            reason_params: promotion.reason_params.clone(),
            seat_no: None,
            at: now,
        };
        let app = self.application_by_id(next).await?;
        let users = self.store.list_users().await.map_err(from_store)?;
        let mail = self.decision_mails(programme, &app, &decision, &users);
        self.store
            .change_application_notify(
                ctx.actor(),
                next,
                None,
                ApplicationChange::Decide(Some(decision)),
                mail,
            )
            .await
            .map_err(from_store)?;
        Ok(Some(next))
    }

    /// Marks offers past their deadline as expired and promotes in their place.
    pub async fn expire_overdue_offers(
        &self,
        ctx: &Ctx,
        programme_id: Id,
    ) -> Result<usize, DomainError> {
        let programme = self.managed_programme(ctx, programme_id).await?;
        let now = Utc::now();
        let apps = self
            .store
            .applications(&ApplicationFilter {
                programme_id: Some(programme_id),
                ..Default::default()
            })
            .await
            .map_err(from_store)?;
        let mut expired = 0;
        for a in apps {
            let Some(d) = &a.decision else { continue };
            if d.outcome != Outcome::Offered
                || miti_domain::application::offer_open(d.respond_by, now)
            {
                continue;
            }
            let mut e = d.clone();
            e.outcome = Outcome::Expired;
            e.reason = "The offer was not answered by its deadline.".into();
            e.reason_code = "offer_expired".into();
            e.reason_params = Default::default();
            e.at = now;
            self.store
                .change_application(
                    ctx.actor(),
                    a.id,
                    Some(a.version),
                    ApplicationChange::Decide(Some(e)),
                )
                .await
                .map_err(from_store)?;
            expired += 1;
            self.promote_after_release(ctx, &programme, a.id).await?;
        }
        Ok(expired)
    }

    /// Seats and who holds them.
    pub async fn seats(
        &self,
        ctx: &Ctx,
        programme_id: Id,
    ) -> Result<Vec<(i32, Option<Id>)>, DomainError> {
        self.managed_programme(ctx, programme_id).await?;
        self.store.seats(programme_id).await.map_err(from_store)
    }
}
