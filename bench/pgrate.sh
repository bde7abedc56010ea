#!/usr/bin/env bash
# Is PostgreSQL's extra CPU per request the API's SQL, or the API's lower rate? For one scenario with a pgbench
# twin, alternating rounds of: the API (wrk, 8 clients), pgbench with the same SQL flat out, and pgbench with the
# same SQL held to the API's own rate of that round (-R). Each prints PostgreSQL's CPU per request (per
# transaction). If pgbench at the API's rate costs PostgreSQL what the API costs it, the statements are the same
# work and the difference is what a lower rate costs per commit (fewer commits share a WAL flush, more wake-ups).
#
#   bench/pgrate.sh [create-contact] [--rounds N] [--seconds S]
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
source "$BENCH_DIR/lib/all.sh"

SCENARIO=create-contact ROUNDS=4 ROUND_SECONDS=10 CLIENTS_N=8 CONFIGURATION=Release WARMUP_API=40
while [ $# -gt 0 ]; do
  case "$1" in
    create-contact) SCENARIO="$1" ;;
    --rounds) ROUNDS="$2"; shift ;;
    --seconds) ROUND_SECONDS="$2"; shift ;;
    -h|--help) sed -n '2,8p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done

quick_seed_sizes
TENANT=bench WARMUP=0 NO_BUILD=0
teardown() {
  api_stop
  cluster_stop
}
bench_workspace pgrate

ensure_tools
api_build
cluster_start
api_start
sql_file "$BENCH_DIR/sql/setup.sql"
warmup_phase
TOKEN="$(mint_token "$TENANT")"

# last_measured <type>: "req/s PG-µs/request" of the last measurement of that type (api, pgbench, pgbench-at-rate).
last_measured() {
  python3 "$BENCH_DIR/py/measured.py" --results "$RESULTS" --type "$1" --scenario "$SCENARIO" --clients "$CLIENTS_N"
}

# api_round: one wrk run of the scenario.
api_round() {
  run_wrk "$SCENARIO" POST "$CLIENTS_N" 2 "$ROUND_SECONDS" measure create-contact.lua BENCH_NONCE="$(random_hex 4)" >/dev/null 2>&1
}

# pgbench_flat <phase>: pgbench with the same SQL flat out (run.sh's runner, so the same options and CPU accounting).
pgbench_flat() {
  run_pgbench "$SCENARIO" "$CLIENTS_N" "$ROUND_SECONDS" "$1" "$SCENARIO.pgbench"
  pgbench_result "$SCENARIO" "$CLIENTS_N" measure "$(pgbench_dir "$SCENARIO" "$CLIENTS_N" "$1")" 2>/dev/null
}

api_round; pgbench_flat warm
{
  echo "| round | run | tx/s | PostgreSQL CPU µs per request (tx) |"
  echo "|--:|---|--:|--:|"
  for round in $(seq 1 "$ROUNDS"); do
    api_round
    read -r rate pg < <(last_measured api)
    echo "| $round | the API | $rate | $pg |"
    pgbench_flat "round-$round-flat"
    read -r tps pg < <(last_measured pgbench)
    echo "| $round | pgbench, flat out | $tps | $pg |"
    # Held to the rate of this round's API measurement (pgbench_at_rate reads it from the results).
    pgbench_at_rate "$SCENARIO" "$CLIENTS_N" "$ROUND_SECONDS" "round-$round-rate" "$SCENARIO.pgbench" 2>/dev/null
    read -r tps pg < <(last_measured pgbench-at-rate)
    echo "| $round | pgbench at the API's rate (-R $rate) | $tps | $pg |"
  done
} | tee "$BENCH_TMP/table.md"
OUT="$BENCH_DIR/results/pgrate-$SCENARIO-$(git -C "$ROOT" rev-parse --short HEAD).md"
{
  echo "# PostgreSQL CPU per request: \`$SCENARIO\`, the API against pgbench at its own rate ($CLIENTS_N clients)"
  echo
  echo "$ROUNDS rounds of ${ROUND_SECONDS} s each; load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  cat "$BENCH_TMP/table.md"
} >"$OUT"
log "wrote $OUT"
