-- The parameters of a decision's reason (programme, scores, caps, the gates
-- an application failed…) as JSON, so pages tell the selection engine's
-- explanation in the reader's language rather than the English sentence
-- kept in decision_reason. NULL for decisions made before this migration.
ALTER TABLE applications ADD COLUMN decision_params TEXT;
