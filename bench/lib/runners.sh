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
# Prepared statements, -j min(N,2); latency percentiles come from the per-transaction log (-l).
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
  if grep -q -E "aborted|error" "$dir/out.txt"; then cat "$dir/out.txt" >&2; die "pgbench $scenario: client errors"; fi
  python3 "$BENCH_DIR/py/pgbench_result.py" --dir "$dir" --scenario "$scenario" --clients "$clients" --phase "$phase" >>"$RESULTS"
  if [ "$phase" = measure ]; then
    log "  $scenario (pgbench) x$clients: $(tail -n 1 "$RESULTS" | python3 "$BENCH_DIR/py/summary.py")"
  fi
  record "{\"type\":\"cpu\",\"before\":$cpu_before,\"after\":$(cpu_ticks)}"
}

measure_pgbench() {
  local scenario=$1 clients=$2 script=$3
  shift 3
  if [ "$WARMUP" != 0 ]; then run_pgbench "$scenario" "$clients" "$WARMUP" warmup "$script" "$@"; fi
  run_pgbench "$scenario" "$clients" "$DURATION" measure "$script" "$@"
}

# CPU ticks used so far by the API and by PostgreSQL; a "cpu" line after a measurement belongs to it.
cpu_ticks() { python3 "$BENCH_DIR/py/cpu.py" "$API_PID" "$PG_DATA"; }

# Appends a JSON line (python dict literal as JSON) to the results.
record() { printf '%s\n' "$1" >>"$RESULTS"; }
