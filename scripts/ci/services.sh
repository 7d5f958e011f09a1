#!/usr/bin/env bash
# Nimbus CI services: PostgreSQL 15 + pgvector, Redis, Chromium.
#
#   scripts/ci/services.sh install        apt packages + pgvector built from Debian trixie source
#   scripts/ci/services.sh start          throwaway PG cluster (db nimbus_test + vector) and Redis
#   scripts/ci/services.sh stop           stop both (idempotent, never fails)
#   scripts/ci/services.sh env            print the export lines (DATABASE_URL, REDIS_URL)
#   scripts/ci/services.sh createdb NAME  create another database with the vector extension
#   scripts/ci/services.sh status         show what is running
#
# See shared/spec/offline-stack.md §2 (PostgreSQL + pgvector), §3 (Redis), §6 (Chromium).
# Diagnostics go to stderr; `start` and `env` print only the export lines on stdout, so
#   eval "$(scripts/ci/services.sh start)"
# works. Needs root (apt, and `runuser` to act as the postgres user).
#
# Settings (environment):
#   NIMBUS_CI_DIR         state dir (data dirs, logs, pid files)   default /tmp/nimbus-ci
#   NIMBUS_CI_PG_PORT     PostgreSQL port                          default 55432
#   NIMBUS_CI_REDIS_PORT  Redis port                               default 63790
#   NIMBUS_CI_TIMEOUT     seconds to wait for a service to answer  default 60
set -euo pipefail

STATE_DIR="${NIMBUS_CI_DIR:-/tmp/nimbus-ci}"
PG_PORT="${NIMBUS_CI_PG_PORT:-55432}"
REDIS_PORT="${NIMBUS_CI_REDIS_PORT:-63790}"
WAIT_TIMEOUT="${NIMBUS_CI_TIMEOUT:-60}"
PG_MAJOR=15
PGBIN="/usr/lib/postgresql/${PG_MAJOR}/bin"
PG_CONFIG="${PGBIN}/pg_config"
PG_USER=app
PG_DB=nimbus_test

PG_ROOT="$STATE_DIR/pg"
PG_DATA="$PG_ROOT/data"
PG_SOCK="$PG_ROOT/sock"
PG_LOG="$PG_ROOT/server.log"
REDIS_DIR="$STATE_DIR/redis"
REDIS_PID="$REDIS_DIR/redis.pid"
REDIS_LOG="$REDIS_DIR/redis.log"

APT_PACKAGES=(
  "postgresql-${PG_MAJOR}" "postgresql-server-dev-${PG_MAJOR}" dpkg-dev make gcc
  redis-server chromium
)

log() { printf '[services] %s\n' "$*" >&2; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }

database_url() { printf 'postgres://%s@127.0.0.1:%s/%s' "$PG_USER" "$PG_PORT" "${1:-$PG_DB}"; }
redis_url() { printf 'redis://127.0.0.1:%s' "$REDIS_PORT"; }

print_env() {
  printf 'export DATABASE_URL=%s\n' "$(database_url)"
  printf 'export REDIS_URL=%s\n' "$(redis_url)"
}

need_root() { [[ $(id -u) -eq 0 ]] || die "must run as root (apt-get, runuser)"; }

# Run a command as the postgres OS user (initdb/postgres refuse to run as root).
as_postgres() { runuser -u postgres -- "$@"; }

# --------------------------------------------------------------------------- install

pkg_installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" == installed ]]
}

retry() { # retry N cmd...
  local n=$1 i; shift
  for ((i = 1; i <= n; i++)); do
    if "$@"; then return 0; fi
    if ((i < n)); then log "attempt $i/$n failed: $*; retrying in $((i * 5))s"; sleep $((i * 5)); fi
  done
  return 1
}

APT_ENV=(env DEBIAN_FRONTEND=noninteractive)
APT_OPTS=(-o DPkg::Lock::Timeout=600 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)

# apt-get update exits 0 on some fetch failures; treat any "Failed to fetch"/E: line as a failure.
apt_update() { # apt_update [extra apt options...]
  local out rc=0
  out=$("${APT_ENV[@]}" apt-get "${APT_OPTS[@]}" "$@" update 2>&1) || rc=$?
  printf '%s\n' "$out" | tail -n 5 >&2
  [[ $rc -eq 0 ]] && ! grep -qE '^(E:|Err:|W: Failed to fetch|W: Some index files failed)' <<<"$out"
}

mirror_uri() {
  local uri=""
  if [[ -r /etc/apt/sources.list.d/debian.sources ]]; then
    uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  fi
  if [[ -z "$uri" && -r /etc/apt/sources.list ]]; then
    uri=$(awk '$1=="deb" && $0 ~ /debian/ && $0 !~ /security/ {for(i=2;i<=NF;i++) if ($i ~ /^https?:/) {print $i; exit}}' /etc/apt/sources.list)
  fi
  printf '%s' "${uri:-http://deb.debian.org/debian}"
}

install_packages() {
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do pkg_installed "$p" || missing+=("$p"); done
  if ((${#missing[@]} == 0)); then
    log "apt packages already installed: ${APT_PACKAGES[*]}"
    return 0
  fi
  log "missing apt packages: ${missing[*]}"
  log "apt-get update"
  retry 3 apt_update || die "apt-get update failed"

  # No service may start from a maintainer script (the stock postgresql 'main' cluster,
  # redis on 6379). Docker-style images already ship a policy-rc.d that says so; add a
  # temporary one if this machine has none.
  local policy=/usr/sbin/policy-rc.d added_policy=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && added_policy=1
  fi
  log "apt-get install ${APT_PACKAGES[*]}"
  local rc=0
  retry 2 "${APT_ENV[@]}" apt-get "${APT_OPTS[@]}" install -y -q --no-install-recommends "${APT_PACKAGES[@]}" >&2 || rc=$?
  ((added_policy)) && rm -f "$policy"
  ((rc == 0)) || die "apt-get install failed"
}

pgvector_installed() {
  local libdir sharedir
  libdir=$("$PG_CONFIG" --pkglibdir 2>/dev/null) || return 1
  sharedir=$("$PG_CONFIG" --sharedir 2>/dev/null) || return 1
  [[ -f "$libdir/vector.so" && -f "$sharedir/extension/vector.control" ]]
}

install_pgvector() {
  if pgvector_installed; then
    log "pgvector already installed: $("$PG_CONFIG" --pkglibdir)/vector.so"
    return 0
  fi
  [[ -x $PG_CONFIG ]] || die "$PG_CONFIG missing (postgresql-server-dev-${PG_MAJOR} not installed?)"
  # Private apt state: only a deb-src line for trixie, own lists and caches, so the
  # system's sources, lists and package caches stay untouched.
  local w="$STATE_DIR/pgvector-build" mirror
  rm -rf "$w"
  mkdir -p "$w/lists/partial" "$w/cache/archives/partial"
  mirror=$(mirror_uri)
  echo "deb-src $mirror trixie main" >"$w/src.list"
  local a=(
    -o "Dir::Etc::SourceList=$w/src.list" -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State::Lists=$w/lists" -o "Dir::Cache=$w/cache"
  )
  log "fetching pgvector source from $mirror trixie (private apt dir $w)"
  retry 3 apt_update "${a[@]}" || die "apt-get update (trixie deb-src) failed"
  (cd "$w" && retry 3 apt-get "${a[@]}" -o APT::Sandbox::User=root source -q pgvector >&2) || die "apt-get source pgvector failed"
  local src
  src=$(find "$w" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n 1)
  [[ -n $src ]] || die "pgvector source tree not found in $w"
  log "building $(basename "$src") with PGXS (PG ${PG_MAJOR})"
  make -C "$src" -j"$(nproc)" PG_CONFIG="$PG_CONFIG" >"$w/build.log" 2>&1 ||
    { tail -n 40 "$w/build.log" >&2; die "pgvector build failed (log: $w/build.log)"; }
  make -C "$src" install PG_CONFIG="$PG_CONFIG" >>"$w/build.log" 2>&1 ||
    { tail -n 40 "$w/build.log" >&2; die "pgvector install failed (log: $w/build.log)"; }
  pgvector_installed || die "pgvector install finished but vector.so/vector.control not found"
  log "pgvector installed: $("$PG_CONFIG" --pkglibdir)/vector.so"
}

cmd_install() {
  need_root
  local t0=$SECONDS
  mkdir -p "$STATE_DIR"
  install_packages
  install_pgvector
  log "install done in $((SECONDS - t0))s"
}

# --------------------------------------------------------------------------- helpers

psql_app() { # psql_app DB [psql args...]
  local db=$1; shift
  PGCONNECT_TIMEOUT=5 "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d "$db" "$@"
}

pg_running() {
  [[ -f "$PG_DATA/postmaster.pid" ]] && as_postgres "$PGBIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

redis_pid() { # prints the pid of our redis-server if it is alive
  local pid
  [[ -f $REDIS_PID ]] || return 1
  pid=$(<"$REDIS_PID")
  is_ours "$pid" ":$REDIS_PORT" || return 1
  printf '%s' "$pid"
}

# is_ours PID NEEDLE: the process is alive and its command line mentions NEEDLE
# (our data dir for the postmaster, our port for redis-server), so a recycled pid
# of someone else's process is never signalled.
is_ours() {
  [[ $1 =~ ^[0-9]+$ ]] && kill -0 "$1" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$2"
}

# Run a command with every file descriptor above 2 closed. Daemons started from here
# must not inherit pipes of whatever runs this script (a CI runner waiting for EOF
# on an inherited pipe would hang until the daemon exits).
without_extra_fds() {
  (
    for fd in /proc/self/fd/*; do
      fd=${fd##*/}
      if [[ $fd =~ ^[0-9]+$ ]] && ((fd > 2)); then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    exec "$@"
  )
}

redis_ping() { [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # wait_for DESCRIPTION cmd...
  local what=$1 deadline=$((SECONDS + WAIT_TIMEOUT)); shift
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
  log "$what is ready"
}

valid_dbname() { [[ $1 =~ ^[A-Za-z_][A-Za-z0-9_]{0,62}$ ]]; }

create_db() { # create_db NAME: create if missing, then ensure the vector extension
  local name=$1
  valid_dbname "$name" || die "invalid database name '$name' (use [A-Za-z_][A-Za-z0-9_]*)"
  if [[ "$(psql_app postgres -tA -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" != 1 ]]; then
    psql_app postgres -c "CREATE DATABASE \"$name\""
  fi
  psql_app "$name" -c 'CREATE EXTENSION IF NOT EXISTS vector'
  local v
  v=$(psql_app "$name" -tA -c "SELECT extversion FROM pg_extension WHERE extname = 'vector'")
  [[ -n $v ]] || die "vector extension missing in $name"
  log "database $name ready (vector $v): $(database_url "$name")"
}

# --------------------------------------------------------------------------- start

start_pg() {
  [[ -x "$PGBIN/initdb" ]] || die "PostgreSQL ${PG_MAJOR} not installed; run: $0 install"
  pgvector_installed || die "pgvector not installed; run: $0 install"
  getent passwd postgres >/dev/null || die "OS user 'postgres' missing (it comes with postgresql-common)"
  if pg_running; then
    log "PostgreSQL already running on 127.0.0.1:$PG_PORT (data $PG_DATA)"
  else
    port_busy "$PG_PORT" && die "port $PG_PORT is already in use by another process"
    # Throwaway cluster: always a fresh data dir.
    rm -rf "$PG_ROOT"
    install -d -m 755 "$STATE_DIR"
    install -d -o postgres -g postgres -m 755 "$PG_ROOT"
    install -d -o postgres -g postgres -m 700 "$PG_DATA"
    install -d -o postgres -g postgres -m 775 "$PG_SOCK"
    as_postgres test -w "$PG_DATA" ||
      die "user postgres cannot reach $PG_DATA; put NIMBUS_CI_DIR on a path it can traverse (e.g. under /tmp)"
    log "initdb $PG_DATA"
    as_postgres "$PGBIN/initdb" -D "$PG_DATA" -U "$PG_USER" -A trust -E UTF8 --locale=C.UTF-8 \
      >"$PG_ROOT/initdb.log" 2>&1 || { cat "$PG_ROOT/initdb.log" >&2; die "initdb failed"; }
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    # -l sends the server's output to a file, so it never holds the caller's stdout open.
    without_extra_fds runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$WAIT_TIMEOUT" \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_SOCK -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start </dev/null >&2 || { tail -n 30 "$PG_LOG" >&2 || true; die "PostgreSQL failed to start"; }
  fi
  wait_for "PostgreSQL" "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2 ||
    { tail -n 30 "$PG_LOG" >&2 || true; die "PostgreSQL did not answer within ${WAIT_TIMEOUT}s"; }
  create_db "$PG_DB"
}

start_redis() {
  command -v redis-server >/dev/null || die "redis-server not installed; run: $0 install"
  local pid
  if pid=$(redis_pid) && redis_ping; then
    log "Redis already running on 127.0.0.1:$REDIS_PORT (pid $pid)"
  else
    port_busy "$REDIS_PORT" && die "port $REDIS_PORT is already in use by another process"
    rm -rf "$REDIS_DIR"
    mkdir -p "$REDIS_DIR"
    log "starting Redis on 127.0.0.1:$REDIS_PORT (no persistence)"
    without_extra_fds redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
      --dir "$REDIS_DIR" --daemonize yes --pidfile "$REDIS_PID" --logfile "$REDIS_LOG" \
      </dev/null >/dev/null 2>&1 || { tail -n 30 "$REDIS_LOG" >&2 || true; die "redis-server failed to start"; }
  fi
  wait_for "Redis" redis_ping ||
    { tail -n 30 "$REDIS_LOG" >&2 || true; die "Redis did not answer within ${WAIT_TIMEOUT}s"; }
}

cmd_start() {
  need_root
  local t0=$SECONDS
  start_pg
  start_redis
  log "services up in $((SECONDS - t0))s (state in $STATE_DIR)"
  print_env
}

# --------------------------------------------------------------------------- stop

stop_pg() {
  [[ -f "$PG_DATA/postmaster.pid" ]] || { log "PostgreSQL not running"; return 0; }
  local pid
  pid=$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)
  if ! is_ours "$pid" "$PG_DATA"; then
    # Postmaster gone (crashed or killed): only a stale pid file is left. Backends
    # exit by themselves when they notice the postmaster died.
    log "PostgreSQL not running (removing stale postmaster.pid)"
    rm -f "$PG_DATA/postmaster.pid"
    return 0
  fi
  log "stopping PostgreSQL"
  as_postgres "$PGBIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >&2 ||
    as_postgres "$PGBIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 10 stop >&2 || true
  if is_ours "$pid" "$PG_DATA"; then
    log "postmaster $pid still alive; killing"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  return 0
}

stop_redis() {
  local pid i
  if ! pid=$(redis_pid); then log "Redis not running"; rm -f "$REDIS_PID"; return 0; fi
  log "stopping Redis (pid $pid)"
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if is_ours "$pid" ":$REDIS_PORT"; then
    log "redis-server $pid still alive; killing"
    kill -TERM "$pid" 2>/dev/null || true
    sleep 1
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$REDIS_PID"
  return 0
}

cmd_stop() {
  stop_pg || true
  stop_redis || true
  return 0
}

cmd_status() {
  if pg_running; then echo "postgresql: running ($(database_url))"; else echo "postgresql: stopped"; fi
  if redis_pid >/dev/null && redis_ping; then echo "redis: running ($(redis_url))"; else echo "redis: stopped"; fi
}

cmd_createdb() {
  [[ $# -eq 1 ]] || die "usage: $0 createdb NAME"
  pg_running || die "PostgreSQL is not running; run: $0 start"
  create_db "$1"
  printf 'DATABASE_URL=%s\n' "$(database_url "$1")"
}

usage() {
  sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

main() {
  local cmd=${1:-}
  [[ $# -gt 0 ]] && shift
  case "$cmd" in
    install) cmd_install ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    env) print_env ;;
    status) cmd_status ;;
    createdb) cmd_createdb "$@" ;;
    *) usage ;;
  esac
}

main "$@"
