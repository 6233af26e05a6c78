-- One row per Slack install. workspace_id is the team id, or the enterprise id for an org-wide install (which has
-- no single team). The bot token is stored only encrypted (ASP.NET Core Data Protection); the row is deleted on
-- app_uninstalled / tokens_revoked, while the workspace's other data stays until an admin purges it.
CREATE TABLE installations (
    workspace_id          text PRIMARY KEY,
    team_name             text,
    enterprise_id         text,
    is_enterprise_install boolean NOT NULL,
    bot_user_id           text,
    scopes                text NOT NULL,
    bot_token_protected   text NOT NULL,
    installed_by          text,
    installed_at          timestamptz NOT NULL
);

-- The Data Protection key ring, shared by every replica so each can read the tokens any other one wrote.
CREATE TABLE data_protection_keys (
    friendly_name text PRIMARY KEY,
    xml           text NOT NULL,
    created_at    timestamptz NOT NULL
);
