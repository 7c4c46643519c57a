//! Review: host-centre staff assign reviewers; each declares conflicts of
//! interest before scoring on the call's weighted rubric.

use super::Seen;
use crate::{Ctx, Services, from_store};
use chrono::Utc;
use miti_domain::account::{Role, User};
use miti_domain::application::{CallRules, Combined, Review, ReviewForm, combine, combine_counted};
use miti_domain::policy::Action;
use miti_domain::programme::Programme;
use miti_domain::{DomainError, FieldErrors, Id, UserId};
use miti_store::{ReviewFilter, StoreError};
use std::collections::BTreeMap;

/// A reviewer's assignment with what they need to score it.
pub struct Assignment {
    pub review: Review,
    pub seen: Seen,
    pub rules: CallRules,
}

/// How far the call's review has got.
#[derive(Debug, Clone, Default)]
pub struct ReviewProgress {
    pub assigned: usize,
    pub conflicted: usize,
    pub submitted: usize,
    /// Combined score per application.
    pub scores: BTreeMap<Id, Combined>,
    /// Reviews per application.
    pub by_application: BTreeMap<Id, Vec<Review>>,
}

impl Services {
    /// Who may review (and interview) for a programme: its host centre's
    /// staff and the network's experts.
    pub async fn reviewer_choices(&self, programme: &Programme) -> Result<Vec<User>, DomainError> {
        let host = programme.input.host_org_id;
        let users = self.store.list_users().await.map_err(from_store)?;
        Ok(users
            .into_iter()
            .filter(|u| {
                u.roles.iter().any(|g| {
                    (g.role == Role::CentreStaff && g.org_id == host) || g.role == Role::Expert
                })
            })
            .collect())
    }

    pub async fn assign_reviewer(
        &self,
        ctx: &Ctx,
        application_id: Id,
        reviewer: &str,
    ) -> Result<Review, DomainError> {
        let seen = self.managed_application(ctx, application_id).await?;
        let choices = self.reviewer_choices(&seen.programme).await?;
        let Some(reviewer_id) = reviewer
            .trim()
            .parse::<UserId>()
            .ok()
            .filter(|id| choices.iter().any(|u| u.id == *id))
        else {
            return Err(FieldErrors::single("reviewer_id", "invalid_choice"));
        };
        if seen.app.user_id == reviewer_id {
            return Err(FieldErrors::single("reviewer_id", "invalid_choice"));
        }
        self.store
            .assign_reviewer(ctx.actor(), application_id, reviewer_id)
            .await
            .map_err(|e| match e {
                StoreError::Conflict("already_assigned") => {
                    FieldErrors::single("reviewer_id", "already_assigned")
                }
                other => from_store(other),
            })
    }

    /// The caller's review assignments, newest programme first.
    pub async fn my_reviews(&self, ctx: &Ctx) -> Result<Vec<(Review, Seen)>, DomainError> {
        ctx.require(Action::Review)?;
        let user = ctx.user()?;
        let reviews = self
            .store
            .reviews(&ReviewFilter {
                reviewer_id: Some(user.id),
                ..Default::default()
            })
            .await
            .map_err(from_store)?;
        let mut out = vec![];
        for r in reviews {
            let app = self.application_by_id(r.application_id).await?;
            let programme = self.programme_by_id(app.programme_id).await?;
            out.push((
                r,
                Seen {
                    app,
                    programme,
                    vetting_visible: false,
                },
            ));
        }
        Ok(out)
    }

    /// One of the caller's assignments; anyone else's answers "not found".
    pub async fn assignment(&self, ctx: &Ctx, review_id: Id) -> Result<Assignment, DomainError> {
        ctx.require(Action::Review)?;
        let user = ctx.user()?;
        let review = self
            .store
            .review(review_id)
            .await
            .map_err(from_store)?
            .filter(|r| r.reviewer_id == user.id)
            .ok_or(DomainError::NotFound)?;
        let app = self.application_by_id(review.application_id).await?;
        let programme = self.programme_by_id(app.programme_id).await?;
        let rules = self.rules_for(programme.id).await?;
        Ok(Assignment {
            review,
            seen: Seen {
                app,
                programme,
                vetting_visible: false,
            },
            rules,
        })
    }

    pub async fn declare_conflict(
        &self,
        ctx: &Ctx,
        review_id: Id,
        form: &ReviewForm,
    ) -> Result<Review, DomainError> {
        self.assignment(ctx, review_id).await?;
        let step = form.validate_declaration().map_err(DomainError::Invalid)?;
        self.store
            .save_review(ctx.actor(), review_id, step, Utc::now())
            .await
            .map_err(from_store)
    }

    pub async fn score_review(
        &self,
        ctx: &Ctx,
        review_id: Id,
        form: &ReviewForm,
    ) -> Result<Review, DomainError> {
        let a = self.assignment(ctx, review_id).await?;
        let step = form
            .validate_scores(&a.rules.rubric)
            .map_err(DomainError::Invalid)?;
        self.store
            .save_review(ctx.actor(), review_id, step, Utc::now())
            .await
            .map_err(from_store)
    }

    pub(crate) async fn is_reviewer_of(
        &self,
        user_id: UserId,
        application_id: Id,
    ) -> Result<bool, DomainError> {
        Ok(!self
            .store
            .reviews(&ReviewFilter {
                application_id: Some(application_id),
                reviewer_id: Some(user_id),
                ..Default::default()
            })
            .await
            .map_err(from_store)?
            .is_empty())
    }

    /// Combined scores of the applications `ids` (one page of the staff's
    /// list): from their own reviews only, the same as
    /// [`Self::review_progress`] gives them unless the call normalises
    /// scores per reviewer, which needs every review of the call.
    pub(crate) async fn page_scores(
        &self,
        programme_id: Id,
        rules: &CallRules,
        ids: Vec<Id>,
    ) -> Result<BTreeMap<Id, Combined>, DomainError> {
        if rules.normalise {
            let all = self.review_progress(programme_id, rules).await?;
            return Ok(all
                .scores
                .into_iter()
                .filter(|(id, _)| ids.contains(id))
                .collect());
        }
        let counted = self.store.counted_scores(&ids).await.map_err(from_store)?;
        Ok(combine_counted(
            &rules.rubric,
            counted
                .iter()
                .map(|r| (r.application_id, r.reviewer_id, &r.scores)),
            false,
        ))
    }

    /// Assignments, conflicts, submissions and combined scores of a call.
    pub async fn review_progress(
        &self,
        programme_id: Id,
        rules: &CallRules,
    ) -> Result<ReviewProgress, DomainError> {
        let reviews = self
            .store
            .reviews(&ReviewFilter {
                programme_id: Some(programme_id),
                ..Default::default()
            })
            .await
            .map_err(from_store)?;
        let mut p = ReviewProgress {
            assigned: reviews.len(),
            conflicted: reviews.iter().filter(|r| r.conflict == Some(true)).count(),
            submitted: reviews.iter().filter(|r| r.is_counted()).count(),
            scores: combine(&rules.rubric, &reviews, rules.normalise),
            by_application: BTreeMap::new(),
        };
        for r in reviews {
            p.by_application
                .entry(r.application_id)
                .or_default()
                .push(r);
        }
        Ok(p)
    }
}
