#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The Store contract on a throwaway PostgreSQL cluster.

#[tokio::test]
async fn postgres_passes_the_store_contract() {
    let Some(pg) = miti_testpg::TestPostgres::shared_or_skip().unwrap() else {
        return;
    };
    let url = pg.create_database("contract").await.unwrap();
    let store = miti_store_postgres::open(&url).await.unwrap();
    miti_store::contract::run_all(&store).await;
}
