-- A reply in a week's thread that mentions someone who wrote an update that week is a question for them: they get it
-- in a batched DM (told_at), and their own next reply in the thread answers it (answered_at). The week's page counts both.
CREATE TABLE thread_questions (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    week_id        bigint NOT NULL REFERENCES update_weeks ON DELETE CASCADE,
    author_user_id text NOT NULL,
    asker_user_id  text NOT NULL,
    message_ts     text NOT NULL,
    text           text NOT NULL,
    asked_at       timestamptz NOT NULL,
    answered_at    timestamptz,
    told_at        timestamptz,
    UNIQUE (week_id, message_ts, author_user_id)
);

CREATE INDEX thread_questions_untold ON thread_questions (author_user_id) WHERE told_at IS NULL AND answered_at IS NULL;
