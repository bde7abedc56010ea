# What transaction pooling costs (ADR 0022), measured beside patch-link (sourced by run.sh; --pooling, on by default
# except in --capture-sql): two more API processes from the same build, each measured like the API inside
# patch-link's pgbench bracket:
#   patch-link-unprepared  straight to PostgreSQL with Max Auto Prepare=0: the cost of giving up prepared statements
#   patch-link-pgbouncer   through PgBouncer in transaction mode with Database__TransactionPooling=true (so also
#                          unprepared): the whole cost, the extra hop included; PgBouncer runs with the compose
#                          system's settings (deploy/pgbouncer/pgbouncer.ini) and its CPU is counted apart.

declare -A POOLING_PIDS=() POOLING_URLS=()
POOLING_VARIANTS="unprepared pgbouncer"

pooling_scenario_of() { echo "patch-link-$1"; }

# PgBouncer on a free port of 127.0.0.1 in front of the run's cluster, with deploy/pgbouncer/pgbouncer.ini's settings;
# as the postgres user when we are root (PgBouncer refuses root).
pgbouncer_start() {
  command -v pgbouncer >/dev/null 2>&1 || [ -x /usr/sbin/pgbouncer ] || die "pgbouncer is not installed (apt-get install -y pgbouncer)"
  PGBOUNCER_PORT="$(free_port)"
  local dir="$BENCH_TMP/pgbouncer"
  mkdir -p "$dir"
  printf '"postgres" "%s"\n' "$PG_PASSWORD" >"$dir/userlist.txt"
  sed -e "s|^\* = host=db port=5432|* = host=127.0.0.1 port=$PG_PORT|" \
      -e "s|^listen_addr = .*|listen_addr = 127.0.0.1|" \
      -e "s|^listen_port = .*|listen_port = $PGBOUNCER_PORT|" \
      -e "s|^auth_file = .*|auth_file = $dir/userlist.txt|" \
      "$ROOT/deploy/pgbouncer/pgbouncer.ini" >"$dir/pgbouncer.ini"
  printf 'logfile = %s\npidfile = %s\n' "$dir/pgbouncer.log" "$dir/pgbouncer.pid" >>"$dir/pgbouncer.ini"
  grep -q "port=$PG_PORT" "$dir/pgbouncer.ini" || die "deploy/pgbouncer/pgbouncer.ini no longer names host=db port=5432"
  local bin; bin="$(command -v pgbouncer || echo /usr/sbin/pgbouncer)"
  if [ "$(id -u)" = 0 ]; then
    chown -R postgres "$dir"
    runuser -u postgres -- "$bin" -d "$dir/pgbouncer.ini" || die "pgbouncer did not start (log: $dir/pgbouncer.log)"
  else
    "$bin" -d "$dir/pgbouncer.ini" || die "pgbouncer did not start (log: $dir/pgbouncer.log)"
  fi
  local i
  for i in $(seq 1 50); do
    [ -s "$dir/pgbouncer.pid" ] && psql -X -q -h 127.0.0.1 -p "$PGBOUNCER_PORT" -d linkage -Atc "SELECT 1" >/dev/null 2>&1 && break
    sleep 0.1
  done
  PGBOUNCER_PID="$(cat "$dir/pgbouncer.pid")"
  log "PgBouncer (transaction mode, $(sed -n 's/^default_pool_size = //p' "$dir/pgbouncer.ini") server connections) on 127.0.0.1:$PGBOUNCER_PORT, pid $PGBOUNCER_PID"
}

# pooling_api_start <variant> <connection string> [NAME=VALUE...]: one more API process, as api_start starts the API.
pooling_api_start() {
  local variant=$1 connection=$2
  shift 2
  local saved_pid="${API_PID:-}" saved_url="${API_URL:-}"
  API_LOG="$BENCH_TMP/api-$variant.log" CONNECTION_STRING="$connection" api_start "$@"
  POOLING_PIDS[$variant]=$API_PID POOLING_URLS[$variant]=$API_URL
  API_PID="$saved_pid" API_URL="$saved_url"
}

# pooling_start: PgBouncer and the two APIs, each warmed up with PATCHes for half the API's whole warm-up.
pooling_start() {
  [ "$POOLING" = 1 ] || return 0
  pgbouncer_start
  pooling_api_start unprepared "$CONNECTION_STRING;Max Auto Prepare=0"
  pooling_api_start pgbouncer "Host=127.0.0.1;Port=$PGBOUNCER_PORT;Database=linkage;Username=postgres;Password=$PG_PASSWORD" \
    Database__TransactionPooling=true
  # shellcheck disable=SC2086  # the variants are words
  patch_warm_with with_pooling pooling_scenario_of $POOLING_VARIANTS
}

# pooling_measure <clients>: both variants' warm-up and measurement at this client count, as patch-link's.
pooling_measure() {
  [ "$POOLING" = 1 ] || return 0
  # shellcheck disable=SC2086  # the variants are words
  patch_measure_with with_pooling pooling_scenario_of "$1" $POOLING_VARIANTS
}

# with_pooling <variant> <command...>: the command with run_wrk pointed at that API (with_api), PgBouncer's CPU counted
# apart (BENCH_EXTRA_PID) for the pgbouncer variant.
with_pooling() {
  local variant=$1
  shift
  [ "$variant" = pgbouncer ] && export BENCH_EXTRA_PID="$PGBOUNCER_PID"
  with_api "${POOLING_PIDS[$variant]}" "${POOLING_URLS[$variant]}" "$@"
  unset BENCH_EXTRA_PID
}

# Stops both APIs and PgBouncer (by their pids) and gives run_wrk back the API; safe to call twice.
pooling_stop() {
  api_restore
  unset BENCH_EXTRA_PID
  local variant
  for variant in "${!POOLING_PIDS[@]}"; do
    stop_pid "${POOLING_PIDS[$variant]}" "the API ($variant)"
    unset "POOLING_PIDS[$variant]"
  done
  if [ -n "${PGBOUNCER_PID:-}" ]; then
    stop_pid "$PGBOUNCER_PID" "PgBouncer"
    PGBOUNCER_PID=""
  fi
}
