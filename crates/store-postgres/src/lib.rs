//! The PostgreSQL backend (`postgres://…`): several stateless app servers can
//! share one database. Migrations are its own (`migrations/`), kept in step
//! with the SQLite ones by the shared contract tests.

use miti_store::StoreError;
use miti_store_sql::SqlStore;
use sqlx::postgres::PgPoolOptions;
use sqlx::{PgPool, Postgres};
use std::time::Duration;

pub type PostgresStore = SqlStore<Postgres>;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

pub async fn connect(url: &str) -> Result<PgPool, StoreError> {
    PgPoolOptions::new()
        .max_connections(16)
        .acquire_timeout(Duration::from_secs(10))
        .connect(url)
        .await
        .map_err(|e| StoreError::Backend(format!("cannot connect to PostgreSQL: {e}")))
}

pub async fn migrate(pool: &PgPool) -> Result<(), StoreError> {
    MIGRATOR
        .run(pool)
        .await
        .map_err(|e| StoreError::Backend(format!("migration failed: {e}")))
}

pub async fn open(url: &str) -> Result<PostgresStore, StoreError> {
    let pool = connect(url).await?;
    migrate(&pool).await?;
    Ok(SqlStore::new(pool))
}
