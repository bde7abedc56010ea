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

# run_pgbench <scenario> <clients> <seconds> <phase> <script> [-D NAME=VALUE... or other pgbench options]
# Prepared statements, -j min(N,2); latency percentiles come from the per-transaction log (-l). Phases
# "warmup" and "measure" append their result; any other ("half-1", "half-2", "at-rate", a round of pgrate.sh) only
# keeps its logs and CPU ticks in its directory (pgbench_dir) for pgbench_result to read.
run_pgbench() {
  local scenario=$1 clients=$2 seconds=$3 phase=$4 script=$5
  shift 5
  local jobs=$(( clients < 2 ? clients : 2 ))
  local dir; dir="$(pgbench_dir "$scenario" "$clients" "$phase")"
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

# pgbench_dir <scenario> <clients> <phase>: where one pgbench run keeps its output, logs and CPU ticks. A directory is
# never reused within a run: pgbench names its logs by its pid, so an old run's logs would be read as the new one's.
# PGBENCH_TWIN_OF (the API variant a run is the twin of: events-page's feed size) tells apart the runs of one scenario.
pgbench_dir() {
  local twin="${PGBENCH_TWIN_OF:-}"
  echo "$BENCH_TMP/pgbench/$1-$2-$3${twin:+-${twin// /_}}"
}

# pgbench_result <scenario> <clients> <phase> <dir or --option=value>...: one result line (and its CPU line) for these
# runs; --held-to=<rate> marks a run held to the API's rate, and PGBENCH_TWIN_OF is passed on as --twin-of.
pgbench_result() {
  local scenario=$1 clients=$2 phase=$3 arg args=()
  shift 3
  for arg in "$@"; do
    case "$arg" in --*) args+=("$arg") ;; *) args+=(--dir "$arg") ;; esac
  done
  [ -n "${PGBENCH_TWIN_OF:-}" ] && args+=(--twin-of "$PGBENCH_TWIN_OF")
  python3 "$BENCH_DIR/py/pgbench_result.py" --scenario "$scenario" --clients "$clients" --phase "$phase" "${args[@]}" >>"$RESULTS"
  if [ "$phase" = measure ]; then
    log "  $scenario ($(tail -n 2 "$RESULTS" | head -n 1 | python3 -c 'import json, sys; print(json.load(sys.stdin)["variant"])')) x$clients: $(tail -n 2 "$RESULTS" | head -n 1 | python3 "$BENCH_DIR/py/summary.py")"
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
    pgbench_result "$scenario" "$clients" measure "$(pgbench_dir "$scenario" "$clients" half-1)" \
      "$(pgbench_dir "$scenario" "$clients" half-2)"
  fi
}

# pgbench_at_rate <scenario> <clients> <seconds> <phase> <script> [-D NAME=VALUE...]: pgbench with the same SQL held
# to the API's own rate in its last measurement of this scenario at this client count (-R, issue 30): a flat-out
# pgbench commits several times as often as the API, and PostgreSQL's CPU per commit falls with the rate (fewer
# commits share each WAL flush and wake-up, bench/README.md "the rate, not the SQL"), so PostgreSQL's CPU per request
# is compared with this one. Its result line carries heldTo (the rate asked for) and variant "pgbench -R <rate>".
pgbench_at_rate() {
  local scenario=$1 clients=$2 seconds=$3 phase=$4 script=$5 rate
  shift 5
  rate="$(python3 "$BENCH_DIR/py/measured.py" --results "$RESULTS" --type api --scenario "$scenario" --clients "$clients" | cut -d' ' -f1)" \
    || die "no API measurement of $scenario x$clients to hold pgbench to"
  run_pgbench "$scenario" "$clients" "$seconds" "$phase" "$script" "$@" -R "$rate"
  pgbench_result "$scenario" "$clients" measure "$(pgbench_dir "$scenario" "$clients" "$phase")" --held-to="$rate"
}

# CPU ticks used so far by the API and by PostgreSQL; a "cpu" line after a measurement belongs to it.
cpu_ticks() { python3 "$BENCH_DIR/py/cpu.py" "$API_PID" "$PG_DATA"; }

# Appends a JSON line (python dict literal as JSON) to the results.
record() { printf '%s\n' "$1" >>"$RESULTS"; }
