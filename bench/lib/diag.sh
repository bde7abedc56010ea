# Diagnostics of the running API ($API_PID) over a window of one scenario's load (sourced by profile.sh and
# allocations.sh). Each diag_* collector runs in the foreground for <seconds> + 1 s, so that it covers the load.

diag_duration() { printf '00:00:00:%02d' "$(($1 + 1))"; }

# diag_counters <seconds> <out.json>: the runtime's counters (System.Runtime), one value a second.
diag_counters() {
  (cd "$ROOT" && dotnet dotnet-counters collect -p "$API_PID" --counters System.Runtime --format json \
    --refresh-interval 1 --duration "$(diag_duration "$1")" -o "$2")
}

# diag_trace <seconds> <out.nettrace> <dotnet-trace options...>: an EventPipe trace (e.g. --profile ...).
diag_trace() {
  local seconds=$1 out=$2
  shift 2
  (cd "$ROOT" && dotnet dotnet-trace collect -p "$API_PID" "$@" --duration "$(diag_duration "$seconds")" -o "$out")
}

# diag_perf <seconds> <perf.data>: an on-CPU profile with call graphs, 199 Hz.
diag_perf() { perf record -F 199 -g -p "$API_PID" -o "$2" -- sleep "$(($1 + 1))"; }

# under_load <scenario> <clients> <seconds> <window.jsonl> <collector command...>: starts the collector in the
# background, then one scenario_run of <seconds>, whose result lines (the wrk result and the API's CPU ticks) are
# copied to <window.jsonl>; waits for the collector and fails with its log if it failed.
under_load() {
  local scenario=$1 clients=$2 seconds=$3 window=$4
  shift 4
  local log="${window%.jsonl}.log" collector before
  "$@" >"$log" 2>&1 &
  collector=$!
  sleep 0.5
  before="$(wc -l <"$RESULTS")"
  scenario_run "$scenario" "$clients" "$seconds"
  tail -n +"$((before + 1))" "$RESULTS" >"$window"
  wait "$collector" || { cat "$log" >&2; die "$1 ($scenario)"; }
}

# alloc_build: builds bench/alloc, the reader of allocation samples in a .nettrace (ALLOC_DLL).
alloc_build() {
  ALLOC_DLL="$ROOT/bench/alloc/bin/Release/net10.0/Linkage.Bench.Alloc.dll"
  if [ "$NO_BUILD" = 1 ] && [ -f "$ALLOC_DLL" ]; then return 0; fi
  log "building bench/alloc"
  dotnet build "$ROOT/bench/alloc/Linkage.Bench.Alloc.csproj" -c Release -nologo -v quiet >"$BENCH_TMP/alloc-build.log" 2>&1 \
    || { tail -30 "$BENCH_TMP/alloc-build.log" >&2; die "dotnet build bench/alloc"; }
}

# alloc_samples <trace.nettrace> <samples.tsv>: the trace's allocation samples, one line each (bench/alloc/Program.cs).
alloc_samples() {
  dotnet "$ALLOC_DLL" "$1" "$2" >"$BENCH_TMP/alloc-read.log" 2>&1 || { cat "$BENCH_TMP/alloc-read.log" >&2; die "bench/alloc $1"; }
  log "$(tail -n 1 "$BENCH_TMP/alloc-read.log")"
}
