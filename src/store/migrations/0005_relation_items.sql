-- Schema: the number of items of a `count-list` relation (issue 11): "tre paesi: A, B e C"
-- stores 3 here; other relations keep NULL. Never edit this file once released.

ALTER TABLE relations ADD COLUMN items INTEGER;
