# The platform floor (bench/floor): the cheapest ASP.NET Core process with patch-link's HTTP exchange and SQL,
# in two modes, each its own process: scenario patch-link-floor (raw Npgsql) and patch-link-floor-ef (the API's
# own EF Core work). Both run beside the API during patch-link and are measured like it, inside the same
# bracket of pgbench halves (sourced by run.sh; --floor, or a full run).

declare -A FLOOR_PIDS=() FLOOR_URLS=()
FLOOR_MODES="raw ef"

floor_scenario_of() { [ "$1" = raw ] && echo patch-link-floor || echo patch-link-floor-ef; }

floor_build() {
  FLOOR_DLL="$ROOT/bench/floor/bin/$CONFIGURATION/net10.0/Linkage.Bench.Floor.dll"
  [ "${FLOOR_BUILT:-0}" = 1 ] && return 0
  if [ "$NO_BUILD" = 1 ]; then
    [ -f "$FLOOR_DLL" ] || die "--no-build: $FLOOR_DLL does not exist (dotnet build bench/floor -c $CONFIGURATION)"
  else
    log "building the floor app ($CONFIGURATION)"
    dotnet build "$ROOT/bench/floor/Linkage.Bench.Floor.csproj" -c "$CONFIGURATION" -nologo -v quiet >"$BENCH_TMP/floor-build.log" 2>&1 \
      || { tail -30 "$BENCH_TMP/floor-build.log" >&2; die "dotnet build bench/floor"; }
  fi
  FLOOR_BUILT=1
}

# floor_start <mode> [NAME=VALUE...]: starts the floor app in FLOOR_MODE <mode> (raw or ef) on a free port, the
# extra arguments added to its environment (e.g. an EF command log); ready when it answers a PATCH without
# If-Match with 428.
floor_start() {
  local mode=$1; shift
  FLOOR_URL="http://127.0.0.1:$(free_port)"
  FLOOR_LOG="$BENCH_TMP/floor-$mode.log"
  log "starting the floor app ($mode) on $FLOOR_URL"
  env ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="$FLOOR_URL" \
    ConnectionStrings__Linkage="$CONNECTION_STRING" \
    FLOOR_TENANT="$TENANT" \
    FLOOR_MODE="$mode" \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    "$@" \
    dotnet "$FLOOR_DLL" >"$FLOOR_LOG" 2>&1 &
  FLOOR_PID=$!
  FLOOR_PIDS[$mode]=$FLOOR_PID
  local i ready=0 probe="$FLOOR_URL/api/v1/network/links/00000000-0000-0000-0000-000000000000"
  for i in $(seq 1 120); do
    if ! kill -0 "$FLOOR_PID" 2>/dev/null; then tail -30 "$FLOOR_LOG" >&2; die "the floor app exited at start-up"; fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' -X PATCH "$probe")" = 428 ]; then ready=1; break; fi
    sleep 0.5
  done
  [ "$ready" = 1 ] || die "the floor app was not ready after 60 s (log: $FLOOR_LOG)"
  # One read through the database (an unknown link): 404 says the connection string and the schema are right.
  local status
  status="$(curl -s -o "$BENCH_TMP/floor-probe.json" -w '%{http_code}' -X PATCH -H 'If-Match: "1"' \
    -H 'Content-Type: application/json' --data '{"jobTitle":"probe"}' "$probe")"
  [ "$status" = 404 ] || { cat "$BENCH_TMP/floor-probe.json" >&2; tail -30 "$FLOOR_LOG" >&2; die "the floor app answered $status, not 404, for an unknown link"; }
}

# floors_start: when the floor is on, starts both floor apps and warms each up with PATCHes for half the API's
# whole warm-up (a fresh process runs its hot path in tier-0 JIT code at first; EF Core's is long).
floors_start() {
  [ "$FLOOR" = 1 ] || return 0
  floor_build
  local mode
  for mode in $FLOOR_MODES; do
    floor_start "$mode"
    FLOOR_URLS[$mode]=$FLOOR_URL
  done
  # shellcheck disable=SC2086  # the modes are words
  patch_warm_with with_floor floor_scenario_of $FLOOR_MODES
}

# floors_measure <clients>: both floors' warm-up and measurement at this client count, as patch-link's.
floors_measure() {
  [ "$FLOOR" = 1 ] || return 0
  # shellcheck disable=SC2086  # the modes are words
  patch_measure_with with_floor floor_scenario_of "$1" $FLOOR_MODES
}

# with_floor <mode> <command...>: runs the command with run_wrk pointed at that floor app (with_api).
with_floor() {
  local mode=$1
  shift
  with_api "${FLOOR_PIDS[$mode]}" "${FLOOR_URLS[$mode]}" "$@"
}

# Stops the floor apps (by their pids) and gives run_wrk back the API if a floor had it; safe to call twice
# (cleanup calls it on any exit, before api_stop).
floor_stop() {
  api_restore
  local mode
  for mode in "${!FLOOR_PIDS[@]}"; do
    stop_pid "${FLOOR_PIDS[$mode]}" "the floor app ($mode)"
    unset "FLOOR_PIDS[$mode]"
  done
}
