# One wrk or pgbench measurement, each appending one JSON line to $RESULTS (sourced by run.sh).

# run_wrk <scenario> <variant> <clients> <threads> <seconds> <phase> <script> [NAME=VALUE for the script...]
# The Lua script's done() writes the line (requests, latency percentiles, counts per status class).
run_wrk() {
  local scenario=$1 variant=$2 clients=$3 threads=$4 seconds=$5 phase=$6 script=$7
  shift 7
  local before cpu_before; before=$(wc -l <"$RESULTS")
  cpu_before="$(cpu_ticks)"
  env BENCH_SCENARIO="$scenario" BENCH_VARIANT="$variant" BENCH_CLIENTS="$clients" BENCH_THREADS="$threads" BENCH_PHASE="$phase" \
    BENCH_RESULTS="$RESULTS" BENCH_TOKEN="$TOKEN" BENCH_LUA_DIR="$BENCH_DIR/wrk" "$@" \
    wrk -t "$threads" -c "$clients" -d "${seconds}s" --timeout 10s -s "$BENCH_DIR/wrk/$script" "$API_URL" \
    >"$BENCH_TMP/wrk.out" 2>&1 || { cat "$BENCH_TMP/wrk.out" >&2; die "wrk $scenario ($variant, $clients clients)"; }
  if [ "$(wc -l <"$RESULTS")" != $((before + 1)) ]; then
    cat "$BENCH_TMP/wrk.out" >&2; die "wrk $scenario: the script wrote no result (a Lua error?)"
  fi
  if [ "$phase" = measure ]; then
    log "  $scenario ($variant) x$clients: $(tail -n 1 "$RESULTS" | python3 "$BENCH_DIR/py/summary.py")"
  fi
  record "{\"type\":\"cpu\",\"before\":$cpu_before,\"after\":$(cpu_ticks)}"
}

# measure_api <scenario> <variant> <clients> <threads> <script> [NAME=VALUE...]: warm-up, then the measurement.
measure_api() {
  local scenario=$1 variant=$2 clients=$3 threads=$4 script=$5
  shift 5
  local warmup="$WARMUP"
  # The first measurement of the run also pays for the JIT's tiering of the shared request path: warm longer.
  if [ "${API_WARM:-0}" = 0 ]; then warmup=$((WARMUP * 3)); API_WARM=1; fi
  if [ "$warmup" != 0 ]; then run_wrk "$scenario" "$variant" "$clients" "$threads" "$warmup" warmup "$script" "$@"; fi
  run_wrk "$scenario" "$variant" "$clients" "$threads" "$DURATION" measure "$script" "$@"
}

# run_pgbench <scenario> <clients> <seconds> <phase> <script> [-D NAME=VALUE...]
# Prepared statements, -j min(N,2); latency percentiles come from the per-transaction log (-l). Phases
# "warmup" and "measure" append their result; a part of a measurement ("half-1", "half-2") only keeps its
# logs and CPU ticks in its directory for pgbench_half to combine.
run_pgbench() {
  local scenario=$1 clients=$2 seconds=$3 phase=$4 script=$5
  shift 5
  local jobs=$(( clients < 2 ? clients : 2 ))
  local dir="$BENCH_TMP/pgbench/$scenario-$clients-$phase"
  mkdir -p "$dir"
  local cpu_before; cpu_before="$(cpu_ticks)"
  pgbench -n -M prepared -c "$clients" -j "$jobs" -T "$seconds" -l --log-prefix="$dir/tx" \
    -D tenant="$TENANT" -D clients="$clients" "$@" -f "$BENCH_DIR/sql/$script" linkage \
    >"$dir/out.txt" 2>&1 || { cat "$dir/out.txt" >&2; die "pgbench $scenario ($clients clients)"; }
  printf '{"before":%s,"after":%s}\n' "$cpu_before" "$(cpu_ticks)" >"$dir/cpu.json"
  if grep -q -E "aborted|error" "$dir/out.txt"; then cat "$dir/out.txt" >&2; die "pgbench $scenario: client errors"; fi
  case "$phase" in
    warmup|measure) pgbench_result "$scenario" "$clients" "$phase" "$dir" ;;
  esac
}

# pgbench_result <scenario> <clients> <phase> <dir>...: one result line (and its CPU line) for these runs.
pgbench_result() {
  local scenario=$1 clients=$2 phase=$3
  shift 3
  python3 "$BENCH_DIR/py/pgbench_result.py" --scenario "$scenario" --clients "$clients" --phase "$phase" \
    $(printf -- '--dir %s ' "$@") >>"$RESULTS"
  if [ "$phase" = measure ]; then
    log "  $scenario (pgbench) x$clients: $(tail -n 2 "$RESULTS" | head -n 1 | python3 "$BENCH_DIR/py/summary.py")"
  fi
}

# pgbench_half <1|2> <scenario> <clients> <script> [-D NAME=VALUE...]
# pgbench's measurement is taken in two halves, one just before the API's and one just after (half 1 after
# pgbench's warm-up, half 2 appends the result of both): on a shared machine the speed of the disk and of
# the CPU drifts over minutes, and a ratio of two measurements taken one after the other carries that drift.
pgbench_half() {
  local half=$1 scenario=$2 clients=$3 script=$4
  shift 4
  if [ "$half" = 1 ] && [ "$WARMUP" != 0 ]; then run_pgbench "$scenario" "$clients" "$WARMUP" warmup "$script" "$@"; fi
  run_pgbench "$scenario" "$clients" "$(( (DURATION + 1) / 2 ))" "half-$half" "$script" "$@"
  if [ "$half" = 2 ]; then
    local dir="$BENCH_TMP/pgbench/$scenario-$clients"
    pgbench_result "$scenario" "$clients" measure "$dir-half-1" "$dir-half-2"
  fi
}

# CPU ticks used so far by the API and by PostgreSQL; a "cpu" line after a measurement belongs to it.
cpu_ticks() { python3 "$BENCH_DIR/py/cpu.py" "$API_PID" "$PG_DATA"; }

# Appends a JSON line (python dict literal as JSON) to the results.
record() { printf '%s\n' "$1" >>"$RESULTS"; }
