-- Schema version 2: exchange-rate reference data.
-- A rate source is the bundled ECB snapshot (kind 'bundled', name 'ECB', identified by the
-- SHA-256 of the shipped file) or a user import (kind 'imported', the --source name).
-- Lookups read the bundled rates from the binary itself; these rows are for SQL users and
-- record which snapshot a database holds. Never edit this file; changes are new migrations.

CREATE TABLE rate_sources (
    name         TEXT PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('bundled', 'imported')),
    -- ecb: one row per business day per currency, base EUR; a currency absent on a day the
    --      source has rows for is unknown that day (RUB after 2022-03-01).
    -- pairs: any base/quote; each pair falls back to its own latest row.
    layout       TEXT NOT NULL CHECK (layout IN ('ecb', 'pairs')),
    snapshot     TEXT,                  -- bundled: sha256 of the shipped file; NULL for imports
    newest_date  TEXT,                  -- newest row, YYYY-MM-DD
    row_count    INTEGER NOT NULL,
    loaded_at    TEXT NOT NULL          -- last load or import, RFC 3339 UTC
) STRICT;

-- 1 `base` = `rate` `quote` on `date`. An ECB `N/A` is no row. The rate is REAL: every figure
-- has at most 15 significant digits, so the decimal as published reads back exactly.
CREATE TABLE rates (
    source  TEXT NOT NULL REFERENCES rate_sources(name) ON DELETE CASCADE,
    base    TEXT NOT NULL,
    quote   TEXT NOT NULL,
    date    TEXT NOT NULL,
    rate    REAL NOT NULL CHECK (rate > 0),
    PRIMARY KEY (source, base, quote, date)
) STRICT, WITHOUT ROWID;
