-- The whole life of a decision doc (issue 16): a doc every reviewer approved can be decided before its deadline (the
-- author is told once, ready_noted_at), and a closed doc nobody decides lapses two weeks after its deadline.
ALTER TABLE decisions DROP CONSTRAINT decisions_status_check;
ALTER TABLE decisions ADD CONSTRAINT decisions_status_check
    CHECK (status IN ('open', 'closed', 'decided', 'withdrawn', 'lapsed'));
ALTER TABLE decisions ADD COLUMN ready_noted_at timestamptz;
ALTER TABLE decisions ADD COLUMN decided_early boolean NOT NULL DEFAULT false;
