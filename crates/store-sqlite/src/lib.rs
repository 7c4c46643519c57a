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
        .foreign_keys(true)
        // Rows come from the connection's thread through a channel of this
        // many; at sqlx's 50 the thread stopped (and was woken again)
        // halfway through a page's reviews.
        .row_buffer_size(256);
    SqlitePoolOptions::new()
        .max_connections(8)
        // sqlx pings an idle connection before handing it out by default: a
        // round trip to the connection's worker thread before every query,
        // doubling the thread hand-offs of each request. An embedded
        // database's connection cannot have gone away (docs/performance.md).
        .test_before_acquire(false)
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

/// Writes a consistent copy of the live database to `dest` (`VACUUM INTO`:
/// readers and writers carry on; the copy is one point in time).
pub async fn backup_to(pool: &SqlitePool, dest: &std::path::Path) -> Result<(), StoreError> {
    if dest.exists() {
        return Err(StoreError::Backend(format!(
            "{} already exists",
            dest.display()
        )));
    }
    sqlx::query("VACUUM INTO $1")
        .bind(dest.to_string_lossy().into_owned())
        .execute(pool)
        .await
        .map_err(|e| StoreError::Backend(format!("backup failed: {e}")))?;
    Ok(())
}

/// `PRAGMA integrity_check`: `Ok` when SQLite finds the file sound.
pub async fn integrity_check(pool: &SqlitePool) -> Result<(), StoreError> {
    let rows: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(pool)
        .await
        .map_err(|e| StoreError::Backend(e.to_string()))?;
    if rows == ["ok"] {
        Ok(())
    } else {
        Err(StoreError::Backend(format!(
            "integrity check: {}",
            rows.join("; ")
        )))
    }
}

/// The file behind a `sqlite://` URL (`sqlite://miti.db`, `sqlite:///abs.db`,
/// `sqlite:miti.db?mode=rwc`).
pub fn database_path(url: &str) -> Option<std::path::PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or("");
    (!path.is_empty() && path != ":memory:").then(|| std::path::PathBuf::from(path))
}
