# Build, start and stop the API process under test (sourced by run.sh).

api_build() {
  API_DLL="$ROOT/src/Api/bin/$CONFIGURATION/net10.0/Linkage.Api.dll"
  if [ "$NO_BUILD" = 1 ]; then
    [ -f "$API_DLL" ] || die "--no-build: $API_DLL does not exist"
    return 0
  fi
  log "building the API ($CONFIGURATION)"
  dotnet build "$ROOT/src/Api/Linkage.Api.csproj" -c "$CONFIGURATION" -nologo -v quiet >"$BENCH_TMP/build.log" 2>&1 \
    || { tail -30 "$BENCH_TMP/build.log" >&2; die "dotnet build src/Api"; }
}

# Starts the API in Production with logging at Warning, so log lines are not what is measured, and a rate limit that
# one actor's load never reaches (the limiter still counts every request, in this process: no Redis).
# Extra NAME=VALUE arguments are added to its environment (e.g. an EF command log for --capture-sql).
# API_STARTUP_S: seconds from the launch of the run's first API process to its first 200 from /health/ready (polled
# every 0.1 s), which also covers the migrations when the database is empty.
api_start() {
  API_PORT="$(free_port)"
  API_URL="http://127.0.0.1:$API_PORT"
  SIGNING_KEY="${SIGNING_KEY:-$(random_hex 32)}"  # kept when set: bench/ab.sh runs two APIs with one key
  log "starting the API on $API_URL"
  local launched; launched="$(date +%s.%N)"
  env ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="$API_URL" \
    ConnectionStrings__Linkage="$CONNECTION_STRING" \
    Database__MigrateOnStartup=true \
    Auth__SigningKey="$SIGNING_KEY" \
    Serilog__MinimumLevel__Default=Warning \
    RateLimits__PerActorPerMinute=1000000000 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    "$@" \
    dotnet "$API_DLL" >"${API_LOG:-$BENCH_TMP/api.log}" 2>&1 &
  API_PID=$!
  local i
  for i in $(seq 1 600); do
    if ! kill -0 "$API_PID" 2>/dev/null; then tail -30 "${API_LOG:-$BENCH_TMP/api.log}" >&2; die "the API exited at start-up"; fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$API_URL/health/ready")" = 200 ]; then
      # The first start of a run (the report's start-up time: on an empty database, so the migrations included).
      API_STARTUP_S="${API_STARTUP_S:-$(python3 -c "print(f'{$(date +%s.%N) - $launched:.2f}')")}"
      return 0
    fi
    sleep 0.1
  done
  die "the API was not ready after 60 s (log: $BENCH_TMP/api.log)"
}

# Peak resident set size of the API process in MiB (VmHWM), read before it stops.
api_peak_rss_mib() {
  awk '/^VmHWM:/ { printf "%.0f\n", $2 / 1024 }' "/proc/$API_PID/status" 2>/dev/null || echo "?"
}

# api_rss_mark <phase>: one result line {"type":"rss","phase","peakMiB","currentMiB","reset"} with the API's peak resident
# set size since the previous mark (or its start) and its size now, then the peak reset to the size now (writing 5 to
# /proc/<pid>/clear_refs, Linux 4.0 and later), so that each mark holds the peak of its own phase only and the run's peak
# is the largest of them (py/report.py). Where the reset is refused ("reset": false) the peaks are cumulative.
api_rss_mark() {
  local status="/proc/$API_PID/status" peak now reset=true
  [ -r "$status" ] || return 0
  peak="$(awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "$status")"
  now="$(awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "$status")"
  api_rss_reset || reset=false
  record "{\"type\":\"rss\",\"phase\":\"$1\",\"peakMiB\":$peak,\"currentMiB\":$now,\"reset\":$reset}"
}

# api_rss_reset: the API's peak RSS (VmHWM) reset to its size now (writing 5 to /proc/<pid>/clear_refs); fails where
# the kernel refuses.
api_rss_reset() { { echo 5 >"/proc/$API_PID/clear_refs"; } 2>/dev/null; }

api_stop() {
  [ -n "${API_PID:-}" ] || return 0
  local pid="$API_PID"; API_PID=""
  stop_pid "$pid" "the API"
}
