-- Every move of a doc's response deadline (issue 16): who moved it, from when to when, and why; through Extend, or
-- in an edit of the doc. Listed on the doc's page and in its record.
CREATE TABLE decision_extensions (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    decision_id   bigint NOT NULL REFERENCES decisions ON DELETE CASCADE,
    moved_by      text NOT NULL,
    from_deadline timestamptz NOT NULL,
    to_deadline   timestamptz NOT NULL,
    reason        text NOT NULL DEFAULT '',
    via           text NOT NULL CHECK (via IN ('extend', 'edit')),
    created_at    timestamptz NOT NULL
);

CREATE INDEX decision_extensions_by_decision ON decision_extensions (decision_id, created_at);
