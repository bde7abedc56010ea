# timeline-page: one contact's actions page at depth 0 and deep, with the table at two sizes (sourced by run.sh).
# Runs first, in its own tenant, so the table holds exactly the sizes named; the bulk rows are removed after.

# timeline_fill <table total> <per mille on the measured contact>
timeline_fill() {
  local have add
  have="$(sql "SELECT count(*) FROM timeline_actions")"
  add=$(($1 - have))
  [ "$add" -gt 0 ] || die "timeline_actions already holds $have rows (more than $1)"
  log "timeline-page: inserting $(fmt_int "$add") actions (table: $(fmt_int "$1"))"
  psql -X -q -v ON_ERROR_STOP=1 -v tenant="$TIMELINE_TENANT" -v subject="$TIMELINE_CONTACT" -v count="$add" -v mine="$2" \
    -f "$BENCH_DIR/sql/timeline-bulk.sql" || die "bulk insert of timeline actions"
  sql "VACUUM ANALYZE timeline_actions"
}

timeline_measure() {
  local label n cursor path
  label="$(fmt_int "$(sql "SELECT count(*) FROM timeline_actions")") actions"
  cursor="$(python3 "$BENCH_DIR/py/timeline.py" --url "$API_URL" --token "$TOKEN" --contact "$TIMELINE_CONTACT" --depth "$TIMELINE_DEPTH")" \
    || die "walking the timeline to depth $TIMELINE_DEPTH"
  path="/api/v1/network/contacts/$TIMELINE_CONTACT/actions?limit=50"
  for n in $CLIENTS; do
    measure_api timeline-page "$label, depth 0" "$n" "$(wrk_threads "$n")" timeline-page.lua BENCH_PATH="$path"
    measure_api timeline-page "$label, depth $(fmt_int "$TIMELINE_DEPTH")" "$n" "$(wrk_threads "$n")" timeline-page.lua \
      BENCH_PATH="$path&cursor=$cursor"
  done
}

timeline_phase() {
  local dir="$BENCH_TMP/timeline"
  mkdir -p "$dir"
  python3 "$BENCH_DIR/py/seed.py" --url "$API_URL" --key "$SIGNING_KEY" --tenant "$TIMELINE_TENANT" \
    --contacts 10 --companies 2 --links 0 --out "$dir" >/dev/null || die "seeding $TIMELINE_TENANT"
  TIMELINE_CONTACT="$(head -n 1 "$dir/contacts.txt" | cut -d' ' -f1)"
  TOKEN="$(mint_token "$TIMELINE_TENANT")"
  timeline_fill "$TIMELINE_SMALL" 600
  timeline_measure
  timeline_fill "$TIMELINE_LARGE" 10
  timeline_measure
  log "timeline-page: removing the bulk actions"
  sql "DELETE FROM timeline_actions WHERE actor_id = 'bench-bulk'" >/dev/null && sql "VACUUM ANALYZE timeline_actions"
}
