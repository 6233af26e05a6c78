-- A member's Slack do-not-disturb window as dnd.teamInfo last told it (the next one, or the current one), read only
-- where the install granted dnd:read. dnd_fetched_at is when Slack was asked; a null window means DND is off.
ALTER TABLE members
    ADD COLUMN dnd_starts_at  timestamptz,
    ADD COLUMN dnd_ends_at    timestamptz,
    ADD COLUMN dnd_fetched_at timestamptz;
