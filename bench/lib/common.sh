# Shared shell helpers of bench/run.sh (sourced, not run).

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# A TCP port that is free on 127.0.0.1 right now (the kernel picks it).
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

random_hex() { python3 -c "import secrets; print(secrets.token_hex($1))"; }

# wrk and pgbench from Debian's packages when they are missing (apt-get update once, only if needed).
ensure_tools() {
  local missing=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v pgbench >/dev/null 2>&1 || missing+=(postgresql-client)
  command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
  [ -n "$(pg_bin_dir)" ] || missing+=(postgresql)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  command -v pgbouncer >/dev/null 2>&1 || [ -x /usr/sbin/pgbouncer ] || missing+=(pgbouncer)
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "missing ${missing[*]}: install them (apt-get install -y ${missing[*]})"
  log "installing ${missing[*]} with apt-get"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || die "apt-get install ${missing[*]}"
}

# The directory holding initdb and pg_ctl: the one on PATH, else the highest /usr/lib/postgresql/*/bin.
pg_bin_dir() {
  local pg_ctl dir best="" best_version=-1 version
  if pg_ctl="$(command -v pg_ctl 2>/dev/null)"; then
    dir="$(dirname "$(readlink -f "$pg_ctl")")"
    if [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
  fi
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ] || continue
    version="${dir#/usr/lib/postgresql/}"; version="${version%%/*}"; version="${version%%.*}"
    [[ "$version" =~ ^[0-9]+$ ]] || continue
    if [ "$version" -gt "$best_version" ]; then best="$dir"; best_version="$version"; fi
  done
  echo "$best"
}

# stop_pid <pid> <what>: SIGTERM (a graceful stop), then SIGKILL after 30 s; nothing if it is already gone.
stop_pid() {
  local pid=$1 i
  kill -0 "$pid" 2>/dev/null || return 0
  log "stopping $2 (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
}

# with_api <pid> <url> <command...>: runs the command with run_wrk pointed at another process under test (a floor app,
# another configuration of the API): its URL, and its CPU in place of the API's. api_restore gives the API back if the
# command dies (the stop functions call it, before api_stop).
with_api() {
  local pid=$1 url=$2
  shift 2
  OTHER_SAVED_API_PID="$API_PID" OTHER_SAVED_API_URL="$API_URL"
  API_PID="$pid" API_URL="$url"
  "$@"
  api_restore
}

# Processes measured beside patch-link (the floor apps, other configurations of the API), each reached through
# <runner> <key> (with_floor raw, with_pooling pgbouncer) and named by <scenario-of> <key>.
# patch_warm_with <runner> <scenario-of> <keys...>: each warmed up with PATCHes at 8 clients for half the whole API's
# warm-up (a fresh process runs its hot path in tier-0 JIT code at first).
patch_warm_with() {
  local runner=$1 scenario_of=$2 key seconds=$(( WARMUP_API > 0 ? WARMUP_API / 2 : WARMUP * 3 ))
  shift 2
  # Even a smoke warms for 2 s: a cold process's first requests (JIT, EF Core's model) can outlast its 1-second
  # measurement on a loaded machine, which then saw no answer at all (2026-12-04, patch-link-unprepared).
  [ "$seconds" -gt 0 ] || seconds=2
  for key in "$@"; do
    log "warming up $("$scenario_of" "$key") for ${seconds} s"
    "$runner" "$key" patch_wrk "$("$scenario_of" "$key")" 8 "$seconds" warmup
  done
}

# patch_measure_with <runner> <scenario-of> <clients> <keys...>: each one's warm-up and measurement at this client count,
# as patch-link's.
patch_measure_with() {
  local runner=$1 scenario_of=$2 clients=$3 key
  shift 3
  for key in "$@"; do
    if [ "$WARMUP" != 0 ]; then "$runner" "$key" patch_wrk "$("$scenario_of" "$key")" "$clients" "$WARMUP" warmup; fi
    "$runner" "$key" patch_wrk "$("$scenario_of" "$key")" "$clients" "$DURATION" measure
  done
}

api_restore() {
  if [ -n "${OTHER_SAVED_API_PID+x}" ]; then
    API_PID="$OTHER_SAVED_API_PID" API_URL="$OTHER_SAVED_API_URL"
    unset OTHER_SAVED_API_PID OTHER_SAVED_API_URL
  fi
}

# The seed of run.sh's quick mode, for bench/profile.sh and bench/ab.sh: 500 contacts, 50 companies, 1 000 links,
# 128 claims with 1 024 claim links and 1 024 typed links (keep in step with run.sh's mode table).
quick_seed_sizes() {
  SEED_CONTACTS=500 SEED_COMPANIES=50 SEED_LINKS=1000 SEED_CLAIMS=128 SEED_CLAIM_LINKS=1024 SEED_TYPED_LINKS=1024
}

# bench_workspace <name>: the run's temporary directory (BENCH_TMP, /tmp/linkage-<name>.*, with the RESULTS file)
# and the exit trap, which calls the script's own teardown() (stopping what it started), then removes the
# directory, or keeps it and says so when the run failed or KEEP=1.
bench_workspace() {
  BENCH_TMP="$(mktemp -d "/tmp/linkage-$1.XXXXXX")"
  chmod 755 "$BENCH_TMP"
  RESULTS="$BENCH_TMP/results.jsonl"
  : >"$RESULTS"
  trap bench_exit EXIT
  trap 'exit 130' INT TERM
}

bench_exit() {
  local status=$?
  teardown
  if [ "${KEEP:-0}" = 1 ] || [ "$status" != 0 ]; then log "kept $BENCH_TMP"; else rm -rf "$BENCH_TMP"; fi
  exit "$status"
}
