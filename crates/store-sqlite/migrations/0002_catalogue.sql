-- Issue 3: the programme catalogue.

-- Themes of the catalogue; admins add more. names: JSON text like organisations.names.
CREATE TABLE themes (
    slug TEXT PRIMARY KEY,
    names TEXT NOT NULL,
    created_at TEXT NOT NULL
);
INSERT INTO themes (slug, names, created_at) VALUES
    ('transport', '{"main": "en", "texts": {"en": "Transport", "fr": "Transports", "es": "Transporte", "ko": "교통", "ar": "النقل", "fa": "حمل‌ونقل"}}', '2026-01-01T00:00:00Z'),
    ('urban-management', '{"main": "en", "texts": {"en": "Urban management", "fr": "Gestion urbaine", "es": "Gestión urbana", "ko": "도시관리", "ar": "الإدارة الحضرية", "fa": "مدیریت شهری"}}', '2026-01-01T00:00:00Z'),
    ('water-management', '{"main": "en", "texts": {"en": "Water management", "fr": "Gestion de l''eau", "es": "Gestión del agua", "ko": "물관리", "ar": "إدارة المياه", "fa": "مدیریت آب"}}', '2026-01-01T00:00:00Z'),
    ('governance', '{"main": "en", "texts": {"en": "Governance", "fr": "Gouvernance", "es": "Gobernanza", "ko": "거버넌스", "ar": "الحوكمة", "fa": "حکمرانی"}}', '2026-01-01T00:00:00Z'),
    ('e-government', '{"main": "en", "texts": {"en": "E-government", "fr": "Administration électronique", "es": "Gobierno electrónico", "ko": "전자정부", "ar": "الحكومة الإلكترونية", "fa": "دولت الکترونیک"}}', '2026-01-01T00:00:00Z'),
    ('smart-city', '{"main": "en", "texts": {"en": "Smart city", "fr": "Ville intelligente", "es": "Ciudad inteligente", "ko": "스마트시티", "ar": "المدينة الذكية", "fa": "شهر هوشمند"}}', '2026-01-01T00:00:00Z'),
    ('climate-change', '{"main": "en", "texts": {"en": "Climate change", "fr": "Changement climatique", "es": "Cambio climático", "ko": "기후변화", "ar": "تغير المناخ", "fa": "تغییرات اقلیمی"}}', '2026-01-01T00:00:00Z');

-- A programme. The form's content is kept whole in `details` (JSON text of
-- miti_domain::programme::ProgrammeInput); the columns beside it are what
-- lists, filters, scope and the workflow need.
CREATE TABLE programmes (
    id INTEGER PRIMARY KEY,
    host_org_id INTEGER NOT NULL REFERENCES organisations(id),
    status TEXT NOT NULL,
    year INTEGER NOT NULL,
    arrival TEXT NOT NULL,
    departure TEXT NOT NULL,
    details TEXT NOT NULL,
    cancel_reason TEXT,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX programmes_host ON programmes(host_org_id);
CREATE INDEX programmes_year ON programmes(year);

-- Which themes a programme has (for filters and the planning aid).
CREATE TABLE programme_themes (
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    theme_slug TEXT NOT NULL REFERENCES themes(slug),
    PRIMARY KEY (programme_id, theme_slug)
);

-- A programme's call for applications. The documents and questions are kept
-- as JSON text (miti_domain::call); question_version grows when the
-- questions change while the call is open, and each version's set is kept
-- in call_question_sets so applications can pin the one they answered.
CREATE TABLE calls (
    programme_id INTEGER PRIMARY KEY REFERENCES programmes(id) ON DELETE CASCADE,
    opens_at TEXT NOT NULL,
    closes_at TEXT NOT NULL,
    timezone TEXT NOT NULL,
    documents TEXT NOT NULL,
    question_version INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE call_question_sets (
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    questions TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (programme_id, version)
);

-- Annual plans: one per centre and year, with their history of steps and comments.
CREATE TABLE annual_plans (
    id INTEGER PRIMARY KEY,
    centre_org_id INTEGER NOT NULL REFERENCES organisations(id),
    year INTEGER NOT NULL,
    status TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    UNIQUE (centre_org_id, year)
);
CREATE TABLE annual_plan_events (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES annual_plans(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    user_id INTEGER,
    kind TEXT NOT NULL,
    comment TEXT NOT NULL
);
