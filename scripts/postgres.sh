#!/usr/bin/env bash
# A project-local PostgreSQL cluster for running and testing AsyncLead without any setup.
#
#   scripts/postgres.sh up [--database NAME] [--fast]   start (or reuse) the cluster, create NAME, print its connection string
#   scripts/postgres.sh url [--database NAME]           print the connection string of the running cluster
#   scripts/postgres.sh down                            stop the cluster (data is kept)
#   scripts/postgres.sh status
#
# Data lives in .local/postgres (git-ignored); the server listens on 127.0.0.1 only, on a free port chosen once
# and remembered. PostgreSQL's binaries come from the machine; on Debian they are installed with apt-get when
# missing and we are root. PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
# Only the connection string goes to stdout; progress goes to stderr.
set -euo pipefail

root_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state_dir="$root_dir/.local/postgres"
db_user=asynclead

log() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

find_bin_dir() {
  local dir
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dir=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
    echo "$dir"; return 0
  fi
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  return 1
}

install_postgres() {
  if ! is_root || ! command -v apt-get >/dev/null 2>&1; then
    die "PostgreSQL is not installed. Install it (Debian/Ubuntu: sudo apt-get install postgresql) or set ConnectionStrings__Postgres to a server you have."
  fi
  log "PostgreSQL binaries not found; installing them with apt-get (one time)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
}

# Runs a PostgreSQL server-side command as the user that owns the cluster.
as_owner() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

prepare_state_dir() {
  mkdir -p "$state_dir"
  if is_root; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
    chown postgres: "$state_dir"
    # The postgres user must be able to reach the data directory; a checkout under a private home may not allow it.
    if ! runuser -u postgres -- test -w "$state_dir"; then
      state_dir="/var/tmp/asynclead-postgres-$(printf '%s' "$root_dir" | cksum | cut -d' ' -f1)"
      mkdir -p "$state_dir" && chown postgres: "$state_dir"
      log "checkout not reachable by the postgres user; keeping the cluster in $state_dir"
    fi
  fi
  data_dir="$state_dir/data"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

choose_port() {
  local port
  if [ -f "$state_dir/port" ]; then cat "$state_dir/port"; return; fi
  for port in $(seq 55432 55532); do
    if ! port_in_use "$port"; then echo "$port" > "$state_dir/port"; echo "$port"; return; fi
  done
  die "no free port between 55432 and 55532 on 127.0.0.1"
}

init_cluster() {
  [ -f "$data_dir/PG_VERSION" ] && return 0
  log "creating a local cluster in $data_dir"
  local password pwfile
  password=$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
  pwfile=$(mktemp)
  printf '%s\n' "$password" > "$pwfile"
  is_root && chown postgres: "$pwfile"
  as_owner "$bin_dir/initdb" -D "$data_dir" -U "$db_user" --pwfile="$pwfile" -E UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 >&2
  rm -f "$pwfile"
  (umask 077; printf '%s' "$password" > "$state_dir/password")
}

is_running() { [ -f "$data_dir/postmaster.pid" ] && as_owner "$bin_dir/pg_ctl" -D "$data_dir" status >/dev/null 2>&1; }

start_cluster() {
  local port=$1 fast=$2 options
  is_running && return 0
  options="-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$data_dir -c max_connections=400"
  # Test runs trade crash-durability for speed; this cluster is disposable by design.
  [ "$fast" = 1 ] && options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  log "starting PostgreSQL on 127.0.0.1:$port"
  as_owner "$bin_dir/pg_ctl" -D "$data_dir" -l "$state_dir/server.log" -w -t 60 -o "$options" start >&2 \
    || { tail -n 20 "$state_dir/server.log" >&2 || true; die "PostgreSQL did not start (log: $state_dir/server.log)"; }
}

connection_string() {
  local port=$1 database=$2
  printf 'Host=127.0.0.1;Port=%s;Username=%s;Password=%s;Database=%s' "$port" "$db_user" "$(cat "$state_dir/password")" "$database"
}

ensure_database() {
  local port=$1 database=$2
  [ "$database" = postgres ] && return 0
  local exists
  exists=$(PGPASSWORD=$(cat "$state_dir/password") "$bin_dir/psql" -h 127.0.0.1 -p "$port" -U "$db_user" -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$database'")
  [ "$exists" = 1 ] || PGPASSWORD=$(cat "$state_dir/password") "$bin_dir/psql" -h 127.0.0.1 -p "$port" -U "$db_user" -d postgres -qc \
    "CREATE DATABASE \"$database\"" >&2
}

command=${1:-up}; shift || true
database=asynclead; fast=0
while [ $# -gt 0 ]; do
  case "$1" in
    --database) database=$2; shift 2 ;;
    --fast) fast=1; shift ;;
    *) die "unknown option $1 (see the header of this script)" ;;
  esac
done
[[ "$database" =~ ^[a-z_][a-z0-9_]*$ ]] || die "database names are lower-case letters, digits and _"

bin_dir=$(find_bin_dir) || { install_postgres; bin_dir=$(find_bin_dir) || die "PostgreSQL binaries still not found after installing"; }
prepare_state_dir

case "$command" in
  up)
    init_cluster
    port=$(choose_port)
    if ! is_running && port_in_use "$port"; then
      rm -f "$state_dir/port"; port=$(choose_port)
    fi
    start_cluster "$port" "$fast"
    ensure_database "$port" "$database"
    connection_string "$port" "$database"; echo ;;
  url)
    is_running || die "the local cluster is not running; start it with: scripts/postgres.sh up"
    connection_string "$(cat "$state_dir/port")" "$database"; echo ;;
  down)
    if is_running; then as_owner "$bin_dir/pg_ctl" -D "$data_dir" -m fast stop >&2; else log "not running"; fi ;;
  status)
    if is_running; then log "running on 127.0.0.1:$(cat "$state_dir/port") (data: $data_dir)"; else log "not running"; exit 3; fi ;;
  *) die "unknown command $command (up, url, down, status)" ;;
esac
