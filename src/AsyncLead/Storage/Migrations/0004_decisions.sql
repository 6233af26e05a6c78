-- Decision docs. Each workspace numbers its docs DEC-1, DEC-2, … from a counter row that the creating transaction
-- locks, so two docs created at once never get the same number.
CREATE TABLE decision_counters (
    workspace_id text PRIMARY KEY,
    last_number  integer NOT NULL
);

CREATE TABLE decisions (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id      text NOT NULL,
    number            integer NOT NULL CHECK (number > 0),
    channel_id        text NOT NULL,
    author_id         text NOT NULL,
    author_tz         text NOT NULL,
    title             text NOT NULL,
    problem_statement text NOT NULL,
    options           text NOT NULL DEFAULT '',
    analysis          text NOT NULL DEFAULT '',
    recommendation    text NOT NULL DEFAULT '',
    questions         text NOT NULL DEFAULT '',
    deadline          timestamptz NOT NULL,
    decision_date     timestamptz NOT NULL,
    -- open: taking responses; closed: deadline passed, waiting for the author's decision; decided; withdrawn.
    status            text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'decided', 'withdrawn')),
    message_ts        text,
    outcome           text CHECK (outcome IN ('ready_to_decide', 'needs_sync')),
    decided_option    text,
    rationale         text,
    decided_by        text,
    decided_at        timestamptz,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    UNIQUE (workspace_id, number)
);

CREATE INDEX decisions_by_workspace_status ON decisions (workspace_id, status, deadline);

CREATE TABLE decision_reviewers (
    decision_id bigint NOT NULL REFERENCES decisions ON DELETE CASCADE,
    user_id     text NOT NULL,
    PRIMARY KEY (decision_id, user_id)
);

-- One current answer per person per doc: a changed answer replaces the old one. Non-reviewers may answer too;
-- only reviewers count in the tally.
CREATE TABLE decision_responses (
    decision_id  bigint NOT NULL REFERENCES decisions ON DELETE CASCADE,
    user_id      text NOT NULL,
    answer       text NOT NULL CHECK (answer IN ('approve', 'concern', 'question', 'abstain')),
    responded_at timestamptz NOT NULL,
    PRIMARY KEY (decision_id, user_id)
);

-- Concerns and questions, each posted in the doc's thread. A concern blocks until resolved.
CREATE TABLE decision_concerns (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    decision_id bigint NOT NULL REFERENCES decisions ON DELETE CASCADE,
    author_id   text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('concern', 'question')),
    text        text NOT NULL,
    message_ts  text,
    created_at  timestamptz NOT NULL,
    resolved_at timestamptz,
    resolved_by text
);

CREATE INDEX decision_concerns_by_decision ON decision_concerns (decision_id, created_at);
