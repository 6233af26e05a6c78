#!/usr/bin/env bash
# Runs the bot. Without ConnectionStrings__Postgres it starts a project-local PostgreSQL first (scripts/postgres.sh).
# Listens on http://127.0.0.1:3000 unless ASPNETCORE_URLS says otherwise. Extra arguments go to the host.
set -euo pipefail
cd "$(dirname "$0")"

if [ -z "${ConnectionStrings__Postgres:-}" ]; then
  ConnectionStrings__Postgres=$(scripts/postgres.sh up --database asynclead)
  export ConnectionStrings__Postgres
fi
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://127.0.0.1:3000}
export DOTNET_ENVIRONMENT=${DOTNET_ENVIRONMENT:-Development}

exec dotnet run --project src/AsyncLead -c Release -- "$@"
