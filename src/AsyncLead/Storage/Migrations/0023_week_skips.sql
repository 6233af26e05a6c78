-- Skip this week is one team's week only (it used to add a workspace-wide away period); a Slack out-of-office
-- status that kept someone's prompt back is recorded the same way, so the week's summary shows them as away.
CREATE TABLE week_skips (
    week_id    bigint NOT NULL REFERENCES update_weeks ON DELETE CASCADE,
    user_id    text NOT NULL,
    reason     text NOT NULL CHECK (reason IN ('skipped', 'slack_status')),
    skipped_at timestamptz NOT NULL,
    PRIMARY KEY (week_id, user_id)
);

-- Per team: whether a Slack status saying its person is out (🌴, "OOO", "vacation", "out of office") counts as away.
ALTER TABLE team_channels ADD COLUMN status_means_away boolean NOT NULL DEFAULT false;
