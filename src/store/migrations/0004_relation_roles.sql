-- Schema: typed relations (issue 11). Each relation row gets the role of each of its claims
-- (a JSON array parallel to `claim_ids`), the cue that made it (JSON `{id, text, start, end}`)
-- and the sentence it was found in. Rows written before this migration keep NULLs; readers
-- give them the default roles of their kind. Never edit this file once released.

ALTER TABLE relations ADD COLUMN roles TEXT;      -- JSON array of role names
ALTER TABLE relations ADD COLUMN cue TEXT;        -- JSON {id, text, start, end}, or NULL
ALTER TABLE relations ADD COLUMN sentence INTEGER;
