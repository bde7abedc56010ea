#!/usr/bin/env bash
# Where the API's CPU goes for one request kind under load: a sampled CPU profile (dotnet-trace) of the API while
# wrk sends that request at 8 clients, after the same whole-API warm-up and a quick-sized seed as bench/run.sh.
#
#   bench/profile.sh [patch-link|create-contact|upsert-link|patch-typed-link] [--seconds S] [--api-warmup S] [--clients N] [--keep]
#
# Writes bench/results/profile-<scenario>-<commit>.md: the API's CPU per request over the traced window, the
# share of on-CPU samples per layer (py/profile.py: a sample counts for every layer on its stack) and the top
# frames by exclusive and inclusive time (`dotnet-trace report topN`). The trace itself stays in the temporary
# directory with --keep (open it in PerfView or, converted with `dotnet-trace convert --format Speedscope`, in
# speedscope). Needs the dotnet tools of the repository's manifest (`dotnet tool restore`).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
source "$BENCH_DIR/lib/all.sh"

SCENARIO=patch-link SECONDS_TRACED=20 WARMUP_API=40 CLIENTS_TRACED=8 KEEP=0 NO_BUILD=0 CONFIGURATION=Release
while [ $# -gt 0 ]; do
  case "$1" in
    patch-link|create-contact|upsert-link|patch-typed-link) SCENARIO="$1" ;;
    --seconds) SECONDS_TRACED="$2"; shift ;;
    --api-warmup) WARMUP_API="$2"; shift ;;
    --clients) CLIENTS_TRACED="$2"; shift ;;
    --keep) KEEP=1 ;;
    --no-build) NO_BUILD=1 ;;
    -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done

quick_seed_sizes
TENANT=bench WARMUP=0 DURATION="$SECONDS_TRACED"

teardown() {
  api_stop
  cluster_stop
}
bench_workspace profile

ensure_tools
command -v perf >/dev/null 2>&1 || die "perf is missing (apt-get install -y linux-perf)"
(cd "$ROOT" && dotnet tool restore >/dev/null) || die "dotnet tool restore"
api_build
cluster_start
# The runtime writes /tmp/perf-<pid>.map, so that perf names the JIT-compiled frames (found only when the code is
# not double-mapped for W^X, hence EnableWriteXorExecute=0 for this process).
api_start DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
sql_file "$BENCH_DIR/sql/setup.sql"
warmup_phase
seed_tenant
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src || echo '+dirty')"

scenario_tables "$SCENARIO"
load() { scenario_run "$SCENARIO" "$CLIENTS_TRACED" "$1"; }

log "$SCENARIO: 10 s of load, then ${SECONDS_TRACED} s under perf, then ${SECONDS_TRACED} s under dotnet-trace, at $CLIENTS_TRACED clients"
load 10
PERF_DATA="$BENCH_TMP/perf.data"
perf record -F 199 -g -p "$API_PID" -o "$PERF_DATA" -- sleep "$((SECONDS_TRACED + 1))" >"$BENCH_TMP/perf.log" 2>&1 &
PROFILER=$!
sleep 0.5
BEFORE="$(wc -l <"$RESULTS")"
load "$SECONDS_TRACED"
tail -n +"$((BEFORE + 1))" "$RESULTS" >"$BENCH_TMP/perf-window.jsonl"  # the wrk result and CPU ticks of perf's window
wait "$PROFILER" || { cat "$BENCH_TMP/perf.log" >&2; die "perf record"; }
perf script -i "$PERF_DATA" -F comm,tid,period,ip,sym,dso 2>/dev/null >"$BENCH_TMP/perf.txt" || die "perf script"

TRACE="$BENCH_TMP/api.nettrace"
(cd "$ROOT" && dotnet dotnet-trace collect -p "$API_PID" --profile dotnet-sampled-thread-time \
  --duration "00:00:00:$(printf '%02d' $((SECONDS_TRACED + 1)))" -o "$TRACE" >"$BENCH_TMP/trace.log" 2>&1) &
PROFILER=$!
sleep 0.5
load "$SECONDS_TRACED"
wait "$PROFILER" || { cat "$BENCH_TMP/trace.log" >&2; die "dotnet-trace collect"; }
(cd "$ROOT" && dotnet dotnet-trace report "$TRACE" topN -n 30 >"$BENCH_TMP/top-exclusive.txt" 2>&1 \
  && dotnet dotnet-trace report "$TRACE" topN -n 60 --inclusive >"$BENCH_TMP/top-inclusive.txt" 2>&1) \
  || { cat "$BENCH_TMP/top-exclusive.txt" "$BENCH_TMP/top-inclusive.txt" >&2; die "dotnet-trace report"; }

# The runtime's counters (allocations, GCs, thread pool, locks) over a third window, per request in the report.
(cd "$ROOT" && dotnet dotnet-counters collect -p "$API_PID" --counters System.Runtime --format json --refresh-interval 1 \
  --duration "00:00:00:$(printf '%02d' $((SECONDS_TRACED + 1)))" -o "$BENCH_TMP/counters.json" >"$BENCH_TMP/counters.log" 2>&1) &
PROFILER=$!
sleep 0.5
BEFORE="$(wc -l <"$RESULTS")"
load "$SECONDS_TRACED"
tail -n +"$((BEFORE + 1))" "$RESULTS" >"$BENCH_TMP/counters-window.jsonl"
wait "$PROFILER" || { cat "$BENCH_TMP/counters.log" >&2; die "dotnet-counters collect"; }

OUT="$BENCH_DIR/results/profile-$SCENARIO-$COMMIT.md"
python3 "$BENCH_DIR/py/profile.py" --window "$BENCH_TMP/perf-window.jsonl" --perf "$BENCH_TMP/perf.txt" \
  --counters "$BENCH_TMP/counters.json" --counters-window "$BENCH_TMP/counters-window.jsonl" \
  --scenario "$SCENARIO" --commit "$COMMIT" --clients "$CLIENTS_TRACED" \
  --exclusive "$BENCH_TMP/top-exclusive.txt" --inclusive "$BENCH_TMP/top-inclusive.txt" >"$OUT"
log "wrote $OUT"
cat "$OUT"
