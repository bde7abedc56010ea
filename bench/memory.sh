#!/usr/bin/env bash
# Where the API's resident memory goes (issue 30: peak RSS < 300 MiB). One API process goes through start-up, the
# whole-API warm-up and events-page (the phase that sets a full run's peak) at 8 and 32 clients. After each step its
# resident set is split by kind (/proc/<pid>/status): mapped files (the assemblies and native libraries), shared memory
# (the runtime's executable memory, JIT-compiled code and stubs, which W^X maps twice from a memfd) and anonymous memory
# (the GC heap, the loader heaps' data, thread stacks, native allocations). The GC's own counters (dotnet-counters,
# System.Runtime) run over the whole: its largest committed size, each generation's size and GCs per second.
#
#   bench/memory.sh [--label L] [--dll PATH] [--api-warmup S] [NAME=VALUE ...]
#
# NAME=VALUE go into the API's environment, to compare runtime knobs (e.g. DOTNET_gcServer=0); --dll runs another build
# of the API (e.g. a ReadyToRun publish). Writes bench/results/memory-<commit>-<label>.md. One pass takes ~3.5 min; the
# peaks of two passes of one build differ by up to ~20 MiB, so compare knobs over more than one pass each.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
source "$BENCH_DIR/lib/all.sh"

LABEL=default DLL="" WARMUP_API=60 NO_BUILD=0 CONFIGURATION=Release
API_ENV=()
while [ $# -gt 0 ]; do
  case "$1" in
    --label) LABEL="$2"; shift ;;
    --dll) DLL="$2"; shift ;;
    --api-warmup) WARMUP_API="$2"; shift ;;
    -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *=*) API_ENV+=("$1") ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done
[[ "$LABEL" =~ ^[a-z0-9-]+$ ]] || die "--label: lower-case letters, digits and hyphens"

quick_seed_sizes
TENANT=bench DURATION=10 WARMUP=2 EVENTS_SIZE=10000

COUNTERS_PID=""
teardown() {
  [ -n "$COUNTERS_PID" ] && stop_pid "$COUNTERS_PID" "dotnet-counters"
  api_stop
  cluster_stop
}
bench_workspace memory

ensure_tools
(cd "$ROOT" && dotnet tool restore >/dev/null) || die "dotnet tool restore"
api_build
if [ -n "$DLL" ]; then
  [ -f "$DLL" ] || die "--dll: $DLL does not exist"
  API_DLL="$DLL"
fi
cluster_start
api_start "${API_ENV[@]}"
sql_file "$BENCH_DIR/sql/setup.sql"

# memory_step <step>: one result line {"type":"memory","step",...} with the process's resident set by kind (MiB) and
# its peak since the previous step, then the peak reset (as lib/api.sh api_rss_mark does).
memory_step() {
  local status="/proc/$API_PID/status"
  record "$(awk -v step="$1" '
    /^VmHWM:/ { hwm = $2 } /^VmRSS:/ { rss = $2 } /^RssAnon:/ { anon = $2 } /^RssFile:/ { file = $2 }
    /^RssShmem:/ { shmem = $2 } /^Threads:/ { threads = $2 }
    END { printf "{\"type\":\"memory\",\"step\":\"%s\",\"peakMiB\":%.1f,\"rssMiB\":%.1f,\"anonMiB\":%.1f,\"fileMiB\":%.1f,\"shmemMiB\":%.1f,\"threads\":%d}",
      step, hwm / 1024, rss / 1024, anon / 1024, file / 1024, shmem / 1024, threads }' "$status")"
  api_rss_reset || true
}

(cd "$ROOT" && exec dotnet dotnet-counters collect -p "$API_PID" --counters System.Runtime --format csv \
  --refresh-interval 1 --duration 00:00:30:00 -o "$BENCH_TMP/counters.csv") >"$BENCH_TMP/counters.log" 2>&1 &
COUNTERS_PID=$!
memory_step "start-up and migrations"
warmup_phase
memory_step "whole-API warm-up"

TOKEN="$(mint_token "$EVENTS_TENANT")"
events_fill "$EVENTS_SIZE"
events_cursors "$EVENTS_SIZE" "$BENCH_TMP/events-cursors.txt"
for clients in 8 32; do
  measure_api events-page memory "$clients" "$(wrk_threads "$clients")" events-page.lua \
    BENCH_CURSORS="$BENCH_TMP/events-cursors.txt"
  memory_step "events-page, $(fmt_int "$EVENTS_SIZE") events, $clients clients"
done
stop_pid "$COUNTERS_PID" "dotnet-counters"
COUNTERS_PID=""

COMMIT="$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src || echo '+dirty')"
OUT="$BENCH_DIR/results/memory-$COMMIT-$LABEL.md"
python3 "$BENCH_DIR/py/memory_kinds.py" --results "$RESULTS" --counters "$BENCH_TMP/counters.csv" \
  --title "$COMMIT, $LABEL" --dll "$(basename "$(dirname "$API_DLL")")/$(basename "$API_DLL")" \
  --env "${API_ENV[*]:-}" --load "$(cut -d' ' -f1-3 /proc/loadavg)" >"$OUT"
log "wrote $OUT"
cat "$OUT"
