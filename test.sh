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

# The browser tests drive headless Chromium through Debian's chromium and chromium-driver (a matching pair);
# a clean machine gets them from apt-get, as root or through sudo.
ensure_chromium() {
  command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 && return 0
  local as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "test.sh: the browser tests need chromium and chromedriver; install them (Debian/Ubuntu: apt-get install chromium chromium-driver)" >&2
      return 1
    fi
    as_root=(sudo -n)
  fi
  echo "test.sh: installing chromium and chromium-driver for the browser tests (one time)..." >&2
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >&2
}
ensure_chromium

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

dotnet build AsyncLead.sln -c Release -nologo -clp:ErrorsOnly
status=0
dotnet test AsyncLead.sln -c Release --no-build -nologo --results-directory "$results" \
  --blame-hang-timeout 10m --logger "trx" --logger "console;verbosity=minimal" "$@" || status=$?

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
