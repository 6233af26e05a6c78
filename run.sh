#!/usr/bin/env bash
# Runs the bot. Without ConnectionStrings__Postgres it starts a project-local PostgreSQL first (scripts/postgres.sh).
# Listens on http://127.0.0.1:3000 unless ASPNETCORE_URLS says otherwise. Extra arguments go to the host.
set -euo pipefail
cd "$(dirname "$0")"

# No Slack setting means sandbox mode (a local workspace at /sandbox/), which wipes its database at every start:
# it gets a database of its own, never the one real data lives in.
database=asynclead
if [ -z "${Slack__SigningSecret:-}${Slack__BotToken:-}${Slack__AppToken:-}${Slack__ClientId:-}${Slack__ClientSecret:-}" ] \
   && [ "${AsyncLead__Sandbox:-}" != "false" ]; then
  database=asynclead_sandbox
fi
if [ -z "${ConnectionStrings__Postgres:-}" ]; then
  ConnectionStrings__Postgres=$(scripts/postgres.sh up --database "$database")
  export ConnectionStrings__Postgres
fi
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://127.0.0.1:3000}
export DOTNET_ENVIRONMENT=${DOTNET_ENVIRONMENT:-Development}

exec dotnet run --project src/AsyncLead -c Release -- "$@"
