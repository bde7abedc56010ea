#!/usr/bin/env bash
# Before/after of one change, resolved against the machine's noise: two builds of the API (a git ref, default
# HEAD~1, and the working tree) on one PostgreSQL cluster and one seeded tenant, measured in alternating rounds
# (A B B A A B ...), so a drift of the shared machine's speed lands on both. Each round is one wrk run of the
# scenario at 8 clients; the figure is the API's CPU per request (and PostgreSQL's), which is what a change to
# the code moves, with the throughput beside it.
# events-page (the change feed's page of 100 events after a random cursor) is measured at each feed size of --events in
# turn (default 10 000 then 1 000 000, bulk-inserted into a tenant of its own), the rounds of each size alternating
# as above; it skips the whole-API warm-up and the seed (its read path is warmed by longer uncounted rounds instead).
#
#   bench/ab.sh [patch-link|create-contact|upsert-link|patch-typed-link|events-page] [--base REF] [--rounds N]
#               [--seconds S] [--clients N] [--events "10000 1000000"]
#
# Prints and writes bench/results/ab-<scenario>-<base>-<head>.md: every round, the medians, and B ÷ A.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
source "$BENCH_DIR/lib/all.sh"

SCENARIO=patch-link BASE=HEAD~1 ROUNDS=6 ROUND_SECONDS=10 CLIENTS_AB=8 CONFIGURATION=Release WARMUP_API=40
EVENTS_SIZES="10000 1000000"
while [ $# -gt 0 ]; do
  case "$1" in
    patch-link|create-contact|upsert-link|patch-typed-link|events-page) SCENARIO="$1" ;;
    --base) BASE="$2"; shift ;;
    --rounds) ROUNDS="$2"; shift ;;
    --seconds) ROUND_SECONDS="$2"; shift ;;
    --clients) CLIENTS_AB="$2"; shift ;;
    --events) EVENTS_SIZES="$2"; shift ;;
    -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done

quick_seed_sizes
TENANT=bench WARMUP=0 NO_BUILD=0

A_PID="" B_PID=""
teardown() {
  local pid
  for pid in $A_PID $B_PID; do stop_pid "$pid" "an API"; done
  API_PID=""
  cluster_stop
  git -C "$ROOT" worktree remove --force "$BENCH_TMP/base" >/dev/null 2>&1 || true
}
bench_workspace ab

ensure_tools
BASE_COMMIT="$(git -C "$ROOT" rev-parse --short "$BASE")"
HEAD_LABEL="$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src || echo '+dirty')"
log "A = $BASE ($BASE_COMMIT), B = the working tree ($HEAD_LABEL)"
git -C "$ROOT" worktree add --detach "$BENCH_TMP/base" "$BASE_COMMIT" >/dev/null 2>&1 || die "git worktree add $BASE"
for tree in "$BENCH_TMP/base" "$ROOT"; do
  dotnet build "$tree/src/Api/Linkage.Api.csproj" -c "$CONFIGURATION" -nologo -v quiet >"$BENCH_TMP/build.log" 2>&1 \
    || { tail -30 "$BENCH_TMP/build.log" >&2; die "dotnet build $tree"; }
done

cluster_start
SIGNING_KEY="$(random_hex 32)"
# Both APIs share the signing key, so one token serves both; A starts first and migrates, B applies what is new.
start_one() {
  API_DLL="$1/src/Api/bin/$CONFIGURATION/net10.0/Linkage.Api.dll" API_LOG="$BENCH_TMP/api-$2.log"
  api_start
}
start_one "$BENCH_TMP/base" A; A_PID=$API_PID A_URL=$API_URL
start_one "$ROOT" B; B_PID=$API_PID B_URL=$API_URL
use() { if [ "$1" = A ]; then API_PID=$A_PID API_URL=$A_URL; else API_PID=$B_PID API_URL=$B_URL; fi; }
sql_file "$BENCH_DIR/sql/setup.sql"
one_round() { scenario_run "$SCENARIO" "$CLIENTS_AB" "${1:-$ROUND_SECONDS}"; }

# A warm-up round each, not counted, then the rounds in the order A B B A A B B A ..., each after a marker line
# (py/ab.py reads a round as the marker and the result and CPU lines after it; the variant tells a feed size apart).
ab_rounds() {
  local variant=$1 warm=$2 round build order
  use A; one_round "$warm"; use B; one_round "$warm"
  for round in $(seq 1 "$ROUNDS"); do
    if [ $((round % 2)) = 1 ]; then order="A B"; else order="B A"; fi
    for build in $order; do
      use "$build"
      printf '{"type":"ab","build":"%s","round":%s,"variant":"%s"}\n' "$build" "$round" "$variant" >>"$RESULTS"
      one_round
    done
  done
}

if [ "$SCENARIO" = events-page ]; then
  # The first size's warm-up rounds are longer: the read path is not in the whole-API warm-up, and the JIT's tiering of it
  # must not land in the counted rounds.
  warm=$((ROUND_SECONDS * 3))
  for EVENTS_SIZE in $EVENTS_SIZES; do
    scenario_tables events-page
    ab_rounds "$(fmt_int "$EVENTS_SIZE") events" "$warm"
    warm=$ROUND_SECONDS
  done
else
  use A; warmup_phase
  use B; warmup_phase
  seed_tenant
  scenario_tables "$SCENARIO"
  ab_rounds "" "$ROUND_SECONDS"
fi

use A; RSS="A $(api_peak_rss_mib) MiB"; use B; RSS="$RSS, B $(api_peak_rss_mib) MiB"
OUT="$BENCH_DIR/results/ab-$SCENARIO-$BASE_COMMIT-$HEAD_LABEL.md"
python3 "$BENCH_DIR/py/ab.py" --results "$RESULTS" --scenario "$SCENARIO" --clients "$CLIENTS_AB" \
  --a "$BASE ($BASE_COMMIT)" --b "working tree ($HEAD_LABEL)" --load "$(cut -d' ' -f1-3 /proc/loadavg)" --rss "$RSS" >"$OUT"
log "wrote $OUT"
cat "$OUT"
