//! Seats under concurrency: "200 concurrent confirmations for 10 seats end
//! with exactly 10, repeated 100 times, on SQLite and PostgreSQL".
//!
//! Run it on a store of its own, from a multi-thread runtime: the claims are
//! tokio tasks released together by a barrier, so they race through the
//! backend's pool.

use super::applications::{holders, new_org, offer, person, programme};
use super::{admin, audit_count};
use crate::*;
use miti_domain::application::Outcome;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Barrier;
use tokio::task::JoinSet;

/// Offered applicants per round.
pub const APPLICANTS: usize = 200;
/// Seats per round.
pub const CAPACITY: usize = 10;

/// Rounds to run: `MITI_SEAT_ROUNDS`, else the 100.
pub fn seat_race_rounds() -> usize {
    std::env::var("MITI_SEAT_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100)
}

/// What a run measured.
#[derive(Debug, Clone, Default)]
pub struct RaceReport {
    pub rounds: usize,
    /// Every claim fired, duplicates included.
    pub claims: usize,
    /// Creating the applicants (once).
    pub setup: Duration,
    /// Each round's programme, applications and confirmed cohort.
    pub fixtures: Duration,
    /// The claims themselves, checks included.
    pub racing: Duration,
    /// The slowest round's claims.
    pub slowest_race: Duration,
}

impl std::fmt::Display for RaceReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} rounds, {} claims: setup {:.2?}, fixtures {:.2?}, races {:.2?} (slowest round {:.2?})",
            self.rounds, self.claims, self.setup, self.fixtures, self.racing, self.slowest_race
        )
    }
}

/// Fires one claim per entry of `apps` at once; (application, result) back.
async fn race(
    store: &Arc<dyn Store>,
    apps: &[Id],
    now: DateTime<Utc>,
) -> Vec<(Id, StoreResult<Application>)> {
    let barrier = Arc::new(Barrier::new(apps.len()));
    let mut set = JoinSet::new();
    for &id in apps {
        let (store, barrier) = (Arc::clone(store), Arc::clone(&barrier));
        set.spawn(async move {
            barrier.wait().await;
            (id, store.claim_seat(admin(), id, now).await)
        });
    }
    set.join_all().await
}

/// Checks one race's results: every refusal is `cohort_full`, an applicant's
/// claims all agree, and returns the winners.
fn winners(results: &[(Id, StoreResult<Application>)], round: usize) -> BTreeSet<Id> {
    let mut by_app: BTreeMap<Id, Vec<bool>> = BTreeMap::new();
    for (id, r) in results {
        match r {
            Ok(a) => {
                let d = a
                    .decision
                    .as_ref()
                    .expect("a confirmed claim has a decision");
                assert!(
                    d.outcome == Outcome::Confirmed && d.seat_no.is_some(),
                    "round {round}: a successful claim returned {d:?}"
                );
            }
            Err(StoreError::Conflict("cohort_full")) => {}
            Err(e) => panic!("round {round}: claim of {id} failed with {e:?}"),
        }
        by_app.entry(*id).or_default().push(r.is_ok());
    }
    for (id, outcomes) in &by_app {
        assert!(
            outcomes.iter().all(|o| *o == outcomes[0]),
            "round {round}: the claims of application {id} disagree: {outcomes:?}"
        );
    }
    by_app
        .into_iter()
        .filter(|(_, o)| o[0])
        .map(|(id, _)| id)
        .collect()
}

/// The programme's seats are all held, by exactly `expected`, each of them
/// confirmed in their seat; everyone else still holds an open offer.
async fn check_seats(store: &dyn Store, programme_id: Id, expected: &BTreeSet<Id>, round: usize) {
    let (count, held) = holders(store, programme_id).await;
    assert_eq!(count, CAPACITY, "round {round}: seat rows");
    let held_set: BTreeSet<Id> = held.iter().copied().collect();
    assert_eq!(&held_set, expected, "round {round}: seat holders");
    let apps = store
        .applications(&ApplicationFilter {
            programme_id: Some(programme_id),
            ..Default::default()
        })
        .await
        .unwrap();
    let mut confirmed = 0;
    for a in &apps {
        let d = a.decision.as_ref().expect("every applicant has a decision");
        if expected.contains(&a.id) {
            confirmed += 1;
            assert_eq!(
                d.outcome,
                Outcome::Confirmed,
                "round {round}: holder {}",
                a.id
            );
            assert!(d.seat_no.is_some(), "round {round}: holder {} seat", a.id);
        } else {
            assert!(
                d.seat_no.is_none() && d.outcome != Outcome::Confirmed,
                "round {round}: {} is {:?} in seat {:?} without holding one",
                a.id,
                d.outcome,
                d.seat_no
            );
        }
    }
    assert_eq!(confirmed, CAPACITY, "round {round}: confirmed applicants");
}

/// The race, `rounds` times; panics on the first broken promise.
pub async fn seats_under_concurrency(store: Arc<dyn Store>, rounds: usize) -> RaceReport {
    let mut report = RaceReport {
        rounds,
        ..Default::default()
    };
    let started = Instant::now();
    let host = new_org(&*store, "race-host", "regional_centre", "Race host").await;
    // Applications are unique per (programme, applicant), so the applicants
    // can serve every round.
    let mut users = vec![];
    for i in 0..APPLICANTS {
        users.push(person(&*store, &format!("racer{i}@race.demo")).await.id);
    }
    report.setup = started.elapsed();

    for round in 0..rounds {
        let started = Instant::now();
        let p = programme(&*store, host.id, i32::try_from(CAPACITY).unwrap()).await;
        let mut set = JoinSet::new();
        for (i, &user) in users.iter().enumerate() {
            let store = Arc::clone(&store);
            set.spawn(async move { (i, store.start_application(admin(), p.id, user).await) });
        }
        let mut apps = vec![0; APPLICANTS];
        for (i, a) in set.join_all().await {
            apps[i] = a.unwrap().id;
        }
        let now = Utc::now();
        let run = store
            .save_selection_run(admin(), p.id, "{}".into(), "{}".into())
            .await
            .unwrap();
        let respond_by = now + chrono::Duration::days(7);
        store
            .confirm_cohort(
                admin(),
                run.id,
                i32::try_from(CAPACITY).unwrap(),
                apps.iter().map(|&a| (a, offer(respond_by))).collect(),
                vec![],
            )
            .await
            .unwrap();
        report.fixtures += started.elapsed();

        let started = Instant::now();
        // A different order each round; in every third round a tenth of the
        // applicants click twice.
        let mut claims = vec![];
        for k in 0..APPLICANTS {
            let i = (k * 7 + round * 13) % APPLICANTS;
            claims.push(apps[i]);
            if round % 3 == 1 && i % 10 == round % 10 {
                claims.push(apps[i]);
            }
        }
        report.claims += claims.len();
        let confirms = audit_count(&*store, "application.confirm").await;
        let results = race(&store, &claims, now).await;
        let won = winners(&results, round);
        assert_eq!(won.len(), CAPACITY, "round {round}: winners");
        check_seats(&*store, p.id, &won, round).await;
        assert_eq!(
            audit_count(&*store, "application.confirm").await,
            confirms + i64::try_from(CAPACITY).unwrap(),
            "round {round}: one audit row per seat taken"
        );

        // Every tenth round a participant declines, and the rest race for
        // the freed seat.
        if round % 10 == 0 {
            let leaving = *won.iter().next().unwrap();
            let declined = Decision {
                outcome: Outcome::Declined,
                ..offer(respond_by)
            };
            store
                .change_application(
                    admin(),
                    leaving,
                    None,
                    ApplicationChange::Decide(Some(declined)),
                )
                .await
                .unwrap();
            let rest: Vec<Id> = apps.iter().copied().filter(|a| !won.contains(a)).collect();
            report.claims += rest.len();
            let results = race(&store, &rest, now).await;
            let second = winners(&results, round);
            assert_eq!(second.len(), 1, "round {round}: one freed seat, one winner");
            let mut expected = won.clone();
            expected.remove(&leaving);
            expected.extend(second);
            check_seats(&*store, p.id, &expected, round).await;
        }
        let took = started.elapsed();
        report.racing += took;
        report.slowest_race = report.slowest_race.max(took);
    }
    report
}

/// A programme of `capacity` seats whose cohort is confirmed, with
/// `applicants` open offers (respond within a week); (programme, applications).
pub async fn offered_cohort(
    store: &dyn Store,
    slug: &str,
    capacity: i32,
    applicants: usize,
) -> (Id, Vec<Id>) {
    let host = new_org(store, slug, "regional_centre", slug).await;
    let p = programme(store, host.id, capacity).await;
    let mut apps = vec![];
    for i in 0..applicants {
        let u = person(store, &format!("{slug}-{i}@race.demo")).await;
        apps.push(
            store
                .start_application(admin(), p.id, u.id)
                .await
                .unwrap()
                .id,
        );
    }
    let run = store
        .save_selection_run(admin(), p.id, "{}".into(), "{}".into())
        .await
        .unwrap();
    let respond_by = Utc::now() + chrono::Duration::days(7);
    store
        .confirm_cohort(
            admin(),
            run.id,
            capacity,
            apps.iter().map(|&a| (a, offer(respond_by))).collect(),
            vec![],
        )
        .await
        .unwrap();
    (p.id, apps)
}
