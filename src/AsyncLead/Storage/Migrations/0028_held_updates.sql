-- An inline update written by someone who missed last week's close waits here while they choose which week it is
-- for (last week, marked late, or this one): one per person and team, taken when they choose, replaced by a newer one.
CREATE TABLE held_updates (
    team_channel_id bigint NOT NULL REFERENCES team_channels ON DELETE CASCADE,
    user_id         text NOT NULL,
    text            text NOT NULL,
    held_at         timestamptz NOT NULL,
    PRIMARY KEY (team_channel_id, user_id)
);
