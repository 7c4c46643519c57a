#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The Store contract on a throwaway PostgreSQL cluster.

use chrono::Utc;
use miti_domain::audit::Actor;
use miti_store::{Store, StoreError};
use std::sync::Arc;
use std::time::Duration;

#[tokio::test]
async fn postgres_passes_the_store_contract() {
    let Some(pg) = miti_testpg::TestPostgres::shared_or_skip().unwrap() else {
        return;
    };
    let url = pg.create_database("contract").await.unwrap();
    let store = miti_store_postgres::open(&url).await.unwrap();
    miti_store::contract::run_all(&store).await;
}

/// 200 concurrent confirmations for 10 seats end with exactly 10, every
/// round (`MITI_SEAT_ROUNDS`, default 100).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_seats_hold_under_concurrent_claims() {
    let Some(pg) = miti_testpg::TestPostgres::shared_or_skip().unwrap() else {
        return;
    };
    let url = pg.create_database("seats").await.unwrap();
    let store = Arc::new(miti_store_postgres::open(&url).await.unwrap());
    let rounds = miti_store::contract::seat_race_rounds();
    let report = miti_store::contract::seats_under_concurrency(store, rounds).await;
    eprintln!("postgres seat race: {report}");
}

/// Another transaction holds the only free seat row locked (a claim in
/// flight); a claim arriving meanwhile waits for it to end instead of
/// skipping the row and answering `cohort_full`: it takes the seat when that
/// transaction rolls back (`rolls_back`), and is refused when it commits.
async fn claim_behind_a_locked_seat(rolls_back: bool) {
    let Some(pg) = miti_testpg::TestPostgres::shared_or_skip().unwrap() else {
        return;
    };
    let url = pg
        .create_database(if rolls_back { "rollback" } else { "commit" })
        .await
        .unwrap();
    let store = Arc::new(miti_store_postgres::open(&url).await.unwrap());
    let (programme, apps) =
        miti_store::contract::offered_cohort(&*store, "locked-seat", 1, 2).await;
    let mut tx = store.pool.begin().await.unwrap();
    sqlx::query("UPDATE seats SET application_id = $1, taken_at = now() WHERE programme_id = $2")
        .bind(apps[0])
        .bind(programme)
        .execute(&mut *tx)
        .await
        .unwrap();
    let claim = tokio::spawn({
        let (store, id) = (Arc::clone(&store), apps[1]);
        async move { store.claim_seat(Actor::SYSTEM, id, Utc::now()).await }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        !claim.is_finished(),
        "the claim answered while the only seat was still in doubt: {:?}",
        claim.await.unwrap()
    );
    if rolls_back {
        tx.rollback().await.unwrap();
        let won = claim.await.unwrap().unwrap();
        assert_eq!(won.decision.unwrap().seat_no, Some(1));
        assert_eq!(store.seats(programme).await.unwrap(), [(1, Some(apps[1]))]);
    } else {
        tx.commit().await.unwrap();
        assert!(matches!(
            claim.await.unwrap(),
            Err(StoreError::Conflict("cohort_full"))
        ));
        assert_eq!(store.seats(programme).await.unwrap(), [(1, Some(apps[0]))]);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_claim_takes_a_seat_another_claimer_rolled_back() {
    claim_behind_a_locked_seat(true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_claim_is_refused_when_the_locking_claimer_commits() {
    claim_behind_a_locked_seat(false).await;
}

/// Migration 0007 backfills each call's counters from the rows as they are.
#[tokio::test]
async fn postgres_backfills_the_call_counters() {
    let Some(pg) = miti_testpg::TestPostgres::shared_or_skip().unwrap() else {
        return;
    };
    let url = pg.create_database("counts").await.unwrap();
    let store = miti_store_postgres::open(&url).await.unwrap();
    let calls = miti_store::contract::call_counter_writes(&store).await;
    // As if every row had been written before the migration.
    for undo in [
        "DROP TABLE call_counts",
        "DELETE FROM _sqlx_migrations WHERE version = 7",
    ] {
        sqlx::query(undo).execute(&store.pool).await.unwrap();
    }
    miti_store_postgres::migrate(&store.pool).await.unwrap();
    miti_store::contract::assert_counters_fresh(&store, &calls, "the backfill of 0007").await;
}
