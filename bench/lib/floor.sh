# The platform floor (bench/floor): the cheapest ASP.NET Core process with patch-link's HTTP exchange and SQL,
# measured exactly like patch-link as scenario patch-link-floor (sourced by run.sh; --floor, or a full run).

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

# Starts the floor app on a free port; ready when it answers a PATCH without If-Match with 428.
floor_start() {
  FLOOR_URL="http://127.0.0.1:$(free_port)"
  log "starting the floor app on $FLOOR_URL"
  env ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="$FLOOR_URL" \
    ConnectionStrings__Linkage="$CONNECTION_STRING" \
    FLOOR_TENANT="$TENANT" \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    dotnet "$FLOOR_DLL" >"$BENCH_TMP/floor.log" 2>&1 &
  FLOOR_PID=$!
  local i ready=0 probe="$FLOOR_URL/api/v1/network/links/00000000-0000-0000-0000-000000000000"
  for i in $(seq 1 120); do
    if ! kill -0 "$FLOOR_PID" 2>/dev/null; then tail -30 "$BENCH_TMP/floor.log" >&2; die "the floor app exited at start-up"; fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' -X PATCH "$probe")" = 428 ]; then ready=1; break; fi
    sleep 0.5
  done
  [ "$ready" = 1 ] || die "the floor app was not ready after 60 s (log: $BENCH_TMP/floor.log)"
  # One read through the database (an unknown link): 404 says the connection string and the schema are right.
  local status
  status="$(curl -s -o "$BENCH_TMP/floor-probe.json" -w '%{http_code}' -X PATCH -H 'If-Match: "1"' \
    -H 'Content-Type: application/json' --data '{"jobTitle":"probe"}' "$probe")"
  [ "$status" = 404 ] || { cat "$BENCH_TMP/floor-probe.json" >&2; tail -30 "$BENCH_TMP/floor.log" >&2; die "the floor app answered $status, not 404, for an unknown link"; }
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

# patch-link-floor: the wrk runs of patch_link_phase (same script, links, snapshots, warm-up and duration)
# against the floor app. run_wrk targets $API_URL and measures the CPU of $API_PID: both point at the floor
# app for the phase. Its ratio is to patch-link's pgbench at the same client count (py/report.py).
floor_phase() {
  if [ ! -s "$BENCH_TMP/link-ids.txt" ]; then
    log "patch-link-floor: SKIPPED: patch-link did not run (no links)"
    record "{\"type\":\"skipped\",\"scenario\":\"patch-link-floor\",\"reason\":\"patch-link did not run (no links)\"}"
    return 0
  fi
  log "patch-link-floor: the same PATCHes against the platform floor (bench/floor)"
  floor_build
  floor_start
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
      run_wrk patch-link-floor "If-Match" "$n" "$(wrk_threads "$n")" "$seconds" "$phase" \
        patch-link.lua BENCH_LINKS="$BENCH_TMP/links-current.txt" BENCH_NONCE="$(random_hex 4)"
      db_snapshot
    done
  done
  floor_stop
}
