-- The PostgreSQL schema at claimlint schema version 9: the same data model as SQLite after
-- its migrations 0001–0009, created in one step (no PostgreSQL database predates version 9).
-- Differences, on purpose: drafts are always packed (text, claims and relations deflated in
-- the draft row, see src/store/packed.rs), so the pre-schema-7 `claims` and `relations` row
-- tables and the draft `text` column do not exist here; ids are identity columns; every id
-- and timestamp that is compared or ordered is COLLATE "C", so PostgreSQL orders them byte by
-- byte as SQLite does, whatever the server's locale.

CREATE TABLE articles (
    id          TEXT COLLATE "C" PRIMARY KEY,
    created_at  TEXT NOT NULL
);

CREATE TABLE drafts (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id           TEXT COLLATE "C" NOT NULL REFERENCES articles(id),
    number               BIGINT NOT NULL CHECK (number >= 1),
    hash                 TEXT NOT NULL,            -- sha256 hex of the normalised text
    label                TEXT,
    added_at             TEXT COLLATE "C" NOT NULL, -- RFC 3339, UTC
    lang                 TEXT NOT NULL,
    date                 TEXT,                     -- YYYY[-MM[-DD]]
    title                TEXT,
    body_start           BIGINT NOT NULL,
    sentence_bounds      BYTEA NOT NULL,           -- as in SQLite: u32 LE (start, end) pairs
    text_deflated        BYTEA NOT NULL,
    extraction_deflated  BYTEA NOT NULL,
    claim_count          BIGINT NOT NULL,
    relation_count       BIGINT NOT NULL,
    text_length          BIGINT NOT NULL,
    source_map           BYTEA,
    suppressions         TEXT,                     -- JSON, NULL when none
    -- What keeps concurrent `add`s honest: one number and one text per article.
    UNIQUE (article_id, number),
    UNIQUE (article_id, hash)
);

-- Rate sources mirror SQLite's so version 9 means the same model.
CREATE TABLE rate_sources (
    name         TEXT COLLATE "C" PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('bundled', 'imported')),
    layout       TEXT NOT NULL CHECK (layout IN ('ecb', 'pairs')),
    snapshot     TEXT,
    newest_date  TEXT,
    row_count    BIGINT NOT NULL,
    loaded_at    TEXT NOT NULL
);

CREATE TABLE rates (
    source  TEXT COLLATE "C" NOT NULL REFERENCES rate_sources(name) ON DELETE CASCADE,
    base    TEXT NOT NULL,
    quote   TEXT NOT NULL,
    date    TEXT NOT NULL,
    rate    DOUBLE PRECISION NOT NULL CHECK (rate > 0),
    PRIMARY KEY (source, base, quote, date)
);

CREATE TABLE rule_runs (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    draft_id            BIGINT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    article_id          TEXT COLLATE "C" NOT NULL,
    draft_number        BIGINT NOT NULL,
    rule_suite_hash     TEXT NOT NULL,
    reference_snapshot  TEXT NOT NULL,
    checked_at          TEXT NOT NULL,
    finding_count       BIGINT NOT NULL,
    rule_error_count    BIGINT NOT NULL,
    last_checked_at     TEXT,
    check_count         BIGINT NOT NULL DEFAULT 1
);

CREATE INDEX rule_runs_by_article ON rule_runs (article_id, checked_at);
CREATE INDEX rule_runs_by_draft ON rule_runs (draft_id, rule_suite_hash);

CREATE TABLE findings (
    run_id            BIGINT NOT NULL REFERENCES rule_runs(id) ON DELETE CASCADE,
    position          BIGINT NOT NULL,
    article_id        TEXT COLLATE "C" NOT NULL,
    rule_id           TEXT NOT NULL,
    severity          TEXT NOT NULL,
    claim_ids         TEXT NOT NULL,            -- JSON array
    start_byte        BIGINT NOT NULL,
    end_byte          BIGINT NOT NULL,
    line_number       BIGINT NOT NULL,
    column_number     BIGINT NOT NULL,
    details_deflated  BYTEA NOT NULL,           -- message and evidence, packed.rs
    fingerprint       TEXT NOT NULL,
    first_seen        TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (run_id, position)
);

CREATE INDEX findings_by_fingerprint ON findings (article_id, fingerprint);
