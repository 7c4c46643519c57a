-- Issue 6 (docs/performance.md, the staff list): every page of a call's
-- staff list showed counts of the whole call (its applications, and its
-- reviews assigned, conflicted and counted), which were linear in the
-- call's size. They are kept here instead: every write that changes one
-- (starting an application, assigning a reviewer, declaring a conflict,
-- scoring, the bulk loads) adds its difference in its own transaction
-- (crates/store-sql/src/call_counts.rs). A programme without a row has
-- none of them. Backfilled from the rows as they are.
-- Keep in step with the SQLite migration of the same name.
CREATE TABLE call_counts (
    programme_id BIGINT PRIMARY KEY REFERENCES programmes(id) ON DELETE CASCADE,
    applications BIGINT NOT NULL DEFAULT 0,
    reviews BIGINT NOT NULL DEFAULT 0,
    reviews_conflicted BIGINT NOT NULL DEFAULT 0,
    reviews_counted BIGINT NOT NULL DEFAULT 0
);
INSERT INTO call_counts (programme_id, applications, reviews, reviews_conflicted, reviews_counted)
SELECT p.id,
       (SELECT COUNT(*) FROM applications a WHERE a.programme_id = p.id),
       (SELECT COUNT(*) FROM reviews r WHERE r.programme_id = p.id),
       (SELECT COUNT(*) FROM reviews r WHERE r.programme_id = p.id AND r.conflict),
       (SELECT COUNT(*) FROM reviews r
         WHERE r.programme_id = p.id AND NOT r.conflict AND r.submitted_at IS NOT NULL)
FROM programmes p;
