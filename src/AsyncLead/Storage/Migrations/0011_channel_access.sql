-- Who may read what comes from a channel: whether the channel is private, and for private ones who is in it. Learned
-- from Slack off the ack path and kept fresh by member_joined_channel / member_left_channel; a channel not in here is
-- treated as private (fail closed) until it is learned.
CREATE TABLE slack_channels (
    workspace_id text        NOT NULL,
    channel_id   text        NOT NULL,
    is_private   boolean     NOT NULL,
    learned_at   timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, channel_id)
);

CREATE TABLE slack_channel_members (
    workspace_id text NOT NULL,
    channel_id   text NOT NULL,
    user_id      text NOT NULL,
    PRIMARY KEY (workspace_id, channel_id, user_id),
    FOREIGN KEY (workspace_id, channel_id) REFERENCES slack_channels (workspace_id, channel_id) ON DELETE CASCADE
);
