#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The Store contract on a fresh SQLite file.

#[tokio::test]
async fn sqlite_passes_the_store_contract() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("contract.db").display());
    let store = miti_store_sqlite::open(&url).await.unwrap();
    miti_store::contract::run_all(&store).await;
}
