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

# pg_cpu_ticks: PostgreSQL's CPU ticks so far (all its processes).
pg_cpu_ticks() { cpu_ticks | python3 -c 'import json,sys; print(json.load(sys.stdin)["pg"])'; }

# pgbench_round <label> [pgbench options]: one pgbench run; prints "label tx/s PG-µs/tx".
pgbench_round() {
  local label=$1 before after out="$BENCH_TMP/pgbench.out"
  shift
  before=$(pg_cpu_ticks)
  pgbench -n -M prepared -c "$CLIENTS_N" -j 2 -T "$ROUND_SECONDS" "$@" -D tenant="$TENANT" \
    -f "$BENCH_DIR/sql/$SCENARIO.pgbench" linkage >"$out" 2>&1 || { cat "$out" >&2; die "pgbench"; }
  after=$(pg_cpu_ticks)
  python3 - "$label" "$out" "$before" "$after" <<'EOF'
import os, re, sys
label, out, before, after = sys.argv[1], open(sys.argv[2]).read(), int(sys.argv[3]), int(sys.argv[4])
tx = int(re.search(r"number of transactions actually processed: (\d+)", out).group(1))
tps = float(re.search(r"tps = ([\d.]+)", out).group(1))
print(f"{label} {tps:.0f} {(after - before) / os.sysconf('SC_CLK_TCK') * 1e6 / tx:.0f}")
EOF
}

# api_round: one wrk run of the scenario; prints "api req/s PG-µs/request".
api_round() {
  run_wrk "$SCENARIO" POST "$CLIENTS_N" 2 "$ROUND_SECONDS" measure create-contact.lua BENCH_NONCE="$(random_hex 4)" >/dev/null 2>&1
  tail -n 2 "$RESULTS" | python3 -c '
import json, sys
api, cpu = [json.loads(l) for l in sys.stdin]
pg = (cpu["after"]["pg"] - cpu["before"]["pg"]) / cpu["after"]["hz"] * 1e6 / api["requests"]
print("api %.0f %.0f" % (api["requests"] / api["seconds"], pg))'
}

api_round >/dev/null; pgbench_round warm >/dev/null
{
  echo "| round | run | tx/s | PostgreSQL CPU µs per request (tx) |"
  echo "|--:|---|--:|--:|"
  for round in $(seq 1 "$ROUNDS"); do
    read -r _ rate pg < <(api_round)
    echo "| $round | the API | $rate | $pg |"
    read -r _ tps pg < <(pgbench_round flat)
    echo "| $round | pgbench, flat out | $tps | $pg |"
    read -r _ tps pg < <(pgbench_round rate -R "$rate")
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
