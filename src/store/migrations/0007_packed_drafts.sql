-- Schema: a compact store (issue 12). A draft's text and its claims and relations are kept as
-- raw DEFLATE bytes in the draft row (see src/store/packed.rs); a finding's message and
-- evidence likewise.
-- Rows written before stay as they are and are read as before. Never edit this file once
-- released, add a new one.

-- When set, the draft's text (then `text` is ''); NULL for drafts written by schema 1–6.
ALTER TABLE drafts ADD COLUMN text_deflated BLOB;
-- When set, the deflated JSON {"claims": [...], "relations": [...]}; the draft then has no
-- rows in `claims` and `relations`.
ALTER TABLE drafts ADD COLUMN extraction_deflated BLOB;
-- How many claims and relations the draft has and the bytes of its text, so listings and
-- `db stats` read them without unpacking; NULL for drafts written before (count the rows).
ALTER TABLE drafts ADD COLUMN claim_count INTEGER;
ALTER TABLE drafts ADD COLUMN relation_count INTEGER;
ALTER TABLE drafts ADD COLUMN text_length INTEGER;

-- When set, the finding's message and evidence (then `message` and `evidence` are ''): a
-- version byte, then raw DEFLATE with that version's preset dictionary of the JSON
-- {"message": ..., "evidence": {...}}.
ALTER TABLE findings ADD COLUMN details_deflated BLOB;
