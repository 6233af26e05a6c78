-- When AsyncLead last left a workspace (uninstalled, tokens revoked). Every page link issued before it stops working,
-- even after a reinstall; the workspace's data itself stays until purge-workspace.
CREATE TABLE workspace_removals (
    workspace_id text PRIMARY KEY,
    removed_at   timestamptz NOT NULL
);
