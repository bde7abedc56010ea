#!/usr/bin/env bash
# Where the API's CPU, or its allocations, go for one request kind under load: profiles of the API while wrk sends
# that request at 8 clients, after the same whole-API warm-up and a quick-sized seed as bench/run.sh.
#
#   bench/profile.sh [patch-link|create-contact|upsert-link|patch-typed-link|events-page] [--allocations] [--seconds S]
#                    [--api-warmup S] [--clients N] [--events N] [--keep] [--no-build]
#
# events-page reads pages of 100 events of a feed of --events events (default 10 000), bulk-inserted as bench/ab.sh does.
#
# CPU (the default): writes bench/results/profile-<scenario>-<commit>.md: the API's CPU per request over the traced
# window, the share of on-CPU samples per layer (py/profile.py: a sample counts for every layer on its stack) and the
# top frames by exclusive and inclusive time (`dotnet-trace report topN`).
# --allocations: writes bench/results/allocprofile-<scenario>-<commit>.md: one window under dotnet-trace's gc-verbose
# profile (an allocation sample with its stack every ~100 KB) and dotnet-counters, read by bench/alloc and summed by
# py/allocprofile.py in KiB per request by type, by allocating frame and by layer.
# The trace itself stays in the temporary directory with --keep (open it in PerfView or, converted with
# `dotnet-trace convert --format Speedscope`, in speedscope). Needs the dotnet tools of the repository's manifest
# (`dotnet tool restore`).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
source "$BENCH_DIR/lib/all.sh"

SCENARIO=patch-link SECONDS_TRACED=20 WARMUP_API=40 CLIENTS_TRACED=8 KEEP=0 NO_BUILD=0 CONFIGURATION=Release ALLOCATIONS=0
EVENTS_SIZE=10000
while [ $# -gt 0 ]; do
  case "$1" in
    patch-link|create-contact|upsert-link|patch-typed-link|events-page) SCENARIO="$1" ;;
    --allocations) ALLOCATIONS=1 ;;
    --seconds) SECONDS_TRACED="$2"; shift ;;
    --api-warmup) WARMUP_API="$2"; shift ;;
    --clients) CLIENTS_TRACED="$2"; shift ;;
    --events) EVENTS_SIZE="$2"; shift ;;
    --keep) KEEP=1 ;;
    --no-build) NO_BUILD=1 ;;
    -h|--help) sed -n '2,18p' "${BASH_SOURCE[0]}"; exit 0 ;;
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
(cd "$ROOT" && dotnet tool restore >/dev/null) || die "dotnet tool restore"
if [ "$ALLOCATIONS" = 1 ]; then
  alloc_build
  api_build
  cluster_start
  api_start
else
  command -v perf >/dev/null 2>&1 || die "perf is missing (apt-get install -y linux-perf)"
  api_build
  cluster_start
  # The runtime writes /tmp/perf-<pid>.map, so that perf names the JIT-compiled frames (found only when the code is
  # not double-mapped for W^X, hence EnableWriteXorExecute=0 for this process).
  api_start DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
fi
sql_file "$BENCH_DIR/sql/setup.sql"
warmup_phase
seed_tenant
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src || echo '+dirty')"

scenario_tables "$SCENARIO"
window() { under_load "$SCENARIO" "$CLIENTS_TRACED" "$SECONDS_TRACED" "$BENCH_TMP/$1-window.jsonl" "${@:2}"; }

if [ "$ALLOCATIONS" = 1 ]; then
  log "$SCENARIO: 10 s of load, then ${SECONDS_TRACED} s under dotnet-trace (gc-verbose) and dotnet-counters, at $CLIENTS_TRACED clients"
  scenario_run "$SCENARIO" "$CLIENTS_TRACED" 10
  # The hosting's Request/Stop events count the requests inside the trace itself, whatever its start-up delay.
  both() {
    diag_trace "$SECONDS_TRACED" "$BENCH_TMP/alloc.nettrace" --profile gc-verbose --providers Microsoft.AspNetCore.Hosting &
    local trace=$!
    diag_counters "$SECONDS_TRACED" "$BENCH_TMP/counters.json" && wait "$trace"
  }
  window alloc both
  OUT="$BENCH_DIR/results/allocprofile-$SCENARIO-$COMMIT.md"
  alloc_samples "$BENCH_TMP/alloc.nettrace" "$BENCH_TMP/alloc-samples.tsv"
  python3 "$BENCH_DIR/py/allocprofile.py" --samples "$BENCH_TMP/alloc-samples.tsv" --window "$BENCH_TMP/alloc-window.jsonl" \
    --counters "$BENCH_TMP/counters.json" --scenario "$SCENARIO" --commit "$COMMIT" --clients "$CLIENTS_TRACED" >"$OUT"
  log "wrote $OUT"
  cat "$OUT"
  exit 0
fi

log "$SCENARIO: 10 s of load, then ${SECONDS_TRACED} s under perf, then ${SECONDS_TRACED} s under dotnet-trace, at $CLIENTS_TRACED clients"
scenario_run "$SCENARIO" "$CLIENTS_TRACED" 10
PERF_DATA="$BENCH_TMP/perf.data"
window perf diag_perf "$SECONDS_TRACED" "$PERF_DATA"  # the wrk result and CPU ticks of perf's window
perf script -i "$PERF_DATA" -F comm,tid,period,ip,sym,dso 2>/dev/null >"$BENCH_TMP/perf.txt" || die "perf script"

TRACE="$BENCH_TMP/api.nettrace"
window trace diag_trace "$SECONDS_TRACED" "$TRACE" --profile dotnet-sampled-thread-time
(cd "$ROOT" && dotnet dotnet-trace report "$TRACE" topN -n 30 >"$BENCH_TMP/top-exclusive.txt" 2>&1 \
  && dotnet dotnet-trace report "$TRACE" topN -n 60 --inclusive >"$BENCH_TMP/top-inclusive.txt" 2>&1) \
  || { cat "$BENCH_TMP/top-exclusive.txt" "$BENCH_TMP/top-inclusive.txt" >&2; die "dotnet-trace report"; }

# The runtime's counters (allocations, GCs, thread pool, locks) over a third window, per request in the report.
window counters diag_counters "$SECONDS_TRACED" "$BENCH_TMP/counters.json"

OUT="$BENCH_DIR/results/profile-$SCENARIO-$COMMIT.md"
python3 "$BENCH_DIR/py/profile.py" --window "$BENCH_TMP/perf-window.jsonl" --perf "$BENCH_TMP/perf.txt" \
  --counters "$BENCH_TMP/counters.json" --counters-window "$BENCH_TMP/counters-window.jsonl" \
  --scenario "$SCENARIO" --commit "$COMMIT" --clients "$CLIENTS_TRACED" \
  --exclusive "$BENCH_TMP/top-exclusive.txt" --inclusive "$BENCH_TMP/top-inclusive.txt" >"$OUT"
log "wrote $OUT"
cat "$OUT"
