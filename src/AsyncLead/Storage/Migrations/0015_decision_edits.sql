-- Editing a posted doc (issue 16): the message says it was edited, the thread says what changed (edits counts them,
-- naming each note). A change to the Options or the Recommendation starts a new version: an approval given to an
-- earlier one (decision_responses.version) no longer counts until its reviewer confirms it.
ALTER TABLE decisions ADD COLUMN edited_at timestamptz;
ALTER TABLE decisions ADD COLUMN edits integer NOT NULL DEFAULT 0;
ALTER TABLE decisions ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE decision_responses ADD COLUMN version integer NOT NULL DEFAULT 1;
