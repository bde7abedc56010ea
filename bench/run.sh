#!/usr/bin/env bash
# Linkage benchmark: the API against PostgreSQL's own limit with the same SQL, in one run (bench/README.md).
#
#   bench/run.sh                 full run: 20 s per measurement after a 5 s warm-up, 1/8/32 clients,
#                                10 000 contacts, 1 000 companies, 20 000 links, 1 024 claims with 8 192 claim links
#                                and 4 096 typed links, feeds of 10 000 and 1 000 000 events -> bench/results/<date>.md
#   bench/run.sh --quick         ~3 s per measurement, 1 s warm-up, 1/8 clients, 500/50/1 000, 128/1 024/1 024, 200 000 events
#                                -> results/quick-<date>.md
#   bench/run.sh --smoke         1 s, 1 client, tiny seed: checks the harness still works (part of the Test target)
#   bench/run.sh --capture-sql   runs each scenario's request once with the EF Core command log on and writes
#                                the SQL per request to bench/results/sql-<date>.md
# Options: --duration S, --warmup S (per measurement), --api-warmup S (every request kind once before the
#   first measurement: full 120, quick 40, smoke 0), --clients "1 8 32", --no-build, --configuration Release|Debug,
#   --keep (keep temp dir),
#   --floor / --no-floor: during patch-link, the same PATCHes against the platform floor (bench/floor: minimal API,
#   same SQL) with raw Npgsql as scenario patch-link-floor, and with the API's EF Core work as
#   patch-link-floor-ef; on by default in a full run only.
#   --pooling / --no-pooling: during patch-link, the same PATCHes against the API straight to PostgreSQL without
#   prepared statements (patch-link-unprepared) and through PgBouncer in transaction mode (patch-link-pgbouncer): what
#   transaction pooling costs (ADR 0022); on by default but in --capture-sql.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
source "$BENCH_DIR/lib/all.sh"

MODE=full DURATION="" WARMUP="" API_WARMUP="" CLIENTS="" NO_BUILD=0 CONFIGURATION=Release KEEP=0 FLOOR="" POOLING=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) MODE=quick ;;
    --smoke) MODE=smoke ;;
    --capture-sql) MODE=capture ;;
    --duration) DURATION="$2"; shift ;;
    --duration=*) DURATION="${1#*=}" ;;
    --warmup) WARMUP="$2"; shift ;;
    --warmup=*) WARMUP="${1#*=}" ;;
    --api-warmup) API_WARMUP="$2"; shift ;;
    --api-warmup=*) API_WARMUP="${1#*=}" ;;
    --clients) CLIENTS="$2"; shift ;;
    --clients=*) CLIENTS="${1#*=}" ;;
    --no-build) NO_BUILD=1 ;;
    --configuration) CONFIGURATION="$2"; shift ;;
    --configuration=*) CONFIGURATION="${1#*=}" ;;
    --keep) KEEP=1 ;;
    --floor) FLOOR=1 ;;
    --no-floor) FLOOR=0 ;;
    --pooling) POOLING=1 ;;
    --no-pooling) POOLING=0 ;;
    -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift
done

# mode: duration warmup clients contacts companies links timeline-small timeline-large depth api-warm-up
#       claims claim-links typed-links (upsert-link and patch-typed-link: claims are a multiple of every client
#       count, and claim-links a multiple of claims, so that pgbench's clients work on disjoint parents, see
#       sql/upsert-link.pgbench and sql/patch-typed-link.pgbench) events-small events-large (events-page's feed)
case "$MODE" in
  full)    set -- 20 5 "1 8 32" 10000 1000 20000 10000 1000000 5000 120 1024 8192 4096 10000 1000000 ;;
  quick)   set -- 3 1 "1 8" 500 50 1000 10000 200000 5000 40 128 1024 1024 10000 200000 ;;
  smoke)   set -- 1 0 "1" 40 8 80 2000 20000 500 0 8 32 32 2000 20000 ;;
  capture) set -- 1 0 "1" 4 2 4 200 400 50 0 2 4 2 200 400 ;;
esac
WARMUP_API="${API_WARMUP:-${10}}"
SEED_CLAIMS=${11} SEED_CLAIM_LINKS=${12} SEED_TYPED_LINKS=${13} EVENTS_SMALL=${14} EVENTS_LARGE=${15}
DURATION="${DURATION:-$1}" WARMUP="${WARMUP:-$2}" CLIENTS="${CLIENTS:-$3}"
[ "$MODE" = capture ] && FLOOR=0 POOLING=0
POOLING="${POOLING:-1}"
FLOOR="${FLOOR:-$([ "$MODE" = full ] && echo 1 || echo 0)}"
SEED_CONTACTS=$4 SEED_COMPANIES=$5 SEED_LINKS=$6 TIMELINE_SMALL=$7 TIMELINE_LARGE=$8 TIMELINE_DEPTH=$9
TENANT=bench TIMELINE_TENANT=bench-timeline
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

teardown() {
  pooling_stop
  floor_stop
  api_stop
  cluster_stop
}
bench_workspace bench

ensure_tools
api_build
[ "$FLOOR" = 1 ] && floor_build
# --capture-sql also counts what the server executed (pg_stat_statements); measurements run without it.
[ "$MODE" = capture ] && CLUSTER_EXTRA_CONF="shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track_utility = on"
cluster_start
DATE="$(date -u +%Y-%m-%d)"
STARTED="$(date -u +'%Y-%m-%d %H:%M UTC')"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD -- src 2>/dev/null || echo ' + uncommitted changes in src/')"

if [ "$MODE" = capture ]; then
  api_start "Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command=Information"
  sql_file "$BENCH_DIR/sql/setup.sql"
  capture_sql "$BENCH_DIR/results/sql-$DATE.md"
  exit 0
fi

api_start
sql_file "$BENCH_DIR/sql/setup.sql"
log "mode $MODE: ${DURATION}s per measurement after ${WARMUP}s warm-up, clients: $CLIENTS"
# The API's peak RSS per phase (lib/api.sh api_rss_mark): the report shows which phase sets the run's peak.
api_rss_mark "start-up and migrations"
warmup_phase; api_rss_mark "whole-API warm-up"
timeline_phase; api_rss_mark "timeline-page"
events_phase  # marks each feed size itself
seed_tenant; api_rss_mark "seed"
get_contact_phase; api_rss_mark "get-contact"
create_contact_phase; api_rss_mark "create-contact"
patch_link_phase; api_rss_mark "patch-link"
upsert_link_phase; api_rss_mark "upsert-link"
patch_typed_link_phase; api_rss_mark "patch-typed-link"
hostile_phase "$([ "$MODE" = full ] && echo 10 || echo 3)"; api_rss_mark "hostile"

# The peak since the last mark: the run's peak is the largest of the marks (py/report.py).
RSS_MIB="$(api_peak_rss_mib)"
api_stop
case "$MODE" in
  full) OUT="$BENCH_DIR/results/$DATE-$(date -u +%H%M).md" ;;
  *) OUT="$BENCH_DIR/results/$MODE-$DATE.md" ;;
esac
mkdir -p "$BENCH_DIR/results"
python3 "$BENCH_DIR/py/report.py" --results "$RESULTS" --out "$OUT" --mode "$MODE" --rss-mib "$RSS_MIB" \
  --startup-s "${API_STARTUP_S:-?}" \
  --duration "$DURATION" --warmup "$WARMUP" --commit "$COMMIT" --started "$STARTED" \
  --seed "$SEED_CONTACTS contacts, $SEED_COMPANIES companies, $SEED_LINKS links, $SEED_CLAIMS claims, $SEED_CLAIM_LINKS claim links, $SEED_TYPED_LINKS typed links" \
  --feed "events-page's feed (bulk-inserted with SQL): $(fmt_int "$EVENTS_SMALL"), then $(fmt_int "$EVENTS_LARGE") events" \
  --machine "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average before the run: $LOAD_BEFORE"
# The measurements themselves, beside the report: bench/py/report.py can write it again from them.
cp "$RESULTS" "${OUT%.md}.jsonl"
# The ladder per write scenario (pgbench, the raw floor, the EF floor, the API at each client count), drawn beside the
# report from the same measurements (bench/py/ladder.py), and shown at the report's end.
python3 "$BENCH_DIR/py/ladder.py" --results "$RESULTS" --out "${OUT%.md}-ladder.svg" \
  --title "Linkage bench, $MODE run of $STARTED ($COMMIT): requests/s per write scenario"
printf '\n![The ladder: pgbench, the floors and the API per write scenario](%s)\n' "$(basename "${OUT%.md}-ladder.svg")" >> "$OUT"
