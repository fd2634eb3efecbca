-- Schema: numbers a relation itself states (issue 11): the item count of a `count-list`
-- ("tre paesi: A, B e C" stores 3) and the factor of a `ratio` ("raddoppiato" 2, "la metà"
-- 0.5); other relations keep NULL. Never edit this file once released.

ALTER TABLE relations ADD COLUMN items INTEGER;
ALTER TABLE relations ADD COLUMN factor REAL;
