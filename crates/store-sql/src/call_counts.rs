//! A call's counters (`call_counts`, migration 0007): its applications and
//! its reviews assigned, conflicted and counted.
//!
//! The staff's list shows them on every page; counting them there was
//! linear in the call's size. Every write that changes one of them adds its
//! difference here in its own transaction, so they always equal a fresh
//! count (the store contract checks that after every kind of write).

use crate::{Dialect, SqlStore, backend};
use miti_domain::Id;
use miti_store::{CallCounts, StoreResult};
use sqlx::{ColumnIndex, Decode, Encode, Executor, IntoArguments, Type};
use std::collections::BTreeMap;

/// A change to one call's counters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Delta {
    pub applications: i64,
    pub reviews: i64,
    pub conflicted: i64,
    pub counted: i64,
}

impl Delta {
    pub(crate) const ONE_APPLICATION: Delta = Delta {
        applications: 1,
        reviews: 0,
        conflicted: 0,
        counted: 0,
    };

    /// What one review in this state adds: it is assigned; conflicted when
    /// it declares a conflict; counted when it declares none and has its
    /// scores (the same conditions as `Review::is_counted`).
    pub(crate) fn review(conflict: Option<bool>, submitted: bool) -> Delta {
        Delta {
            applications: 0,
            reviews: 1,
            conflicted: i64::from(conflict == Some(true)),
            counted: i64::from(conflict == Some(false) && submitted),
        }
    }

    /// The change from `before` to `self`.
    pub(crate) fn minus(self, before: Delta) -> Delta {
        Delta {
            applications: self.applications - before.applications,
            reviews: self.reviews - before.reviews,
            conflicted: self.conflicted - before.conflicted,
            counted: self.counted - before.counted,
        }
    }

    fn plus(self, other: Delta) -> Delta {
        Delta {
            applications: self.applications + other.applications,
            reviews: self.reviews + other.reviews,
            conflicted: self.conflicted + other.conflicted,
            counted: self.counted + other.counted,
        }
    }
}

/// Differences per programme, summed (for the bulk loads).
#[derive(Debug, Default)]
pub(crate) struct Deltas(BTreeMap<Id, Delta>);

impl Deltas {
    pub(crate) fn add(&mut self, programme_id: Id, d: Delta) {
        let e = self.0.entry(programme_id).or_default();
        *e = e.plus(d);
    }
}

impl<DB> SqlStore<DB>
where
    DB: Dialect,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    DB::Arguments: IntoArguments<DB>,
    usize: ColumnIndex<DB::Row>,
    for<'r> &'r str: ColumnIndex<DB::Row>,
    for<'q> i64: Encode<'q, DB> + Decode<'q, DB> + Type<DB>,
{
    pub(crate) async fn read_call_counts(&self, programme_id: Id) -> StoreResult<CallCounts> {
        let row: Option<(i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT applications, reviews, reviews_conflicted, reviews_counted
             FROM call_counts WHERE programme_id = $1",
        )
        .bind(programme_id)
        .fetch_optional(&self.pool)
        .await
        .map_err(backend)?;
        Ok(row.map_or_else(CallCounts::default, |r| CallCounts {
            applications: r.0,
            reviews: r.1,
            reviews_conflicted: r.2,
            reviews_counted: r.3,
        }))
    }

    /// Adds `d` to the programme's counters, in the caller's transaction
    /// (creating its row on the first write).
    pub(crate) async fn add_to_call_counts(
        conn: &mut DB::Connection,
        programme_id: Id,
        d: Delta,
    ) -> StoreResult<()> {
        if d == Delta::default() {
            return Ok(());
        }
        sqlx::query(
            "INSERT INTO call_counts
                 (programme_id, applications, reviews, reviews_conflicted, reviews_counted)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (programme_id) DO UPDATE SET
                 applications = call_counts.applications + excluded.applications,
                 reviews = call_counts.reviews + excluded.reviews,
                 reviews_conflicted = call_counts.reviews_conflicted + excluded.reviews_conflicted,
                 reviews_counted = call_counts.reviews_counted + excluded.reviews_counted",
        )
        .bind(programme_id)
        .bind(d.applications)
        .bind(d.reviews)
        .bind(d.conflicted)
        .bind(d.counted)
        .execute(&mut *conn)
        .await
        .map_err(backend)?;
        Ok(())
    }

    /// Adds every programme's summed differences (bulk loads).
    pub(crate) async fn add_all_to_call_counts(
        conn: &mut DB::Connection,
        deltas: Deltas,
    ) -> StoreResult<()> {
        for (programme_id, d) in deltas.0 {
            Self::add_to_call_counts(&mut *conn, programme_id, d).await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Delta;

    #[test]
    fn a_review_counts_as_its_state_says() {
        let d = |c, s| Delta::review(c, s);
        assert_eq!((d(None, false).reviews, d(None, false).conflicted), (1, 0));
        assert_eq!(d(Some(true), false).conflicted, 1);
        assert_eq!(
            d(Some(true), true).counted,
            0,
            "a conflicted review never counts"
        );
        assert_eq!(
            d(Some(false), false).counted,
            0,
            "not until its scores are in"
        );
        assert_eq!(d(Some(false), true).counted, 1);
        let scored = d(Some(false), true).minus(d(Some(false), false));
        assert_eq!(
            scored,
            Delta {
                counted: 1,
                ..Delta::default()
            },
            "scoring changes only the counted"
        );
    }
}
