//! The contract for applications, reviews, selection and seats.

use super::{admin, audit_count, org, programme_form, user_with};
use crate::*;
use chrono::Duration;
use miti_domain::application::{
    ApplicationStatus, AttachedDocument, EndorsementStatus, EndorsementStep, Gender, Outcome,
    Profile,
};
use miti_domain::call::{AnswerValue, ValidAnswers};
use miti_domain::organisation::Region;
use std::collections::{BTreeMap, BTreeSet};

/// A programme hosted by `host` with room for `capacity` participants.
pub(super) async fn programme(store: &dyn Store, host: OrgId, capacity: i32) -> Programme {
    let form = programme_form(host);
    let mut input = form.validate(&["water-management".into()]).unwrap();
    input.capacity = capacity;
    store.create_programme(admin(), input).await.unwrap()
}

/// A new organisation.
pub(super) async fn new_org(store: &dyn Store, slug: &str, kind: &str, name: &str) -> Organisation {
    store
        .create_organisation(admin(), org(slug, kind, name))
        .await
        .unwrap()
}

/// Checks how many audit rows each action has.
async fn assert_audits(store: &dyn Store, expected: &[(&str, i64)]) {
    for (action, n) in expected {
        assert_eq!(
            audit_count(store, action).await,
            *n,
            "audit rows of {action}"
        );
    }
}

/// A user without roles (an applicant, a reviewer).
pub(super) async fn person(store: &dyn Store, email: &str) -> User {
    user_with(store, email, vec![]).await
}

/// An email to `to`, as a decision would queue it.
fn mail(to: &str) -> NewMail {
    NewMail {
        to: to.into(),
        subject: "Decision".into(),
        body: "Your application".into(),
        locale: "en".into(),
        created_at: Utc::now(),
    }
}

/// An open offer (respond by `respond_by`).
pub(super) fn offer(respond_by: DateTime<Utc>) -> Decision {
    decision(Outcome::Offered, Some(respond_by))
}

fn decision(outcome: Outcome, respond_by: Option<DateTime<Utc>>) -> Decision {
    Decision {
        outcome,
        waitlist_position: None,
        respond_by,
        reason: String::new(),
        reason_code: "selected".into(),
        reason_params: [("rank".to_string(), serde_json::json!(2))].into(),
        seat_no: None,
        at: Utc::now(),
    }
}

pub(super) fn profile(city: &Organisation, name: &str) -> Profile {
    Profile {
        passport_name: name.into(),
        gender: Gender::Female,
        city_org_id: Some(city.id),
        city_name: city.name.get("en").to_string(),
        country: city.country.clone(),
        region: Region::Africa,
        member: true,
        position: "Engineer".into(),
        department: "Water".into(),
        nationality: city.country.clone(),
        interview_language: "en".into(),
    }
}

fn form(position: &str) -> BTreeMap<String, Vec<String>> {
    BTreeMap::from([("position".to_string(), vec![position.to_string()])])
}

pub(super) fn submit(city: &Organisation, name: &str, at: DateTime<Utc>) -> ApplicationChange {
    ApplicationChange::Submit {
        form: form("Engineer"),
        profile: profile(city, name),
        answers: ValidAnswers {
            question_version: 1,
            answers: BTreeMap::from([("position".into(), AnswerValue::Text("Engineer".into()))]),
        },
        at,
    }
}

pub(super) fn endorse(rank: i32, by: UserId) -> ApplicationChange {
    ApplicationChange::Endorse {
        step: EndorsementStep {
            status: EndorsementStatus::Endorsed,
            comment: Some("our best".into()),
            rank: Some(rank),
        },
        by,
        at: Utc::now(),
    }
}

pub(super) fn pdf(org_id: OrgId, name: &str) -> NewDocument {
    NewDocument {
        org_id,
        storage_key: format!("applications/{name}"),
        filename: name.into(),
        content_type: "application/pdf".into(),
        size: 10,
        sha256: "00".repeat(32),
    }
}

/// A whole second, so timestamps compare equal after the round trip.
pub(super) fn second(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

pub(super) fn is_conflict<T: std::fmt::Debug>(r: StoreResult<T>, code: &str) -> bool {
    match r {
        Err(StoreError::Conflict(c)) => c == code,
        other => panic!("expected Conflict({code:?}), got {other:?}"),
    }
}

async fn ids(store: &dyn Store, f: ApplicationFilter) -> Vec<Id> {
    let apps = store.applications(&f).await.unwrap();
    if f.limit.is_none() {
        assert_eq!(
            store.count_applications(&f).await.unwrap(),
            i64::try_from(apps.len()).unwrap(),
            "count_applications agrees with applications for {f:?}"
        );
    }
    apps.iter().map(|a| a.id).collect()
}

pub(super) async fn applications(store: &dyn Store) {
    let host = new_org(store, "a-host", "regional_centre", "Host").await;
    let dakar = new_org(store, "a-dakar", "member_city", "Dakar").await;
    let lima = new_org(store, "a-lima", "member_city", "Lima").await;
    let p = programme(store, host.id, 20).await;
    let q = programme(store, host.id, 20).await;
    let u: Vec<User> = {
        let mut v = vec![];
        for i in 1..=5 {
            v.push(person(store, &format!("applicant{i}@a.demo")).await);
        }
        v
    };
    let focal = person(store, "focal@a.demo").await;
    let starts = audit_count(store, "application.start").await;

    // Starting twice gives the same draft.
    let a1 = store
        .start_application(admin(), p.id, u[0].id)
        .await
        .unwrap();
    assert_eq!(
        (a1.status, a1.version, a1.programme_id, a1.user_id),
        (ApplicationStatus::Draft, 1, p.id, u[0].id)
    );
    assert!(a1.form.is_empty() && a1.documents.is_empty() && a1.decision.is_none());
    let again = store
        .start_application(admin(), p.id, u[0].id)
        .await
        .unwrap();
    assert_eq!(again.id, a1.id, "a repeated start returns the same draft");
    // Two starts at once still make one row.
    let (x, y) = tokio::join!(
        store.start_application(admin(), p.id, u[1].id),
        store.start_application(admin(), p.id, u[1].id)
    );
    let (x, y) = (x.unwrap(), y.unwrap());
    assert_eq!(x.id, y.id, "concurrent starts make one application");
    let a2 = x;
    let user_filter = |user: &User| ApplicationFilter {
        programme_id: Some(p.id),
        user_id: Some(user.id),
        ..Default::default()
    };
    assert_eq!(ids(store, user_filter(&u[1])).await, [a2.id]);
    assert_eq!(
        audit_count(store, "application.start").await,
        starts + 2,
        "one audit row per application created, none for a repeated start"
    );
    assert!(matches!(
        store.start_application(admin(), 999_999, u[0].id).await,
        Err(StoreError::NotFound)
    ));

    // Drafts keep the form as typed; versions are checked when given.
    let d = store
        .change_application(
            admin(),
            a1.id,
            Some(1),
            ApplicationChange::Draft { form: form("Eng") },
        )
        .await
        .unwrap();
    assert_eq!((d.version, d.status), (2, ApplicationStatus::Draft));
    assert_eq!(d.form, form("Eng"));
    assert!(is_conflict(
        store
            .change_application(
                admin(),
                a1.id,
                Some(1),
                ApplicationChange::Draft { form: form("x") }
            )
            .await,
        "stale_version"
    ));
    assert!(matches!(
        store
            .change_application(
                admin(),
                999_999,
                None,
                ApplicationChange::Draft { form: form("x") }
            )
            .await,
        Err(StoreError::NotFound)
    ));

    // Submission stores the validated profile and answers.
    // Its confirmation email is queued in the same transaction: a refused
    // change queues nothing.
    let first = second("2027-01-02T03:04:05Z");
    let (_, mails) = store.outbox(1, 0).await.unwrap();
    assert!(is_conflict(
        store
            .change_application_notify(
                admin(),
                a1.id,
                Some(1),
                submit(&dakar, "AMINATA", first),
                vec![mail("aminata@s.demo")]
            )
            .await,
        "stale_version"
    ));
    assert_eq!(store.outbox(1, 0).await.unwrap().1, mails);
    let s = store
        .change_application_notify(
            admin(),
            a1.id,
            Some(2),
            submit(&dakar, "AMINATA", first),
            vec![mail("aminata@s.demo")],
        )
        .await
        .unwrap();
    let (queued, total) = store.outbox(1, 0).await.unwrap();
    assert_eq!(total, mails + 1);
    assert_eq!(queued[0].to, "aminata@s.demo", "newest first");
    assert_eq!((s.status, s.version), (ApplicationStatus::Submitted, 3));
    assert_eq!(s.profile, Some(profile(&dakar, "AMINATA")));
    assert_eq!(s.answers.as_ref().unwrap().question_version, 1);
    assert_eq!(s.submitted_at, Some(first));
    assert!(s.is_submitted());
    // Editing a submitted application keeps the first submission time.
    let edited = store
        .change_application(
            admin(),
            a1.id,
            Some(3),
            submit(&dakar, "AMINATA DIOP", second("2027-01-03T00:00:00Z")),
        )
        .await
        .unwrap();
    assert_eq!(edited.submitted_at, Some(first));
    assert_eq!(edited.profile.unwrap().passport_name, "AMINATA DIOP");
    assert_eq!(
        store.application(a1.id).await.unwrap().unwrap().version,
        4,
        "the application reads back as last written"
    );

    // More applications: u3 from Lima and u5 from Dakar to P, u4 from Dakar to Q.
    let mut made = vec![];
    for (user, prog, city) in [(&u[2], &p, &lima), (&u[3], &q, &dakar), (&u[4], &p, &dakar)] {
        let a = store
            .start_application(admin(), prog.id, user.id)
            .await
            .unwrap();
        let a = store
            .change_application(admin(), a.id, None, submit(city, "X", first))
            .await
            .unwrap();
        made.push(a);
    }
    let (a3, a4, a5) = (made[0].clone(), made[1].clone(), made[2].clone());

    // List filters: programme, city, user, submitted only, paging; count agrees.
    let in_p = ApplicationFilter {
        programme_id: Some(p.id),
        ..Default::default()
    };
    assert_eq!(ids(store, in_p.clone()).await, [a1.id, a2.id, a3.id, a5.id]);
    assert_eq!(
        ids(
            store,
            ApplicationFilter {
                submitted_only: true,
                ..in_p.clone()
            }
        )
        .await,
        [a1.id, a3.id, a5.id],
        "drafts are not submitted"
    );
    let from_dakar = ApplicationFilter {
        city_org_id: Some(dakar.id),
        ..Default::default()
    };
    assert_eq!(ids(store, from_dakar.clone()).await, [a1.id, a4.id, a5.id]);
    assert_eq!(
        ids(
            store,
            ApplicationFilter {
                programme_id: Some(q.id),
                ..from_dakar.clone()
            }
        )
        .await,
        [a4.id]
    );
    assert_eq!(
        ids(
            store,
            ApplicationFilter {
                user_id: Some(u[3].id),
                ..Default::default()
            }
        )
        .await,
        [a4.id]
    );
    assert_eq!(
        ids(
            store,
            ApplicationFilter {
                limit: Some(2),
                offset: 1,
                ..in_p.clone()
            }
        )
        .await,
        [a2.id, a3.id]
    );
    assert_eq!(
        ids(
            store,
            ApplicationFilter {
                limit: Some(10),
                offset: 3,
                ..in_p.clone()
            }
        )
        .await,
        [a5.id]
    );
    assert_eq!(
        store
            .count_applications(&ApplicationFilter {
                limit: Some(1),
                ..in_p.clone()
            })
            .await
            .unwrap(),
        4,
        "the count ignores paging"
    );

    // A city ranks its nominees of one call differently.
    let e1 = store
        .change_application(admin(), a1.id, None, endorse(1, focal.id))
        .await
        .unwrap();
    assert_eq!(e1.endorsement.status, EndorsementStatus::Endorsed);
    assert_eq!(
        (e1.endorsement.rank, e1.endorsement.by),
        (Some(1), Some(focal.id))
    );
    assert_eq!(e1.endorsement.comment.as_deref(), Some("our best"));
    assert!(is_conflict(
        store
            .change_application(admin(), a5.id, None, endorse(1, focal.id))
            .await,
        "rank_taken"
    ));
    assert_eq!(
        store
            .application(a5.id)
            .await
            .unwrap()
            .unwrap()
            .endorsement
            .status,
        EndorsementStatus::Pending,
        "a refused endorsement changes nothing"
    );
    store
        .change_application(admin(), a5.id, None, endorse(2, focal.id))
        .await
        .unwrap();
    // Rank 1 is free for another city, and for the same city in another call.
    store
        .change_application(admin(), a3.id, None, endorse(1, focal.id))
        .await
        .unwrap();
    store
        .change_application(admin(), a4.id, None, endorse(1, focal.id))
        .await
        .unwrap();

    // Documents: a second upload under a key replaces the first.
    let docs_before = audit_count(store, "application.document").await;
    let with_cv = store
        .attach_application_document(admin(), a1.id, "cv", pdf(dakar.id, "cv-1.pdf"))
        .await
        .unwrap();
    assert_eq!(with_cv.documents.len(), 1);
    let replaced = store
        .attach_application_document(admin(), a1.id, "cv", pdf(dakar.id, "cv-2.pdf"))
        .await
        .unwrap();
    let both = store
        .attach_application_document(admin(), a1.id, "passport", pdf(dakar.id, "pp.pdf"))
        .await
        .unwrap();
    assert_eq!(replaced.documents.len(), 1);
    assert_eq!(replaced.documents[0].filename, "cv-2.pdf");
    assert!(replaced.version > with_cv.version);
    let keys: Vec<&AttachedDocument> = both.documents.iter().collect();
    assert_eq!(keys.len(), 2);
    let cv = keys.iter().find(|d| d.key == "cv").unwrap();
    assert_eq!(cv.filename, "cv-2.pdf");
    assert_eq!(
        store
            .document(cv.document_id)
            .await
            .unwrap()
            .unwrap()
            .filename,
        "cv-2.pdf"
    );
    assert!(matches!(
        store
            .attach_application_document(admin(), 999_999, "cv", pdf(dakar.id, "x.pdf"))
            .await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        audit_count(store, "application.document").await,
        docs_before + 3
    );

    // Withdrawing leaves the submitted list.
    let w = store
        .change_application(
            admin(),
            a3.id,
            None,
            ApplicationChange::Withdraw { at: Utc::now() },
        )
        .await
        .unwrap();
    assert_eq!(w.status, ApplicationStatus::Withdrawn);
    assert!(w.withdrawn_at.is_some());
    assert_eq!(
        ids(
            store,
            ApplicationFilter {
                submitted_only: true,
                ..in_p.clone()
            }
        )
        .await,
        [a1.id, a5.id]
    );

    // Every write above left its audit row.
    assert_audits(
        store,
        &[
            ("application.draft", 1),
            ("application.submit", 5),
            ("application.endorse", 4),
            ("application.withdraw", 1),
        ],
    )
    .await;
}

pub(super) async fn reviews(store: &dyn Store) {
    let host = new_org(store, "r-host", "regional_centre", "Host").await;
    let p = programme(store, host.id, 10).await;
    let applicant = person(store, "applicant@r.demo").await;
    let other = person(store, "other@r.demo").await;
    let r1 = person(store, "reviewer1@r.demo").await;
    let r2 = person(store, "reviewer2@r.demo").await;
    let a = store
        .start_application(admin(), p.id, applicant.id)
        .await
        .unwrap();
    let b = store
        .start_application(admin(), p.id, other.id)
        .await
        .unwrap();

    let by = Actor {
        user_id: Some(r1.id),
        org_id: None,
    };
    let first = store.assign_reviewer(by, a.id, r1.id).await.unwrap();
    assert_eq!(
        (first.application_id, first.reviewer_id, first.assigned_by),
        (a.id, r1.id, Some(r1.id))
    );
    assert_eq!(first.conflict, None, "nothing declared yet");
    assert!(!first.is_counted());
    assert!(is_conflict(
        store.assign_reviewer(admin(), a.id, r1.id).await,
        "already_assigned"
    ));
    assert!(matches!(
        store.assign_reviewer(admin(), 999_999, r1.id).await,
        Err(StoreError::NotFound)
    ));
    let second_r = store.assign_reviewer(admin(), a.id, r2.id).await.unwrap();
    store.assign_reviewer(admin(), b.id, r1.id).await.unwrap();

    let scores = BTreeMap::from([("relevance".to_string(), 4), ("motivation".to_string(), 5)]);
    let score = || ReviewStep::Score {
        scores: scores.clone(),
        comment: Some("strong".into()),
    };
    let now = second("2027-02-01T10:00:00Z");
    // Scores wait for the declaration.
    assert!(is_conflict(
        store.save_review(admin(), first.id, score(), now).await,
        "conflict_undeclared"
    ));
    // A declared conflict keeps the reviewer out.
    let declared = store
        .save_review(
            admin(),
            second_r.id,
            ReviewStep::Declare {
                conflict: true,
                note: Some("same department".into()),
            },
            now,
        )
        .await
        .unwrap();
    assert_eq!(declared.conflict, Some(true));
    assert_eq!(declared.conflict_note.as_deref(), Some("same department"));
    assert!(is_conflict(
        store.save_review(admin(), second_r.id, score(), now).await,
        "conflicted"
    ));
    // Declaring none, then scoring, counts the review.
    let none = store
        .save_review(
            admin(),
            first.id,
            ReviewStep::Declare {
                conflict: false,
                note: None,
            },
            now,
        )
        .await
        .unwrap();
    assert_eq!(none.conflict, Some(false));
    let scored = store
        .save_review(admin(), first.id, score(), now)
        .await
        .unwrap();
    assert!(scored.is_counted());
    assert_eq!(scored.scores, scores);
    assert_eq!(scored.comment.as_deref(), Some("strong"));
    assert_eq!(scored.submitted_at, Some(now));
    assert_eq!(store.review(first.id).await.unwrap().unwrap(), scored);
    assert!(is_conflict(
        store
            .save_review(
                admin(),
                first.id,
                ReviewStep::Declare {
                    conflict: true,
                    note: None
                },
                now
            )
            .await,
        "review_submitted"
    ));
    assert!(matches!(
        store.save_review(admin(), 999_999, score(), now).await,
        Err(StoreError::NotFound)
    ));
    assert!(store.review(999_999).await.unwrap().is_none());

    let list = |f: ReviewFilter| async move {
        store
            .reviews(&f)
            .await
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        list(ReviewFilter {
            programme_id: Some(p.id),
            ..Default::default()
        })
        .await
        .len(),
        3
    );
    assert_eq!(
        list(ReviewFilter {
            application_id: Some(a.id),
            ..Default::default()
        })
        .await,
        [first.id, second_r.id]
    );
    assert_eq!(
        list(ReviewFilter {
            programme_id: Some(p.id),
            reviewer_id: Some(r2.id),
            ..Default::default()
        })
        .await,
        [second_r.id]
    );
    assert_eq!(
        list(ReviewFilter {
            application_ids: vec![a.id, 999_999],
            ..Default::default()
        })
        .await,
        [first.id, second_r.id]
    );
    assert_eq!(
        store.call_counts(p.id).await.unwrap(),
        CallCounts {
            applications: 2,
            reviews: 3,
            reviews_conflicted: 1,
            reviews_counted: 1,
        },
        "applications; reviews assigned, conflicted, counted"
    );
    assert_eq!(
        store.call_counts(999_999).await.unwrap(),
        CallCounts::default()
    );
    assert_audits(
        store,
        &[
            ("review.assign", 3),
            ("review.declare", 2),
            ("review.score", 1),
        ],
    )
    .await;
}

pub(super) async fn selection(store: &dyn Store) {
    let host = new_org(store, "s-host", "regional_centre", "Host").await;
    let p = programme(store, host.id, 10).await;
    let applicant = person(store, "applicant@s.demo").await;
    let a = store
        .start_application(admin(), p.id, applicant.id)
        .await
        .unwrap();

    // Call rules are versioned: a save from an old version is refused.
    assert!(store.call_rules(p.id).await.unwrap().is_none());
    let rules = CallRules::defaults(p.id);
    let v1 = store.save_call_rules(admin(), rules.clone()).await.unwrap();
    assert_eq!(v1.version, 1);
    assert_eq!(
        CallRules {
            version: 0,
            ..v1.clone()
        },
        rules
    );
    assert!(is_conflict(
        store.save_call_rules(admin(), rules.clone()).await,
        "stale_version"
    ));
    let v2 = store
        .save_call_rules(
            admin(),
            CallRules {
                normalise: true,
                max_per_country: Some(2),
                ..v1.clone()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (v2.version, v2.normalise, v2.max_per_country),
        (2, true, Some(2))
    );
    assert!(is_conflict(
        store.save_call_rules(admin(), v1.clone()).await,
        "stale_version"
    ));
    assert_eq!(store.call_rules(p.id).await.unwrap().unwrap(), v2);
    assert!(
        store
            .save_call_rules(admin(), CallRules::defaults(999_999))
            .await
            .is_err()
    );

    // Overrides: set, replace, clear.
    store
        .set_selection_override(admin(), p.id, a.id, Some((true, "quota".into())))
        .await
        .unwrap();
    store
        .set_selection_override(admin(), p.id, a.id, Some((false, "late".into())))
        .await
        .unwrap();
    let o = store.selection_overrides(p.id).await.unwrap();
    assert_eq!(o.len(), 1);
    assert_eq!((o[0].application_id, o[0].include), (a.id, false));
    assert_eq!(o[0].reason, "late");
    store
        .set_selection_override(admin(), p.id, a.id, None)
        .await
        .unwrap();
    assert!(store.selection_overrides(p.id).await.unwrap().is_empty());

    // Runs: the latest is the last saved.
    assert!(store.latest_selection_run(p.id).await.unwrap().is_none());
    store
        .save_selection_run(admin(), p.id, "{\"in\":1}".into(), "{\"out\":1}".into())
        .await
        .unwrap();
    let run2 = store
        .save_selection_run(admin(), p.id, "{\"in\":2}".into(), "{\"out\":2}".into())
        .await
        .unwrap();
    let latest = store.latest_selection_run(p.id).await.unwrap().unwrap();
    assert_eq!(latest, run2);
    assert_eq!(
        (latest.input.as_str(), latest.confirmed_at),
        ("{\"in\":2}", None)
    );
    assert_audits(
        store,
        &[
            ("call.rules", 2),
            ("selection.override", 3),
            ("selection.run", 2),
        ],
    )
    .await;
}

/// The holders of a programme's seats, checking that no application holds two.
pub(super) async fn holders(store: &dyn Store, programme_id: Id) -> (usize, Vec<Id>) {
    let seats = store.seats(programme_id).await.unwrap();
    let held: Vec<Id> = seats.iter().filter_map(|(_, a)| *a).collect();
    let distinct: BTreeSet<Id> = held.iter().copied().collect();
    assert_eq!(distinct.len(), held.len(), "an application holds two seats");
    (seats.len(), held)
}

pub(super) async fn seats(store: &dyn Store) {
    let host = new_org(store, "seat-host", "regional_centre", "Host").await;
    let p = programme(store, host.id, 2).await;
    let mut apps = vec![];
    for i in 0..6 {
        let u = person(store, &format!("seat{i}@s.demo")).await;
        apps.push(store.start_application(admin(), p.id, u.id).await.unwrap());
    }
    let id = |i: usize| apps[i].id;
    let now = Utc::now();
    let deadline = now + Duration::days(7);
    let run = store
        .save_selection_run(admin(), p.id, "{}".into(), "{}".into())
        .await
        .unwrap();
    let confirms = audit_count(store, "selection.confirm").await;
    let (_, mails) = store.outbox(1, 0).await.unwrap();
    store
        .confirm_cohort(
            admin(),
            run.id,
            2,
            vec![
                (id(0), offer(deadline)),
                (id(1), offer(deadline)),
                (id(2), offer(deadline)),
                (id(3), decision(Outcome::Waitlisted, None)),
                (id(4), offer(now - Duration::days(1))),
            ],
            vec![mail("cohort@s.demo"), mail("cohort@s.demo")],
        )
        .await
        .unwrap();
    let (_, after) = store.outbox(1, 0).await.unwrap();
    assert_eq!(
        after,
        mails + 2,
        "the decisions' emails are queued with them"
    );
    assert_eq!(store.seats(p.id).await.unwrap(), [(1, None), (2, None)]);
    let offered = store.application(id(0)).await.unwrap().unwrap();
    let d = offered.decision.unwrap();
    assert_eq!((d.outcome, d.seat_no), (Outcome::Offered, None));
    assert_eq!(
        (d.reason_code.as_str(), d.reason_params.get("rank")),
        ("selected", Some(&2.into())),
        "the reason's code and parameters are kept for translation"
    );
    assert_eq!(
        d.respond_by.map(|t| t.timestamp()),
        Some(deadline.timestamp())
    );
    assert!(
        store
            .latest_selection_run(p.id)
            .await
            .unwrap()
            .unwrap()
            .confirmed_at
            .is_some()
    );
    assert!(is_conflict(
        store
            .confirm_cohort(admin(), run.id, 2, vec![], vec![mail("again@s.demo")])
            .await,
        "cohort_confirmed"
    ));
    assert!(matches!(
        store
            .confirm_cohort(admin(), 999_999, 2, vec![], vec![mail("again@s.demo")])
            .await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        store.outbox(1, 0).await.unwrap().1,
        mails + 2,
        "a refused confirmation queues no email"
    );
    assert_eq!(audit_count(store, "selection.confirm").await, confirms + 1);

    let claims = audit_count(store, "application.confirm").await;
    // Only an open offer can be confirmed.
    assert!(is_conflict(
        store.claim_seat(admin(), id(3), now).await,
        "not_offered"
    ));
    assert!(is_conflict(
        store.claim_seat(admin(), id(5), now).await,
        "not_offered"
    ));
    assert!(is_conflict(
        store.claim_seat(admin(), id(4), now).await,
        "offer_expired"
    ));
    assert!(is_conflict(
        store
            .claim_seat(admin(), id(0), deadline + Duration::seconds(1))
            .await,
        "offer_expired"
    ));
    assert!(matches!(
        store.claim_seat(admin(), 999_999, now).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(holders(store, p.id).await.1, [] as [Id; 0]);

    let c0 = store.claim_seat(admin(), id(0), now).await.unwrap();
    let d0 = c0.decision.clone().unwrap();
    assert_eq!((d0.outcome, d0.seat_no), (Outcome::Confirmed, Some(1)));
    let repeat = store.claim_seat(admin(), id(0), now).await.unwrap();
    assert_eq!(
        repeat, c0,
        "a repeated claim returns the application unchanged"
    );
    let c1 = store.claim_seat(admin(), id(1), now).await.unwrap();
    assert_eq!(c1.decision.unwrap().seat_no, Some(2));
    assert!(is_conflict(
        store.claim_seat(admin(), id(2), now).await,
        "cohort_full"
    ));
    assert_eq!(
        store
            .application(id(2))
            .await
            .unwrap()
            .unwrap()
            .decision
            .unwrap()
            .outcome,
        Outcome::Offered,
        "a refused claim leaves the offer open"
    );
    assert_eq!(holders(store, p.id).await, (2, vec![id(0), id(1)]));

    // Declining frees the seat for the next offered applicant.
    let declined = store
        .change_application(
            admin(),
            id(0),
            None,
            ApplicationChange::Decide(Some(decision(Outcome::Declined, None))),
        )
        .await
        .unwrap();
    let dd = declined.decision.unwrap();
    assert_eq!((dd.outcome, dd.seat_no), (Outcome::Declined, None));
    assert_eq!(
        dd.reason_params,
        decision(Outcome::Declined, None).reason_params
    );
    assert_eq!(holders(store, p.id).await, (2, vec![id(1)]));
    let c2 = store.claim_seat(admin(), id(2), now).await.unwrap();
    assert_eq!(c2.decision.unwrap().seat_no, Some(1));
    assert!(is_conflict(
        store.claim_seat(admin(), id(0), now).await,
        "not_offered"
    ));
    // Withdrawing releases the seat too, and declines the place.
    let w = store
        .change_application(
            admin(),
            id(1),
            None,
            ApplicationChange::Withdraw { at: now },
        )
        .await
        .unwrap();
    assert_eq!(w.decision.unwrap().outcome, Outcome::Declined);
    assert_eq!(holders(store, p.id).await, (2, vec![id(2)]));
    assert_eq!(audit_count(store, "application.confirm").await, claims + 3);

    // Two confirmations of one cohort at once: one wins, the other is refused.
    let q = programme(store, host.id, 3).await;
    let u = person(store, "seat-race@s.demo").await;
    let a = store.start_application(admin(), q.id, u.id).await.unwrap();
    let run = store
        .save_selection_run(admin(), q.id, "{}".into(), "{}".into())
        .await
        .unwrap();
    let (x, y) = tokio::join!(
        store.confirm_cohort(admin(), run.id, 3, vec![(a.id, offer(deadline))], vec![]),
        store.confirm_cohort(admin(), run.id, 3, vec![(a.id, offer(deadline))], vec![])
    );
    let refused = [&x, &y]
        .iter()
        .filter(|r| matches!(r, Err(StoreError::Conflict("cohort_confirmed"))))
        .count();
    assert!(
        (x.is_ok() || y.is_ok()) && refused == 1,
        "two confirmations at once: {x:?}, {y:?}"
    );
    assert_eq!(store.seats(q.id).await.unwrap().len(), 3);
}
