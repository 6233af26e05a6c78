-- Member time: one row per person per workspace. The time zone comes from Slack (users.info) and is cached;
-- working hours and focus blocks are the member's own settings (null working_hours = Mon-Fri 09:00-17:00).
CREATE TABLE members (
    workspace_id         text NOT NULL,
    user_id              text NOT NULL,
    display_name         text,
    time_zone            text,
    time_zone_fetched_at timestamptz,
    is_bot               boolean NOT NULL DEFAULT false,
    is_deleted           boolean NOT NULL DEFAULT false,
    working_hours        jsonb,
    focus_blocks         jsonb NOT NULL DEFAULT '[]',
    PRIMARY KEY (workspace_id, user_id)
);

CREATE TABLE member_away (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id text NOT NULL,
    user_id      text NOT NULL,
    first_day    date NOT NULL,
    last_day     date NOT NULL CHECK (last_day >= first_day),
    created_at   timestamptz NOT NULL,
    FOREIGN KEY (workspace_id, user_id) REFERENCES members ON DELETE CASCADE
);

CREATE INDEX member_away_by_member ON member_away (workspace_id, user_id, last_day);

-- A team channel that writes weekly updates. Weekdays are ISO (1 = Monday).
CREATE TABLE team_channels (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id      text NOT NULL,
    channel_id        text NOT NULL,
    channel_name      text NOT NULL,
    time_zone         text NOT NULL,
    prompt_day        smallint NOT NULL CHECK (prompt_day BETWEEN 1 AND 7),
    prompt_time       time NOT NULL,
    close_day         smallint NOT NULL CHECK (close_day BETWEEN 1 AND 7),
    close_time        time NOT NULL,
    reminder_cadence  text NOT NULL CHECK (reminder_cadence IN ('default', 'first', 'none')),
    expect_everyone   boolean NOT NULL,
    lead_user_id      text NOT NULL,
    digest_recipients text[] NOT NULL DEFAULT '{}',
    standup_minutes   integer NOT NULL DEFAULT 15 CHECK (standup_minutes BETWEEN 0 AND 240),
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    UNIQUE (workspace_id, channel_id)
);

-- Who is expected to write when expect_everyone is false.
CREATE TABLE team_expected_members (
    team_channel_id bigint NOT NULL REFERENCES team_channels ON DELETE CASCADE,
    user_id         text NOT NULL,
    PRIMARY KEY (team_channel_id, user_id)
);

-- One row per team channel and ISO week (named by its Monday in the team's zone): the thread and its lifecycle.
CREATE TABLE update_weeks (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_channel_id   bigint NOT NULL REFERENCES team_channels ON DELETE CASCADE,
    week_start        date NOT NULL,
    root_ts           text,
    expected_user_ids text[],
    prompted_at       timestamptz,
    closed_at         timestamptz,
    summary_ts        text,
    UNIQUE (team_channel_id, week_start)
);

-- One update per member per week; editing bumps version and the post job brings Slack up to date.
CREATE TABLE weekly_updates (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    week_id        bigint NOT NULL REFERENCES update_weeks ON DELETE CASCADE,
    user_id        text NOT NULL,
    completed      text NOT NULL DEFAULT '',
    in_progress    text NOT NULL DEFAULT '',
    blockers       text NOT NULL DEFAULT '',
    next_week      text NOT NULL DEFAULT '',
    notes          text NOT NULL DEFAULT '',
    is_late        boolean NOT NULL,
    version        integer NOT NULL DEFAULT 1,
    posted_version integer NOT NULL DEFAULT 0,
    message_ts     text,
    -- Set once the author was told the post is waiting (Slack slow or down, bot not in the channel): told once.
    author_told_at timestamptz,
    submitted_at   timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    UNIQUE (week_id, user_id)
);

-- Blocker items (one per line of an update's Blockers section). A blocker written again in a later week by the
-- same person stays the same blocker, so its age keeps counting until someone resolves it.
CREATE TABLE blockers (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_channel_id bigint NOT NULL REFERENCES team_channels ON DELETE CASCADE,
    user_id         text NOT NULL,
    text            text NOT NULL,
    first_update_id bigint NOT NULL REFERENCES weekly_updates ON DELETE CASCADE,
    last_update_id  bigint NOT NULL REFERENCES weekly_updates ON DELETE CASCADE,
    opened_at       timestamptz NOT NULL,
    resolved_at     timestamptz,
    resolved_by     text
);

CREATE INDEX blockers_open_by_team ON blockers (team_channel_id, opened_at) WHERE resolved_at IS NULL;
CREATE INDEX blockers_by_last_update ON blockers (last_update_id);
