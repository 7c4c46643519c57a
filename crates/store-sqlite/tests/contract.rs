#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The Store contract on a fresh SQLite file.

use std::sync::Arc;

#[tokio::test]
async fn sqlite_passes_the_store_contract() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("contract.db").display());
    let store = miti_store_sqlite::open(&url).await.unwrap();
    miti_store::contract::run_all(&store).await;
}

/// 200 concurrent confirmations for 10 seats end with exactly 10, every
/// round (`MITI_SEAT_ROUNDS`, default 100).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_seats_hold_under_concurrent_claims() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("seats.db").display());
    let store = Arc::new(miti_store_sqlite::open(&url).await.unwrap());
    let rounds = miti_store::contract::seat_race_rounds();
    let report = miti_store::contract::seats_under_concurrency(store, rounds).await;
    eprintln!("sqlite seat race: {report}");
}

/// Migration 0007 backfills each call's counters from the rows as they are.
#[tokio::test]
async fn sqlite_backfills_the_call_counters() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("counts.db").display());
    let store = miti_store_sqlite::open(&url).await.unwrap();
    let calls = miti_store::contract::call_counter_writes(&store).await;
    // As if every row had been written before the migration.
    for undo in [
        "DROP TABLE call_counts",
        "DELETE FROM _sqlx_migrations WHERE version = 7",
    ] {
        sqlx::query(undo).execute(&store.pool).await.unwrap();
    }
    miti_store_sqlite::migrate(&store.pool).await.unwrap();
    miti_store::contract::assert_counters_fresh(&store, &calls, "the backfill of 0007").await;
}
