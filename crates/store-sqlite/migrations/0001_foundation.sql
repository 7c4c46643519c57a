-- miti foundation schema, SQLite flavour. Times are UTC (sqlx chrono TEXT),
-- dates ISO 'YYYY-MM-DD'. Keep in step with store-postgres/migrations.

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    names TEXT NOT NULL,               -- JSON {"main": "fr", "texts": {"fr": "…"}}
    country TEXT NOT NULL,
    region TEXT NOT NULL,
    city TEXT,
    timezone TEXT NOT NULL,
    website TEXT,
    working_languages TEXT NOT NULL DEFAULT '',
    parent_id INTEGER REFERENCES organisations(id),
    status TEXT NOT NULL DEFAULT 'active',
    search_text TEXT NOT NULL,         -- lower-cased names, city and slug, for search
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX organisations_kind ON organisations(kind);

CREATE TABLE memberships (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX memberships_org ON memberships(org_id);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    storage_key TEXT NOT NULL UNIQUE,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE lifecycle_events (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    occurred_on TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    document_id INTEGER REFERENCES documents(id),
    created_at TEXT NOT NULL
);
CREATE INDEX lifecycle_events_org ON lifecycle_events(org_id);

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    contact_role TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX people_org ON people(org_id);

CREATE TABLE mous (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,               -- JSON like organisations.names
    signed_on TEXT NOT NULL,
    overseen_by INTEGER REFERENCES organisations(id),
    valid_until TEXT,
    document_id INTEGER REFERENCES documents(id),
    created_at TEXT NOT NULL
);
CREATE TABLE mou_parties (
    mou_id INTEGER NOT NULL REFERENCES mous(id) ON DELETE CASCADE,
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (mou_id, org_id)
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    locale TEXT,
    timezone TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE role_grants (
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    org_id INTEGER NOT NULL REFERENCES organisations(id),
    PRIMARY KEY (user_id, role, org_id)
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    address TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_attempts (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    address TEXT NOT NULL,
    at TEXT NOT NULL,
    success BOOLEAN NOT NULL
);
CREATE INDEX login_attempts_email ON login_attempts(email, at);
CREATE INDEX login_attempts_address ON login_attempts(address, at);

CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at TEXT NOT NULL,
    used_at TEXT
);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    to_addr TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    locale TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at TEXT NOT NULL,
    next_attempt_at TEXT,
    sent_at TEXT
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor_user_id INTEGER,
    actor_org_id INTEGER,
    action TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    target_id INTEGER,
    details TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_action ON audit_log(action);
