-- A team whose channel the bot can no longer post in (removed, archived, deleted) is paused: no prompts, nudges or
-- closes, and its posts stop retrying a day after the pause, until setup is saved again or the bot is invited back.
-- paused_reason is Slack's error code (not_in_channel, is_archived, channel_not_found).
ALTER TABLE team_channels ADD COLUMN paused_at timestamptz, ADD COLUMN paused_reason text;
