-- SDG alignment of programmes (issue 5). The exercise table (strategic focus
-- → project example → goal → target → indicator), the stakeholder map and
-- the centre's five answers are one JSON document per programme, checked by
-- the domain against the SDG framework before it is written (as programme
-- details are). Dismissed suggestions are remembered per programme and goal.

CREATE TABLE sdg_alignments (
    programme_id BIGINT PRIMARY KEY REFERENCES programmes(id) ON DELETE CASCADE,
    details TEXT NOT NULL,
    version BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE sdg_dismissed_suggestions (
    programme_id BIGINT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    goal BIGINT NOT NULL CHECK (goal BETWEEN 1 AND 17),
    dismissed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (programme_id, goal)
);
