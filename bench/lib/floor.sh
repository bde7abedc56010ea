# The platform floor (bench/floor): the cheapest ASP.NET Core process with patch-link's HTTP exchange and SQL,
# measured exactly like patch-link, in its two modes: scenario patch-link-floor (raw Npgsql) and then
# patch-link-floor-ef (the API's own EF Core work), each in a fresh process (sourced by run.sh; --floor, or a
# full run).

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

# Stops the floor app (by its pid) and gives run_wrk back the API, if the floor had it; safe to call twice
# (cleanup calls it on any exit, before api_stop).
floor_stop() {
  if [ -n "${FLOOR_SAVED_API_PID+x}" ]; then
    API_PID="$FLOOR_SAVED_API_PID" API_URL="$FLOOR_SAVED_API_URL"
    unset FLOOR_SAVED_API_PID FLOOR_SAVED_API_URL
  fi
  [ -n "${FLOOR_PID:-}" ] || return 0
  local pid="$FLOOR_PID"; FLOOR_PID=""
  stop_pid "$pid" "the floor app"
}

# Both floors after patch-link, with its links: patch-link-floor (raw Npgsql), then patch-link-floor-ef (EF Core).
floor_phase() {
  local scenario
  if [ ! -s "$BENCH_TMP/link-ids.txt" ]; then
    for scenario in patch-link-floor patch-link-floor-ef; do
      log "$scenario: SKIPPED: patch-link did not run (no links)"
      record "{\"type\":\"skipped\",\"scenario\":\"$scenario\",\"reason\":\"patch-link did not run (no links)\"}"
    done
    return 0
  fi
  floor_build
  log "patch-link-floor: the same PATCHes against the platform floor (bench/floor, raw Npgsql)"
  floor_scenario patch-link-floor raw
  log "patch-link-floor-ef: the same PATCHes against the floor in EF Core mode (the API's context, reads and unit of work)"
  floor_scenario patch-link-floor-ef ef
}

# floor_scenario <scenario> <mode>: the wrk runs of patch_link_phase (same script, links, snapshots, warm-up and
# duration) against a fresh floor app in <mode>. run_wrk targets $API_URL and measures the CPU of $API_PID: both
# point at the floor app for the phase. Its ratio is to patch-link's pgbench at the same client count (py/targets.py).
floor_scenario() {
  local scenario=$1 mode=$2
  floor_start "$mode"
  FLOOR_SAVED_API_PID="$API_PID" FLOOR_SAVED_API_URL="$API_URL"
  API_PID="$FLOOR_PID" API_URL="$FLOOR_URL"
  local n phase seconds warmup=$((WARMUP * 3))
  for n in $CLIENTS; do
    for phase in warmup measure; do
      # A fresh process: its first warm-up is three times longer, as the API's first measurement's is.
      if [ "$phase" = warmup ]; then seconds=$warmup; warmup="$WARMUP"; else seconds="$DURATION"; fi
      [ "$seconds" = 0 ] && continue
      sql "SELECT k.id || ' \"' || l.version || '\"' FROM bench.link_keys k JOIN links l ON l.tenant_id = '$TENANT' AND l.id = k.id ORDER BY k.n" \
        >"$BENCH_TMP/links-current.txt"
      db_snapshot
      # Threads as in patch_link_phase.
      run_wrk "$scenario" "If-Match" "$n" "$(wrk_threads "$n")" "$seconds" "$phase" \
        patch-link.lua BENCH_LINKS="$BENCH_TMP/links-current.txt" BENCH_NONCE="$(random_hex 4)"
      db_snapshot
    done
  done
  floor_stop
}
