-- Schema: a re-check that finds exactly what the draft's latest run found updates that run
-- instead of adding rows (issue 12, a compact store), and runs are found by draft.
-- Never edit this file once released, add a new one.

-- When the run was last confirmed, and how many checks it stands for (1 when first written).
ALTER TABLE rule_runs ADD COLUMN last_checked_at TEXT;
ALTER TABLE rule_runs ADD COLUMN check_count INTEGER NOT NULL DEFAULT 1;

-- `check --changed` asks, per draft, whether it was checked under the current suite.
CREATE INDEX rule_runs_by_draft ON rule_runs (draft_id, rule_suite_hash);
