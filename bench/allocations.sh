#!/usr/bin/env bash
# What the API allocates per request for each write scenario (issue 30: at most 64 KiB per PATCH): the runtime's
# counters (dotnet-counters, System.Runtime) over a window of load of each scenario in turn, against one API process,
# after the same whole-API warm-up and quick-sized seed as bench/profile.sh. Allocations per request hardly move with
# the machine's load, unlike CPU figures.
#
#   bench/allocations.sh [--seconds S] [--api-warmup S] [--clients N]
#
# Writes bench/results/allocations-<commit>.md. Needs the dotnet tools of the repository's manifest.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
source "$BENCH_DIR/lib/all.sh"

SECONDS_COUNTED=15 WARMUP_API=40 CLIENTS_COUNTED=8 NO_BUILD=0 CONFIGURATION=Release AIM_KIB=64
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) SECONDS_COUNTED="$2"; shift ;;
    --api-warmup) WARMUP_API="$2"; shift ;;
    --clients) CLIENTS_COUNTED="$2"; shift ;;
    -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done

quick_seed_sizes
TENANT=bench WARMUP=0 DURATION="$SECONDS_COUNTED"

teardown() {
  api_stop
  cluster_stop
}
bench_workspace allocations

ensure_tools
(cd "$ROOT" && dotnet tool restore >/dev/null) || die "dotnet tool restore"
api_build
cluster_start
api_start
sql_file "$BENCH_DIR/sql/setup.sql"
warmup_phase
seed_tenant
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src || echo '+dirty')"

REPORT_ARGS=()
for scenario in $SCENARIOS_ONE; do
  scenario_tables "$scenario"
  log "$scenario: 5 s of load, then ${SECONDS_COUNTED} s counted, at $CLIENTS_COUNTED clients"
  scenario_run "$scenario" "$CLIENTS_COUNTED" 5
  under_load "$scenario" "$CLIENTS_COUNTED" "$SECONDS_COUNTED" "$BENCH_TMP/window-$scenario.jsonl" \
    diag_counters "$SECONDS_COUNTED" "$BENCH_TMP/counters-$scenario.json"
  REPORT_ARGS+=("$scenario=$BENCH_TMP/counters-$scenario.json,$BENCH_TMP/window-$scenario.jsonl")
done

OUT="$BENCH_DIR/results/allocations-$COMMIT.md"
(cd "$BENCH_DIR/py" && python3 allocations.py "$COMMIT" "$CLIENTS_COUNTED" "$AIM_KIB" "${REPORT_ARGS[@]}") >"$OUT"
log "wrote $OUT"
cat "$OUT"
