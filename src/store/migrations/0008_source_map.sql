-- Schema: source positions for converted articles (issue 13). A draft read from HTML,
-- Markdown or Word keeps the map from its prose to line:column in the source file, so
-- findings on the stored draft point into the file the editor opens (src/document/source.rs,
-- `SourceMap::encode`, deflated). NULL for plain text, which is its own source, and for every
-- draft written before. Never edit this file once released, add a new one.
ALTER TABLE drafts ADD COLUMN source_map BLOB;
