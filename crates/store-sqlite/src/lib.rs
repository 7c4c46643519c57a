//! The embedded SQLite backend (the default: `sqlite://miti.db`).
//!
//! WAL journal so readers never block the writer; `synchronous = NORMAL`, which
//! in WAL mode keeps every committed transaction across a killed process (only
//! a power cut can lose the last commits); a busy timeout so concurrent writers
//! queue instead of failing; foreign keys on. Writes begin with `BEGIN
//! IMMEDIATE` (see `miti_store_sql::Dialect`).

use miti_store::StoreError;
use miti_store_sql::SqlStore;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool};
use std::str::FromStr;
use std::time::Duration;

pub type SqliteStore = SqlStore<Sqlite>;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Opens (creating if needed) the database at `url` without migrating it.
pub async fn connect(url: &str) -> Result<SqlitePool, StoreError> {
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|e| StoreError::Backend(format!("bad SQLite URL {url:?}: {e}")))?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(Duration::from_secs(10))
        .foreign_keys(true);
    SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await
        .map_err(|e| StoreError::Backend(format!("cannot open {url}: {e}")))
}

/// Applies pending migrations.
pub async fn migrate(pool: &SqlitePool) -> Result<(), StoreError> {
    MIGRATOR
        .run(pool)
        .await
        .map_err(|e| StoreError::Backend(format!("migration failed: {e}")))
}

/// Opens, migrates and wraps the database as a `Store`.
pub async fn open(url: &str) -> Result<SqliteStore, StoreError> {
    let pool = connect(url).await?;
    migrate(&pool).await?;
    Ok(SqlStore::new(pool))
}
