//! The contract behind the staff's list of a call: its light lines say
//! what the whole applications say, and the call's counters equal a fresh
//! count of the rows after every kind of write.

use super::admin;
use super::applications::{
    endorse, is_conflict, new_org, offer, pdf, person, profile, programme, second, submit,
};
use crate::*;
use miti_domain::application::{
    ApplicationStatus, Endorsement, Interview, InterviewOutcome, Review, ReviewStep, VettingStatus,
};

/// Panics unless each programme's counters equal a fresh count of its rows.
pub async fn assert_counters_fresh(store: &dyn Store, programme_ids: &[Id], when: &str) {
    for &id in programme_ids {
        let applications = store
            .count_applications(&ApplicationFilter {
                programme_id: Some(id),
                ..Default::default()
            })
            .await
            .unwrap();
        let reviews = store
            .reviews(&ReviewFilter {
                programme_id: Some(id),
                ..Default::default()
            })
            .await
            .unwrap();
        let n = |f: &dyn Fn(&Review) -> bool| {
            i64::try_from(reviews.iter().filter(|r| f(r)).count()).unwrap()
        };
        let counted = CallCounts {
            applications,
            reviews: n(&|_| true),
            reviews_conflicted: n(&|r| r.conflict == Some(true)),
            reviews_counted: n(&|r| r.is_counted()),
        };
        assert_eq!(
            store.call_counts(id).await.unwrap(),
            counted,
            "the counters of programme {id} equal a fresh count after {when}"
        );
    }
}

/// Panics unless the counted scores of the programme's applications are
/// those of its reviews that count.
async fn assert_scores_match(store: &dyn Store, programme_id: Id) {
    let reviews = store
        .reviews(&ReviewFilter {
            programme_id: Some(programme_id),
            ..Default::default()
        })
        .await
        .unwrap();
    let mut counted: Vec<ReviewScores> = reviews
        .iter()
        .filter(|r| r.is_counted())
        .map(|r| ReviewScores {
            application_id: r.application_id,
            reviewer_id: r.reviewer_id,
            scores: r.scores.clone(),
        })
        .collect();
    counted.sort_by_key(|r| (r.application_id, r.reviewer_id));
    assert!(!counted.is_empty());
    let mut ids: Vec<Id> = reviews.iter().map(|r| r.application_id).collect();
    ids.dedup();
    ids.push(999_999);
    assert_eq!(store.counted_scores(&ids).await.unwrap(), counted);
    assert_eq!(store.counted_scores(&[]).await.unwrap(), []);
}

/// Panics unless the programme's lines, whole and page by page, are those
/// of its whole applications.
async fn assert_lines_match(store: &dyn Store, programme_id: Id) {
    let page = |limit: i64, offset: i64| async move {
        let whole = store
            .applications(&ApplicationFilter {
                programme_id: Some(programme_id),
                limit: Some(limit),
                offset,
                ..Default::default()
            })
            .await
            .unwrap();
        let lines = store
            .application_lines(programme_id, limit, offset)
            .await
            .unwrap();
        assert_eq!(
            lines,
            whole.iter().map(ApplicationLine::of).collect::<Vec<_>>(),
            "the lines of programme {programme_id}, {limit} after {offset}"
        );
        lines.len()
    };
    let all = page(1_000, 0).await;
    assert!(all > 0);
    for offset in 0..=all {
        page(2, i64::try_from(offset).unwrap()).await;
    }
}

/// The lines of applications in every state: a draft, submitted ones with
/// and without documents, endorsed, interviewed, vetted, decided, withdrawn.
pub(super) async fn lines(store: &dyn Store) {
    let host = new_org(store, "l-host", "regional_centre", "Host").await;
    let city = new_org(store, "l-city", "member_city", "Accra").await;
    let p = programme(store, host.id, 10).await;
    let focal = person(store, "focal@l.demo").await;
    let mut apps = vec![];
    for i in 0..6 {
        let u = person(store, &format!("applicant{i}@l.demo")).await;
        apps.push(store.start_application(admin(), p.id, u.id).await.unwrap());
    }
    let at = second("2027-03-01T09:00:00Z");
    for a in &apps[1..] {
        store
            .change_application(admin(), a.id, None, submit(&city, "ADWOA MENSAH", at))
            .await
            .unwrap();
    }
    let change = |i: usize, c: ApplicationChange| {
        let id = apps[i].id;
        async move {
            store
                .change_application(admin(), id, None, c)
                .await
                .unwrap()
        }
    };
    store
        .attach_application_document(admin(), apps[2].id, "cv", pdf(city.id, "l-cv.pdf"))
        .await
        .unwrap();
    store
        .attach_application_document(admin(), apps[2].id, "letter", pdf(city.id, "l-letter.pdf"))
        .await
        .unwrap();
    change(2, endorse(1, focal.id)).await;
    change(
        3,
        ApplicationChange::Interview(Interview {
            slot: at,
            interviewer_id: focal.id,
            language: "en".into(),
            outcome: InterviewOutcome::Passed,
            level: None,
            notes: Some("fluent".into()),
        }),
    )
    .await;
    change(3, ApplicationChange::Vetting(VettingStatus::Cleared)).await;
    change(4, ApplicationChange::Decide(Some(offer(at)))).await;
    change(5, ApplicationChange::Withdraw { at }).await;
    assert_lines_match(store, p.id).await;
    let line = &store.application_lines(p.id, 1, 2).await.unwrap()[0];
    assert_eq!(line.document_keys, ["cv", "letter"]);
    assert_eq!(
        line.applicant.as_ref().map(|a| a.city_name.as_str()),
        Some("Accra")
    );
    assert!(
        store
            .application_lines(p.id, 10, 6)
            .await
            .unwrap()
            .is_empty(),
        "past the last page"
    );
    assert!(
        store
            .application_lines(999_999, 10, 0)
            .await
            .unwrap()
            .is_empty()
    );
}

/// An application to load in bulk, submitted by `user_id`.
fn bulk(programme_id: Id, user_id: UserId, city: &Organisation, doc: bool) -> BulkApplication {
    let now = second("2027-03-02T09:00:00Z");
    BulkApplication {
        app: Application {
            id: 0,
            programme_id,
            user_id,
            status: ApplicationStatus::Submitted,
            form: Default::default(),
            profile: Some(profile(city, "KOFI")),
            answers: None,
            documents: vec![],
            endorsement: Endorsement::default(),
            interview: None,
            vetting: VettingStatus::Pending,
            decision: None,
            logistics: None,
            submitted_at: Some(now),
            withdrawn_at: None,
            created_at: now,
            updated_at: now,
            version: 1,
        },
        documents: if doc {
            vec![("cv".into(), pdf(city.id, &format!("bulk-{user_id}.pdf")))]
        } else {
            vec![]
        },
        seat_no: None,
    }
}

/// A review to load in bulk, as it stands.
fn bulk_review(
    application_id: Id,
    reviewer_id: UserId,
    conflict: Option<bool>,
    scored: bool,
) -> Review {
    let now = second("2027-03-03T09:00:00Z");
    Review {
        id: 0,
        application_id,
        reviewer_id,
        assigned_by: None,
        assigned_at: now,
        conflict,
        conflict_note: None,
        scores: Default::default(),
        comment: None,
        submitted_at: scored.then_some(now),
    }
}

/// Writes applications and reviews of every kind to two new calls, the
/// second by the bulk loads, checking the counters against a fresh count
/// after each step; returns the calls' ids.
pub async fn call_counter_writes(store: &dyn Store) -> Vec<Id> {
    let host = new_org(store, "cc-host", "regional_centre", "Host").await;
    let city = new_org(store, "cc-city", "member_city", "Cotonou").await;
    let p = programme(store, host.id, 10).await;
    let q = programme(store, host.id, 10).await;
    let both = [p.id, q.id];
    assert_eq!(
        store.call_counts(p.id).await.unwrap(),
        CallCounts::default()
    );
    assert_counters_fresh(store, &both, "nothing").await;

    // Applications: started (again, and twice at once: still one each),
    // submitted, withdrawn.
    let mut apps = vec![];
    for i in 0..4 {
        let u = person(store, &format!("applicant{i}@cc.demo")).await;
        apps.push(store.start_application(admin(), p.id, u.id).await.unwrap());
    }
    store
        .start_application(admin(), p.id, apps[0].user_id)
        .await
        .unwrap();
    let late = person(store, "late@cc.demo").await;
    let (x, y) = tokio::join!(
        store.start_application(admin(), p.id, late.id),
        store.start_application(admin(), p.id, late.id)
    );
    assert_eq!(x.unwrap().id, y.unwrap().id);
    assert!(
        store
            .start_application(admin(), 999_999, late.id)
            .await
            .is_err()
    );
    assert_counters_fresh(store, &both, "starting applications").await;
    let at = second("2027-03-01T09:00:00Z");
    for a in &apps[..3] {
        store
            .change_application(admin(), a.id, None, submit(&city, "KOFI", at))
            .await
            .unwrap();
    }
    store
        .change_application(
            admin(),
            apps[2].id,
            None,
            ApplicationChange::Withdraw { at },
        )
        .await
        .unwrap();
    assert_counters_fresh(store, &both, "submitting and withdrawing").await;

    // Reviews: assigned (a second time and to no application: refused),
    // declared, declared again, scored, scored again.
    let r: Vec<User> = {
        let mut v = vec![];
        for i in 0..3 {
            v.push(person(store, &format!("reviewer{i}@cc.demo")).await);
        }
        v
    };
    let assign = |a: usize, who: usize| {
        let (app, reviewer) = (apps[a].id, r[who].id);
        async move { store.assign_reviewer(admin(), app, reviewer).await }
    };
    let a0r0 = assign(0, 0).await.unwrap();
    let a0r1 = assign(0, 1).await.unwrap();
    let a1r2 = assign(1, 2).await.unwrap();
    let a1r0 = assign(1, 0).await.unwrap();
    assert!(is_conflict(assign(0, 0).await, "already_assigned"));
    assert!(
        store
            .assign_reviewer(admin(), 999_999, r[0].id)
            .await
            .is_err()
    );
    assert_counters_fresh(store, &both, "assigning reviewers").await;
    let step = |id: Id, s: ReviewStep| async move { store.save_review(admin(), id, s, at).await };
    let declare = |conflict: bool| ReviewStep::Declare {
        conflict,
        note: None,
    };
    let score = |n: u32| ReviewStep::Score {
        scores: [("relevance".to_string(), n)].into(),
        comment: None,
    };
    step(a0r0.id, declare(false)).await.unwrap();
    step(a0r1.id, declare(true)).await.unwrap();
    step(a1r2.id, declare(false)).await.unwrap();
    assert_counters_fresh(store, &both, "declaring").await;
    step(a0r1.id, declare(false)).await.unwrap();
    step(a1r2.id, declare(true)).await.unwrap();
    step(a1r0.id, declare(true)).await.unwrap();
    step(a1r0.id, declare(true)).await.unwrap();
    assert_counters_fresh(store, &both, "changing declarations").await;
    step(a0r0.id, score(3)).await.unwrap();
    assert!(is_conflict(step(a1r2.id, score(3)).await, "conflicted"));
    step(a0r1.id, score(4)).await.unwrap();
    step(a0r0.id, score(5)).await.unwrap();
    assert!(is_conflict(
        step(a0r0.id, declare(true)).await,
        "review_submitted"
    ));
    assert!(step(999_999, score(1)).await.is_err());
    assert_counters_fresh(store, &both, "scoring").await;
    assert_scores_match(store, p.id).await;
    assert_eq!(
        store.call_counts(p.id).await.unwrap(),
        CallCounts {
            applications: 5,
            reviews: 4,
            reviews_conflicted: 2,
            reviews_counted: 2,
        }
    );

    // The bulk loads of `miti dev dataset`, into the second call.
    let mut users = vec![];
    for i in 0..4 {
        users.push(person(store, &format!("bulk{i}@cc.demo")).await.id);
    }
    let ids = store
        .bulk_insert_applications(
            admin(),
            users
                .iter()
                .enumerate()
                .map(|(i, u)| bulk(q.id, *u, &city, i % 2 == 0))
                .collect(),
        )
        .await
        .unwrap();
    assert_counters_fresh(store, &both, "loading applications in bulk").await;
    store
        .bulk_insert_reviews(
            admin(),
            vec![
                bulk_review(ids[0], r[0].id, None, false),
                bulk_review(ids[0], r[1].id, Some(true), false),
                bulk_review(ids[1], r[0].id, Some(false), true),
                bulk_review(ids[2], r[0].id, Some(false), false),
                bulk_review(ids[3], r[2].id, Some(false), true),
            ],
        )
        .await
        .unwrap();
    assert_counters_fresh(store, &both, "loading reviews in bulk").await;
    assert_eq!(
        store.call_counts(q.id).await.unwrap(),
        CallCounts {
            applications: 4,
            reviews: 5,
            reviews_conflicted: 1,
            reviews_counted: 2,
        }
    );
    assert_lines_match(store, q.id).await;
    assert_scores_match(store, q.id).await;
    both.to_vec()
}

pub(super) async fn counters(store: &dyn Store) {
    call_counter_writes(store).await;
}
