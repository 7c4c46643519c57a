-- Issue 4: applications, nominations, review, interviews, vetting, selection
-- and decisions. Keep in step with the PostgreSQL migration of the same name.

-- One application per applicant and programme: the unique key is what makes
-- starting and submitting idempotent. The form as typed, the validated
-- profile and answers, the interview, the logistics and the attached
-- documents are JSON text (miti_domain::application); the columns beside
-- them are what lists, scope, reports and the selection need.
CREATE TABLE applications (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id),
    status TEXT NOT NULL,
    form TEXT NOT NULL,
    profile TEXT,
    answers TEXT,
    documents TEXT NOT NULL DEFAULT '[]',
    passport_name TEXT,
    city_org_id INTEGER REFERENCES organisations(id),
    country TEXT,
    region TEXT,
    member BOOLEAN,
    gender TEXT,
    endorsement TEXT NOT NULL DEFAULT 'pending',
    endorsement_comment TEXT,
    endorsement_rank INTEGER,
    endorsed_by INTEGER REFERENCES users(id),
    endorsed_at TEXT,
    interview TEXT,
    vetting TEXT NOT NULL DEFAULT 'pending',
    outcome TEXT,
    waitlist_position INTEGER,
    respond_by TEXT,
    decision_reason TEXT,
    decision_code TEXT,
    decided_at TEXT,
    logistics TEXT,
    submitted_at TEXT,
    withdrawn_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL,
    UNIQUE (programme_id, user_id)
);
CREATE INDEX applications_programme ON applications(programme_id, id);
CREATE INDEX applications_city ON applications(city_org_id, programme_id);
CREATE INDEX applications_user ON applications(user_id);
-- A city ranks each endorsed nominee of a call differently.
CREATE UNIQUE INDEX applications_city_rank ON applications(programme_id, city_org_id, endorsement_rank)
    WHERE endorsement = 'endorsed';

-- A reviewer's assignment: conflict declaration first, then scores.
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    reviewer_id INTEGER NOT NULL REFERENCES users(id),
    assigned_by INTEGER REFERENCES users(id),
    assigned_at TEXT NOT NULL,
    conflict BOOLEAN,
    conflict_note TEXT,
    scores TEXT NOT NULL DEFAULT '{}',
    comment TEXT,
    submitted_at TEXT,
    UNIQUE (application_id, reviewer_id)
);
CREATE INDEX reviews_reviewer ON reviews(reviewer_id);

-- A call's review and selection settings (miti_domain::application::CallRules as JSON).
CREATE TABLE call_rules (
    programme_id INTEGER PRIMARY KEY REFERENCES programmes(id) ON DELETE CASCADE,
    rules TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);

-- Every run of the selection engine on a call, with its exact input and output.
CREATE TABLE selection_runs (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    input TEXT NOT NULL,
    output TEXT NOT NULL,
    created_by INTEGER REFERENCES users(id),
    created_at TEXT NOT NULL,
    confirmed_at TEXT
);
CREATE INDEX selection_runs_programme ON selection_runs(programme_id, id);

CREATE TABLE selection_overrides (
    application_id INTEGER PRIMARY KEY REFERENCES applications(id) ON DELETE CASCADE,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    include BOOLEAN NOT NULL,
    reason TEXT NOT NULL,
    by_user INTEGER REFERENCES users(id),
    at TEXT NOT NULL
);

-- The cohort's seats: exactly `capacity` rows, created when staff confirm
-- the cohort. A confirmation takes a free row; since the rows are fixed and
-- an application holds at most one, seats cannot be over-allocated however
-- many confirmations race.
CREATE TABLE seats (
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    seat_no INTEGER NOT NULL CHECK (seat_no >= 1),
    application_id INTEGER UNIQUE REFERENCES applications(id) ON DELETE SET NULL,
    taken_at TEXT,
    PRIMARY KEY (programme_id, seat_no)
);
