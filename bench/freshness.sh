#!/usr/bin/env bash
# Stream freshness (issue 26, API.md 7.2): commit-to-arrival of an event on 1 and on 100 open streams of one replica,
# with the poll interval it runs with (Events:PollInterval, default 250 ms). One API (Release) on a durable throwaway
# PostgreSQL; a writer creates contacts one at a time, 250 ms apart; bench/py/freshness.py prints p50/p95 over every
# (stream, event) pair and fails unless every stream received every event.
#
#   bench/freshness.sh [--streams "1 100"] [--writes N]
#
# Run it under `flock /tmp/linkage-bench.lock` on a shared machine.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH_DIR")"
source "$BENCH_DIR/lib/all.sh"

STREAM_COUNTS="1 100" WRITES=40 CONFIGURATION=Release NO_BUILD=0
while [ $# -gt 0 ]; do
  case "$1" in
    --streams) STREAM_COUNTS="$2"; shift ;;
    --writes) WRITES="$2"; shift ;;
    -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
  shift
done

teardown() { api_stop; cluster_stop; }
bench_workspace freshness
ensure_tools
api_build
cluster_start
api_start
for streams in $STREAM_COUNTS; do
  log "freshness with $streams open stream(s), $WRITES events"
  python3 "$BENCH_DIR/py/freshness.py" --url "$API_URL" --key "$SIGNING_KEY" --streams "$streams" --writes "$WRITES"
done
log "load average $(cut -d' ' -f1-3 /proc/loadavg)"
