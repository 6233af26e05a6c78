-- The durable job queue (src/AsyncLead.Jobs). Every time in this table comes from the application's clock,
-- passed in as a parameter: nothing here defaults to now(), so tests that move the clock see consistent rows.
CREATE TABLE jobs (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         text NOT NULL,
    payload      jsonb NOT NULL,
    -- available -> running -> completed | failed (dead: out of attempts) | cancelled; running -> available on retry
    state        text NOT NULL CHECK (state IN ('available', 'running', 'completed', 'failed', 'cancelled')),
    run_at       timestamptz NOT NULL,
    -- Runs charged to the job: each claim adds one; RetryJobLater and a shutdown give theirs back.
    attempts     integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    max_attempts integer NOT NULL CHECK (max_attempts > 0),
    last_error   text,
    job_key      text,
    -- Jobs sharing a queue_name run one at a time, in enqueue (id) order.
    queue_name   text,
    -- A group cancelled together (a workspace, a decision doc).
    scope        text,
    -- The lease: a running job belongs to locked_by until locked_at + lease; heartbeats move locked_at.
    locked_at    timestamptz,
    locked_by    text,
    -- Set when a running job is cancelled: it finishes but is never retried, and it no longer holds its job_key.
    cancelled_at timestamptz,
    created_at   timestamptz NOT NULL,
    finished_at  timestamptz,
    CONSTRAINT jobs_lease_only_while_running CHECK ((state = 'running') = (locked_at IS NOT NULL AND locked_by IS NOT NULL)),
    CONSTRAINT jobs_finished_when_final CHECK ((state IN ('completed', 'failed', 'cancelled')) = (finished_at IS NOT NULL))
);

-- The claim: due jobs in run_at order. Partial, so completed and running rows (the vast majority) are not in it.
CREATE INDEX jobs_due ON jobs (run_at, id) WHERE state = 'available' AND queue_name IS NULL;
CREATE INDEX jobs_due_queued ON jobs (run_at, id) WHERE state = 'available' AND queue_name IS NOT NULL;

-- Queue heads: "is an earlier job of this queue unfinished?" and "is one of its jobs running?".
CREATE INDEX jobs_queue_unfinished ON jobs (queue_name, id) WHERE state IN ('available', 'running') AND queue_name IS NOT NULL;
CREATE INDEX jobs_queue_running ON jobs (queue_name) WHERE state = 'running' AND queue_name IS NOT NULL;

-- One unfinished job per key. A cancelled running job has given its key up (see cancelled_at).
CREATE UNIQUE INDEX jobs_job_key ON jobs (job_key)
    WHERE job_key IS NOT NULL AND state IN ('available', 'running') AND cancelled_at IS NULL;

CREATE INDEX jobs_scope ON jobs (scope) WHERE scope IS NOT NULL AND state IN ('available', 'running');

-- Rescue of expired leases.
CREATE INDEX jobs_leases ON jobs (locked_at) WHERE state = 'running';

-- Pruning of old finished jobs (dead ones are kept for inspection).
CREATE INDEX jobs_prunable ON jobs (finished_at) WHERE state IN ('completed', 'cancelled');
