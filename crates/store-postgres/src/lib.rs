//! The PostgreSQL backend (`postgres://…`): several stateless app servers can
//! share one database. Migrations are its own (`migrations/`), kept in step
//! with the SQLite ones by the shared contract tests.

use miti_store::StoreError;
use miti_store_sql::SqlStore;
use sqlx::postgres::PgPoolOptions;
use sqlx::{Connection, PgPool, Postgres};
use std::time::Duration;

pub type PostgresStore = SqlStore<Postgres>;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// A pooled connection idle for longer than this is pinged before use.
const PING_WHEN_IDLE_FOR: Duration = Duration::from_secs(30);

pub async fn connect(url: &str) -> Result<PgPool, StoreError> {
    PgPoolOptions::new()
        .max_connections(16)
        .acquire_timeout(Duration::from_secs(10))
        // sqlx pings every idle connection before handing it out by
        // default: a round trip to the server before each query. Only a
        // connection idle for a while can have been dropped (a restart, a
        // firewall's timeout), so only those are pinged (docs/performance.md).
        .test_before_acquire(false)
        .before_acquire(|conn, meta| {
            Box::pin(async move {
                if meta.idle_for > PING_WHEN_IDLE_FOR {
                    conn.ping().await?;
                }
                Ok(true)
            })
        })
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
