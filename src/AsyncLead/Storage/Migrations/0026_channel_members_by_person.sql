-- Home starts from a person: which team channels are they in? Without this the primary key (channel first) makes that a
-- scan of the workspace's every membership row.
CREATE INDEX slack_channel_members_by_person ON slack_channel_members (workspace_id, user_id);
