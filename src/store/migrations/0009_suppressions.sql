-- Schema: in-source suppression directives (issue 14). A draft whose article holds
-- `claimlint-disable` comments (HTML, Markdown) or `claimlint-disable-next-line` lines (plain
-- text) keeps them as ranges of its stored text, so a later `check ARTICLE` honours them
-- without the source file (src/document/suppress.rs; JSON written by store/packed.rs). NULL
-- when the article has none, and for every draft written before. Never edit this file once
-- released, add a new one.
ALTER TABLE drafts ADD COLUMN suppressions TEXT;
