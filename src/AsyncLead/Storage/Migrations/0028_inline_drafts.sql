-- An inline /weekly-update that isn't saved at once (issue 15: text with no label, or a second update in the week)
-- waits here for the person's choice; its buttons carry only the id. decided_at/decision make a second click (or a
-- stale one) harmless. Kept by WeeklyUpdates' InlineDrafts, which prunes old rows as it adds new ones.
CREATE TABLE inline_drafts (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id    text NOT NULL,
    team_channel_id bigint NOT NULL REFERENCES team_channels ON DELETE CASCADE,
    user_id         text NOT NULL,
    week_start      date NOT NULL,
    text            text NOT NULL,
    created_at      timestamptz NOT NULL,
    decided_at      timestamptz,
    decision        text CHECK (decision IN ('posted', 'added', 'replaced', 'cancelled'))
);

CREATE INDEX inline_drafts_by_age ON inline_drafts (created_at);
