//! The `Store` trait: everything miti's services ask of a database.
//!
//! Each method is one transaction. Every method that writes takes the
//! [`Actor`] and writes its audit row in that same transaction, so a write and
//! its audit entry exist together or not at all. Backends: `miti-store-sqlite`
//! and `miti-store-postgres`; both pass [`contract`].

pub mod contract;
mod records;

pub use records::*;

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use miti_domain::account::{RoleGrant, User};
use miti_domain::alignment::{Alignment, AlignmentInput};
use miti_domain::application::{
    Application, CallRules, Decision, Review, ReviewStep, SelectionOverride, SelectionRun,
};
use miti_domain::audit::{Actor, AuditEntry, AuditEvent, AuditFilter};
use miti_domain::call::{Call, Question};
use miti_domain::mou::{Mou, MouInput};
use miti_domain::organisation::{LifecycleEvent, OrgFilter, OrgInput, Organisation, Status};
use miti_domain::person::{Person, PersonInput};
use miti_domain::plan::{AnnualPlan, PlanEventKind, PlanStatus};
use miti_domain::programme::{Programme, ProgrammeFilter, ProgrammeInput, ProgrammeStatus, Theme};
use miti_domain::{Id, OrgId, UserId};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A uniqueness or state rule of the data refused the write; the code is
    /// stable snake_case (`email_taken`, `slug_taken`, `stale_version`, …).
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error("not found")]
    NotFound,
    #[error("database error: {0}")]
    Backend(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// "sqlite" or "postgres".
    fn backend(&self) -> &'static str;
    /// Answers when the database can be reached.
    async fn ping(&self) -> StoreResult<()>;

    // ---- accounts -------------------------------------------------------
    async fn create_user(&self, actor: Actor, new: NewUser) -> StoreResult<User>;
    async fn user(&self, id: UserId) -> StoreResult<Option<User>>;
    /// The user and their password hash, by lower-cased email.
    async fn user_credentials(&self, email: &str) -> StoreResult<Option<(User, String)>>;
    async fn list_users(&self) -> StoreResult<Vec<User>>;
    async fn grant_role(&self, actor: Actor, user_id: UserId, grant: RoleGrant) -> StoreResult<()>;
    async fn update_preferences(
        &self,
        actor: Actor,
        user_id: UserId,
        locale: Option<String>,
        timezone: Option<String>,
    ) -> StoreResult<()>;

    // ---- sessions -------------------------------------------------------
    /// Starts a session, ending `replaces` (the session it rotates from) and
    /// recording the login, all in one transaction.
    async fn start_session(
        &self,
        actor: Actor,
        new: NewSession,
        replaces: Option<String>,
    ) -> StoreResult<()>;
    /// The live session with this token hash, if neither idle nor expired
    /// at `now`, and its user with their roles: one query, as it runs on
    /// every signed-in request.
    async fn session(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
        idle: chrono::Duration,
    ) -> StoreResult<Option<(SessionRecord, User)>>;
    async fn touch_session(&self, token_hash: &str, now: DateTime<Utc>) -> StoreResult<()>;
    async fn end_session(&self, actor: Actor, token_hash: &str) -> StoreResult<()>;

    // ---- login throttling ----------------------------------------------
    async fn record_login_attempt(&self, attempt: LoginAttempt) -> StoreResult<()>;
    /// Failed logins since `since`: (for this email, from this address).
    async fn login_failures(
        &self,
        email: &str,
        address: &str,
        since: DateTime<Utc>,
    ) -> StoreResult<(i64, i64)>;

    // ---- password reset -------------------------------------------------
    /// Stores a reset token and queues its email in one transaction.
    async fn create_password_reset(
        &self,
        actor: Actor,
        reset: NewPasswordReset,
        mail: NewMail,
    ) -> StoreResult<()>;
    /// Uses a reset token once: sets the new hash, ends every session of the
    /// user. `Conflict("invalid_token")` when unknown, used or expired.
    async fn consume_password_reset(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
        new_password_hash: &str,
    ) -> StoreResult<UserId>;

    // ---- API tokens -----------------------------------------------------
    async fn create_api_token(&self, actor: Actor, new: NewApiToken) -> StoreResult<ApiToken>;
    async fn api_tokens(&self, user_id: UserId) -> StoreResult<Vec<ApiToken>>;
    async fn revoke_api_token(&self, actor: Actor, user_id: UserId, id: Id) -> StoreResult<()>;
    /// The user behind an unrevoked token; records its use at `now`.
    async fn api_token_user(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<User>>;

    // ---- outbox ---------------------------------------------------------
    async fn enqueue_mail(&self, mail: NewMail) -> StoreResult<Id>;
    /// Mail due for (re)delivery at `now`, oldest first.
    async fn due_mail(&self, now: DateTime<Utc>, limit: i64) -> StoreResult<Vec<OutboxMail>>;
    async fn mark_mail_sent(&self, id: Id, at: DateTime<Utc>) -> StoreResult<()>;
    async fn mark_mail_failed(
        &self,
        id: Id,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
    ) -> StoreResult<()>;
    async fn outbox(&self, limit: i64, offset: i64) -> StoreResult<(Vec<OutboxMail>, i64)>;

    // ---- organisations --------------------------------------------------
    async fn create_organisation(&self, actor: Actor, input: OrgInput)
    -> StoreResult<Organisation>;
    /// Applies an edit made from `base_version`; `Conflict("stale_version")`
    /// when someone else saved in between.
    async fn update_organisation(
        &self,
        actor: Actor,
        id: OrgId,
        base_version: i64,
        input: OrgInput,
    ) -> StoreResult<Organisation>;
    async fn organisation(&self, id: OrgId) -> StoreResult<Option<Organisation>>;
    async fn organisation_by_slug(&self, slug: &str) -> StoreResult<Option<Organisation>>;
    async fn organisations(&self, filter: &OrgFilter) -> StoreResult<Vec<Organisation>>;
    /// Every organisation's name and kind (one light query), by slug.
    async fn organisation_names(&self) -> StoreResult<Vec<OrgName>>;
    async fn add_membership(
        &self,
        actor: Actor,
        org_id: OrgId,
        from: NaiveDate,
        until: Option<NaiveDate>,
    ) -> StoreResult<Id>;
    async fn remove_membership(&self, actor: Actor, org_id: OrgId, id: Id) -> StoreResult<()>;
    /// Moves a centre from `from` to `to`; `Conflict("stale_status")` when it
    /// is no longer in `from`. The optional document is stored with the event.
    async fn record_lifecycle_event(
        &self,
        actor: Actor,
        event: NewLifecycleEvent,
        from: Status,
        document: Option<NewDocument>,
    ) -> StoreResult<LifecycleEvent>;
    async fn lifecycle_events(&self, org_id: OrgId) -> StoreResult<Vec<LifecycleEvent>>;

    // ---- people ---------------------------------------------------------
    async fn create_person(
        &self,
        actor: Actor,
        org_id: OrgId,
        input: PersonInput,
    ) -> StoreResult<Person>;
    async fn update_person(&self, actor: Actor, id: Id, input: PersonInput) -> StoreResult<Person>;
    async fn delete_person(&self, actor: Actor, id: Id) -> StoreResult<()>;
    async fn person(&self, id: Id) -> StoreResult<Option<Person>>;
    async fn people(&self, org_id: OrgId) -> StoreResult<Vec<Person>>;

    // ---- MoUs -----------------------------------------------------------
    async fn create_mou(
        &self,
        actor: Actor,
        input: MouInput,
        document: Option<NewDocument>,
    ) -> StoreResult<Mou>;
    async fn mou(&self, id: Id) -> StoreResult<Option<Mou>>;
    async fn mous(&self) -> StoreResult<Vec<Mou>>;

    // ---- catalogue ------------------------------------------------------
    async fn themes(&self) -> StoreResult<Vec<Theme>>;
    /// `Conflict("slug_taken")` when the slug exists.
    async fn create_theme(&self, actor: Actor, theme: Theme) -> StoreResult<Theme>;
    /// A new programme, in `draft`. `Conflict("unknown_theme")` for a theme
    /// not in the list, `Conflict("unknown_reference")` for an unknown host.
    async fn create_programme(&self, actor: Actor, input: ProgrammeInput)
    -> StoreResult<Programme>;
    /// Applies an edit made from `base_version`; `Conflict("stale_version")`
    /// when someone else saved in between.
    async fn update_programme(
        &self,
        actor: Actor,
        id: Id,
        base_version: i64,
        input: ProgrammeInput,
    ) -> StoreResult<Programme>;
    /// Moves a programme from `from` to `to` (the rules are the domain's);
    /// `Conflict("stale_status")` when it is no longer in `from`.
    async fn set_programme_status(
        &self,
        actor: Actor,
        id: Id,
        from: ProgrammeStatus,
        to: ProgrammeStatus,
        reason: Option<String>,
    ) -> StoreResult<Programme>;
    async fn programme(&self, id: Id) -> StoreResult<Option<Programme>>;
    /// Programmes by arrival date.
    async fn programmes(&self, filter: &ProgrammeFilter) -> StoreResult<Vec<Programme>>;
    /// (how many programmes, the sum of their versions): every write to a
    /// programme bumps its version and none is deleted, so the pair changes
    /// with every committed write, from any server. Lets callers keep a
    /// decoded list while it is unchanged.
    async fn programmes_stamp(&self) -> StoreResult<(i64, i64)>;

    /// A programme's call with its current question set.
    async fn call(&self, programme_id: Id) -> StoreResult<Option<Call>>;
    /// One version of a call's question set (applications pin theirs).
    async fn call_questions(
        &self,
        programme_id: Id,
        version: i32,
    ) -> StoreResult<Option<Vec<Question>>>;
    /// Creates or replaces a call; its question set is stored under
    /// `call.question_version`, earlier versions are kept.
    async fn save_call(&self, actor: Actor, call: Call) -> StoreResult<Call>;

    // ---- annual plans ---------------------------------------------------
    async fn plan(&self, id: Id) -> StoreResult<Option<AnnualPlan>>;
    async fn plans(&self, year: Option<i32>) -> StoreResult<Vec<AnnualPlan>>;
    /// One step of a centre's plan for `year` (rules are the domain's): from
    /// `None` creates it; otherwise moves it from `from`, or answers
    /// `Conflict("stale_status")`. Endorsing endorses the centre's planned
    /// programmes of that year in the same transaction.
    #[allow(clippy::too_many_arguments)]
    async fn plan_step(
        &self,
        actor: Actor,
        centre: OrgId,
        year: i32,
        from: Option<PlanStatus>,
        to: PlanStatus,
        kind: PlanEventKind,
        comment: String,
    ) -> StoreResult<AnnualPlan>;

    // ---- documents ------------------------------------------------------
    async fn document(&self, id: Id) -> StoreResult<Option<Document>>;

    // ---- applications ---------------------------------------------------
    /// The applicant's application to a programme, created as an empty
    /// draft if they have none (so a repeated start returns the same one).
    async fn start_application(
        &self,
        actor: Actor,
        programme_id: Id,
        user_id: UserId,
    ) -> StoreResult<Application>;
    async fn application(&self, id: Id) -> StoreResult<Option<Application>>;
    /// Ordered by id.
    async fn applications(&self, filter: &ApplicationFilter) -> StoreResult<Vec<Application>>;
    async fn count_applications(&self, filter: &ApplicationFilter) -> StoreResult<i64>;
    /// One page of a programme's applications as its staff's list shows
    /// them, ordered by id: `limit` lines after skipping `offset`.
    async fn application_lines(
        &self,
        programme_id: Id,
        limit: i64,
        offset: i64,
    ) -> StoreResult<Vec<ApplicationLine>>;
    /// The programme's counters of applications and reviews (all zero for
    /// one with none), equal to counting the rows.
    async fn call_counts(&self, programme_id: Id) -> StoreResult<CallCounts>;
    /// Applies one change. With `expected_version`, a stale version is
    /// refused (`stale_version`); a second endorsement rank already used by
    /// the city in this call is refused (`rank_taken`).
    async fn change_application(
        &self,
        actor: Actor,
        id: Id,
        expected_version: Option<i64>,
        change: ApplicationChange,
    ) -> StoreResult<Application> {
        self.change_application_notify(actor, id, expected_version, change, vec![])
            .await
    }
    /// [`Self::change_application`] that also queues `mail` in the outbox,
    /// in the same transaction: the change and its emails land together.
    async fn change_application_notify(
        &self,
        actor: Actor,
        id: Id,
        expected_version: Option<i64>,
        change: ApplicationChange,
        mail: Vec<NewMail>,
    ) -> StoreResult<Application>;
    /// Records an uploaded file as the application's document `key`,
    /// replacing an earlier one under the same key.
    async fn attach_application_document(
        &self,
        actor: Actor,
        id: Id,
        key: &str,
        doc: NewDocument,
    ) -> StoreResult<Application>;

    // ---- reviews --------------------------------------------------------
    /// Assigns a reviewer (`already_assigned` if they are).
    async fn assign_reviewer(
        &self,
        actor: Actor,
        application_id: Id,
        reviewer_id: UserId,
    ) -> StoreResult<Review>;
    async fn review(&self, id: Id) -> StoreResult<Option<Review>>;
    async fn reviews(&self, filter: &ReviewFilter) -> StoreResult<Vec<Review>>;
    /// The scores of the reviews that count (no conflict, scores
    /// submitted) of these applications, by application and reviewer.
    async fn counted_scores(&self, application_ids: &[Id]) -> StoreResult<Vec<ReviewScores>>;
    /// Declares a conflict (or none), or records the scores (only after
    /// declaring no conflict: `conflict_undeclared` / `conflicted` otherwise).
    async fn save_review(
        &self,
        actor: Actor,
        id: Id,
        step: ReviewStep,
        at: DateTime<Utc>,
    ) -> StoreResult<Review>;

    // ---- selection and decisions ----------------------------------------
    async fn call_rules(&self, programme_id: Id) -> StoreResult<Option<CallRules>>;
    /// Saves the rules if `rules.version` is the stored one (0 when none).
    async fn save_call_rules(&self, actor: Actor, rules: CallRules) -> StoreResult<CallRules>;
    async fn set_selection_override(
        &self,
        actor: Actor,
        programme_id: Id,
        application_id: Id,
        value: Option<(bool, String)>,
    ) -> StoreResult<()>;
    async fn selection_overrides(&self, programme_id: Id) -> StoreResult<Vec<SelectionOverride>>;
    async fn save_selection_run(
        &self,
        actor: Actor,
        programme_id: Id,
        input: String,
        output: String,
    ) -> StoreResult<SelectionRun>;
    async fn latest_selection_run(&self, programme_id: Id) -> StoreResult<Option<SelectionRun>>;
    /// Confirms a run as the cohort: writes every decision, marks the run
    /// confirmed, creates the programme's `capacity` seats and queues
    /// `mail`, all in one transaction (`cohort_confirmed` if seats already
    /// exist).
    async fn confirm_cohort(
        &self,
        actor: Actor,
        run_id: Id,
        capacity: i32,
        decisions: Vec<(Id, Decision)>,
        mail: Vec<NewMail>,
    ) -> StoreResult<()>;
    /// The offered applicant takes a free seat and becomes `confirmed`.
    /// Refused with `not_offered`, `offer_expired` (past `respond_by` at
    /// `now`) or `cohort_full`. Repeating it for a confirmed applicant
    /// returns the application unchanged.
    async fn claim_seat(
        &self,
        actor: Actor,
        application_id: Id,
        now: DateTime<Utc>,
    ) -> StoreResult<Application>;
    /// (seat number, holder) for every seat of the programme.
    async fn seats(&self, programme_id: Id) -> StoreResult<Vec<(i32, Option<Id>)>>;

    // ---- bulk loading ---------------------------------------------------
    // For `miti dev dataset` on a throwaway database: many rows per
    // statement, one transaction and one audit row per call.
    /// Users with their role grants, ids in the order given;
    /// `Conflict("email_taken")` when an address exists.
    async fn bulk_insert_users(
        &self,
        actor: Actor,
        users: Vec<NewUser>,
    ) -> StoreResult<Vec<UserId>>;
    /// Applications with their documents (and seats), ids in the order
    /// given; `Conflict("application_exists")` for an applicant who already
    /// has one in that programme.
    async fn bulk_insert_applications(
        &self,
        actor: Actor,
        apps: Vec<BulkApplication>,
    ) -> StoreResult<Vec<Id>>;
    /// Reviews as they stand (their `id` is assigned).
    async fn bulk_insert_reviews(&self, actor: Actor, reviews: Vec<Review>) -> StoreResult<()>;

    // ---- audit ----------------------------------------------------------
    /// Records an event that has no other write (a login failure, an export).
    async fn audit(&self, actor: Actor, event: AuditEvent) -> StoreResult<()>;
    async fn audit_entries(
        &self,
        filter: &AuditFilter,
        limit: i64,
        offset: i64,
    ) -> StoreResult<(Vec<AuditEntry>, i64)>;

    // --- SDG alignment ---
    /// A programme's saved SDG alignment, if any.
    async fn alignment(&self, programme_id: Id) -> StoreResult<Option<Alignment>>;
    /// The saved alignments of the programmes arriving in `year`.
    async fn alignments(&self, year: i32) -> StoreResult<Vec<Alignment>>;
    /// Saves an alignment edited from `base_version` (0: none saved yet);
    /// `Conflict("stale_version")` when someone else saved in between,
    /// `NotFound` for an unknown programme.
    async fn save_alignment(
        &self,
        actor: Actor,
        programme_id: Id,
        base_version: i64,
        input: AlignmentInput,
    ) -> StoreResult<Alignment>;
    /// The goals whose suggestion was dismissed for a programme.
    async fn dismissed_suggestions(&self, programme_id: Id) -> StoreResult<Vec<u8>>;
    /// Dismisses (or, with `dismissed: false`, restores) the suggestion of
    /// `goal` for a programme; idempotent.
    async fn set_suggestion_dismissed(
        &self,
        actor: Actor,
        programme_id: Id,
        goal: u8,
        dismissed: bool,
    ) -> StoreResult<()>;
}
