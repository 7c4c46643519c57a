//! The SQL behind [`miti_store::Store`], written once and generic over the
//! sqlx backend.
//!
//! SQLite and PostgreSQL speak the same SQL for everything miti asks (`$n`
//! parameters, `RETURNING`, `ON CONFLICT`), so the queries live here once and
//! each backend crate contributes only its migrations, its connection
//! settings and a [`Dialect`]. Each module adds an inherent `impl` block of
//! `SqlStore` (repeating the bound list, which Rust cannot name once); `store.rs`
//! wires them into the trait.

mod accounts;
mod alignment;
mod application_lines;
mod applications;
mod audit;
mod bulk;
mod call_counts;
mod calls;
mod catalogue;
mod mous;
mod outbox;
mod people;
mod plans;
mod registry;
mod reviews;
mod rows;
mod selection;
mod sessions;
mod store;

use miti_store::StoreError;
use sqlx::{Database, Pool};

/// What differs between backends at run time.
pub trait Dialect: Database {
    /// Begins a transaction that will write. SQLite must take the write lock
    /// up front (`BEGIN IMMEDIATE`), or two readers that both upgrade to
    /// writers deadlock into `SQLITE_BUSY`.
    const BEGIN_WRITE: &'static str;
    const NAME: &'static str;
    /// Appended to a `SELECT … LIMIT 1` that picks a row to claim, so that
    /// concurrent claimers lock different rows (empty where writes are
    /// serialised anyway).
    const SKIP_LOCKED: &'static str;
    /// Appended to a `SELECT` of a row the transaction goes on to decide
    /// about, so that concurrent transactions doing the same queue behind it
    /// (empty where writes are serialised anyway).
    const FOR_UPDATE: &'static str;
    /// Rows changed by an `UPDATE` or `DELETE` (the result types differ per backend).
    fn rows_affected(result: &Self::QueryResult) -> u64;
}

#[cfg(feature = "sqlite")]
impl Dialect for sqlx::Sqlite {
    const BEGIN_WRITE: &'static str = "BEGIN IMMEDIATE";
    const NAME: &'static str = "sqlite";
    const SKIP_LOCKED: &'static str = "";
    const FOR_UPDATE: &'static str = "";
    fn rows_affected(result: &Self::QueryResult) -> u64 {
        result.rows_affected()
    }
}

#[cfg(feature = "postgres")]
impl Dialect for sqlx::Postgres {
    const BEGIN_WRITE: &'static str = "BEGIN";
    const NAME: &'static str = "postgres";
    const SKIP_LOCKED: &'static str = " FOR UPDATE SKIP LOCKED";
    const FOR_UPDATE: &'static str = " FOR UPDATE";
    fn rows_affected(result: &Self::QueryResult) -> u64 {
        result.rows_affected()
    }
}

/// A [`miti_store::Store`] over a sqlx pool of either backend.
pub struct SqlStore<DB: Database> {
    pub pool: Pool<DB>,
}

impl<DB: Database> SqlStore<DB> {
    pub fn new(pool: Pool<DB>) -> Self {
        Self { pool }
    }
}

/// Maps a sqlx error, turning a uniqueness violation into `Conflict(code)`.
pub(crate) fn conflict_on_unique(code: &'static str) -> impl Fn(sqlx::Error) -> StoreError {
    move |e| match e.as_database_error() {
        Some(d) if d.is_unique_violation() => StoreError::Conflict(code),
        _ => backend(e),
    }
}

pub(crate) fn backend(e: sqlx::Error) -> StoreError {
    match e {
        sqlx::Error::RowNotFound => StoreError::NotFound,
        other => StoreError::Backend(other.to_string()),
    }
}

/// Escapes `%`, `_` and `\` so user text matches literally in `LIKE … ESCAPE '\'`.
pub(crate) fn like_pattern(q: &str) -> String {
    let mut p = String::from("%");
    for c in q.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}
