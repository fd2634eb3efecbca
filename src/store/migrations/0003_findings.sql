-- Schema: rule runs and their findings (issue 3). Number 0003 because 0002 holds the reference
-- rates; never edit this file once released, add a new one.

-- One row per article draft checked by `claimlint check`.
CREATE TABLE rule_runs (
    id                  INTEGER PRIMARY KEY,
    draft_id            INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    article_id          TEXT NOT NULL,
    draft_number        INTEGER NOT NULL,
    rule_suite_hash     TEXT NOT NULL,
    reference_snapshot  TEXT NOT NULL,        -- reference data id, or 'none'
    checked_at          TEXT NOT NULL,        -- RFC 3339, UTC
    finding_count       INTEGER NOT NULL,
    rule_error_count    INTEGER NOT NULL
) STRICT;

CREATE INDEX rule_runs_by_article ON rule_runs (article_id, checked_at);

-- One row per finding of a run. `fingerprint` identifies "the same finding" across runs of an
-- article (rule, claim ids, message); `first_seen` is copied from its earliest occurrence.
CREATE TABLE findings (
    run_id          INTEGER NOT NULL REFERENCES rule_runs(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    article_id      TEXT NOT NULL,
    rule_id         TEXT NOT NULL,
    severity        TEXT NOT NULL,            -- error | warning | info
    message         TEXT NOT NULL,
    claim_ids       TEXT NOT NULL,            -- JSON array
    start_byte      INTEGER NOT NULL,
    end_byte        INTEGER NOT NULL,
    line_number     INTEGER NOT NULL,
    column_number   INTEGER NOT NULL,
    evidence        TEXT NOT NULL DEFAULT '{}',  -- JSON object
    fingerprint     TEXT NOT NULL,
    first_seen      TEXT NOT NULL,            -- RFC 3339, UTC
    PRIMARY KEY (run_id, position)
) STRICT;

CREATE INDEX findings_by_fingerprint ON findings (article_id, fingerprint);
