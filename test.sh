#!/usr/bin/env bash
# Runs the whole test suite. Starts a project-local PostgreSQL first (scripts/postgres.sh) unless
# ASYNCLEAD_TEST_POSTGRES already names a server (an admin connection string; each test class gets its own database).
# Extra arguments go to `dotnet test` (e.g. --filter). Ends with one line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

if [ -z "${ASYNCLEAD_TEST_POSTGRES:-}" ]; then
  ASYNCLEAD_TEST_POSTGRES=$(scripts/postgres.sh up --fast --database postgres)
  export ASYNCLEAD_TEST_POSTGRES
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

dotnet build AsyncLead.sln -c Release -nologo -clp:ErrorsOnly
status=0
dotnet test AsyncLead.sln -c Release --no-build -nologo --results-directory "$results" \
  --blame-hang-timeout 5m --logger "trx" --logger "console;verbosity=minimal" "$@" || status=$?

# Totals from the TRX files: one per test project that ran.
passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(printf '%s' "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(printf '%s' "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # a crashed test host counts as a failure
echo "$passed passed, $failed failed"
exit "$status"
