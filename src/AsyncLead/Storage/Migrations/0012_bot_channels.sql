-- Which channels the bot is in, as last learned (conversations.info on first sight, then channel_left, channel_archive,
-- member_joined_channel… and failed posts): the ack path reads it instead of asking Slack. No row: never learned.
CREATE TABLE bot_channels (
    workspace_id text        NOT NULL,
    channel_id   text        NOT NULL,
    is_member    boolean     NOT NULL,
    learned_at   timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, channel_id)
);
