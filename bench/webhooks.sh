#!/usr/bin/env bash
# Webhook delivery (issue 27, API.md 8, ADR 0030): one API (Release) on a durable throwaway PostgreSQL and the verifying
# receiver (deploy/receiver, NuGet StandardWebhooks), both on 127.0.0.1, after the API's warm-up:
#  1. latency: commit to first attempt, an endpoint of contact.created, WRITES contacts 50 ms apart (p50, p95, max);
#  2. throughput: deliveries per second to the receiver, a backlog of BACKLOG events made due at once;
#  3. the write path's cost with 0 and with 3 endpoints subscribed (every type, all pointing at the receiver): one
#     scenario at 8 clients in alternating rounds (A B B A ...), as bench/ab.sh, A with no endpoint, B with 3 endpoints
#     created just before the round and deleted after it; the API's and PostgreSQL's CPU per request include the
#     delivery work the round caused in the same process.
#
#   bench/webhooks.sh [--writes N] [--backlog N] [--rounds N] [--seconds S] [--scenario patch-link|create-contact]
#
# Writes bench/results/webhooks-<date>.md and prints it. Run it under `flock /tmp/linkage-bench.lock`.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
source "$BENCH_DIR/lib/all.sh"

WRITES=200 BACKLOG=3000 ROUNDS=6 ROUND_SECONDS=10 CLIENTS_AB=8 SCENARIO=patch-link CONFIGURATION=Release WARMUP_API=40
while [ $# -gt 0 ]; do
  case "$1" in
    --writes) WRITES="$2"; shift ;;
    --backlog) BACKLOG="$2"; shift ;;
    --rounds) ROUNDS="$2"; shift ;;
    --seconds) ROUND_SECONDS="$2"; shift ;;
    --scenario) SCENARIO="$2"; shift ;;
    -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done

quick_seed_sizes
TENANT=bench WARMUP=0 NO_BUILD=0
RECEIVER_PID=""
teardown() { [ -z "$RECEIVER_PID" ] || stop_pid "$RECEIVER_PID" "the receiver"; api_stop; cluster_stop; }
bench_workspace webhooks
ensure_tools
api_build
dotnet build "$ROOT/deploy/receiver/Linkage.WebhookReceiver.csproj" -c "$CONFIGURATION" -nologo -v quiet >"$BENCH_TMP/receiver-build.log" 2>&1 \
  || { tail -30 "$BENCH_TMP/receiver-build.log" >&2; die "dotnet build deploy/receiver"; }
cp -r "$ROOT/deploy/receiver/bin/$CONFIGURATION/net10.0" "$BENCH_TMP/receiver"
cluster_start
# The receiver is http on 127.0.0.1: allowed here only (API.md 8 refuses both in production).
api_start Webhooks__AllowPrivateTargets=true Webhooks__AllowInsecureUrls=true

RECEIVER_URL="http://127.0.0.1:$(free_port)"
ASPNETCORE_URLS="$RECEIVER_URL" dotnet "$BENCH_TMP/receiver/Linkage.WebhookReceiver.dll" >"$BENCH_TMP/receiver.log" 2>&1 &
RECEIVER_PID=$!
for _ in $(seq 1 60); do curl -sf -o /dev/null "$RECEIVER_URL/stats" && break; sleep 0.5; done
curl -sf -o /dev/null "$RECEIVER_URL/stats" || die "the receiver did not start (log: $BENCH_TMP/receiver.log)"
log "receiver on $RECEIVER_URL"
hooks() { python3 "$BENCH_DIR/py/webhooks.py" "$@" --url "$API_URL" --key "$SIGNING_KEY" --receiver "$RECEIVER_URL"; }

sql_file "$BENCH_DIR/sql/setup.sql"
warmup_phase
log "latency: $WRITES contacts 50 ms apart, one endpoint"
LATENCY="$(hooks latency --writes "$WRITES" --pause 0.05)" || die "latency: $LATENCY"
log "  $LATENCY"
log "throughput: a backlog of $BACKLOG events made due at once"
THROUGHPUT="$(hooks throughput --writes "$BACKLOG")" || die "throughput: $THROUGHPUT"
log "  $THROUGHPUT"

seed_tenant
scenario_tables "$SCENARIO"
DELIVERED="$BENCH_TMP/delivered.jsonl"
: >"$DELIVERED"
one_round() {
  if [ "$1" = B ]; then
    curl -sf -X POST -o /dev/null "$RECEIVER_URL/reset"
    hooks endpoints --count 3 --tenant "$TENANT" --state "$BENCH_TMP/endpoints.json" >/dev/null
  fi
  scenario_run "$SCENARIO" "$CLIENTS_AB" "$ROUND_SECONDS"
  if [ "$1" = B ]; then hooks drop --tenant "$TENANT" --state "$BENCH_TMP/endpoints.json" >>"$DELIVERED"; fi
}
# A warm-up round each, not counted, then A B B A A B ...
one_round A; one_round B
: >"$RESULTS"
: >"$DELIVERED"
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then order="A B"; else order="B A"; fi
  for build in $order; do
    printf '{"type":"ab","build":"%s","round":%s}\n' "$build" "$round" >>"$RESULTS"
    one_round "$build"
  done
done

LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"
OUT="$BENCH_DIR/results/webhooks-$(date -u +%Y-%m-%d).md"
{
  echo "# Webhook delivery ($(git -C "$ROOT" rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "One Release API and the verifying receiver (deploy/receiver) on 127.0.0.1, a durable throwaway PostgreSQL, on a"
  echo "shared 2-core machine (load average after the run: $LOAD; other engineers' builds and tests ran meanwhile)."
  echo
  python3 - "$LATENCY" "$THROUGHPUT" "$DELIVERED" "$RESULTS" <<'PY'
import json, sys
lat, thr = json.loads(sys.argv[1]), json.loads(sys.argv[2])
# Each B round's writes (its wrk result follows its marker): each event was due at 3 endpoints.
writes, build = [], None
for line in open(sys.argv[4]):
    item = json.loads(line) if line.strip() else {}
    if item.get("type") == "ab":
        build = item["build"]
    elif item.get("type") == "api" and build == "B":
        writes.append(item["requests"])
        build = None
print(f"- **Commit to first attempt** ({lat['writes']} contacts {int(lat['pause_s'] * 1000)} ms apart, one endpoint; from the event's"
      f" `occurredUtc` to its first verified arrival): p50 {lat['p50_ms']:.0f} ms, p95 {lat['p95_ms']:.0f} ms, max {lat['max_ms']:.0f} ms"
      f" ({lat['arrived']} of {lat['writes']} arrived, {lat['rejected']} rejected, {lat['duplicates']} duplicates).")
print(f"- **Deliveries per second** (a backlog of {thr['deliveries']} events made due at once by enabling the endpoint):"
      f" {thr['per_second']:.0f}/s between the first and the last arrival, {thr['per_second_from_enable']:.0f}/s from the"
      f" enabling PATCH ({thr['seconds']} s; {thr['rejected']} rejected, {thr['duplicates']} duplicates).")
rounds = [json.loads(l) for l in open(sys.argv[3]) if l.strip()]
accepted = [r["receiver"]["accepted"] for r in rounds]
print(f"- **Deliveries during the B rounds** (3 endpoints, accepted by the receiver from the round's start until the"
      f" endpoints were deleted after it), against the 3 x writes that became due: "
      + ", ".join(f"{a} of {3 * w}" for a, w in zip(accepted, writes)) + ". What was not delivered by then was given up"
      " with the endpoints: B's CPU per request holds the delivery work done within the round, not all of it.")
PY
  echo
  python3 "$BENCH_DIR/py/ab.py" --results "$RESULTS" --scenario "$SCENARIO" --clients "$CLIENTS_AB" \
    --a "no webhook endpoint" --b "3 endpoints subscribed to every event (deliveries made in the same process)" \
    --load "$LOAD" --rss "$(api_peak_rss_mib) MiB"
} >"$OUT"
log "wrote $OUT"
cat "$OUT"
