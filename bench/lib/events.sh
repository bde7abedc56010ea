# events-page: the change feed read by cursor through the API (API.md 7.1), with the tenant's feed at two sizes, and
# pgbench's twin (sql/events-page.pgbench, the reader's own statement) over the same feed (sourced by run.sh).
# Runs after the timeline, in a tenant of its own whose feed is bulk-inserted (sql/events-bulk.sql) and removed after.

EVENTS_TENANT=bench-events

# events_fill <events>: the tenant's feed grown to that many events (its head), then the table's statistics.
events_fill() {
  local have
  have="$(sql "SELECT coalesce((SELECT position FROM event_heads WHERE tenant_id = '$EVENTS_TENANT'), 0)")"
  [ "$1" -gt "$have" ] || die "the feed of $EVENTS_TENANT already holds $have events (more than $1)"
  log "events-page: appending $(fmt_int "$(($1 - have))") events (feed: $(fmt_int "$1"))"
  psql -X -q -v ON_ERROR_STOP=1 -v tenant="$EVENTS_TENANT" -v first="$((have + 1))" -v last="$1" \
    -f "$BENCH_DIR/sql/events-bulk.sql" || die "bulk insert of events"
  sql "VACUUM ANALYZE events"
}

# events_measure <events>: at each client count, pgbench's halves around the API's pages (wrk/events-page.lua), each
# page 100 events after a random cursor; the cursors are checked against the API first (py/cursors.py).
events_measure() {
  local size=$1 label n cursors="$BENCH_TMP/events-cursors.txt"
  label="$(fmt_int "$size") events"
  events_cursors "$size" "$cursors"
  for n in $CLIENTS; do
    PGBENCH_TWIN_OF="$label" pgbench_half 1 events-page "$n" events-page.pgbench -D maxpos="$size"
    measure_api events-page "$label" "$n" "$(wrk_threads "$n")" events-page.lua BENCH_CURSORS="$cursors"
    PGBENCH_TWIN_OF="$label" pgbench_half 2 events-page "$n" events-page.pgbench -D maxpos="$size"
  done
}

# events_cursors <events> <file>: 4 096 random cursors of full pages, after checking their encoding against the API.
events_cursors() {
  python3 "$BENCH_DIR/py/cursors.py" --size "$1" --out "$2" --url "$API_URL" --token "$TOKEN" \
    || die "reading the feed of $EVENTS_TENANT through the API"
}

events_phase() {
  log "events-page: the change feed by cursor through the API, between two halves of pgbench with the reader's SQL (bench/sql/events-page.pgbench)"
  local TENANT="$EVENTS_TENANT"  # run_pgbench's -D tenant, for this phase only
  TOKEN="$(mint_token "$EVENTS_TENANT")"
  events_fill "$EVENTS_SMALL"
  # The feed's read path is not in the whole-API warm-up (lib/warmup.sh, which must leave no rows behind before the
  # timeline): warm it here as long as one request kind is warmed there, so the first size does not measure the JIT.
  if [ "${WARMUP_API:-0}" -gt 0 ]; then
    events_cursors "$EVENTS_SMALL" "$BENCH_TMP/events-cursors.txt"
    run_wrk events-page warm-up 8 2 $((WARMUP_API / 6)) warmup events-page.lua BENCH_CURSORS="$BENCH_TMP/events-cursors.txt"
  fi
  events_measure "$EVENTS_SMALL"
  api_rss_mark "events-page, $(fmt_int "$EVENTS_SMALL") events"
  events_fill "$EVENTS_LARGE"
  events_measure "$EVENTS_LARGE"
  api_rss_mark "events-page, $(fmt_int "$EVENTS_LARGE") events"
  log "events-page: removing the bulk events"
  local table
  for table in events event_heads event_retention; do
    sql "DELETE FROM $table WHERE tenant_id = '$EVENTS_TENANT'" >/dev/null
  done
  sql "VACUUM ANALYZE events"
}
