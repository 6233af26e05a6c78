-- A team's lead (or a workspace admin) may pause its weekly updates or switch them off, and resume them:
-- 'paused' keeps the weekly rhythm (each prompt finds the team paused), 'off' ends it; NULL while the team runs.
-- Separate from paused_at, which is the bot losing the channel and clears when it is back.
ALTER TABLE team_channels
    ADD COLUMN stopped    text CHECK (stopped IN ('paused', 'off')),
    ADD COLUMN stopped_by text,
    ADD COLUMN stopped_at timestamptz;
