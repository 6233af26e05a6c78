-- The workspaces an org-wide (Enterprise Grid) install acts in. Features and jobs name a workspace by its team id,
-- but an org-wide install's token is stored under the enterprise: each workspace is linked to it the first time one
-- of its requests arrives. Uninstalling or purging the enterprise's install removes its links.
CREATE TABLE installation_teams (
    team_id         text PRIMARY KEY,
    installation_id text NOT NULL REFERENCES installations (workspace_id) ON DELETE CASCADE,
    linked_at       timestamptz NOT NULL
);

CREATE INDEX installation_teams_by_installation ON installation_teams (installation_id);
