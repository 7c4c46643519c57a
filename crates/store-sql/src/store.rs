//! `Store` for `SqlStore`: each method hands over to the module that owns it.

use crate::{Dialect, SqlStore, backend};
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
use miti_store::*;
use sqlx::{ColumnIndex, Decode, Encode, Executor, IntoArguments, Type};

#[async_trait]
impl<DB> Store for SqlStore<DB>
where
    DB: Dialect,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    DB::Arguments: IntoArguments<DB>,
    usize: ColumnIndex<DB::Row>,
    for<'r> &'r str: ColumnIndex<DB::Row>,
    for<'q> i64: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> String: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> bool: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> DateTime<Utc>: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> NaiveDate: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
    for<'q> Option<i64>: Encode<'q, DB>,
    for<'q> Option<String>: Encode<'q, DB>,
    for<'q> Option<bool>: Encode<'q, DB>,
    for<'q> Option<DateTime<Utc>>: Encode<'q, DB>,
    for<'q> Option<NaiveDate>: Encode<'q, DB>,
{
    fn backend(&self) -> &'static str {
        <DB as Dialect>::NAME
    }
    async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn create_user(&self, actor: Actor, new: NewUser) -> StoreResult<User> {
        self.insert_user(actor, new).await
    }
    async fn user(&self, id: UserId) -> StoreResult<Option<User>> {
        self.user_by_id(id).await
    }
    async fn user_credentials(&self, email: &str) -> StoreResult<Option<(User, String)>> {
        self.credentials(email).await
    }
    async fn list_users(&self) -> StoreResult<Vec<User>> {
        self.all_users().await
    }
    async fn grant_role(&self, actor: Actor, user_id: UserId, grant: RoleGrant) -> StoreResult<()> {
        self.add_grant(actor, user_id, grant).await
    }
    async fn update_preferences(
        &self,
        actor: Actor,
        user_id: UserId,
        locale: Option<String>,
        timezone: Option<String>,
    ) -> StoreResult<()> {
        self.set_preferences(actor, user_id, locale, timezone).await
    }

    async fn start_session(
        &self,
        actor: Actor,
        new: NewSession,
        replaces: Option<String>,
    ) -> StoreResult<()> {
        self.insert_session(actor, new, replaces).await
    }
    async fn session(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
        idle: chrono::Duration,
    ) -> StoreResult<Option<(SessionRecord, User)>> {
        self.live_session(token_hash, now, idle).await
    }
    async fn touch_session(&self, token_hash: &str, now: DateTime<Utc>) -> StoreResult<()> {
        self.touch(token_hash, now).await
    }
    async fn end_session(&self, actor: Actor, token_hash: &str) -> StoreResult<()> {
        self.delete_session(actor, token_hash).await
    }

    async fn record_login_attempt(&self, attempt: LoginAttempt) -> StoreResult<()> {
        self.insert_login_attempt(attempt).await
    }
    async fn login_failures(
        &self,
        email: &str,
        address: &str,
        since: DateTime<Utc>,
    ) -> StoreResult<(i64, i64)> {
        self.count_failures(email, address, since).await
    }

    async fn create_password_reset(
        &self,
        actor: Actor,
        reset: NewPasswordReset,
        mail: NewMail,
    ) -> StoreResult<()> {
        self.insert_reset(actor, reset, mail).await
    }
    async fn consume_password_reset(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
        new_password_hash: &str,
    ) -> StoreResult<UserId> {
        self.use_reset(token_hash, now, new_password_hash).await
    }

    async fn create_api_token(&self, actor: Actor, new: NewApiToken) -> StoreResult<ApiToken> {
        self.insert_api_token(actor, new).await
    }
    async fn api_tokens(&self, user_id: UserId) -> StoreResult<Vec<ApiToken>> {
        self.list_api_tokens(user_id).await
    }
    async fn revoke_api_token(&self, actor: Actor, user_id: UserId, id: Id) -> StoreResult<()> {
        self.revoke_token(actor, user_id, id).await
    }
    async fn api_token_user(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<User>> {
        self.token_user(token_hash, now).await
    }

    async fn enqueue_mail(&self, mail: NewMail) -> StoreResult<Id> {
        self.queue_mail(mail).await
    }
    async fn due_mail(&self, now: DateTime<Utc>, limit: i64) -> StoreResult<Vec<OutboxMail>> {
        self.mail_due(now, limit).await
    }
    async fn mark_mail_sent(&self, id: Id, at: DateTime<Utc>) -> StoreResult<()> {
        self.mail_sent(id, at).await
    }
    async fn mark_mail_failed(
        &self,
        id: Id,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
    ) -> StoreResult<()> {
        self.mail_failed(id, error, retry_at).await
    }
    async fn outbox(&self, limit: i64, offset: i64) -> StoreResult<(Vec<OutboxMail>, i64)> {
        self.list_outbox(limit, offset).await
    }

    async fn create_organisation(
        &self,
        actor: Actor,
        input: OrgInput,
    ) -> StoreResult<Organisation> {
        self.insert_org(actor, input).await
    }
    async fn update_organisation(
        &self,
        actor: Actor,
        id: OrgId,
        base_version: i64,
        input: OrgInput,
    ) -> StoreResult<Organisation> {
        self.edit_org(actor, id, base_version, input).await
    }
    async fn organisation(&self, id: OrgId) -> StoreResult<Option<Organisation>> {
        self.org_by_id(id).await
    }
    async fn organisation_by_slug(&self, slug: &str) -> StoreResult<Option<Organisation>> {
        self.org_by_slug(slug).await
    }
    async fn organisations(&self, filter: &OrgFilter) -> StoreResult<Vec<Organisation>> {
        self.list_orgs(filter).await
    }
    async fn organisation_names(&self) -> StoreResult<Vec<OrgName>> {
        self.org_names().await
    }
    async fn add_membership(
        &self,
        actor: Actor,
        org_id: OrgId,
        from: NaiveDate,
        until: Option<NaiveDate>,
    ) -> StoreResult<Id> {
        self.insert_membership(actor, org_id, from, until).await
    }
    async fn remove_membership(&self, actor: Actor, org_id: OrgId, id: Id) -> StoreResult<()> {
        self.delete_membership(actor, org_id, id).await
    }
    async fn record_lifecycle_event(
        &self,
        actor: Actor,
        event: NewLifecycleEvent,
        from: Status,
        document: Option<NewDocument>,
    ) -> StoreResult<LifecycleEvent> {
        self.insert_lifecycle_event(actor, event, from, document)
            .await
    }
    async fn lifecycle_events(&self, org_id: OrgId) -> StoreResult<Vec<LifecycleEvent>> {
        self.events_of(org_id).await
    }

    async fn create_person(
        &self,
        actor: Actor,
        org_id: OrgId,
        input: PersonInput,
    ) -> StoreResult<Person> {
        self.insert_person(actor, org_id, input).await
    }
    async fn update_person(&self, actor: Actor, id: Id, input: PersonInput) -> StoreResult<Person> {
        self.edit_person(actor, id, input).await
    }
    async fn delete_person(&self, actor: Actor, id: Id) -> StoreResult<()> {
        self.remove_person(actor, id).await
    }
    async fn person(&self, id: Id) -> StoreResult<Option<Person>> {
        self.person_by_id(id).await
    }
    async fn people(&self, org_id: OrgId) -> StoreResult<Vec<Person>> {
        self.people_of(org_id).await
    }

    async fn create_mou(
        &self,
        actor: Actor,
        input: MouInput,
        document: Option<NewDocument>,
    ) -> StoreResult<Mou> {
        self.insert_mou(actor, input, document).await
    }
    async fn mou(&self, id: Id) -> StoreResult<Option<Mou>> {
        self.mou_by_id(id).await
    }
    async fn mous(&self) -> StoreResult<Vec<Mou>> {
        self.all_mous().await
    }

    async fn themes(&self) -> StoreResult<Vec<Theme>> {
        self.all_themes().await
    }
    async fn create_theme(&self, actor: Actor, theme: Theme) -> StoreResult<Theme> {
        self.insert_theme(actor, theme).await
    }
    async fn create_programme(
        &self,
        actor: Actor,
        input: ProgrammeInput,
    ) -> StoreResult<Programme> {
        self.insert_programme(actor, input).await
    }
    async fn update_programme(
        &self,
        actor: Actor,
        id: Id,
        base_version: i64,
        input: ProgrammeInput,
    ) -> StoreResult<Programme> {
        self.edit_programme(actor, id, base_version, input).await
    }
    async fn set_programme_status(
        &self,
        actor: Actor,
        id: Id,
        from: ProgrammeStatus,
        to: ProgrammeStatus,
        reason: Option<String>,
    ) -> StoreResult<Programme> {
        self.move_programme(actor, id, from, to, reason).await
    }
    async fn programme(&self, id: Id) -> StoreResult<Option<Programme>> {
        self.programme_by_id(id).await
    }
    async fn programmes(&self, filter: &ProgrammeFilter) -> StoreResult<Vec<Programme>> {
        self.list_programmes(filter).await
    }
    async fn programmes_stamp(&self) -> StoreResult<(i64, i64)> {
        self.stamp_programmes().await
    }

    async fn call(&self, programme_id: Id) -> StoreResult<Option<Call>> {
        self.call_of(programme_id).await
    }
    async fn call_questions(
        &self,
        programme_id: Id,
        version: i32,
    ) -> StoreResult<Option<Vec<Question>>> {
        self.question_set(programme_id, version).await
    }
    async fn save_call(&self, actor: Actor, call: Call) -> StoreResult<Call> {
        self.put_call(actor, call).await
    }

    async fn plan(&self, id: Id) -> StoreResult<Option<AnnualPlan>> {
        self.plan_by_id(id).await
    }
    async fn plans(&self, year: Option<i32>) -> StoreResult<Vec<AnnualPlan>> {
        self.list_plans(year).await
    }
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
    ) -> StoreResult<AnnualPlan> {
        self.record_plan_step(actor, centre, year, from, to, kind, comment)
            .await
    }

    async fn document(&self, id: Id) -> StoreResult<Option<Document>> {
        self.document_by_id(id).await
    }

    async fn start_application(
        &self,
        actor: Actor,
        programme_id: Id,
        user_id: UserId,
    ) -> StoreResult<Application> {
        self.start_application_for(actor, programme_id, user_id)
            .await
    }
    async fn application(&self, id: Id) -> StoreResult<Option<Application>> {
        self.application_by_id(id).await
    }
    async fn applications(&self, filter: &ApplicationFilter) -> StoreResult<Vec<Application>> {
        self.list_applications(filter).await
    }
    async fn count_applications(&self, filter: &ApplicationFilter) -> StoreResult<i64> {
        self.count_applications_matching(filter).await
    }
    async fn application_lines(
        &self,
        programme_id: Id,
        limit: i64,
        offset: i64,
    ) -> StoreResult<Vec<ApplicationLine>> {
        self.list_application_lines(programme_id, limit, offset)
            .await
    }
    async fn call_counts(&self, programme_id: Id) -> StoreResult<CallCounts> {
        self.read_call_counts(programme_id).await
    }
    async fn change_application_notify(
        &self,
        actor: Actor,
        id: Id,
        expected_version: Option<i64>,
        change: ApplicationChange,
        mail: Vec<NewMail>,
    ) -> StoreResult<Application> {
        self.apply_change(actor, id, expected_version, change, mail)
            .await
    }
    async fn attach_application_document(
        &self,
        actor: Actor,
        id: Id,
        key: &str,
        doc: NewDocument,
    ) -> StoreResult<Application> {
        self.attach_document_to(actor, id, key, doc).await
    }
    async fn assign_reviewer(
        &self,
        actor: Actor,
        application_id: Id,
        reviewer_id: UserId,
    ) -> StoreResult<Review> {
        self.insert_assignment(actor, application_id, reviewer_id)
            .await
    }
    async fn review(&self, id: Id) -> StoreResult<Option<Review>> {
        self.review_by_id(id).await
    }
    async fn reviews(&self, filter: &ReviewFilter) -> StoreResult<Vec<Review>> {
        self.list_reviews(filter).await
    }
    async fn counted_scores(&self, application_ids: &[Id]) -> StoreResult<Vec<ReviewScores>> {
        self.list_counted_scores(application_ids).await
    }
    async fn save_review(
        &self,
        actor: Actor,
        id: Id,
        step: ReviewStep,
        at: DateTime<Utc>,
    ) -> StoreResult<Review> {
        self.write_review(actor, id, step, at).await
    }
    async fn call_rules(&self, programme_id: Id) -> StoreResult<Option<CallRules>> {
        self.rules_of(programme_id).await
    }
    async fn save_call_rules(&self, actor: Actor, rules: CallRules) -> StoreResult<CallRules> {
        self.put_rules(actor, rules).await
    }
    async fn set_selection_override(
        &self,
        actor: Actor,
        programme_id: Id,
        application_id: Id,
        value: Option<(bool, String)>,
    ) -> StoreResult<()> {
        self.put_override(actor, programme_id, application_id, value)
            .await
    }
    async fn selection_overrides(&self, programme_id: Id) -> StoreResult<Vec<SelectionOverride>> {
        self.overrides_of(programme_id).await
    }
    async fn save_selection_run(
        &self,
        actor: Actor,
        programme_id: Id,
        input: String,
        output: String,
    ) -> StoreResult<SelectionRun> {
        self.insert_run(actor, programme_id, input, output).await
    }
    async fn latest_selection_run(&self, programme_id: Id) -> StoreResult<Option<SelectionRun>> {
        self.last_run(programme_id).await
    }
    async fn confirm_cohort(
        &self,
        actor: Actor,
        run_id: Id,
        capacity: i32,
        decisions: Vec<(Id, Decision)>,
        mail: Vec<NewMail>,
    ) -> StoreResult<()> {
        self.write_cohort(actor, run_id, capacity, decisions, mail)
            .await
    }
    async fn claim_seat(
        &self,
        actor: Actor,
        application_id: Id,
        now: DateTime<Utc>,
    ) -> StoreResult<Application> {
        self.take_seat(actor, application_id, now).await
    }
    async fn seats(&self, programme_id: Id) -> StoreResult<Vec<(i32, Option<Id>)>> {
        self.seats_of(programme_id).await
    }

    async fn bulk_insert_users(
        &self,
        actor: Actor,
        users: Vec<NewUser>,
    ) -> StoreResult<Vec<UserId>> {
        self.insert_users_in_bulk(actor, users).await
    }
    async fn bulk_insert_applications(
        &self,
        actor: Actor,
        apps: Vec<BulkApplication>,
    ) -> StoreResult<Vec<Id>> {
        self.insert_applications_in_bulk(actor, apps).await
    }
    async fn bulk_insert_reviews(&self, actor: Actor, reviews: Vec<Review>) -> StoreResult<()> {
        self.insert_reviews_in_bulk(actor, reviews).await
    }

    async fn audit(&self, actor: Actor, event: AuditEvent) -> StoreResult<()> {
        self.audit_only(actor, event).await
    }
    async fn audit_entries(
        &self,
        filter: &AuditFilter,
        limit: i64,
        offset: i64,
    ) -> StoreResult<(Vec<AuditEntry>, i64)> {
        self.list_audit(filter, limit, offset).await
    }

    // --- SDG alignment ---
    async fn alignment(&self, programme_id: Id) -> StoreResult<Option<Alignment>> {
        self.alignment_of(programme_id).await
    }
    async fn alignments(&self, year: i32) -> StoreResult<Vec<Alignment>> {
        self.alignments_of_year(year).await
    }
    async fn save_alignment(
        &self,
        actor: Actor,
        programme_id: Id,
        base_version: i64,
        input: AlignmentInput,
    ) -> StoreResult<Alignment> {
        self.write_alignment(actor, programme_id, base_version, input)
            .await
    }
    async fn dismissed_suggestions(&self, programme_id: Id) -> StoreResult<Vec<u8>> {
        self.dismissed_goals(programme_id).await
    }
    async fn set_suggestion_dismissed(
        &self,
        actor: Actor,
        programme_id: Id,
        goal: u8,
        dismissed: bool,
    ) -> StoreResult<()> {
        self.mark_suggestion(actor, programme_id, goal, dismissed)
            .await
    }
}
