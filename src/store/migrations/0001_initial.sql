-- Schema version 1: articles, their drafts, and what extraction found in each draft.
-- Later versions add rule_runs, findings and reference rates in new files; never edit this one.

CREATE TABLE articles (
    id          TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL
) STRICT;

-- Every distinct text of an article is a draft, numbered 1, 2, … per article.
CREATE TABLE drafts (
    id          INTEGER PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(id),
    number      INTEGER NOT NULL CHECK (number >= 1),
    hash        TEXT NOT NULL,            -- sha256 hex of the normalised text
    label       TEXT,
    added_at    TEXT NOT NULL,            -- RFC 3339, UTC
    lang        TEXT NOT NULL,            -- it | en (as used for extraction)
    date        TEXT,                     -- article date as precise as given: YYYY[-MM[-DD]]
    title       TEXT,
    body_start  INTEGER NOT NULL,         -- byte offset where the prose starts
    -- The sentences, in order: byte (start, end) pairs into `text`, each a little-endian u32;
    -- sentence i is bytes 8i..8i+8. One value, not a row per sentence: a draft's sentences
    -- are only ever read all together, and a row each cost ~20% of the store's write time.
    sentence_bounds BLOB NOT NULL,
    text        TEXT NOT NULL,            -- normalised text, header included (last: it is long)
    UNIQUE (article_id, number),
    UNIQUE (article_id, hash)
) STRICT;

-- One row per Claim; exact decimals as TEXT with a REAL beside for range queries.
CREATE TABLE claims (
    draft_id        INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    claim_id        TEXT NOT NULL,        -- c1, c2 … unique within the draft
    position        INTEGER NOT NULL,     -- order in the extraction output
    kind            TEXT NOT NULL,
    text            TEXT NOT NULL,
    start_byte      INTEGER NOT NULL,
    end_byte        INTEGER NOT NULL,
    line_number     INTEGER NOT NULL,
    column_number   INTEGER NOT NULL,
    sentence_index  INTEGER NOT NULL,
    value           REAL NOT NULL,
    value_text      TEXT NOT NULL,
    unit            TEXT,
    scale           TEXT,
    precision_low   REAL NOT NULL,
    precision_high  REAL NOT NULL,
    qualifier       TEXT NOT NULL,
    ambiguity       TEXT NOT NULL DEFAULT '[]',  -- JSON array of Ambiguity
    date            TEXT,
    PRIMARY KEY (draft_id, claim_id)      -- the only b-tree: findings refer to this key
) STRICT, WITHOUT ROWID;
-- `position` has no index of its own: a draft's few dozen claims are found by the key prefix
-- and sorted; a UNIQUE (draft_id, position) cost a second b-tree insert per claim (~20% of
-- the store's write time) and bought nothing.
-- No index on (kind, value): nothing queries claims across drafts yet, and its random-order
-- inserts cost more than any other part of `add` (measured in the bulk-add work).

CREATE TABLE relations (
    draft_id    INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    kind        TEXT NOT NULL,            -- conversion | change
    claim_ids   TEXT NOT NULL,            -- JSON array of claim ids, source/percentage first
    marker      TEXT,
    direction   TEXT,                     -- up | down
    period      TEXT,
    PRIMARY KEY (draft_id, position)
) STRICT, WITHOUT ROWID;
