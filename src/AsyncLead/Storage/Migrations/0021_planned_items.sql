-- What other rooms plan for a person's next weekly update (issue 16: a decision's follow-ups), kept by WeeklyUpdates'
-- PlannedItemStore. source_key is the planner's own name for what planned it (e.g. 'decision:42'); planned_at is when a
-- saved update first had the item under Next Week, started_at under Completed or In Progress.
CREATE TABLE planned_items (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id text NOT NULL,
    user_id      text NOT NULL,
    text         text NOT NULL,
    due_on       date,
    source_key   text NOT NULL,
    source_label text NOT NULL,
    created_at   timestamptz NOT NULL,
    planned_at   timestamptz,
    started_at   timestamptz
);

CREATE INDEX planned_items_of_user ON planned_items (workspace_id, user_id) WHERE started_at IS NULL;
CREATE INDEX planned_items_of_source ON planned_items (workspace_id, source_key);
