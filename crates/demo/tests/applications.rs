//! The demo's call for applications, seeded on both backends: 40+ submitted
//! applications from 15+ cities, and Seoul HQ staff can take it to a cohort
//! of 15 that keeps every rule of the network.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use miti_domain::account::User;
use miti_domain::application::{ApplicationStatus, EndorsementStatus, Gender, VettingStatus};
use miti_selection::Status;
use miti_service::{Ctx, Services};
use miti_store::{ApplicationFilter, ApplicationLine, Store};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

async fn services(store: Arc<dyn Store>) -> Services {
    Services::new(
        store,
        Arc::new(object_store::memory::InMemory::new()),
        miti_service::Settings::default(),
    )
}

async fn user(s: &Services, email: &str) -> User {
    s.store.user_credentials(email).await.unwrap().unwrap().0
}

fn ctx(user: User) -> Ctx {
    Ctx {
        user: Some(user),
        address: "127.0.0.1".into(),
        locale: miti_i18n::Locale::En,
    }
}

async fn story(s: Services) {
    let started = std::time::Instant::now();
    let report = miti_demo::seed(&s).await.unwrap();
    eprintln!("seeded on {} in {:?}", s.store.backend(), started.elapsed());
    assert!(
        report
            .accounts
            .iter()
            .any(|(e, r)| e == "vetter@seoul.demo" && *r == miti_domain::account::Role::Vetter)
    );
    let pid = report.applications_programme.unwrap();
    assert!(report.applications >= 40);

    // The call is open today and the programme is Seoul HQ's.
    let call = s.store.call(pid).await.unwrap().unwrap();
    assert!(call.accepts_at(chrono::Utc::now()));
    let p = s.store.programme(pid).await.unwrap().unwrap();
    assert_eq!(p.input.capacity, 15);
    assert_eq!(p.input.eligibility.max_per_city, Some(2));
    assert_eq!(p.input.eligibility.min_member_share_pct, 60);
    assert_eq!(p.input.eligibility.gender_balance_target_pct, Some(40));
    assert!(p.input.arrival > chrono::Utc::now().date_naive());

    let all = s
        .store
        .applications(&ApplicationFilter {
            programme_id: Some(pid),
            ..Default::default()
        })
        .await
        .unwrap();
    let submitted: Vec<_> = all.iter().filter(|a| a.is_submitted()).collect();
    assert_eq!(submitted.len(), report.applications);
    assert!(submitted.len() >= 40, "{}", submitted.len());
    let cities: BTreeSet<String> = submitted.iter().filter_map(|a| a.city_key()).collect();
    let registry_cities: BTreeSet<_> = submitted
        .iter()
        .filter_map(|a| a.profile.as_ref()?.city_org_id)
        .collect();
    assert!(registry_cities.len() >= 15, "{}", registry_cities.len());
    let unlisted = submitted
        .iter()
        .filter(|a| a.profile.as_ref().unwrap().city_org_id.is_none())
        .count();
    assert!((4..=6).contains(&unlisted), "{unlisted}");
    assert!(cities.len() > registry_cities.len());
    let women = submitted
        .iter()
        .filter(|a| a.profile.as_ref().unwrap().gender == Gender::Female)
        .count();
    assert!(women * 3 > submitted.len() && women * 3 < submitted.len() * 2);
    let regions: BTreeSet<_> = submitted
        .iter()
        .map(|a| a.profile.as_ref().unwrap().region.as_str())
        .collect();
    assert_eq!(regions.len(), 6, "every region of the network");
    // Every required document is there, but for one applicant.
    let incomplete = submitted
        .iter()
        .filter(|a| !a.documents_complete(&call.documents))
        .count();
    assert_eq!(incomplete, 1);
    // Endorsed, declined with a reason, and a few left to the focal points.
    let by = |st: EndorsementStatus| {
        submitted
            .iter()
            .filter(|a| a.endorsement.status == st)
            .count()
    };
    assert!(by(EndorsementStatus::Endorsed) >= 30);
    assert_eq!(by(EndorsementStatus::Declined), 3);
    assert!(
        submitted
            .iter()
            .filter(|a| a.endorsement.status == EndorsementStatus::Declined)
            .all(|a| a.endorsement.comment.is_some())
    );
    assert!(by(EndorsementStatus::Pending) >= 3);
    let refused = submitted
        .iter()
        .filter(|a| a.vetting == VettingStatus::Refused)
        .count();
    assert_eq!(refused, 1);
    // applicant@dakar.demo has a draft to finish and submit.
    let dakar = user(&s, "applicant@dakar.demo").await;
    let draft = all.iter().find(|a| a.user_id == dakar.id).unwrap();
    assert_eq!(draft.status, ApplicationStatus::Draft);
    assert!(!draft.form.is_empty() && !draft.documents.is_empty());
    // The Dakar focal point has nominees waiting for a decision.
    let focal = ctx(user(&s, "focal@dakar.demo").await);
    let nominees = s.city_nominees(&focal).await.unwrap();
    assert!(
        nominees
            .iter()
            .any(|(a, _)| a.endorsement.status == EndorsementStatus::Pending)
    );
    // Reviews: two per application, one conflict declared, a few to finish.
    let staff = ctx(user(&s, "staff@seoul.demo").await);
    let pipeline = s.pipeline(&staff, pid).await.unwrap();
    assert_eq!(pipeline.progress.assigned, 2 * submitted.len());
    assert_eq!(pipeline.progress.conflicted, 1);
    assert!(pipeline.progress.submitted < pipeline.progress.assigned - 1);
    assert!(pipeline.rows.iter().filter(|r| r.gates.is_empty()).count() > 15);
    // The staff list's pages (light lines, the call's counters) say what
    // the whole pipeline says.
    let mut paged = vec![];
    for offset in [0, 20, 40, 60] {
        let page = s.pipeline_page(&staff, pid, 20, offset).await.unwrap();
        let c = page.counts;
        assert_eq!(
            (c.reviews, c.reviews_conflicted, c.reviews_counted),
            (
                pipeline.progress.assigned as i64,
                pipeline.progress.conflicted as i64,
                pipeline.progress.submitted as i64
            )
        );
        assert_eq!(c.applications, pipeline.rows.len() as i64);
        paged.extend(page.rows);
    }
    assert_eq!(paged.len(), pipeline.rows.len());
    for (line, whole) in paged.iter().zip(&pipeline.rows) {
        assert_eq!(line.line, ApplicationLine::of(&whole.app));
        assert_eq!((line.score, &line.gates), (whole.score, &whole.gates));
    }
    // Staff never see vetting; the vetter does.
    assert!(!pipeline.vetting_visible);
    let vetter = ctx(user(&s, "vetter@seoul.demo").await);
    assert!(s.vetting_queue(&vetter).await.unwrap().len() >= 40);
    // Nothing is decided yet: HQ staff run and confirm the selection.
    assert!(all.iter().all(|a| a.decision.is_none()));
    assert!(s.store.latest_selection_run(pid).await.unwrap().is_none());
    // The demo's emails are in the outbox, marked as not sent.
    assert!(
        s.store
            .due_mail(chrono::Utc::now(), 10)
            .await
            .unwrap()
            .is_empty()
    );

    // The selection: an optimal cohort of 15 that keeps every rule.
    let proposal = s.run_selection(&staff, pid).await.unwrap();
    let out = &proposal.output;
    assert!(out.optimal);
    let cohort = &out.programmes[0];
    assert!(cohort.violations.is_empty(), "{:?}", cohort.violations);
    assert_eq!(cohort.selected.len(), 15);
    assert!(!cohort.waitlist.is_empty());
    let by_id: BTreeMap<String, _> = submitted
        .iter()
        .map(|a| (a.id.to_string(), a.profile.as_ref().unwrap()))
        .collect();
    let chosen: Vec<_> = cohort.selected.iter().map(|id| by_id[id]).collect();
    let members = chosen.iter().filter(|p| p.member).count();
    assert!(members * 100 >= 60 * 15, "member share {members}/15");
    let women = chosen.iter().filter(|p| p.gender == Gender::Female).count();
    assert!(women * 100 >= 40 * 15, "women {women}/15");
    let mut per_city: BTreeMap<String, usize> = BTreeMap::new();
    let mut per_country: BTreeMap<String, usize> = BTreeMap::new();
    for (id, p) in cohort.selected.iter().map(|id| (id, by_id[id])) {
        let app = submitted.iter().find(|a| a.id.to_string() == *id).unwrap();
        *per_city.entry(app.city_key().unwrap()).or_default() += 1;
        *per_country.entry(p.country.clone()).or_default() += 1;
    }
    assert!(per_city.values().all(|n| *n <= 2), "{per_city:?}");
    assert!(per_country.values().all(|n| *n <= 3), "{per_country:?}");
    let regions: BTreeSet<_> = chosen.iter().map(|p| p.region.as_str()).collect();
    assert!(regions.len() >= 3);
    eprintln!(
        "cohort: {members} from members, {women} women, {} regions, {} waitlisted; {per_country:?}",
        regions.len(),
        cohort.waitlist.len()
    );
    // Only applicants through every gate are chosen or waitlisted.
    for c in &out.candidates {
        let row = pipeline
            .rows
            .iter()
            .find(|r| r.app.id.to_string() == c.id)
            .unwrap();
        if matches!(c.status, Status::Selected | Status::Waitlisted) {
            assert!(row.gates.is_empty(), "{} {:?}", c.id, row.gates);
        }
    }
    // The rules bite: more than two strong Mexico City applicants and more
    // than three Iranian ones were eligible.
    let eligible_ir = pipeline
        .rows
        .iter()
        .filter(|r| r.gates.is_empty() && r.app.profile.as_ref().unwrap().country == "IR")
        .count();
    assert!(eligible_ir > 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_call_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("miti.db").display());
    let store = miti_store_sqlite::open(&url).await.unwrap();
    story(services(Arc::new(store)).await).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_call_on_postgres() {
    let Some(pg) = miti_testpg::TestPostgres::shared_or_skip().unwrap() else {
        return;
    };
    let url = pg.create_database("demo").await.unwrap();
    let store = miti_store_postgres::open(&url).await.unwrap();
    story(services(Arc::new(store)).await).await;
}
