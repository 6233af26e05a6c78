-- An event's receipt is a claim until its handler succeeds: a failed handler releases it, so Slack's redelivery acts.
-- Receipts written before this were written first and acted on at once: they count as handled.
ALTER TABLE slack_event_receipts
    ADD COLUMN claimed_at timestamptz,
    ADD COLUMN handled_at timestamptz;

UPDATE slack_event_receipts SET handled_at = received_at;
