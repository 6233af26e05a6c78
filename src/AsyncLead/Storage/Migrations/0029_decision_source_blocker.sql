-- A doc started from a week summary's repeated blocker (*Start a decision doc*) remembers the blocker, so a later click
-- points at that doc instead of opening another form. One standing doc (open, closed or decided) per blocker, held by
-- the database so two forms submitted at once can't both post; a withdrawn or lapsed doc leaves the blocker free.
-- A blocker deleted with its team or update forgets the link; the doc stays.
ALTER TABLE decisions ADD COLUMN source_blocker_id bigint REFERENCES blockers ON DELETE SET NULL;

CREATE UNIQUE INDEX decisions_one_per_blocker ON decisions (source_blocker_id) WHERE status IN ('open', 'closed', 'decided');

-- What the foreign key's SET NULL looks up when blockers are deleted, withdrawn and lapsed docs included.
CREATE INDEX decisions_by_source_blocker ON decisions (source_blocker_id) WHERE source_blocker_id IS NOT NULL;
