-- Issue 6 (load benchmark, docs/performance.md): a call's review counts are
-- read on every page of its staff list. Counting them through the call's
-- applications joined every application of the call (9 ms for a call of
-- 11 500 on PostgreSQL); with the programme on the review and an index
-- holding what the counts look at, it is an index-only scan (1 ms).
-- Keep in step with the SQLite migration of the same name.
ALTER TABLE reviews ADD COLUMN programme_id BIGINT REFERENCES programmes(id) ON DELETE CASCADE;
UPDATE reviews SET programme_id = (SELECT a.programme_id FROM applications a WHERE a.id = reviews.application_id);
CREATE INDEX reviews_programme ON reviews(programme_id, conflict, submitted_at);
