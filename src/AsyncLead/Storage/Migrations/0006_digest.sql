-- When a digest recipient wants their weekly digest, in their own time zone. No row means the default,
-- Monday 09:00; is_off means no digest at all. Weekdays are ISO (1 = Monday).
CREATE TABLE digest_preferences (
    workspace_id text NOT NULL,
    user_id      text NOT NULL,
    day          smallint NOT NULL CHECK (day BETWEEN 1 AND 7),
    time         time NOT NULL,
    is_off       boolean NOT NULL,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
);

-- One digest DM per recipient, team and reported week. The row is written before the post, so a retry knows an
-- earlier attempt may have posted; message_ts is stored the moment Slack returns it. "since" is when the previous
-- digest went out: what changed after it is in this one.
CREATE TABLE digest_sends (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_channel_id bigint NOT NULL REFERENCES team_channels ON DELETE CASCADE,
    user_id         text NOT NULL,
    week_start      date NOT NULL,
    since           timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    dm_channel      text,
    message_ts      text,
    sent_at         timestamptz,
    UNIQUE (team_channel_id, user_id, week_start)
);
