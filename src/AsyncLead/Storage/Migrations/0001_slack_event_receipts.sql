-- Slack redelivers events it thinks we missed; the first delivery of each event_id wins.
CREATE TABLE slack_event_receipts (
    event_id    text PRIMARY KEY,
    team_id     text NOT NULL,
    received_at timestamptz NOT NULL
);

CREATE INDEX slack_event_receipts_received_at ON slack_event_receipts (received_at);
