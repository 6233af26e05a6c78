-- Every post the bot makes, by a key of ours (e.g. "week-root:42"): written "posting" (ts null) before chat.postMessage
-- and completed with the ts the moment Slack answers. A row still "posting" when an attempt begins means an earlier
-- attempt's outcome is unknown: only then does the bot look in Slack for its own message before posting again.
CREATE TABLE slack_posts (
    workspace_id text NOT NULL,
    post_key     text NOT NULL,
    started_at   timestamptz NOT NULL,
    channel      text,
    ts           text,
    posted_at    timestamptz,
    PRIMARY KEY (workspace_id, post_key),
    CHECK ((channel IS NULL) = (ts IS NULL))
);
