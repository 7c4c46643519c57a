//! The applicant's side: an account, a draft, documents, submission,
//! withdrawal, the answer to an offer and the logistics of the stay.

use super::Seen;
use crate::documents::Upload;
use crate::secrets::new_token;
use crate::{Ctx, Services, from_store};
use bytes::Bytes;
use chrono::Utc;
use miti_domain::account::{Role, RoleGrant};
use miti_domain::application::{
    Application, ApplicationStatus, LogisticsForm, Outcome, ProfileContext, city_org_id, form_map,
    validate_submission,
};
use miti_domain::organisation::OrgKind;
use miti_domain::policy::Action;
use miti_domain::programme::Programme;
use miti_domain::{DomainError, FieldErrors, Id, validate};
use miti_store::{ApplicationChange, ApplicationFilter, Document, NewUser, StoreError};

/// The public sign-up form of an applicant.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct SignUpForm {
    pub email: String,
    pub display_name: String,
    /// A registry city, or empty when it is not listed.
    pub city_org_id: String,
    pub locale: String,
}

impl Services {
    /// Makes an applicant account and emails a link to choose its password
    /// (which also proves the address). An address that already has an
    /// account gets a password-reset link instead, and the answer is the same
    /// either way, so the form does not reveal who has an account.
    pub async fn sign_up(&self, ctx: &Ctx, form: &SignUpForm) -> Result<(), DomainError> {
        let mut errs = FieldErrors::new();
        let email = validate::email(&mut errs, "email", &form.email);
        let display_name = validate::required(&mut errs, "display_name", &form.display_name, 200);
        let locale = miti_i18n::Locale::parse(form.locale.trim()).unwrap_or(ctx.locale);
        // An applicant's role is held in their city, or in the Secretariat when
        // the city is not in the registry.
        let org = match form.city_org_id.trim() {
            "" | miti_domain::application::CITY_NOT_LISTED => None,
            v => match v.parse::<Id>() {
                Ok(id) => match self.store.organisation(id).await.map_err(from_store)? {
                    Some(o) if o.kind == OrgKind::MemberCity => Some(o.id),
                    _ => {
                        errs.add("city_org_id", "unknown_city");
                        None
                    }
                },
                Err(_) => {
                    errs.add("city_org_id", "unknown_city");
                    None
                }
            },
        };
        errs.finish(())?;
        let org_id = match org {
            Some(id) => id,
            None => self.secretariat_id().await?,
        };
        let unusable =
            crate::auth::hash_password(&format!("{}{}", new_token(), new_token())).await?;
        let created = self
            .store
            .create_user(
                miti_domain::audit::Actor::SYSTEM,
                NewUser {
                    email: email.clone(),
                    display_name,
                    password_hash: unusable,
                    locale: Some(locale.code().into()),
                    roles: vec![RoleGrant {
                        role: Role::Applicant,
                        org_id,
                    }],
                },
            )
            .await;
        match created {
            Ok(_) => self.send_welcome_link(ctx, &email).await,
            Err(StoreError::Conflict("email_taken")) => {
                self.request_password_reset(ctx, &email).await
            }
            Err(e) => Err(from_store(e)),
        }
    }

    async fn secretariat_id(&self) -> Result<Id, DomainError> {
        let orgs = self
            .store
            .organisations(&miti_domain::organisation::OrgFilter {
                kind: Some(OrgKind::Secretariat),
                ..Default::default()
            })
            .await
            .map_err(from_store)?;
        orgs.first()
            .map(|o| o.id)
            .ok_or_else(|| DomainError::Internal("the registry has no Secretariat".into()))
    }

    /// Starts the caller's application to a programme whose call is open, or
    /// returns the one they already have (so a repeated start is harmless).
    pub async fn start_application(
        &self,
        ctx: &Ctx,
        programme_id: Id,
    ) -> Result<Application, DomainError> {
        ctx.require(Action::ApplyOwn)?;
        let user = ctx.user()?;
        let programme = self.programme_by_id(programme_id).await?;
        if !programme.status.is_public() {
            return Err(DomainError::NotFound);
        }
        let call = self.call_of(programme_id).await?;
        if !call.accepts_at(Utc::now()) {
            return Err(FieldErrors::single("call", "call_closed"));
        }
        self.store
            .start_application(ctx.actor(), programme_id, user.id)
            .await
            .map_err(from_store)
    }

    /// The caller's own applications with their programmes, newest first.
    pub async fn my_applications(
        &self,
        ctx: &Ctx,
    ) -> Result<Vec<(Application, Programme)>, DomainError> {
        ctx.require(Action::ApplyOwn)?;
        let user = ctx.user()?;
        let apps = self
            .store
            .applications(&ApplicationFilter {
                user_id: Some(user.id),
                ..Default::default()
            })
            .await
            .map_err(from_store)?;
        let mut out = vec![];
        for a in apps.into_iter().rev() {
            let p = self.programme_by_id(a.programme_id).await?;
            out.push((a, p));
        }
        Ok(out)
    }

    /// One of the caller's own applications (others answer "not found").
    pub async fn own_application(&self, ctx: &Ctx, id: Id) -> Result<Seen, DomainError> {
        ctx.require(Action::ApplyOwn)?;
        let user = ctx.user()?;
        let app = self.application_by_id(id).await?;
        if app.user_id != user.id {
            return Err(DomainError::NotFound);
        }
        let programme = self.programme_by_id(app.programme_id).await?;
        // Applicants never see their own vetting status.
        Ok(Seen {
            app,
            programme,
            vetting_visible: false,
        })
    }

    /// Keeps the form as typed while the application is a draft. Nothing is
    /// checked but size: a draft may be half-written. No version either: a
    /// draft is its applicant's latest typing, whether htmx autosaved it or
    /// "Save draft" was pressed on a page loaded before the last autosave.
    pub async fn save_draft(
        &self,
        ctx: &Ctx,
        id: Id,
        pairs: &[(String, String)],
    ) -> Result<Application, DomainError> {
        let seen = self.own_application(ctx, id).await?;
        if seen.app.status != ApplicationStatus::Draft {
            return Err(DomainError::Conflict("not_a_draft"));
        }
        let call = self.call_of(seen.app.programme_id).await?;
        if !call.accepts_at(Utc::now()) {
            return Err(FieldErrors::single("call", "call_closed"));
        }
        self.store
            .change_application(
                ctx.actor(),
                id,
                None,
                ApplicationChange::Draft {
                    form: form_map(pairs),
                },
            )
            .await
            .map_err(from_store)
    }

    /// Submits (or, once submitted, edits) the application: everything is
    /// checked against the call at this moment. A repeated submission of the
    /// same form — a retry, a double click — changes nothing and sends no
    /// second email.
    ///
    /// `version` (the one the page was loaded with) guards edits after
    /// submission only. A draft's page falls behind its own autosaves, so
    /// submitting a draft builds on the stored draft instead, and again if
    /// an autosave lands between reading and writing it.
    pub async fn submit_application(
        &self,
        ctx: &Ctx,
        id: Id,
        version: Option<i64>,
        pairs: &[(String, String)],
    ) -> Result<Application, DomainError> {
        let seen = self.own_application(ctx, id).await?;
        let app = seen.app;
        if app.status == ApplicationStatus::Withdrawn {
            return Err(DomainError::Conflict("withdrawn"));
        }
        let form = form_map(pairs);
        if app.status == ApplicationStatus::Submitted && app.form == form {
            return Ok(app);
        }
        let programme = seen.programme;
        let call = self.call_of(app.programme_id).await?;
        let city = match city_org_id(&form) {
            Some(org) => self.store.organisation(org).await.map_err(from_store)?,
            None => None,
        };
        let now = Utc::now();
        let ctx_profile = ProfileContext {
            working_languages: &programme.input.working_languages,
            city: city.as_ref(),
            now,
        };
        let (profile, answers) = validate_submission(&form, &ctx_profile, &call.questions, &call)
            .map_err(DomainError::Invalid)?;
        let first_time = app.submitted_at.is_none();
        let change = ApplicationChange::Submit {
            form: form.clone(),
            profile,
            answers,
            at: now,
        };
        // The confirmation is queued with the first submission, in its
        // transaction.
        let mail: Vec<_> = if first_time {
            self.mail_to_id(
                app.user_id,
                "email-application-submitted-subject",
                "email-application-submitted-body",
                Some(&programme),
                &[("link", self.link(&format!("/applications/{id}")))],
            )
            .await?
            .into_iter()
            .collect()
        } else {
            vec![]
        };
        let mut base = match app.status {
            ApplicationStatus::Draft => Some(app.version),
            _ => version,
        };
        let mut attempts = 0;
        let saved = loop {
            match self
                .store
                .change_application_notify(ctx.actor(), id, base, change.clone(), mail.clone())
                .await
            {
                Ok(a) => break a,
                Err(StoreError::Conflict("stale_version")) => {
                    let again = self.application_by_id(id).await?;
                    // A concurrent identical submission won the race: same result.
                    if again.status == ApplicationStatus::Submitted && again.form == form {
                        return Ok(again);
                    }
                    // An autosave of the same draft came in between.
                    attempts += 1;
                    if again.status == ApplicationStatus::Draft && attempts < 3 {
                        base = Some(again.version);
                        continue;
                    }
                    return Err(DomainError::Conflict("stale_version"));
                }
                Err(e) => return Err(from_store(e)),
            }
        };
        Ok(saved)
    }

    /// Attaches an upload as document `key` of the call (PDF, JPEG or PNG,
    /// checked by content), until the deadline.
    pub async fn upload_application_document(
        &self,
        ctx: &Ctx,
        id: Id,
        key: &str,
        upload: Upload,
    ) -> Result<Application, DomainError> {
        let seen = self.own_application(ctx, id).await?;
        if seen.app.status == ApplicationStatus::Withdrawn {
            return Err(DomainError::Conflict("withdrawn"));
        }
        let call = self.call_of(seen.app.programme_id).await?;
        let field = format!("doc.{key}");
        if !call.documents.iter().any(|d| d.key == key) {
            return Err(FieldErrors::single(field, "invalid_choice"));
        }
        if !call.accepts_at(Utc::now()) {
            return Err(FieldErrors::single("call", "call_closed"));
        }
        // The host centre owns the file: its staff handle the application.
        let doc = self
            .store_upload(&field, seen.programme.input.host_org_id, upload)
            .await?;
        self.store
            .attach_application_document(ctx.actor(), id, key, doc)
            .await
            .map_err(from_store)
    }

    /// Withdraws the application. A participant's seat (or open offer) goes
    /// to the next person on the waitlist.
    pub async fn withdraw_application(
        &self,
        ctx: &Ctx,
        id: Id,
    ) -> Result<Application, DomainError> {
        let seen = self.own_application(ctx, id).await?;
        if seen.app.status == ApplicationStatus::Withdrawn {
            return Ok(seen.app);
        }
        let held = matches!(
            seen.app.decision.as_ref().map(|d| d.outcome),
            Some(Outcome::Offered | Outcome::Confirmed)
        );
        let app = self
            .store
            .change_application(
                ctx.actor(),
                id,
                None,
                ApplicationChange::Withdraw { at: Utc::now() },
            )
            .await
            .map_err(from_store)?;
        if held {
            self.promote_after_release(ctx, &seen.programme, app.id)
                .await?;
        }
        Ok(app)
    }

    /// The applicant confirms (takes a seat) or declines an offer.
    pub async fn respond_to_offer(
        &self,
        ctx: &Ctx,
        id: Id,
        accept: bool,
    ) -> Result<Application, DomainError> {
        let seen = self.own_application(ctx, id).await?;
        let now = Utc::now();
        if accept {
            return self
                .store
                .claim_seat(ctx.actor(), id, now)
                .await
                .map_err(from_store);
        }
        let Some(d) = seen.app.decision.clone() else {
            return Err(DomainError::Conflict("not_offered"));
        };
        if !matches!(d.outcome, Outcome::Offered | Outcome::Confirmed) {
            return Err(DomainError::Conflict("not_offered"));
        }
        let declined = miti_domain::application::Decision {
            outcome: Outcome::Declined,
            waitlist_position: None,
            respond_by: None,
            reason: "The applicant declined the offer.".into(),
            reason_code: "declined_by_applicant".into(),
            reason_params: Default::default(),
            seat_no: None,
            at: now,
        };
        let app = self
            .store
            .change_application(
                ctx.actor(),
                id,
                Some(seen.app.version),
                ApplicationChange::Decide(Some(declined)),
            )
            .await
            .map_err(from_store)?;
        self.promote_after_release(ctx, &seen.programme, id).await?;
        Ok(app)
    }

    /// A confirmed participant's travel and stay.
    pub async fn save_logistics(
        &self,
        ctx: &Ctx,
        id: Id,
        form: &LogisticsForm,
    ) -> Result<Application, DomainError> {
        let seen = self.own_application(ctx, id).await?;
        if seen.app.decision.as_ref().map(|d| d.outcome) != Some(Outcome::Confirmed) {
            return Err(DomainError::Conflict("not_confirmed"));
        }
        let l = form
            .validate(seen.programme.input.arrival, seen.programme.input.departure)
            .map_err(DomainError::Invalid)?;
        self.store
            .change_application(ctx.actor(), id, None, ApplicationChange::Logistics(l))
            .await
            .map_err(from_store)
    }

    /// An application's document for anyone who may see the application:
    /// its applicant, the host centre's staff, its city's focal point, its
    /// reviewers.
    pub async fn application_document(
        &self,
        ctx: &Ctx,
        id: Id,
        document_id: Id,
    ) -> Result<(Document, Bytes), DomainError> {
        let user = ctx.user()?;
        let app = self.application_by_id(id).await?;
        if !app.documents.iter().any(|d| d.document_id == document_id) {
            return Err(DomainError::NotFound);
        }
        let programme = self.programme_by_id(app.programme_id).await?;
        let own = app.user_id == user.id;
        let staff = miti_domain::policy::in_scope(
            user,
            Action::ApplicationManage,
            programme.input.host_org_id,
        );
        let city = app.is_submitted()
            && app
                .profile
                .as_ref()
                .and_then(|p| p.city_org_id)
                .is_some_and(|c| miti_domain::policy::in_scope(user, Action::Nominate, c));
        let reviewer = !own && !staff && !city && self.is_reviewer_of(user.id, id).await?;
        if !(own || staff || city || reviewer) {
            return Err(DomainError::NotFound);
        }
        self.document_bytes(document_id).await
    }
}
